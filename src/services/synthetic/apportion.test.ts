import { describe, expect, it } from 'vitest';
import { largestRemainder, scaleToTotal } from './apportion.js';

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

describe('largestRemainder', () => {
  it('splits a total exactly, each part within one of its quota', () => {
    const weights = [36102.6, 14083.7, 36206.9, 17651.9, 1902.7, 3005.9];
    const parts = largestRemainder(1000, weights);
    expect(sum(parts)).toBe(1000);
    const w = sum(weights);
    parts.forEach((p, i) => {
      const quota = (1000 * (weights[i] as number)) / w;
      expect(p === Math.floor(quota) || p === Math.ceil(quota)).toBe(true);
    });
  });

  it('gives leftover units to the largest remainders, ties to the lower index', () => {
    // quotas 3.4, 3.3, 3.3 → the one leftover unit goes to the first.
    expect(largestRemainder(10, [34, 33, 33])).toEqual([4, 3, 3]);
    // equal remainders: lower index first.
    expect(largestRemainder(2, [1, 1, 1])).toEqual([1, 1, 0]);
    // quotas 2.5, 1.5, 1: remainders tie at .5, the lower index wins.
    expect(largestRemainder(5, [50, 30, 20])).toEqual([3, 1, 1]);
  });

  it('keeps zero weights at zero and rejects bad input', () => {
    expect(largestRemainder(7, [0, 1, 0])).toEqual([0, 7, 0]);
    expect(largestRemainder(0, [0, 0])).toEqual([0, 0]);
    expect(() => largestRemainder(3, [0, 0])).toThrow(/all weights are zero/);
    expect(() => largestRemainder(3, [1, -1])).toThrow(/weight 1 is -1/);
    expect(() => largestRemainder(2.5, [1])).toThrow(/non-negative integer/);
  });
});

describe('scaleToTotal', () => {
  it('scales proportionally to an exact integer total', () => {
    const raw = [1, 2, 3, 4];
    const out = scaleToTotal(raw, 100);
    expect(out).toEqual([10, 20, 30, 40]);
    const odd = scaleToTotal([0.3, 0.3, 0.4], 7);
    expect(sum(odd)).toBe(7);
  });

  it('respects minimums and caps, moving the excess to parts with room', () => {
    const out = scaleToTotal([10, 1, 1], 30, { cap: [5, 100, 100], min: 1 });
    expect(sum(out)).toBe(30);
    expect(out[0]).toBe(5);
    expect(out[1]).toBeGreaterThanOrEqual(12);
    expect(out[2]).toBeGreaterThanOrEqual(12);
    const mins = scaleToTotal([0, 0, 5], 12, { min: [2, 3, 0] });
    expect(mins).toEqual([2, 3, 7]);
  });

  it('keeps zeros at zero while others carry the total', () => {
    expect(scaleToTotal([0, 2, 0, 2], 9)).toEqual([0, 5, 0, 4]);
  });

  it('spreads evenly when every raw value is zero', () => {
    expect(scaleToTotal([0, 0, 0], 6)).toEqual([2, 2, 2]);
  });

  it('refuses impossible totals', () => {
    expect(() => scaleToTotal([1, 1], 10, { cap: [3, 3] })).toThrow(/caps allow at most 6/);
    expect(() => scaleToTotal([1, 1], 1, { min: 1 })).toThrow(/minimums already exceed/);
    expect(() => scaleToTotal([1, NaN], 3)).toThrow(/raw value 1 is NaN/);
  });

  it('is exact on large inputs', () => {
    const raw = Array.from({ length: 10_000 }, (_, i) => Math.exp(Math.sin(i) * 2));
    const out = scaleToTotal(raw, 1_930_000, { min: 1 });
    expect(sum(out)).toBe(1_930_000);
    expect(Math.min(...out)).toBeGreaterThanOrEqual(1);
  });
});
