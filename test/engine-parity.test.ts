// Parity with COINr 1.1.14: the example pipeline (build_example_coin) on the ASEM inputs must
// reproduce every data set and table COINr wrote to ../shared/data/coinr-asem/example_coin.
// Numbers agree to 1e-9, relative to the reference value when |value| > 1 and absolute below
// (|ours − COINr| ≤ 1e-9 · max(1, |COINr|)); a missing value must be missing on both sides.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { beforeAll, expect, it } from 'vitest';
import { readCoinrFiles } from '../src/io/coinr-tables.js';
import {
  compilePipeline,
  computeResults,
  detailsOf,
  groupRanks,
  stagesOf,
  type PipelineRun,
} from '../src/engine/pipeline/index.js';
import { roundR } from '../src/engine/pipeline/numeric.js';
import type { Dataset, Framework, StageName, UnitInfo } from '../src/engine/types.js';
import { describeShared, sharedData } from './shared-data.js';

const TOL = 1e-9;
const ref = (name: string): { header: string[]; rows: string[][] } => {
  const [header, ...rows] = parse(
    readFileSync(sharedData(`coinr-asem/example_coin/${name}.csv`), 'utf8'),
  ) as string[][];
  return { header: header ?? [], rows };
};
const num = (s: string): number => (s === '' || s === 'NA' ? NaN : Number(s));

/** Collects every mismatch so a failure shows all of them, not just the first. */
const closeTo = (a: number, b: number): boolean =>
  Number.isNaN(a) || Number.isNaN(b)
    ? Number.isNaN(a) && Number.isNaN(b)
    : Math.abs(a - b) <= TOL * Math.max(1, Math.abs(b));

const compareDataset = (name: string, ds: Dataset): string[] => {
  const { header, rows } = ref(name);
  const bad: string[] = [];
  expect(ds.iCodes, `${name}: columns and their order`).toEqual(header.slice(1));
  expect(ds.uCodes, `${name}: rows and their order`).toEqual(rows.map((r) => r[0]));
  header.slice(1).forEach((code, k) => {
    const col = ds.cols[ds.iCodes.indexOf(code)] as Float64Array;
    rows.forEach((r, i) => {
      const b = num(r[k + 1] ?? '');
      if (!closeTo(col[i] as number, b)) bad.push(`${name} ${r[0]}/${code}: ours ${col[i]} COINr ${b}`);
    });
  });
  return bad;
};

