import { describe, expect, it } from 'vitest';
import { frameworkOf } from '../../engine/framework.js';
import { compilePipeline, parsePipelineSpec, stagesOf } from '../../engine/pipeline/index.js';
import type { RunState } from '../../engine/pipeline/state.js';
import type { MetaRow } from '../../engine/types.js';
import { effectiveWeights } from '../../engine/weights/effective.js';
import { assertAdditive, ExplainUnsupportedError, explainUnit } from './explain.js';

const row = (iCode: string, level: number, parent: string | null, weight: number): MetaRow => ({
  iCode,
  iName: iCode,
  level,
  parent,
  direction: 1,
  weight,
  type: level === 1 ? 'Indicator' : 'Aggregate',
  extra: {},
});

// Index ← P1 (2) ← a (1), b (3); P2 (1) ← c; P3 (0) ← d: a pillar with weight 0, like Scale.
const fw = frameworkOf([
  row('Index', 3, null, 1),
  row('P1', 2, 'Index', 2),
  row('P2', 2, 'Index', 1),
  row('P3', 2, 'Index', 0),
  row('a', 1, 'P1', 1),
  row('b', 1, 'P1', 3),
  row('c', 1, 'P2', 1),
  row('d', 1, 'P3', 1),
]);

const units: Record<string, [number, number, number, number]> = {
  full: [10, 50, 80, 100],
  missingB: [10, Number.NaN, 80, 100],
  missingPillar: [10, 50, Number.NaN, 100],
  onlyZeroWeight: [Number.NaN, Number.NaN, Number.NaN, 30],
  odd: [0.1 + 0.2, 1 / 3, 99.99999999, 1e-12],
};

const uCodes = Object.keys(units);
const state: RunState = {
  data: {
    uCodes,
    iCodes: ['a', 'b', 'c', 'd'],
    cols: [0, 1, 2, 3].map((j) => Float64Array.from(uCodes, (u) => (units[u] as number[])[j] as number)),
  },
  units: { uCodes, uNames: uCodes, groups: {}, denominators: { uCodes, iCodes: [], cols: [] } },
};
const aggregated = stagesOf(
  compilePipeline({ steps: [{ step: 'Aggregate', f_ag: 'a_amean' }] }, fw).run(state),
).Aggregated!;
const engine = (u: string, code: string): number =>
  (aggregated.cols[aggregated.iCodes.indexOf(code)] as Float64Array)[uCodes.indexOf(u)] as number;
const valuesOf = (u: string) =>
  new Map(['a', 'b', 'c', 'd'].map((c, j) => [c, (units[u] as number[])[j] as number]));

describe('explainUnit', () => {
  it('splits the hand-worked score: P1 = 40, P2 = 80, index = 160/3', () => {
    const ex = explainUnit(fw, valuesOf('full'));
    const c = Object.fromEntries(ex.indicators.map((i) => [i.code, i.contribution]));
    expect(c['a']).toBeCloseTo((2 / 3) * (1 / 4) * 10, 13);
    expect(c['b']).toBeCloseTo((2 / 3) * (3 / 4) * 50, 13);
    expect(c['c']).toBeCloseTo((1 / 3) * 80, 13);
    expect(c['d']).toBe(0);
    expect(ex.total).toBeCloseTo(160 / 3, 12);
  });

  it('adds up to the engine’s a_amean score for every unit, missing values included', () => {
    for (const u of uCodes) {
      const ex = explainUnit(fw, valuesOf(u));
      const index = engine(u, 'Index');
      if (u === 'onlyZeroWeight') {
        // Only the weight-0 pillar has a value: a_amean divides by a zero weight sum.
        expect(index).toBeNaN();
        expect(ex.total).toBe(0);
        continue;
      }
      expect(Math.abs(ex.total - index)).toBeLessThan(1e-12);
      for (const p of ['P1', 'P2', 'P3']) {
        const a = ex.aggregates.find((g) => g.code === p);
        const score = engine(u, p);
        if (Number.isNaN(score)) expect(a?.contribution).toBe(0);
        else
          expect(Math.abs((a?.contribution ?? NaN) - (a?.effectiveWeight ?? NaN) * score)).toBeLessThan(
            1e-12,
          );
      }
    }
  });

  it('gives COINr’s effective weights to a unit with every value, renormalised ones otherwise', () => {
    const full = explainUnit(fw, valuesOf('full'));
    const coinr = new Map(effectiveWeights(fw).map((r) => [r.iCode, r.effWeight]));
    for (const i of full.indicators) expect(i.effectiveWeight).toBeCloseTo(coinr.get(i.code) as number, 15);
    const missing = explainUnit(fw, valuesOf('missingB'));
    const w = Object.fromEntries(missing.indicators.map((i) => [i.code, i.effectiveWeight]));
    expect(w['a']).toBeCloseTo(2 / 3, 15);
    expect(w['b']).toBe(0);
    const noP2 = explainUnit(fw, valuesOf('missingPillar'));
    expect(noP2.indicators.find((i) => i.code === 'b')?.effectiveWeight).toBeCloseTo(3 / 4, 15);
    expect(noP2.aggregates.find((a) => a.code === 'P2')?.effectiveWeight).toBe(0);
  });
});

describe('assertAdditive', () => {
  const spec = (agg: Record<string, unknown>) =>
    parsePipelineSpec({ steps: [{ step: 'Aggregate', ...agg }] });
  it('accepts a_amean with iMeta weights', () => {
    expect(() => assertAdditive(spec({}))).not.toThrow();
    expect(() => assertAdditive(spec({ f_ag: ['a_amean', 'a_amean'], w: 'Original' }))).not.toThrow();
  });
  it('refuses methods, weights and thresholds under which contributions do not add up', () => {
    expect(() => assertAdditive(spec({ f_ag: 'a_gmean' }))).toThrow(ExplainUnsupportedError);
    expect(() => assertAdditive(spec({ f_ag: ['a_amean', 'a_hmean'] }))).toThrow(/a_hmean/);
    expect(() => assertAdditive(spec({ w: 'equal' }))).toThrow(/weights/);
    expect(() => assertAdditive(spec({ dat_thresh: 0.5 }))).toThrow(/threshold/);
    expect(() => assertAdditive(parsePipelineSpec({ steps: [{ step: 'Impute' }] }))).toThrow(/no Aggregate/);
  });
});
