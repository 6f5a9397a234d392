// The index-run service on the COINr reference inputs: files written, numbers that read back
// exactly and agree with COINr, provenance hashes, and nothing written for bad input.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { expect, it } from 'vitest';
import { describeShared, sharedData } from '../../test/shared-data.js';
import { formatNumber, runIndexFiles } from './index-run.js';

const csv = (file: string) => parse(readFileSync(file, 'utf8')) as string[][];
const base = () => ({
  idata: sharedData('coinr-asem/inputs/ASEM_iData.csv'),
  imeta: sharedData('coinr-asem/inputs/ASEM_iMeta.csv'),
  pipeline: sharedData('coinr-asem/example_pipeline.json'),
  outDir: join(mkdtempSync(join(tmpdir(), 'index-run-')), 'out'),
  engineVersion: '9.9.9-test',
});

it('formatNumber writes 17 significant digits that read back exactly, "" for missing', () => {
  for (const v of [0.1 + 0.2, 1 / 3, 79.96111572033891, 1e-300, 123456789012345680000, -2.5, 100]) {
    expect(Number(formatNumber(v))).toBe(v);
  }
  expect(formatNumber(100)).toBe('100');
  expect(formatNumber(0.1 + 0.2)).toBe('0.30000000000000004');
  expect(formatNumber(NaN)).toBe('');
});

describeShared('coinr-asem', 'runIndexFiles on the ASEM example', () => {
  it('writes every stage, treatment, results and provenance', async () => {
    const o = base();
    const r = await runIndexFiles(o);
    expect(r.issues).toEqual([]);
    expect(r.ok).toBe(true);
    expect(readdirSync(o.outDir).sort()).toEqual(
      [
        'Aggregated.csv',
        'Denominated.csv',
        'Imputed.csv',
        'Normalised.csv',
        'Screened.csv',
        'Treated.csv',
        'provenance.json',
        'results.csv',
        'treatment.csv',
      ].sort(),
    );
    const ours = csv(join(o.outDir, 'Aggregated.csv'));
    const ref = csv(sharedData('coinr-asem/example_coin/Aggregated.csv'));
    expect(ours[0]).toEqual(ref[0]);
    ours.slice(1).forEach((row, i) =>
      row.slice(1).forEach((v, k) => {
        const b = Number(ref[i + 1]?.[k + 1]);
        expect(Math.abs(Number(v) - b), `${row[0]}/${ours[0]?.[k + 1]}`).toBeLessThanOrEqual(
          1e-9 * Math.max(1, Math.abs(b)),
        );
      }),
    );
    const treat = csv(join(o.outDir, 'treatment.csv'));
    const bord = treat.find((t) => t[0] === 'Bord');
    const h = treat[0] ?? [];
    expect(bord?.[h.indexOf('points_winsorised')]).toBe('3');
    expect(bord?.[h.indexOf('winsorised_units')]).toBe('BEL:high;LUX:high;SGP:high');
    expect(treat.find((t) => t[0] === 'FemLab')?.[h.indexOf('winsorised_units')]).toBe('PAK:low');
    const results = csv(join(o.outDir, 'results.csv'));
    expect(results[0]?.slice(0, 5)).toEqual(['uCode', 'Rank', 'Index', 'Index.rank', 'Conn']);
    expect(results[1]?.slice(0, 2)).toEqual(['CHE', '1']);
    const prov = JSON.parse(readFileSync(join(o.outDir, 'provenance.json'), 'utf8'));
    expect(prov.engine.version).toBe('9.9.9-test');
    expect(prov.inputs.idata.sha256).toBe(createHash('sha256').update(readFileSync(o.idata)).digest('hex'));
    expect(prov.pipeline.steps).toHaveLength(6);
    expect(prov.outputs['Aggregated.csv'].sha256).toBe(
      createHash('sha256')
        .update(readFileSync(join(o.outDir, 'Aggregated.csv')))
        .digest('hex'),
    );
  });

  it('runs panel data per year with a Time column in every table', async () => {
    const o = { ...base(), idata: sharedData('coinr-asem/inputs/ASEM_iData_p.csv') };
    const r = await runIndexFiles(o);
    expect(r.ok).toBe(true);
    expect(r.timePoints).toBe(5);
    const agg = csv(join(o.outDir, 'Aggregated.csv'));
    expect(agg[0]?.slice(0, 3)).toEqual(['uCode', 'Time', 'LPI']);
    expect(new Set(agg.slice(1).map((row) => row[1]))).toEqual(
      new Set(['2018', '2019', '2020', '2021', '2022']),
    );
  });

  it('returns issues and writes nothing for a bad spec or bad data', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'index-run-bad-'));
    const spec = join(dir, 'bad.json');
    writeFileSync(spec, JSON.stringify({ steps: [{ step: 'Screen', unit_screen: 'byNA', dat_tresh: 0.9 }] }));
    const o = { ...base(), pipeline: spec };
    const r = await runIndexFiles(o);
    expect(r.ok).toBe(false);
    expect(r.issues[0]).toMatchObject({ file: 'bad.json', path: '/steps/0/dat_tresh' });
    expect(existsSync(o.outDir)).toBe(false);
    const data = join(dir, 'iData.csv');
    writeFileSync(
      data,
      readFileSync(sharedData('coinr-asem/inputs/ASEM_iData.csv'), 'utf8').replace(
        '"4.0979850000000004"',
        '"four"',
      ),
    );
    const d = await runIndexFiles({ ...base(), idata: data });
    expect(d.issues).toEqual([
      expect.objectContaining({ file: 'iData.csv', row: 2, field: 'LPI', code: 'idata.value.invalid' }),
    ]);
    writeFileSync(spec, '{ "steps": [');
    const j = await runIndexFiles({ ...base(), pipeline: spec });
    expect(j.issues[0]).toMatchObject({ code: 'pipeline.json', file: 'bad.json' });
  });
});
