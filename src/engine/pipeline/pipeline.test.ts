// The pipeline compiler end to end on a tiny index worked out by hand:
//   Index (level 3) = mean of P1 and P2; P1 = mean of A, B; P2 = C (B has direction −1).
import { describe, expect, it } from 'vitest';
import { registerAggregator } from '../aggregate/methods.js';
import { frameworkOf } from '../framework.js';
import type { MetaRow } from '../types.js';
import { compilePipeline, stagesOf } from './compile.js';
import { PipelineSpecError } from './errors.js';
import { splitByTime } from './panel.js';
import { computeResults, groupRanks } from './results.js';
import type { RunState } from './state.js';

const m = (
  iCode: string,
  level: number,
  parent: string | null,
  extra: MetaRow['extra'] = {},
  direction: 1 | -1 = 1,
  weight = 1,
): MetaRow => ({
  iCode,
  iName: iCode,
  level,
  parent,
  direction,
  weight,
  type: level === 1 ? 'Indicator' : 'Aggregate',
  extra,
});
const fw = frameworkOf([
  m('A', 1, 'P1'),
  m('B', 1, 'P1', { goalpost_lower: 0, goalpost_upper: 10, goalpost_scale: 1 }, -1),
  m('C', 1, 'P2', {}, 1, 2),
  m('P1', 2, 'Index'),
  m('P2', 2, 'Index'),
  m('Index', 3, null),
]);
const input = (time?: number[]): RunState => {
  const uCodes = ['U1', 'U2', 'U3'];
  return {
    data: {
      uCodes,
      iCodes: ['A', 'B', 'C'],
      cols: [Float64Array.from([0, 5, 10]), Float64Array.from([10, 0, 5]), Float64Array.from([1, 3, NaN])],
    },
    units: {
      uCodes,
      uNames: uCodes,
      groups: { g: ['x', 'y', 'x'] },
      denominators: { uCodes, iCodes: [], cols: [] },
      ...(time ? { time: Float64Array.from(time) } : {}),
    },
  };
};
const spec = (extra: object = {}) => ({ steps: [{ step: 'Normalise' }, { step: 'Aggregate', ...extra }] });

describe('compilePipeline + run', () => {
  it('normalises with directions and aggregates level by level', () => {
    const run = compilePipeline(spec(), fw).run(input());
    const agg = stagesOf(run).Aggregated;
    expect(agg?.iCodes).toEqual(['A', 'B', 'C', 'P1', 'P2', 'Index']);
    // A → 0, 50, 100; B (−1) → 0, 100, 50; C → 0, 100, NA
    const col = (c: string) => Array.from(agg?.cols[agg.iCodes.indexOf(c)] ?? []);
    expect(col('P1')).toEqual([0, 75, 75]);
    expect(col('P2')).toEqual([0, 100, NaN]);
    expect(col('Index')).toEqual([0, 87.5, 75]);
  });
  it('per-level methods, weights and dat_thresh', () => {
    const run = compilePipeline(
      spec({ f_ag: ['a_amean', 'a_wmedian'], w: [{ A: 3 }, 'equal'], dat_thresh: [null, 1] }),
      fw,
    ).run(input());
    const agg = stagesOf(run).Aggregated;
    const col = (c: string) => Array.from(agg?.cols[agg.iCodes.indexOf(c)] ?? []);
    expect(col('P1')).toEqual([0, (3 * 50 + 100) / 4, (3 * 100 + 50) / 4]);
    expect(col('Index')).toEqual([0, (62.5 + 100) / 2, NaN]); // U3 has 1 of 2 children < dat_thresh 1
  });
  it('named weight sets and "none"', () => {
    const run = compilePipeline(spec({ w: 'expert' }), fw, {
      weightSets: { expert: { A: 0, B: 1, P1: 1, P2: 3 } },
    }).run(input());
    const agg = stagesOf(run).Aggregated;
    expect(Array.from(agg?.cols[agg.iCodes.indexOf('Index')] ?? [])).toEqual([0, (100 + 3 * 100) / 4, 50]);
    expect(() => compilePipeline(spec({ w: 'nope' }), fw)).toThrow(/weight set "nope"/);
    expect(() => compilePipeline(spec({ w: 'none' }), fw).run(input())).toThrow(/a_amean needs weights/);
  });
  it('iMeta normalisation parameters (goalposts, flipped for direction −1)', () => {
    const s = {
      steps: [{ step: 'Normalise', indiv_specs: { B: { f_n: 'n_goalposts', f_n_para: 'use_iMeta' } } }],
    };
    const run = compilePipeline(s, fw).run(input());
    // −B with posts [−10, 0]: (−B + 10)/10
    expect(Array.from(stagesOf(run).Normalised?.cols[1] ?? [])).toEqual([0, 1, 0.5]);
    const bad = {
      steps: [{ step: 'Normalise', indiv_specs: { A: { f_n: 'n_goalposts', f_n_para: 'use_iMeta' } } }],
    };
    expect(() => compilePipeline(bad, fw)).toThrow(/goalpost_lower, goalpost_upper, goalpost_scale/);
  });
  it('custom aggregators can be registered (the extension point for a_topsis)', () => {
    registerAggregator('a_test_max', {
      kind: 'row',
      params: ['bonus'],
      fn: (x, _w, p) =>
        Math.max(...Array.from(x).filter((v) => !Number.isNaN(v))) + ((p.bonus as number) ?? 0),
    });
    const run = compilePipeline(spec({ f_ag: 'a_test_max', f_ag_para: { bonus: 1 } }), fw).run(input());
    const agg = stagesOf(run).Aggregated;
    expect(Array.from(agg?.cols[agg.iCodes.indexOf('P1')] ?? [])).toEqual([1, 101, 101]);
    expect(() => compilePipeline(spec({ f_ag: 'a_test_max', f_ag_para: { p: 1 } }), fw)).toThrow(
      /f_ag_para\.p/,
    );
  });
});