describeShared('coinr-asem', 'COINr 1.1.14 parity: ASEM example pipeline', () => {
  let run: PipelineRun;
  let fw: Framework;
  let units: UnitInfo;
  beforeAll(async () => {
    const tables = await readCoinrFiles(
      sharedData('coinr-asem/inputs/ASEM_iData.csv'),
      sharedData('coinr-asem/inputs/ASEM_iMeta.csv'),
    );
    expect(tables.issues).toEqual([]);
    fw = tables.framework as Framework;
    const spec: unknown = JSON.parse(readFileSync(sharedData('coinr-asem/example_pipeline.json'), 'utf8'));
    run = compilePipeline(spec, fw).run(tables.state as NonNullable<typeof tables.state>);
    units = detailsOf(run).units;
  });

  for (const name of [
    'Raw',
    'Denominated',
    'Imputed',
    'Screened',
    'Treated',
    'Normalised',
    'Aggregated',
  ] as StageName[]) {
    it(`${name} matches cell by cell`, () => {
      const ds = stagesOf(run)[name];
      expect(ds, `stage ${name} produced`).toBeDefined();
      expect(compareDataset(name, ds as Dataset)).toEqual([]);
    });
  }

  it('Screened_DataSummary and Screened_RemovedUnits match', () => {
    const s = detailsOf(run).screen;
    if (!s) throw new Error('no screen details');
    const { header, rows } = ref('Screened_DataSummary');
    expect(header).toEqual([
      'uCode',
      'N_missing',
      'N_zero',
      'N_miss_or_zero',
      'Dat_Avail',
      'Non_Zero',
      'LowData',
      'LowNonZero',
      'LowDatOrZeroFlag',
      'Included',
    ]);
    expect(s.uCodes).toEqual(rows.map((r) => r[0]));
    const bool = (v: number) => (v ? 'TRUE' : 'FALSE');
    const bad: string[] = [];
    rows.forEach((r, i) => {
      const ours = [s.nMissing[i], s.nZero[i], s.nMissOrZero[i], s.datAvail[i], s.nonZero[i]] as number[];
      // COINr wrote this table with 15 significant digits.
      ours.forEach((v, k) => {
        if (Math.abs(v - num(r[k + 1] ?? '')) > 1e-14)
          bad.push(`${r[0]}/${header[k + 1]}: ${v} vs ${r[k + 1]}`);
      });
      const flags = [
        bool(s.lowData[i] as number),
        bool(s.lowNonZero[i] as number),
        bool(s.lowDatOrZero[i] as number),
        bool(s.included[i] as number),
      ];
      expect(flags, `${r[0]} flags`).toEqual(r.slice(6));
    });
    expect(bad).toEqual([]);
    const removed = ref('Screened_RemovedUnits');
    expect(removed.header).toEqual(['RemovedUnits']);
    expect(s.removedUnits).toEqual(removed.rows.map((r) => r[0]));
  });

  it('Treated_Dets_Table matches (checks before/after, points winsorised)', () => {
    const t = detailsOf(run).treat;
    if (!t) throw new Error('no treat details');
    const { header, rows } = ref('Treated_Dets_Table');
    expect(header).toEqual([
      'iCode',
      'check_SkewKurt0.Pass',
      'check_SkewKurt0.Skew',
      'check_SkewKurt0.Kurt',
      'winsorise.nwin',
      'check_SkewKurt1.Pass',
      'check_SkewKurt1.Skew',
      'check_SkewKurt1.Kurt',
    ]);
    expect(t.indicators.map((d) => d.iCode)).toEqual(rows.map((r) => r[0]));
    const bad: string[] = [];
    rows.forEach((r, k) => {
      const d = t.indicators[k];
      if (!d) return;
      const tf = (v: boolean | null | undefined) =>
        v === undefined ? '' : v === null ? 'NA' : v ? 'TRUE' : 'FALSE';
      if (tf(d.check0?.pass) !== r[1]) bad.push(`${r[0]} pass0`);
      if (!closeTo(d.check0?.skew ?? NaN, num(r[2] ?? '')))
        bad.push(`${r[0]} skew0 ${d.check0?.skew} vs ${r[2]}`);
      if (!closeTo(d.check0?.kurt ?? NaN, num(r[3] ?? ''))) bad.push(`${r[0]} kurt0`);
      if (String(d.nwin ?? '') !== r[4]) bad.push(`${r[0]} nwin ${d.nwin} vs ${r[4]}`);
      if (tf(d.check1?.pass) !== r[5]) bad.push(`${r[0]} pass1 ${d.check1?.pass} vs ${r[5]}`);
      if (!closeTo(d.check1?.skew ?? NaN, num(r[6] ?? '')))
        bad.push(`${r[0]} skew1 ${d.check1?.skew} vs ${r[6]}`);
      if (!closeTo(d.check1?.kurt ?? NaN, num(r[7] ?? ''))) bad.push(`${r[0]} kurt1`);
    });
    expect(bad).toEqual([]);
    // No indicator needed the log fallback in this example, so no check_SkewKurt2 columns.
    expect(t.indicators.some((d) => d.f2 !== undefined)).toBe(false);
  });

  it('Treated_Points matches (which units were winsorised, high or low)', () => {
    const t = detailsOf(run).treat;
    if (!t) throw new Error('no treat details');
    const { header, rows } = ref('Treated_Points');
    expect(t.points.map((p) => p.iCode)).toEqual(header);
    header.forEach((code, k) => {
      const labels = t.points[k]?.labels;
      expect(labels, code).toEqual(rows.map((r) => r[k]));
    });
    expect(rows.flat().filter((v) => v !== '').length).toBeGreaterThan(0);
  });

  it('results_full_scores: rows sorted by the index, Rank column, columns in COINr order', () => {
    const res = computeResults(stagesOf(run).Aggregated as Dataset, fw);
    const { header, rows } = ref('results_full_scores');
    expect(['uCode', 'Rank', ...res.codes]).toEqual(header);
    expect(res.uCodes).toEqual(rows.map((r) => r[0]));
    expect(Array.from(res.rank)).toEqual(rows.map((r) => num(r[1] ?? '')));
    const bad: string[] = [];
    res.codes.forEach((code, j) => {
      rows.forEach((r, i) => {
        if (!closeTo(res.scores[j]?.[i] as number, num(r[j + 2] ?? ''))) bad.push(`${r[0]}/${code}`);
      });
    });
    expect(bad).toEqual([]);
  });

  it('results_full_ranks: ranks at every level, ties share the lowest rank', () => {
    const res = computeResults(stagesOf(run).Aggregated as Dataset, fw);
    const { header, rows } = ref('results_full_ranks');
    expect(['uCode', ...res.codes]).toEqual(header);
    expect(res.uCodes).toEqual(rows.map((r) => r[0]));
    res.codes.forEach((code, j) => {
      expect(Array.from(res.ranks[j] as Float64Array), code).toEqual(rows.map((r) => num(r[j + 1] ?? '')));
    });
  });

  it('results_full_groupranks_GDPpc_group: ranks within groups, rows grouped', () => {
    const res = computeResults(stagesOf(run).Aggregated as Dataset, fw);
    const g = groupRanks(res, units, 'GDPpc_group');
    const { header, rows } = ref('results_full_groupranks_GDPpc_group');
    expect(['uCode', 'GDPpc_group', ...g.codes]).toEqual(header);
    expect(g.uCodes).toEqual(rows.map((r) => r[0]));
    expect(g.labels).toEqual(rows.map((r) => r[1]));
    g.codes.forEach((code, j) => {
      expect(Array.from(g.ranks[j] as Float64Array), code).toEqual(rows.map((r) => num(r[j + 2] ?? '')));
    });
  });

  it('results_summ_rounded: index rounded to 2 decimals and its rank', () => {
    const res = computeResults(stagesOf(run).Aggregated as Dataset, fw);
    const { header, rows } = ref('results_summ_rounded');
    expect(header).toEqual(['uCode', 'Index', 'Rank']);
    const j = res.codes.indexOf('Index');
    expect(res.uCodes).toEqual(rows.map((r) => r[0]));
    rows.forEach((r, i) => {
      expect(roundR(res.scores[j]?.[i] as number, 2), `${r[0]} Index`).toBe(num(r[1] ?? ''));
      expect(res.rank[i], `${r[0]} Rank`).toBe(num(r[2] ?? ''));
    });
  });
});
