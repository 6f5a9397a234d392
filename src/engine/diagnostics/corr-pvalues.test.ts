import { describe, expect, it } from 'vitest';
import { corTestP } from './corr-pvalues.js';
import { correlate } from './correlation.js';

// The example of R's ?cor.test (Hollander & Wolfe 1973, p. 187).
const x = [44.4, 45.9, 41.9, 53.3, 44.7, 44.1, 50.7, 45.2, 60.1];
const y = [2.6, 3.1, 2.5, 5.0, 3.6, 4.0, 5.2, 2.8, 3.8];

describe('corTestP (two-sided, as R cor.test)', () => {
  it('Pearson: t = 1.8411 on 7 df, p = 0.1082', () => {
    expect(correlate(x, y)).toBeCloseTo(0.5711816, 7);
    expect(corTestP(x, y, 'pearson')).toBeCloseTo(0.1082, 4);
  });

  it("Kendall: exact for n < 50 without ties; R's one-sided p 0.05972 doubles to 0.1194", () => {
    expect(correlate(x, y, 'kendall')).toBeCloseTo(4 / 9, 12);
    expect(corTestP(x, y, 'kendall')).toBeCloseTo(2 * 0.05972, 5);
  });

  it("Spearman: exact enumeration for n ≤ 9; R's one-sided p 0.0484 doubles to 0.0968", () => {
    expect(correlate(x, y, 'spearman')).toBeCloseTo(0.6, 12);
    expect(corTestP(x, y, 'spearman')).toBeCloseTo(2 * 0.0484, 4);
  });

  it('Spearman with ties uses the t approximation on the rank correlation', () => {
    const a = [1, 2, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
    const b = [2, 1, 4, 3, 3, 6, 8, 7, 9, 12, 10, 11];
    const r = correlate(a, b, 'spearman');
    const n = a.length;
    const t = r / Math.sqrt((1 - r * r) / (n - 2));
    // Upper tail of t on 10 df by numerical integration of its density (independent of the library).
    const dens = (u: number) => (1 + (u * u) / 10) ** -5.5;
    const integrate = (lo: number, hi: number, steps = 200000) => {
      const h = (hi - lo) / steps;
      let s = dens(lo) + dens(hi);
      for (let k = 1; k < steps; k++) s += (k % 2 ? 4 : 2) * dens(lo + k * h);
      return (s * h) / 3;
    };
    const upper = integrate(t, 200) / (2 * integrate(0, 200));
    expect(corTestP(a, b, 'spearman')).toBeCloseTo(2 * upper, 6);
  });

  it('Spearman above n = 9 without ties (Edgeworth series) is close to the exact permutation p-value', () => {
    const a = Array.from({ length: 10 }, (_, i) => i + 1);
    const b = [3, 1, 2, 6, 4, 5, 9, 10, 7, 8];
    const s = a.reduce((acc, v, i) => acc + (v - (b[i] as number)) ** 2, 0);
    // Exact lower tail Pr[S ≤ s] over all 10! permutations (independent enumeration).
    const perm = [...a];
    let atMost = 0;
    let total = 0;
    const walk = (k: number, partial: number): void => {
      if (partial > s && k < 10) {
        // Every completion is above s; count them without visiting.
        let f = 1;
        for (let m = 2; m <= 10 - k; m++) f *= m;
        total += f;
        return;
      }
      if (k === 10) {
        total++;
        if (partial <= s) atMost++;
        return;
      }
      for (let j = k; j < 10; j++) {
        [perm[k], perm[j]] = [perm[j] as number, perm[k] as number];
        walk(k + 1, partial + (k + 1 - (perm[k] as number)) ** 2);
        [perm[k], perm[j]] = [perm[j] as number, perm[k] as number];
      }
    };
    walk(0, 0);
    const exact = Math.min(1, (2 * atMost) / total);
    const p = corTestP(a, b, 'spearman');
    // The series is an approximation: within 0.001 of the exact 0.00471 here.
    expect(Math.abs(p - exact)).toBeLessThan(0.001);
    // Evaluating AS 89's series by hand for S = 28, n = 10 (x = −2.4727, Φ(x) = 0.00670, series term
    // 0.00393) gives a one-sided 0.00278, two-sided 0.00556.
    expect(p).toBeCloseTo(0.00556, 4);
  });

  it('is NaN when the test is undefined: under 3 complete pairs or a constant column', () => {
    expect(corTestP([1, 2, Number.NaN], [1, Number.NaN, 3])).toBeNaN();
    expect(corTestP([1, 1, 1, 1], [1, 2, 3, 4])).toBeNaN();
  });
});