describe('spec validation', () => {
  const issuesOf = (s: unknown) => {
    try {
      compilePipeline(s, fw);
    } catch (e) {
      if (e instanceof PipelineSpecError) return e.issues;
      throw e;
    }
    return [];
  };
  it('names the step and the argument of an unknown argument, with a JSON pointer', () => {
    const issues = issuesOf({
      steps: [{ step: 'Normalise' }, { step: 'Screen', unit_screen: 'byNA', dat_tresh: 0.5 }],
    });
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toBe('/steps/1/dat_tresh');
    expect(issues[0]?.message).toMatch(/step 2 \(Screen\): unknown argument "dat_tresh"/);
    const nested = issuesOf({ steps: [{ step: 'Treat', global_specs: { f1_para: { winmx: 3 } } }] });
    expect(nested[0]?.message).toMatch(/unknown argument "global_specs.f1_para.winmx"/);
  });
  it('reports wrong values, missing arguments, unknown steps and methods together', () => {
    const issues = issuesOf({
      steps: [
        { step: 'Screen', dat_thresh: 2 },
        { step: 'Shuffle' },
        { step: 'Normalise', global_specs: { f_n: 'n_magic' } },
        { step: 'Aggregate', f_ag: 'a_nope' },
      ],
    });
    const text = issues.map((i) => `${i.path} ${i.message}`).join('\n');
    expect(text).toMatch(/\/steps\/0 .*missing required argument "unit_screen"/);
    expect(text).toMatch(/\/steps\/0\/dat_thresh .*must be <= 1/);
    expect(text).toMatch(/\/steps\/1\/step .*must be one of Denominate/);
    expect(text).toMatch(/\/steps\/2\/global_specs\/f_n .*must be one of/);
    expect(issuesOf({ steps: [{ step: 'Aggregate', f_ag: 'a_nope' }] })[0]?.message).toMatch(
      /unknown aggregation method "a_nope"/,
    );
    expect(issuesOf({ steps: [{ step: 'Aggregate', f_ag: ['a_amean'] }] })[0]?.message).toMatch(
      /2 aggregation level/,
    );
  });
});

