// Diagnostics on our own pipeline's output (not COINr's stage files) against COINr 1.1.14's tables:
// the whole chain iData → pipeline → diagnostics agrees with COINr, and remove_elements rebuilds the
// index through the real pipeline, as COINr's Regen does.
import { readFileSync } from 'node:fs';
import { beforeAll, expect, it } from 'vitest';
import { getCorr } from '../src/engine/diagnostics/corr-table.js';
import { getPCA } from '../src/engine/diagnostics/pca.js';
import { removeElements } from '../src/engine/diagnostics/remove-elements.js';
import { getStats } from '../src/engine/diagnostics/stats.js';
import { getStrWeak } from '../src/engine/diagnostics/str-weak.js';
import { getUnitSummary } from '../src/engine/diagnostics/unit-summary.js';
import {
  compilePipeline,
  stagesOf,
  type CompiledPipeline,
  type PipelineRun,
  type RunState,
} from '../src/engine/pipeline/index.js';
import type { Dataset, Framework } from '../src/engine/types.js';
import { effectiveWeights } from '../src/engine/weights/effective.js';
import { originalWeights, type WeightRow } from '../src/engine/weights/weight-set.js';
import { readCoinrFiles } from '../src/io/coinr-tables.js';
import { ASEM, expectClose, num, readRecords } from './engine-diagnostics-fixtures.js';
import { describeShared, sharedData } from './shared-data.js';

describeShared(ASEM, 'diagnostics on our pipeline agree with COINr (ASEM example)', () => {
  let fw: Framework;
  let pipeline: CompiledPipeline;
  let run: PipelineRun;
  let input: RunState;
  let stage: (name: 'Raw' | 'Treated' | 'Normalised' | 'Aggregated') => Dataset;
  let aggStep: number;

  beforeAll(async () => {
    const tables = await readCoinrFiles(
      sharedData(`${ASEM}/inputs/ASEM_iData.csv`),
      sharedData(`${ASEM}/inputs/ASEM_iMeta.csv`),
    );
    expect(tables.issues).toEqual([]);
    fw = tables.framework as Framework;
    input = tables.state as RunState;
    const spec = JSON.parse(readFileSync(sharedData(`${ASEM}/example_pipeline.json`), 'utf8')) as {
      steps: { step: string }[];
    };
    aggStep = spec.steps.findIndex((s) => s.step === 'Aggregate');
    pipeline = compilePipeline(spec, fw);
    run = pipeline.run(input);
    stage = (name) => {
      const ds = stagesOf(run)[name];
      if (!ds) throw new Error(`the pipeline did not produce ${name}`);
      return ds;
    };
  });

  it('get_stats on our Treated data matches stats_Treated.csv', () => {
    const expected = readRecords('example_coin/stats_Treated.csv');
    const actual = getStats(stage('Treated'));
    expect(actual.map((r) => r.iCode)).toEqual(expected.map((r) => r.iCode));
    expected.forEach((e, i) => {
      for (const field of ['Mean', 'Std', 'Skew', 'Kurt', 'N.Unique', 'Frc.Same'] as const) {
        expectClose(actual[i]?.[field] ?? Number.NaN, num(e[field]), `${e.iCode} ${field}`);
      }
      expect(actual[i]?.['Flag.SkewKurt']).toBe(e['Flag.SkewKurt']);
    });
  });

  it('correlations with parent pillars, PCA weights and effective weights match on our Aggregated data', () => {
    const rows = getCorr(fw, stage('Aggregated'), { levels: [1, 2], withparent: true, pval: 0 });
    const expected = readRecords('example_coin/corr_L1_L2_parent.csv');
    expect(rows.map((r) => `${r.var1}/${r.var2}`)).toEqual(expected.map((e) => `${e.Var1}/${e.Var2}`));
    expected.forEach((e, i) =>
      expectClose(rows[i]?.correlation ?? Number.NaN, num(e.Correlation), `${e.Var2}`),
    );

    const { weights, results } = getPCA(fw, stage('Aggregated'), { level: 2 });
    const pcaRef = new Map(
      readRecords('example_coin/PCA_weights_Aggregated_L2.csv').map((r) => [r.iCode, num(r.Weight)]),
    );
    for (const { pca } of results) {
      const first = pca.iCodes[0] as string;
      const sign =
        Math.sign(weights.find((w) => w.iCode === first)?.weight ?? 0) * Math.sign(pcaRef.get(first) ?? 0);
      for (const c of pca.iCodes)
        expectClose(sign * (weights.find((w) => w.iCode === c)?.weight ?? 0), pcaRef.get(c) ?? 0, c);
    }

    const eff = new Map(effectiveWeights(fw).map((r) => [r.iCode, r.effWeight]));
    for (const e of readRecords('example_coin/EffWeights.csv'))
      expectClose(eff.get(e.iCode ?? '') ?? 0, num(e.EffWeight), e.iCode ?? '');
  });

  it('strengths and weaknesses of ESP (Raw) and the unit summary of IND match', () => {
    const sw = getStrWeak(fw, stage('Raw'), 'ESP', { adjustDirection: true });
    const codes = (rel: string) => readRecords(rel).map((e) => [e.Code, num(e.Rank), num(e.Value)]);
    expect(sw.strengths.map((r) => [r.code, r.rank, r.value])).toEqual(
      codes('example_coin/str_weak_ESP_strengths.csv'),
    );
    expect(sw.weaknesses.map((r) => [r.code, r.rank, r.value])).toEqual(
      codes('example_coin/str_weak_ESP_weaknesses.csv'),
    );
    const summary = getUnitSummary(fw, stage('Aggregated'), 'IND', [4, 3, 2]);
    expect(summary.map((r) => [r.code, r.score, r.rank])).toEqual(
      readRecords('example_coin/unit_summary_IND.csv').map((e) => [e.Code, num(e.Score), num(e.Rank)]),
    );
  });

  it('remove_elements at level 2, rebuilding through the pipeline, matches remove_elements_L2_MeanAbsDiff.csv', () => {
    const rerun = (w: WeightRow[]): Dataset => {
      const step = {
        step: 'Aggregate',
        f_ag: 'a_amean',
        w: Object.fromEntries(w.map((r) => [r.iCode, r.weight])),
      };
      const again = pipeline.withStep(aggStep, step).run(input, { from: aggStep, previous: run });
      const ds = stagesOf(again).Aggregated;
      if (!ds) throw new Error('no Aggregated data set');
      return ds;
    };
    const res = removeElements({
      weights: originalWeights(fw),
      level: 2,
      maxLevel: fw.maxLevel,
      nominal: stage('Aggregated'),
      iCode: 'Index',
      rerun,
    });
    const expected = readRecords('example_coin/remove_elements_L2_MeanAbsDiff.csv');
    expect(res.meanAbsDiff.map((r) => r.iCode)).toEqual(expected.map((e) => e.iCode));
    expected.forEach((e, k) =>
      expectClose(res.meanAbsDiff[k]?.meanAbsDiff ?? Number.NaN, num(e.MeanAbsDiff), e.iCode ?? ''),
    );
  });
});
