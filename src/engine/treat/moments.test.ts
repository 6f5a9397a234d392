// Skew and kurtosis from sums worked out by hand; the pass rule.
import { describe, expect, it } from 'vitest';
import { checkSkewKurt, kurt, skew } from './moments.js';

describe('COINr skew() and kurt() (e1071 type 2)', () => {
  // x = 1, 2, 3, 10: mean 4, deviations −3, −2, −1, 6; Σd² = 50, Σd³ = 180, Σd⁴ = 1394, n = 4.
  const x = [1, 2, 3, 10];
  it('skewness', () => {
    const g1 = (Math.sqrt(4) * 180) / 50 ** 1.5;
    expect(skew(x)).toBeCloseTo((g1 * Math.sqrt(12)) / 2, 13);
  });
  it('excess kurtosis', () => {
    const r = (4 * 1394) / 50 ** 2;
    expect(kurt(x)).toBeCloseTo(((5 * (r - 3) + 6) * 3) / (2 * 1), 13);
    expect(kurt(x)).toBeCloseTo(3.228, 12);
  });
  it('missing values: dropped with naRm, else NaN; too few points give NaN', () => {
    expect(skew([1, 2, NaN, 3, 10])).toBeCloseTo(skew(x), 14);
    expect(skew([1, 2, NaN, 3, 10], false)).toBeNaN();
    expect(skew([1, 2])).toBeNaN();
    expect(kurt([1, 2, 3])).toBeNaN();
  });
  it('check_SkewKurt fails only when skewed AND heavy-tailed', () => {
    const outliers = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30, 100];
    const c = checkSkewKurt(outliers);
    expect(Math.abs(c.skew)).toBeGreaterThan(2);
    expect(c.kurt).toBeGreaterThan(3.5);
    expect(c.pass).toBe(false);
    // |skew| above 2 but kurtosis below 3.5 passes (the thresholds are ORed).
    expect(checkSkewKurt(outliers, true, 2, 1000).pass).toBe(true);
    // A constant vector has undefined moments: R's NA.
    expect(checkSkewKurt([1, 1, 1, 1]).pass).toBeNull();
  });
});