describe('re-running for sensitivity analysis', () => {
  it('withSpec recompiles changed steps only and run({from, previous}) reuses the rest', () => {
    const p = compilePipeline(
      { steps: [{ step: 'Impute' }, { step: 'Normalise' }, { step: 'Aggregate' }] },
      fw,
    );
    const first = p.run(input());
    const { pipeline: q, firstChanged } = p.withSpec({
      steps: [{ step: 'Impute' }, { step: 'Normalise' }, { step: 'Aggregate', w: 'equal' }],
    });
    expect(firstChanged).toBe(2);
    expect(q.steps[0]).toBe(p.steps[0]);
    const partial = q.run(input(), { from: firstChanged, previous: first });
    const full = q.run(input());
    expect(partial.steps[0]).toBe(first.steps[0]);
    expect(Array.from(stagesOf(partial).Aggregated?.cols[5] ?? [])).toEqual(
      Array.from(stagesOf(full).Aggregated?.cols[5] ?? []),
    );
    const r = p.withStep(1, {
      step: 'Normalise',
      global_specs: { f_n: 'n_minmax', f_n_para: { l_u: [1, 100] } },
    });
    expect(stagesOf(r.run(input())).Normalised?.cols[0]?.[0]).toBe(1);
    expect(() => q.run(input(), { from: 2 })).toThrow(/previous run/);
  });
  it('withValue sets one value by JSON Pointer, as sensitivity specs address their inputs', () => {
    const p = compilePipeline({ steps: [{ step: 'Normalise' }, { step: 'Aggregate' }] }, fw);
    const { pipeline, firstChanged } = p.withValue('/steps/0/global_specs', {
      f_n: 'n_minmax',
      f_n_para: { l_u: [1, 100] },
    });
    expect(firstChanged).toBe(0);
    expect(pipeline.spec.steps[0]).toEqual({
      step: 'Normalise',
      global_specs: { f_n: 'n_minmax', f_n_para: { l_u: [1, 100] } },
    });
    expect(p.spec.steps[0]).toEqual({ step: 'Normalise' }); // the original is untouched
    expect(pipeline.withValue('/steps/1/f_ag', 'a_gmean').pipeline.spec.steps[1]).toEqual({
      step: 'Aggregate',
      f_ag: 'a_gmean',
    });
    expect(() => p.withValue('/steps/1/f_ag', 'a_nope')).toThrow(/a_nope/);
    expect(() => p.withValue('/comment', 'x')).toThrow(/must point into a step/);
  });
});

describe('results and panels', () => {
  it('ranks: ties share the lowest rank, missing stays missing, rows sorted by the index', () => {
    const agg = stagesOf(compilePipeline(spec(), fw).run(input())).Aggregated;
    if (!agg) throw new Error('no aggregate');
    const tie = {
      ...agg,
      cols: agg.cols.map((c, j) => (agg.iCodes[j] === 'Index' ? Float64Array.from([75, 75, NaN]) : c)),
    };
    const res = computeResults(tie, fw);
    expect(res.codes).toEqual(['Index', 'P1', 'P2', 'A', 'B', 'C']);
    expect(res.uCodes).toEqual(['U1', 'U2', 'U3']);
    expect(Array.from(res.rank)).toEqual([1, 1, NaN]);
    const units = {
      uCodes: ['U1', 'U2', 'U3'],
      uNames: [],
      groups: { g: ['x', 'y', 'x'] },
      denominators: { uCodes: [], iCodes: [], cols: [] },
    };
    const g = groupRanks(res, units, 'g');
    expect(g.uCodes).toEqual(['U1', 'U3', 'U2']);
    expect(Array.from(g.ranks[1] ?? [])).toEqual([2, 1, 1]); // P1 within x: U3 (75) before U1 (0)
  });
  it('panel: each year alone, or normalised globally across years', () => {
    const both = input([2020, 2021, 2021]);
    const years = splitByTime(both);
    expect(years.map((y) => y.data.uCodes)).toEqual([['U1'], ['U2', 'U3']]);
    const local = compilePipeline({ steps: [{ step: 'Normalise', global: false }] }, fw).run(years);
    const global = compilePipeline({ steps: [{ step: 'Normalise' }] }, fw).run(years);
    // A = 0 | 5, 10: alone, the 2020 year has a zero range (NaN); globally 0 | 50, 100.
    expect(Array.from(local.steps[0]?.[0]?.state.data.cols[0] ?? [])).toEqual([NaN]);
    expect(Array.from(local.steps[0]?.[1]?.state.data.cols[0] ?? [])).toEqual([0, 100]);
    expect(Array.from(global.steps[0]?.[1]?.state.data.cols[0] ?? [])).toEqual([50, 100]);
    expect(global.times).toEqual([2020, 2021]);
  });
});
