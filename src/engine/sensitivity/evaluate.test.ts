import { describe, expect, it } from 'vitest';
import { frameworkOf } from '../framework.js';
import { compilePipeline, setAtPointer, type RunState } from '../pipeline/index.js';
import { rankMin } from '../pipeline/numeric.js';
import { createRng } from '../random.js';
import type { MetaRow } from '../types.js';
import { runSensitivitySync } from './analyse.js';
import { createEvaluator } from './evaluate.js';
import { inputValue, planSensitivity } from './plan.js';
import { noisyWeights } from './noisy-weights.js';

// A small index: 12 units, 4 indicators in 2 pillars, one index; heavy-tailed columns so that
// winmax matters.
const row = (iCode: string, level: number, parent: string | null, weight = 1): MetaRow => ({
  iCode,
  iName: iCode,
  level,
  parent,
  direction: 1,
  weight,
  type: level === 1 ? 'Indicator' : 'Aggregate',
  extra: {},
});
const meta = [
  row('i1', 1, 'P1'),
  row('i2', 1, 'P1', 2),
  row('i3', 1, 'P2'),
  row('i4', 1, 'P2'),
  row('P1', 2, 'Index'),
  row('P2', 2, 'Index', 2),
  row('Index', 3, null),
];
const fw = frameworkOf(meta);
const rng = createRng(99);
const uCodes = Array.from({ length: 12 }, (_, i) => `U${String(i).padStart(2, '0')}`);
const state: RunState = {
  data: {
    uCodes,
    iCodes: ['i1', 'i2', 'i3', 'i4'],
    cols: [0, 1, 2, 3].map((j) =>
      Float64Array.from(uCodes, () => 1 + (j % 2 ? Math.exp(2 * rng.nextNormal()) : 10 * rng.next())),
    ),
  },
  units: { uCodes, uNames: uCodes, groups: {}, denominators: { uCodes, iCodes: [], cols: [] } },
};
const pipelineSpec = {
  steps: [
    { step: 'Treat', global_specs: { f1_para: { winmax: 3 } } },
    { step: 'Normalise', global_specs: { f_n: 'n_minmax', f_n_para: { l_u: [0, 100] } } },
    { step: 'Aggregate', f_ag: 'a_amean' },
  ],
};
const sensSpec = (type: 'UA' | 'SA', N: number, extra: object = {}) => ({
  type,
  N,
  seed: 5,
  Nboot: 20,
  target: { iCode: 'Index' },
  inputs: [
    {
      name: 'Winmax',
      address: '/steps/0/global_specs/f1_para/winmax',
      type: 'discrete',
      distribution: [0, 1, 2, 3],
    },
    {
      name: 'Normalisation',
      address: '/steps/1/global_specs',
      type: 'discrete',
      distribution: [
        { f_n: 'n_minmax', f_n_para: { l_u: [1, 100] } },
        { f_n: 'n_zscore', f_n_para: { m_sd: [10, 2] } },
      ],
    },
    {
      name: 'Weights',
      address: '/steps/2/w',
      type: 'discrete',
      noisy_weights: { levels: [1, 2], noise_factor: [0.5, 0.25], n_rep: 7 },
    },
    { name: 'Aggregation', address: '/steps/2/f_ag', type: 'discrete', distribution: ['a_amean', 'a_gmean'] },
  ],
  ...extra,
});

describe('evaluator', () => {
  it('re-running from the first changed step gives exactly the ranks of a full run of the edited spec', () => {
    const base = compilePipeline(pipelineSpec, fw);
    const plan = planSensitivity(base, [state], sensSpec('SA', 6));
    const ev = createEvaluator(base, [state], plan);
    // Every run, in the prefix-sharing order, then a few again in another order.
    const order = Int32Array.from(plan.order);
    const all = ev.evaluate(order);
    const again = ev.evaluate(Int32Array.from([13, 0, 27, 5, 5]));
    const fresh = (run: number): number[] => {
      let spec: unknown = pipelineSpec;
      plan.inputs.forEach((inp, i) => (spec = setAtPointer(spec, inp.address, inputValue(plan, run, i))));
      const out = compilePipeline(spec, fw).run(state);
      const data = (out.steps[2]?.[0] as { state: RunState }).state.data;
      return Array.from(rankMin(data.cols[data.iCodes.indexOf('Index')] as Float64Array, true));
    };
    let rowK = 0;
    order.forEach((run) => {
      if (run >= plan.statRuns) return;
      expect(Array.from(all.ranks.subarray(rowK * 12, ++rowK * 12)), `run ${run}`).toEqual(fresh(run));
    });
    const nStat = [13, 0, 27, 5, 5].filter((r) => r < plan.statRuns);
    nStat.forEach((run, k) =>
      expect(Array.from(again.ranks.subarray(k * 12, (k + 1) * 12))).toEqual(fresh(run)),
    );
    expect(all.failures).toBe(0);
    // Shifts: mean |rank − nominal|; run 0 of the first pass equals the later evaluation.
    expect(again.shifts[1]).toBe(all.shifts[order.indexOf(0)]);
  });

  it("nominal ranks are the unchanged pipeline's", () => {
    const base = compilePipeline(pipelineSpec, fw);
    const ev = createEvaluator(base, [state], planSensitivity(base, [state], sensSpec('UA', 4)));
    const data = (base.run(state).steps[2]?.[0] as { state: RunState }).state.data;
    expect(Array.from(ev.nominal)).toEqual(
      Array.from(rankMin(data.cols[data.iCodes.indexOf('Index')] as Float64Array, true)),
    );
  });

  it("a run the pipeline cannot compute is missing, as COINr's failed regenerations", () => {
    // A z-score around 0 gives negative values: the geometric mean refuses them.
    const spec = sensSpec('UA', 30);
    const inputs = [
      {
        name: 'Normalisation',
        address: '/steps/1/global_specs',
        type: 'discrete',
        distribution: [{ f_n: 'n_zscore' }],
      },
      {
        name: 'Aggregation',
        address: '/steps/2/f_ag',
        type: 'discrete',
        distribution: ['a_amean', 'a_gmean'],
      },
    ];
    const r = runSensitivitySync({ framework: fw, state, pipelineSpec, sensSpec: { ...spec, inputs } });
    expect(r.failures).toBeGreaterThan(0);
    expect(r.failures).toBeLessThan(30);
    expect(r.firstFailure?.message).toMatch(/a_gmean/);
    for (const s of r.rankStats) expect(s.Q5).toBeLessThanOrEqual(s.Q95);
  });
});

