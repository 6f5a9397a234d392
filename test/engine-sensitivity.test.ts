// Uncertainty and sensitivity analysis on COINr's ASEM example with the uncertain inputs of COINr's
// sensitivity vignette (../shared/data/coinr-asem/example_sensitivity.json). Our random numbers are
// not R's, so the checks are COINr's method and statistics, not its numbers: nominal ranks equal the
// parity results, rank intervals are ordered, indices are in range, and results are exactly
// repeatable for a seed whatever the number of threads.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  runSensitivitySync,
  SensitivitySpecError,
  type SensitivityResult,
} from '../src/engine/sensitivity/index.js';
import type { RunState } from '../src/engine/pipeline/index.js';
import type { Framework } from '../src/engine/types.js';
import { readCoinrFiles } from '../src/io/coinr-tables.js';
import { runSensitivity, runSensitivityFiles } from '../src/services/sensitivity/index.js';
import { describeShared, sharedData } from './shared-data.js';

type Spec = {
  type: string;
  N: number;
  seed: number;
  Nboot?: number;
  inputs: { name: string; address: string; type: string; distribution?: unknown[] }[];
} & Record<string, unknown>;

describeShared('coinr-asem', 'uncertainty and sensitivity analysis on the ASEM example', () => {
  let fw: Framework;
  let state: RunState;
  let pipelineSpec: unknown;
  let spec: Spec;
  let sa: SensitivityResult;
  const tmp = mkdtempSync(join(tmpdir(), 'makeratlas-sens-'));
  const input = (sensSpec: unknown) => ({ framework: fw, state, pipelineSpec, sensSpec });

  beforeAll(async () => {
    const t = await readCoinrFiles(
      sharedData('coinr-asem/inputs/ASEM_iData.csv'),
      sharedData('coinr-asem/inputs/ASEM_iMeta.csv'),
    );
    expect(t.issues).toEqual([]);
    fw = t.framework as Framework;
    state = t.state as RunState;
    pipelineSpec = JSON.parse(readFileSync(sharedData('coinr-asem/example_pipeline.json'), 'utf8'));
    spec = JSON.parse(readFileSync(sharedData('coinr-asem/example_sensitivity.json'), 'utf8')) as Spec;
    sa = runSensitivitySync(input(spec));
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('nominal ranks equal the COINr parity results (results_full_ranks, Index)', () => {
    const [header, ...rows] = parse(
      readFileSync(sharedData('coinr-asem/example_coin/results_full_ranks.csv'), 'utf8'),
    ) as string[][];
    const j = (header as string[]).indexOf('Index');
    const expected = new Map(rows.map((r) => [r[0], Number(r[j])]));
    expect(sa.rankStats).toHaveLength(expected.size);
    for (const s of sa.rankStats) expect(s.Nominal, s.uCode).toBe(expected.get(s.uCode));
    // Rows sorted by uCode, as COINr's merge() leaves them.
    const codes = sa.rankStats.map((s) => s.uCode);
    expect(codes).toEqual([...codes].sort());
  });

  it('SA with the example spec: N·(d + 2) runs, ordered rank intervals, indices in range', () => {
    expect(sa.type).toBe('SA');
    expect(sa.runs).toBe(1000 * 6);
    expect(sa.failures).toBe(0);
    for (const s of sa.rankStats) {
      expect(s.Q5, s.uCode).toBeLessThanOrEqual(s.Median);
      expect(s.Median, s.uCode).toBeLessThanOrEqual(s.Q95);
      expect(s.Mean, s.uCode).toBeGreaterThanOrEqual(1);
      expect(s.Mean, s.uCode).toBeLessThanOrEqual(51);
    }
    // The inputs move ranks: some unit's interval is wider than a single rank.
    expect(sa.rankStats.some((s) => s.Q95 - s.Q5 >= 3)).toBe(true);
    expect(sa.variance).toBeGreaterThan(0);
    const idx = sa.indices ?? [];
    expect(idx.map((s) => s.Variable)).toEqual(['Winmax', 'Normalisation', 'Weights', 'Aggregation']);
    for (const s of idx) {
      for (const v of [s.Si, s.STi]) {
        expect(v, s.Variable).toBeGreaterThanOrEqual(-0.1);
        expect(v, s.Variable).toBeLessThanOrEqual(1.1);
      }
      expect(s.STi, s.Variable).toBeGreaterThanOrEqual(s.Si - 0.05);
      expect(s.Si_q5, s.Variable).toBeLessThanOrEqual(s.Si_q95);
      expect(s.STi_q5, s.Variable).toBeLessThanOrEqual(s.STi_q95);
    }
    // Every input matters here (none is a dummy), and interactions exist (Σ Si < 1).
    for (const s of idx) expect(s.STi, s.Variable).toBeGreaterThan(0.01);
    expect(idx.reduce((a, s) => a + s.Si, 0)).toBeLessThan(1);
  });

  it('UA: N runs; its rank statistics agree with the SA ones statistically', () => {
    const ua = runSensitivitySync(input({ ...spec, type: 'UA' }));
    expect(ua.runs).toBe(1000);
    expect(ua.indices).toBeUndefined();
    const bySa = new Map(sa.rankStats.map((s) => [s.uCode, s]));
    for (const s of ua.rankStats) {
      const o = bySa.get(s.uCode);
      expect(s.Nominal).toBe(o?.Nominal);
      // Two independent samples (N = 1000 and 2N = 2000) of the same rank distribution.
      expect(Math.abs(s.Mean - (o?.Mean ?? NaN)), s.uCode).toBeLessThan(1);
    }
  });

  it('COINr: an input whose alternatives are equal has Si = STi = 0', () => {
    const same = { f_n: 'n_minmax', f_n_para: { l_u: [1, 100] } };
    const r = runSensitivitySync(
      input({
        ...spec,
        N: 40,
        inputs: [
          spec.inputs[0],
          {
            name: 'Normalisation',
            address: '/steps/4/global_specs',
            type: 'discrete',
            distribution: [same, { ...same }],
          },
        ],
      }),
    );
    expect(r.indices?.[1]?.Si).toBe(0);
    expect(r.indices?.[1]?.STi).toBe(0);
    expect(r.indices?.[0]?.STi).toBeGreaterThan(0);
  });

  it('identical with 1 and 2 threads (workers only, and workers beside the caller), and across runs', async () => {
    const small = { ...spec, N: 120 };
    const sync = runSensitivitySync(input(small));
    const progress: number[] = [];
    const one = await runSensitivity({ meta: fw.meta, state, pipelineSpec, sensSpec: small, threads: 1 });
    const two = await runSensitivity({
      meta: fw.meta,
      state,
      pipelineSpec,
      sensSpec: small,
      threads: 2,
      useCallingThread: false,
      onProgress: (p) => progress.push(p.done),
    });
    const mixed = await runSensitivity({ meta: fw.meta, state, pipelineSpec, sensSpec: small, threads: 2 });
    expect(one).toEqual(sync);
    expect(two).toEqual(sync);
    expect(mixed).toEqual(sync);
    expect(progress.at(-1)).toBe(120 * 6);
    expect(progress.length).toBeGreaterThan(2);
    const other = await runSensitivity({
      meta: fw.meta,
      state,
      pipelineSpec,
      sensSpec: small,
      threads: 2,
      seed: 7,
    });
    expect(other.indices).not.toEqual(sync.indices);
    expect(other.rankStats).not.toEqual(sync.rankStats);
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    const run = runSensitivity({
      meta: fw.meta,
      state,
      pipelineSpec,
      sensSpec: spec,
      threads: 1,
      signal: controller.signal,
      onProgress: () => controller.abort(new Error('stop here')),
    });
    await expect(run).rejects.toThrow('stop here');
  });

  it('malformed specs fail before any run, naming the input and what was expected', () => {
    const issuesOf = (s: unknown) => {
      try {
        runSensitivitySync(input(s));
      } catch (e) {
        if (e instanceof SensitivitySpecError) return e.issues;
        throw e;
      }
      throw new Error('no error');
    };
    const withInput = (k: number, patch: object) => ({
      ...spec,
      inputs: spec.inputs.map((inp, i) => (i === k ? { ...inp, ...patch } : inp)),
    });
    const outOfRange = issuesOf(withInput(2, { address: '/steps/9/w' }));
    expect(outOfRange[0]).toMatchObject({ path: '/inputs/2/address', field: 'address' });
    expect(outOfRange[0]?.message).toMatch(/input 3 \("Weights"\).*\/steps\/9\/w/);
    const noArg = issuesOf(withInput(0, { address: '/steps/3/global_specs/f1_para/wimax' }));
    expect(noArg[0]).toMatchObject({ path: '/inputs/0/address', code: 'sensitivity.input.address' });
    expect(noArg[0]?.message).toMatch(/input 1 \("Winmax"\).*wimax/);
    const throughScalar = issuesOf(withInput(0, { address: '/steps/3/global_specs/f1_para/winmax/x' }));
    expect(throughScalar[0]?.message).toMatch(
      /goes through "\/steps\/3\/global_specs\/f1_para\/winmax", which holds 5/,
    );
    const notPointer = issuesOf(withInput(0, { address: 'steps/3/global_specs' }));
    expect(notPointer[0]?.message).toMatch(/JSON Pointer/);
    const empty = issuesOf(withInput(1, { distribution: [] }));
    expect(empty[0]).toMatchObject({ path: '/inputs/1/distribution', code: 'sensitivity.input.empty' });
    expect(empty[0]?.message).toMatch(/input 2 \("Normalisation"\).*empty/);
    const unknownType = issuesOf(withInput(3, { type: 'gaussian' }));
    expect(unknownType[0]).toMatchObject({ path: '/inputs/3/type', field: 'type' });
    expect(unknownType[0]?.message).toMatch(/input 4 \("Aggregation"\): unknown type "gaussian"/);
    const badAnalysis = issuesOf({ ...spec, type: 'MC' });
    expect(badAnalysis[0]?.message).toMatch(/unknown analysis type "MC"/);
    const badValue = issuesOf(withInput(3, { distribution: ['a_amean', 'a_nosuch'] }));
    expect(badValue[0]).toMatchObject({ path: '/inputs/3/distribution/1' });
    expect(badValue[0]?.message).toMatch(/alternative 2 \("a_nosuch"\).*unknown aggregation method/);
    const badTarget = issuesOf({ ...spec, target: { iCode: 'Nope' } });
    expect(badTarget[0]).toMatchObject({ path: '/target/iCode' });
    const badN = issuesOf({ ...spec, N: 2 });
    expect(badN[0]?.path).toBe('/N');
  });

  it('runSensitivityFiles writes rank_stats.csv, sensitivity_indices.csv and provenance.json', async () => {
    const specFile = join(tmp, 'spec.json');
    writeFileSync(specFile, JSON.stringify({ ...spec, N: 30 }));
    const out = join(tmp, 'out');
    const report = await runSensitivityFiles({
      idata: sharedData('coinr-asem/inputs/ASEM_iData.csv'),
      imeta: sharedData('coinr-asem/inputs/ASEM_iMeta.csv'),
      pipeline: sharedData('coinr-asem/example_pipeline.json'),
      spec: specFile,
      outDir: out,
      threads: 1,
      engineVersion: '0.1.0',
    });
    expect(report.issues).toEqual([]);
    expect(report.ok).toBe(true);
    expect(readdirSync(out).sort()).toEqual(['provenance.json', 'rank_stats.csv', 'sensitivity_indices.csv']);
    const [rsHeader, ...rs] = parse(readFileSync(join(out, 'rank_stats.csv'), 'utf8')) as string[][];
    expect(rsHeader).toEqual(['uCode', 'Nominal', 'Mean', 'Median', 'Q5', 'Q95']);
    expect(rs).toHaveLength(51);
    expect(rs.map((r) => Number(r[1]))).toEqual(report.result?.rankStats.map((s) => s.Nominal));
    const [siHeader, ...si] = parse(readFileSync(join(out, 'sensitivity_indices.csv'), 'utf8')) as string[][];
    expect(siHeader).toEqual(['Variable', 'Si', 'STi', 'Si_q5', 'Si_q95', 'STi_q5', 'STi_q95']);
    expect(si.map((r) => r[0])).toEqual(['Winmax', 'Normalisation', 'Weights', 'Aggregation']);
    expect(Number(si[0]?.[1])).toBe(report.result?.indices?.[0]?.Si);
    const prov = JSON.parse(readFileSync(join(out, 'provenance.json'), 'utf8')) as {
      analysis: { runs: number; seed: number };
      inputs: { spec: { file: string; sha256: string } };
    };
    expect(prov.analysis).toMatchObject({ runs: 180, seed: 2024 });
    expect(prov.inputs.spec.file).toBe('spec.json');
    expect(prov.inputs.spec.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('runSensitivityFiles writes nothing for a bad spec and names the file and pointer', async () => {
    const specFile = join(tmp, 'bad.json');
    writeFileSync(
      specFile,
      JSON.stringify({ ...spec, inputs: [{ ...spec.inputs[0], distribution: [] }, spec.inputs[1]] }),
    );
    const out = join(tmp, 'bad-out');
    const report = await runSensitivityFiles({
      idata: sharedData('coinr-asem/inputs/ASEM_iData.csv'),
      imeta: sharedData('coinr-asem/inputs/ASEM_iMeta.csv'),
      pipeline: sharedData('coinr-asem/example_pipeline.json'),
      spec: specFile,
      outDir: out,
    });
    expect(report.ok).toBe(false);
    expect(report.files).toEqual([]);
    expect(report.issues[0]).toMatchObject({ file: 'bad.json', path: '/inputs/0/distribution' });
    expect(() => readdirSync(out)).toThrow();
    writeFileSync(specFile, '{ "type": "SA", ');
    const broken = await runSensitivityFiles({
      idata: sharedData('coinr-asem/inputs/ASEM_iData.csv'),
      imeta: sharedData('coinr-asem/inputs/ASEM_iMeta.csv'),
      pipeline: sharedData('coinr-asem/example_pipeline.json'),
      spec: specFile,
      outDir: out,
    });
    expect(broken.issues[0]).toMatchObject({ file: 'bad.json', code: 'json.syntax' });
  });
});
