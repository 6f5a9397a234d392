// Panel data (ASEM_iData_p: 2018–2022, one row per unit and year) run per year like a COINr purse.
// Its 2018 rows are exactly ASEM_iData, so with per-year normalisation the 2018 results must equal
// COINr's example_coin outputs (to 1e-9 · max(1, |COINr|)). Global normalisation and panel
// imputation are checked against values recomputed directly from the data in this test.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { beforeAll, expect, it } from 'vitest';
import { compilePipeline, splitByTime, stagesOf, type RunState } from '../src/engine/pipeline/index.js';
import type { Framework, StageName } from '../src/engine/types.js';
import { readCoinrFiles } from '../src/io/coinr-tables.js';
import { describeShared, sharedData } from './shared-data.js';

type Spec = { steps: Record<string, unknown>[] };
const exampleSpec = (): Spec =>
  JSON.parse(readFileSync(sharedData('coinr-asem/example_pipeline.json'), 'utf8')) as Spec;

describeShared('coinr-asem', 'COINr parity on panel data (purse, one coin per year)', () => {
  let fw: Framework;
  let years: RunState[];
  beforeAll(async () => {
    const t = await readCoinrFiles(
      sharedData('coinr-asem/inputs/ASEM_iData_p.csv'),
      sharedData('coinr-asem/inputs/ASEM_iMeta.csv'),
    );
    expect(t.issues).toEqual([]);
    expect(t.isPanel).toBe(true);
    fw = t.framework as Framework;
    years = splitByTime(t.state as RunState);
  });

  it('splits into five years of 51 units', () => {
    expect(years.map((y) => y.units.time?.[0])).toEqual([2018, 2019, 2020, 2021, 2022]);
    expect(years.map((y) => y.data.uCodes.length)).toEqual([51, 51, 51, 51, 51]);
  });

  it('per-year normalisation: 2018 reproduces every COINr example data set', () => {
    const spec = exampleSpec();
    (spec.steps[4] as Record<string, unknown>).global = false;
    const run = compilePipeline(spec, fw).run(years);
    expect(run.times).toEqual([2018, 2019, 2020, 2021, 2022]);
    const stages = stagesOf(run, 0);
    for (const name of [
      'Denominated',
      'Imputed',
      'Screened',
      'Treated',
      'Normalised',
      'Aggregated',
    ] as StageName[]) {
      const [header, ...rows] = parse(
        readFileSync(sharedData(`coinr-asem/example_coin/${name}.csv`), 'utf8'),
      ) as string[][];
      const ds = stages[name];
      if (!ds || !header) throw new Error(`missing ${name}`);
      expect(ds.iCodes, name).toEqual(header.slice(1));
      expect(ds.uCodes, name).toEqual(rows.map((r) => r[0]));
      const bad: string[] = [];
      header.slice(1).forEach((code, k) =>
        rows.forEach((r, i) => {
          const a = ds.cols[k]?.[i] as number;
          const b = r[k + 1] === '' ? NaN : Number(r[k + 1]);
          const ok = Number.isNaN(b) ? Number.isNaN(a) : Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
          if (!ok) bad.push(`${name} ${r[0]}/${code}: ${a} vs ${b}`);
        }),
      );
      expect(bad).toEqual([]);
    }
    // Later years differ (the panel adds noise), so the years really were run separately.
    expect(stagesOf(run, 4).Aggregated?.cols.at(-1)?.[0]).not.toBe(stages.Aggregated?.cols.at(-1)?.[0]);
  });

  it('global normalisation: min-max over all years together', () => {
    const run = compilePipeline(exampleSpec(), fw).run(years);
    const code = 'LPI'; // direction +1
    const treated = run.steps[3]?.map((o) => o.state.data) ?? [];
    const all = treated.flatMap((d) => Array.from(d.cols[d.iCodes.indexOf(code)] ?? []));
    const present = all.filter((v) => !Number.isNaN(v));
    const lo = Math.min(...present);
    const hi = Math.max(...present);
    run.steps[4]?.forEach((o, t) => {
      const d = o.state.data;
      const tr = treated[t];
      if (!tr) throw new Error('no treated data');
      const got = d.cols[d.iCodes.indexOf(code)] as Float64Array;
      const x = tr.cols[tr.iCodes.indexOf(code)] as Float64Array;
      got.forEach((v, i) => expect(v).toBeCloseTo((((x[i] as number) - lo) / (hi - lo)) * 100, 10));
    });
    const normalised = (run.steps[4] ?? []).flatMap((o) => Array.from(o.state.data.cols[0] ?? []));
    expect(Math.min(...normalised.filter((v) => !Number.isNaN(v)))).toBe(0);
    expect(Math.max(...normalised.filter((v) => !Number.isNaN(v)))).toBe(100);
  });

  it('impute_panel "latest" fills a gap with the same unit’s latest earlier value', () => {
    const run = compilePipeline({ steps: [{ step: 'Impute', f_i: 'impute_panel' }] }, fw).run(years);
    let checked = 0;
    years.forEach((y, t) => {
      y.data.cols.forEach((col, j) => {
        col.forEach((v, i) => {
          if (!Number.isNaN(v)) return;
          const u = y.data.uCodes[i];
          let expected = NaN;
          for (let back = t - 1; back >= 0 && Number.isNaN(expected); back--) {
            const prev = years[back] as RunState;
            expected = prev.data.cols[j]?.[prev.data.uCodes.indexOf(u as string)] as number;
          }
          const got = run.steps[0]?.[t]?.state.data.cols[j]?.[i] as number;
          if (Number.isNaN(expected)) expect(got).toBeNaN();
          else expect(got).toBe(expected);
          checked++;
        });
      });
    });
    expect(checked).toBeGreaterThan(100);
  });
});
