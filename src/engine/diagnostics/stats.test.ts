import { describe, expect, it } from 'vitest';
import { getStats } from './stats.js';

describe('getStats', () => {
  const data = {
    uCodes: ['a', 'b', 'c', 'd', 'e', 'f'],
    iCodes: ['x', 'empty'],
    cols: [Float64Array.from([0, 0, 2, 4, Number.NaN, 4]), new Float64Array(6).fill(Number.NaN)],
  };

  it('counts over present values but flags zeros and uniques against all rows, as COINr does', () => {
    const [x] = getStats(data, { nsignif: null });
    expect(x).toMatchObject({
      Min: 0,
      Max: 4,
      Mean: 2,
      Median: 2,
      'N.Avail': 5,
      'N.NonZero': 3,
      'N.Unique': 3,
      'N.Same': 2,
    });
    expect(x?.Std).toBeCloseTo(Math.sqrt(16 / 4), 14);
    expect(x?.['Frc.Avail']).toBeCloseTo(5 / 6, 14);
    expect(x?.['Frc.NonZero']).toBeCloseTo(3 / 5, 14);
    expect(x?.['Frc.Unique']).toBeCloseTo(3 / 5, 14);
    // 3 non-zero of 6 rows = 0.5 is not below t_zero 0.5; 3 unique of 6 rows neither.
    expect(x?.['Flag.NonZero']).toBe('ok');
    expect(x?.['Flag.Unique']).toBe('ok');
    expect(getStats(data, { tZero: 0.55, tUnq: 0.55 })[0]).toMatchObject({
      'Flag.NonZero': 'LOW',
      'Flag.Unique': 'LOW',
    });
  });

  it('computes type-2 skewness and kurtosis, and flags OUT only when both exceed their thresholds', () => {
    const [x] = getStats(data, { nsignif: null });
    // d = −2, −2, 0, 2, 2: Σd³ = 0, so no skew; r = 5·64/16² = 1.25.
    expect(x?.Skew).toBeCloseTo(0, 14);
    expect(x?.Kurt).toBeCloseTo(((6 * (1.25 - 3) + 6) * 4) / (3 * 2), 12);
    expect(x?.['Flag.SkewKurt']).toBe('ok');
    const skewed = { uCodes: data.uCodes, iCodes: ['s'], cols: [Float64Array.from([0, 0, 0, 0, 0, 100])] };
    expect(getStats(skewed)[0]?.['Flag.SkewKurt']).toBe('OUT');
  });

  it('reports an all-missing column as R does (Inf/-Inf extremes, NaN moments, LOW availability)', () => {
    const e = getStats(data)[1];
    expect(e).toMatchObject({
      Min: Number.POSITIVE_INFINITY,
      Max: Number.NEGATIVE_INFINITY,
      'N.Avail': 0,
      'Flag.Avail': 'LOW',
    });
    expect(e?.Mean).toBeNaN();
    expect(e?.['Flag.SkewKurt']).toBeNull();
  });

  it('rounds every number to 3 significant digits by default', () => {
    const d = { uCodes: ['a', 'b', 'c'], iCodes: ['x'], cols: [Float64Array.from([1, 2, 4])] };
    expect(getStats(d)[0]?.Mean).toBe(2.33);
    expect(getStats(d)[0]?.['Frc.Same']).toBe(0.333);
  });
});
