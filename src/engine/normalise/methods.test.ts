// Each normalisation method on a small vector, expected values worked out by hand from COINr's
// formulas (see methods.ts).
import { describe, expect, it } from 'vitest';
import { NORMALISERS } from './methods.js';

const x = Float64Array.from([1, 2, 4, NaN, 5]);
const ctx = { uCodes: ['A', 'B', 'C', 'D', 'E'] };
const run = (m: string, p: object = {}, v: Float64Array = x) =>
  Array.from((NORMALISERS[m] as NonNullable<(typeof NORMALISERS)[string]>)(v, p, ctx));
const close = (a: number[], b: number[]) => {
  expect(a.length).toBe(b.length);
  a.forEach((v, i) =>
    Number.isNaN(b[i] as number) ? expect(v).toBeNaN() : expect(v).toBeCloseTo(b[i] as number, 12),
  );
};

describe('normalisation methods (COINr n_*)', () => {
  it('n_minmax scales onto [0, 100] by default and onto l_u', () => {
    close(run('n_minmax'), [0, 25, 75, NaN, 100]);
    close(run('n_minmax', { l_u: [1, 10] }), [1, 3.25, 7.75, NaN, 10]);
  });
  it('n_zscore uses the sample standard deviation', () => {
    const sd = Math.sqrt(10 / 3); // deviations −2, −1, 1, 2 from the mean 3
    close(run('n_zscore'), [-2 / sd, -1 / sd, 1 / sd, NaN, 2 / sd]);
    close(run('n_zscore', { m_sd: [10, 2] }), [10 - 4 / sd, 10 - 2 / sd, 10 + 2 / sd, NaN, 10 + 4 / sd]);
  });
  it('n_scaled, n_dist2max, n_fracmax', () => {
    close(run('n_scaled', { npara: [0, 10] }), [10, 20, 40, NaN, 50]);
    close(run('n_dist2max'), [0, 0.25, 0.75, NaN, 1]);
    close(run('n_fracmax'), [0.2, 0.4, 0.8, NaN, 1]);
  });
  it('n_dist2ref by row number or uCode, optionally capped', () => {
    close(run('n_dist2ref', { iref: 2 }), [0, 1, 3, NaN, 4]);
    close(run('n_dist2ref', { iref: 'B', cap_max: true }), [0, 1, 1, NaN, 1]);
    expect(() => run('n_dist2ref', { iref: 9 })).toThrow(RangeError);
  });
  it('n_dist2targ towards a high or a low target', () => {
    close(run('n_dist2targ', { targ: 4 }), [0, 1 / 3, 1, NaN, 4 / 3]);
    close(run('n_dist2targ', { targ: 4, cap_max: true }), [0, 1 / 3, 1, NaN, 1]);
    close(run('n_dist2targ', { targ: 2, direction: -1 }), [4 / 3, 1, 1 / 3, NaN, 0]);
  });
  it('n_rank, n_borda and n_prank rank ascending with ties at the lowest rank', () => {
    const t = Float64Array.from([3, 1, 3, 2, NaN]);
    close(run('n_rank', {}, t), [3, 1, 3, 2, NaN]);
    close(run('n_borda', {}, t), [2, 0, 2, 1, NaN]);
    close(run('n_prank', {}, t), [2 / 3, 0, 2 / 3, 1 / 3, NaN]);
  });
  it('n_goalposts: fraction between posts, truncated, scaled; flipped for direction −1', () => {
    close(run('n_goalposts', { gposts: [2, 4, 100] }), [0, 0, 100, NaN, 100]);
    close(run('n_goalposts', { gposts: [2, 4, 100], trunc2posts: false }), [-50, 0, 100, NaN, 150]);
    close(run('n_goalposts', { gposts: [2, 4, 100], direction: -1 }), [100, 100, 0, NaN, 0]);
  });
  it('none copies', () => close(run('none'), [1, 2, 4, NaN, 5]));
});
