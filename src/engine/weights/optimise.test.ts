import { describe, expect, it } from 'vitest';
import type { Dataset, Framework, MetaRow } from '../types.js';
import { getOptWeights } from './optimise.js';
import type { WeightRow } from './weight-set.js';

const row = (iCode: string, level: number, parent: string | null): MetaRow => ({
  iCode,
  iName: iCode,
  level,
  parent,
  direction: 1,
  weight: 1,
  type: level === 1 ? 'Indicator' : 'Aggregate',
  extra: {},
});
const meta = [row('A', 1, 'Index'), row('B', 1, 'Index'), row('C', 1, 'Index'), row('Index', 2, null)];
const fw: Framework = {
  meta,
  maxLevel: 2,
  indicators: () => meta.slice(0, 3),
  atLevel: (l) => meta.filter((m) => m.level === l),
  childrenOf: (c) => meta.filter((m) => m.parent === c),
  levelOf: (c) => meta.find((m) => m.iCode === c)?.level ?? Number.NaN,
  get: (c) => meta.find((m) => m.iCode === c),
  groupCodes: () => [],
  denominatorCodes: () => [],
};

// Three centred, mutually orthogonal patterns of equal length, scaled by s: then the correlation of
// indicator k with the weighted mean is w_k·s_k / √(Σ w_j² s_j²), so balanced correlations need
// w_k ∝ target_k / s_k.
const z = [
  [1, 1, 1, 1, -1, -1, -1, -1],
  [1, 1, -1, -1, 1, 1, -1, -1],
  [1, -1, 1, -1, 1, -1, 1, -1],
];
const s = [1, 2, 4];
const cols = z.map((zk, k) => Float64Array.from(zk, (v) => 50 + (s[k] as number) * v));
let runs = 0;
const rerun = (weights: WeightRow[]): Dataset => {
  runs++;
  const w = ['A', 'B', 'C'].map((c) => weights.find((r) => r.iCode === c)?.weight as number);
  const total = w.reduce((a, b) => a + b, 0);
  const index = Float64Array.from({ length: 8 }, (_, i) =>
    cols.reduce((acc, col, k) => acc + ((w[k] as number) / total) * (col[i] as number), 0),
  );
  return { uCodes: z[0]!.map((_, i) => `U${i}`), iCodes: ['A', 'B', 'C', 'Index'], cols: [...cols, index] };
};

describe('getOptWeights', () => {
  it('balances correlations with the index: equal targets give weights ∝ 1/s', () => {
    const r = getOptWeights({ fw, level: 1, rerun, itarg: 'equal', toler: 1e-14, maxiter: 5000 });
    const inv = s.map((v) => 1 / v);
    const sum = inv.reduce((a, b) => a + b, 0);
    inv.forEach((v, k) => expect(r.optimised[k]).toBeCloseTo(v / sum, 5));
    r.obtained.forEach((c) => expect(c).toBeCloseTo(1 / 3, 6));
    expect(r.converged).toBe(true);
    expect(r.iCodes).toEqual(['A', 'B', 'C']);
    expect(r.weights.find((w) => w.iCode === 'Index')?.weight).toBe(1);
  });

  it('follows unequal targets: itarg (1, 2, 1) gives weights ∝ itarg/s', () => {
    const r = getOptWeights({ fw, level: 1, rerun, itarg: [1, 2, 1], toler: 1e-14, maxiter: 5000 });
    const want = [1 / 1, 2 / 2, 1 / 4];
    const sum = want.reduce((a, b) => a + b, 0);
    want.forEach((v, k) => expect(r.optimised[k]).toBeCloseTo(v / sum, 5));
    expect(Array.from(r.desired ?? [])).toEqual([0.25, 0.5, 0.25]);
  });

  it('infomax maximises the sum of correlations, reached at the same weights here (Cauchy–Schwarz)', () => {
    const r = getOptWeights({ fw, level: 1, rerun, optype: 'infomax', toler: 1e-14, maxiter: 5000 });
    const inv = s.map((v) => 1 / v);
    const sum = inv.reduce((a, b) => a + b, 0);
    inv.forEach((v, k) => expect(r.optimised[k]).toBeCloseTo(v / sum, 4));
    expect(r.value).toBeCloseTo(-Math.sqrt(3), 8);
  });

  it("with COINr's defaults (toler 0.1) stops early but within its budget, and checks its input", () => {
    runs = 0;
    const r = getOptWeights({ fw, level: 1, rerun, itarg: 'equal' });
    expect(r.evaluations).toBeLessThanOrEqual(501);
    expect(runs).toBe(r.evaluations + 1);
    expect(() => getOptWeights({ fw, level: 1, rerun })).toThrow(/needs itarg/);
    expect(() => getOptWeights({ fw, level: 1, rerun, itarg: [1, 2] })).toThrow(
      /2 entries but level 1 has 3/,
    );
    expect(() => getOptWeights({ fw, level: 2, rerun, itarg: 'equal' })).toThrow(/between 1 and 1/);
  });
});
