import { describe, expect, it } from 'vitest';
import { baseSample, cutIndices, saltelliSource, streamFor, PURPOSE } from './design.js';

describe('R cut() mapping of uniforms to alternatives', () => {
  it('splits the observed range into right-closed intervals, outer breaks pushed out', () => {
    // R: as.integer(cut(c(0, 0.5, 1), 2)) is 1 1 2 (0.5 closes the first interval).
    expect(Array.from(cutIndices([0, 0.5, 1], 2))).toEqual([0, 0, 1]);
    // The range is the sample's, not [0, 1]: with values in [0.2, 0.4] the split is at 0.3, so
    // 0.31 takes the second alternative (floor(0.31 · 2) would give the first).
    expect(Array.from(cutIndices([0.2, 0.29, 0.4], 2))).toEqual([0, 0, 1]);
    expect(Array.from(cutIndices([0.2, 0.31, 0.4], 2))).toEqual([0, 1, 1]);
  });

  it('a constant column falls in the middle interval; one alternative takes everything', () => {
    // R: cut(c(0.2, 0.2), 3) widens the range by 0.2/1000 each side: both land in interval 2.
    expect(Array.from(cutIndices([0.2, 0.2], 3))).toEqual([1, 1]);
    expect(Array.from(cutIndices([0.1, 0.9], 1))).toEqual([0, 0]);
  });

  it('gives every alternative about the same share of a uniform sample', () => {
    const u = baseSample(20_000, 1, 7);
    const codes = cutIndices(u, 5);
    const counts = [0, 0, 0, 0, 0];
    for (const c of codes) counts[c] = (counts[c] as number) + 1;
    for (const c of counts) expect(Math.abs(c / 20_000 - 0.2)).toBeLessThan(0.015);
    expect(Math.min(...codes)).toBe(0);
    expect(Math.max(...codes)).toBe(4);
  });
});

describe('design streams', () => {
  it('row r of the base sample depends only on (seed, r), not on the sample size', () => {
    const small = baseSample(10, 4, 2024);
    const large = baseSample(1000, 4, 2024);
    expect(Array.from(small)).toEqual(Array.from(large.subarray(0, 40)));
    expect(Array.from(baseSample(10, 4, 2025))).not.toEqual(Array.from(small));
    for (const v of large) expect(v >= 0 && v < 1).toBe(true);
  });

  it('purposes draw from separate stream families', () => {
    const a = streamFor(1, PURPOSE.design, 0).next();
    const b = streamFor(1, PURPOSE.bootstrap, 0).next();
    expect(a).not.toBe(b);
    expect(streamFor(1, PURPOSE.design, 0).next()).toBe(a);
  });

  it('lays out runs as COINr: A, B, then AB_i = A with column i from B', () => {
    const N = 3;
    expect(saltelliSource(1, 0, N)).toEqual({ row: 1, fromB: false });
    expect(saltelliSource(4, 1, N)).toEqual({ row: 1, fromB: true });
    // AB_2 (second block after A and B): column 1 from B, others from A.
    expect(saltelliSource(2 * N + N + 2, 1, N)).toEqual({ row: 2, fromB: true });
    expect(saltelliSource(2 * N + N + 2, 0, N)).toEqual({ row: 2, fromB: false });
  });
});