describe('noisy weights', () => {
  it('perturb only the listed levels, within ±factor, repeatably', () => {
    const spec = { levels: [2], noise_factor: [0.25], n_rep: 50 };
    const a = noisyWeights(fw, spec, 1, 0);
    expect(a).toHaveLength(50);
    expect(noisyWeights(fw, spec, 1, 0)).toEqual(a);
    expect(noisyWeights(fw, spec, 2, 0)).not.toEqual(a);
    expect(noisyWeights(fw, spec, 1, 1)).not.toEqual(a);
    for (const w of a) {
      expect(w.i2).toBe(2);
      expect(w.i1).toBe(1);
      expect(w.P1).toBeGreaterThanOrEqual(0.75);
      expect(w.P1).toBeLessThanOrEqual(1.25);
      expect(w.P2).toBeGreaterThanOrEqual(1.5);
      expect(w.P2).toBeLessThanOrEqual(2.5);
    }
    expect(new Set(a.map((w) => w.P1)).size).toBe(50);
  });
});

describe('runSensitivitySync', () => {
  it('is repeatable for a seed and changes with another', () => {
    const a = runSensitivitySync({ framework: fw, state, pipelineSpec, sensSpec: sensSpec('SA', 40) });
    const b = runSensitivitySync({ framework: fw, state, pipelineSpec, sensSpec: sensSpec('SA', 40) });
    const c = runSensitivitySync({
      framework: fw,
      state,
      pipelineSpec,
      sensSpec: sensSpec('SA', 40),
      seed: 6,
    });
    expect(b).toEqual(a);
    expect(c.indices).not.toEqual(a.indices);
    expect(a.runs).toBe(40 * 6);
    expect(a.indices?.map((s) => s.Variable)).toEqual(['Winmax', 'Normalisation', 'Weights', 'Aggregation']);
  });

  it('reports progress up to the number of runs', () => {
    const seen: number[] = [];
    runSensitivitySync({
      framework: fw,
      state,
      pipelineSpec,
      sensSpec: sensSpec('UA', 600),
      onProgress: (p) => seen.push(p.done),
    });
    expect(seen.at(-1)).toBe(600);
    expect(seen.length).toBeGreaterThan(1);
  });
});

describe('panel data', () => {
  // Two time points: the second year's values are the first's with noise.
  const yearOf = (s: RunState, year: number, noise: number): RunState => ({
    data: { ...s.data, cols: s.data.cols.map((c) => c.map((v, i) => v * (1 + noise * Math.sin(i + 1)))) },
    units: { ...s.units, time: new Float64Array(s.units.uCodes.length).fill(year) },
  });
  const states = [yearOf(state, 2020, 0), yearOf(state, 2021, 0.4)];

  it('needs target.time when there are several time points, and checks it exists', () => {
    expect(() =>
      runSensitivitySync({ framework: fw, state: states, pipelineSpec, sensSpec: sensSpec('UA', 5) }),
    ).toThrow(/2 time points \(2020, 2021\); set target.time/);
    expect(() =>
      runSensitivitySync({
        framework: fw,
        state: states,
        pipelineSpec,
        sensSpec: sensSpec('UA', 5, { target: { iCode: 'Index', time: 2019 } }),
      }),
    ).toThrow(/target time 2019 is not in the data/);
  });

  it('analyses the chosen time point', () => {
    const base = compilePipeline(pipelineSpec, fw);
    const run = base.run(states);
    const data = (run.steps[2]?.[1] as { state: RunState }).state.data;
    const expected = Array.from(rankMin(data.cols[data.iCodes.indexOf('Index')] as Float64Array, true));
    const r = runSensitivitySync({
      framework: fw,
      state: states,
      pipelineSpec,
      sensSpec: sensSpec('UA', 20, { target: { iCode: 'Index', time: 2021 } }),
    });
    expect(r.rankStats.map((s) => s.Nominal)).toEqual(expected);
    const first = runSensitivitySync({
      framework: fw,
      state: states,
      pipelineSpec,
      sensSpec: sensSpec('UA', 20, { target: { iCode: 'Index', time: 2020 } }),
    });
    expect(first.rankStats.map((s) => s.Nominal)).not.toEqual(expected);
  });
});
