import { describe, expect, it } from 'vitest';
import { completePairs, corMatrix, correlate, covariance } from './correlation.js';
import { rankAverage } from './r-compat.js';

let seed = 7;
const rnd = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647;
/** Values on a coarse grid (so there are ties) with some missing. */
const column = (n: number): Float64Array =>
  Float64Array.from({ length: n }, () => (rnd() < 0.1 ? Number.NaN : Math.round(rnd() * 8)));

// Textbook definitions, computed the slow way on complete pairs.
const pearsonRef = (x: Float64Array, y: Float64Array): number => {
  const n = x.length;
  const mx = x.reduce((s, v) => s + v, 0) / n;
  const my = y.reduce((s, v) => s + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  x.forEach((v, i) => {
    sxy += (v - mx) * ((y[i] as number) - my);
    sxx += (v - mx) ** 2;
    syy += ((y[i] as number) - my) ** 2;
  });
  return sxy / Math.sqrt(sxx * syy);
};
const kendallRef = (x: Float64Array, y: Float64Array): number => {
  let s = 0;
  let tx = 0;
  let ty = 0;
  for (let i = 0; i < x.length; i++) {
    for (let j = i + 1; j < x.length; j++) {
      const a = Math.sign((x[i] as number) - (x[j] as number));
      const b = Math.sign((y[i] as number) - (y[j] as number));
      s += a * b;
      tx += a * a;
      ty += b * b;
    }
  }
  return s / Math.sqrt(tx * ty);
};

describe('correlate (pairwise complete observations)', () => {
  it('agrees with the textbook definitions on data with ties and missing values', () => {
    for (let t = 0; t < 20; t++) {
      const x = column(60);
      const y = column(60);
      const [a, b] = completePairs(x, y);
      expect(correlate(x, y, 'pearson')).toBeCloseTo(pearsonRef(a, b), 12);
      expect(correlate(x, y, 'spearman')).toBeCloseTo(pearsonRef(rankAverage(a), rankAverage(b)), 12);
      expect(correlate(x, y, 'kendall')).toBeCloseTo(kendallRef(a, b), 12);
    }
  });

  it('builds matrices pair by pair, and covariance uses n − 1', () => {
    const cols = [column(40), column(40), column(40)];
    for (const type of ['pearson', 'spearman', 'kendall'] as const) {
      const m = corMatrix(cols, cols, type);
      cols.forEach((x, i) =>
        cols.forEach((y, j) => expect(m[i]?.[j]).toBeCloseTo(correlate(x, y, type), 14)),
      );
    }
    expect(covariance([1, 2, 3, Number.NaN], [2, 4, 6, 1])).toBeCloseTo(2, 14);
  });

  it('is NaN for a constant column or fewer than two complete pairs', () => {
    expect(correlate([1, 1, 1], [1, 2, 3])).toBeNaN();
    expect(correlate([1, Number.NaN], [Number.NaN, 2], 'spearman')).toBeNaN();
    expect(correlate([2, 2, 2], [1, 2, 3], 'kendall')).toBeNaN();
  });
});
