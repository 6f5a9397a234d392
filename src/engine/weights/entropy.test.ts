import { describe, expect, it } from 'vitest';
import type { Dataset } from '../types.js';
import { entropyWeights } from './entropy.js';

const ds = (cols: Record<string, number[]>): Dataset => ({
  uCodes: (Object.values(cols)[0] ?? []).map((_, i) => `U${i}`),
  iCodes: Object.keys(cols),
  cols: Object.values(cols).map((c) => Float64Array.from(c)),
});

describe('entropyWeights (熵权法)', () => {
  it('matches a worked example computed by hand, with a cost indicator', () => {
    // A (benefit) 1, 2, 3 → min-max 0, 0.5, 1 → p = 0, 1/3, 2/3.
    // B (cost) 10, 10, 40 → (40 − x)/30 = 1, 1, 0 → p = 1/2, 1/2, 0.
    const eA = -(1 / Math.log(3)) * ((1 / 3) * Math.log(1 / 3) + (2 / 3) * Math.log(2 / 3));
    const eB = Math.log(2) / Math.log(3);
    const wA = (1 - eA) / (1 - eA + (1 - eB));
    const r = entropyWeights(ds({ A: [1, 2, 3], B: [10, 10, 40] }), { directions: [1, -1] });
    expect(r.entropy[0]).toBeCloseTo(eA, 14);
    expect(r.entropy[1]).toBeCloseTo(eB, 14);
    expect(r.weights[0]).toBeCloseTo(wA, 14);
    expect(r.weights[1]).toBeCloseTo(1 - wA, 14);
    expect(r.divergence[0]).toBeCloseTo(1 - eA, 14);
  });

  it('uses values as they are with normalise "none", and leaves missing values out of their column', () => {
    // p = 0.2, 0.3, 0.5 over three present values; a uniform column has entropy 1.
    const e = -(0.2 * Math.log(0.2) + 0.3 * Math.log(0.3) + 0.5 * Math.log(0.5)) / Math.log(3);
    const r = entropyWeights(ds({ A: [2, Number.NaN, 3, 5], B: [4, 4, 4, 4] }), { normalise: 'none' });
    expect(r.entropy[0]).toBeCloseTo(e, 14);
    expect(r.entropy[1]).toBeCloseTo(1, 14);
    expect(Array.from(r.weights)).toEqual([1, 0]);
  });

  it('gives a constant column no weight under min-max, and rejects bad input with a clear message', () => {
    const r = entropyWeights(ds({ A: [1, 5, 9], C: [7, 7, 7] }));
    expect(r.weights[1]).toBe(0);
    expect(r.weights[0]).toBe(1);
    expect(() => entropyWeights(ds({ A: [1, -2, 3] }), { normalise: 'none' })).toThrow(
      /"A".*negative value -2/,
    );
    expect(() => entropyWeights(ds({ A: [1, Number.NaN] }))).toThrow(/"A" has 1 present value/);
    expect(() => entropyWeights(ds({ A: [1, 2] }), { directions: [1, 1] })).toThrow(
      /2 entries but there are 1/,
    );
    expect(() => entropyWeights(ds({ A: [3, 3], B: [1, 1] }))).toThrow(/No column varies/);
  });
});
