import { describe, expect, it } from 'vitest';
import { meanR, medianSorted, quantile7, sortedValid, varR } from './stats.js';

// Expected values are R's: quantile(x, p) (type 7), median(x), mean(x), var(x).
describe('R statistics', () => {
  it('quantile type 7 interpolates between order statistics', () => {
    const x = Float64Array.from({ length: 10 }, (_, i) => i + 1);
    expect(quantile7(x, 0.05)).toBeCloseTo(1.45, 14);
    expect(quantile7(x, 0.95)).toBeCloseTo(9.55, 14);
    expect(quantile7(x, 0)).toBe(1);
    expect(quantile7(x, 1)).toBe(10);
    expect(quantile7([1, 2, 3, 4], 0.5)).toBe(2.5);
    // Ties: no interpolation between equal neighbours.
    expect(quantile7([3, 3, 3, 7], 0.05)).toBe(3);
    expect(quantile7([], 0.5)).toBeNaN();
  });

  it('median, mean and variance', () => {
    expect(medianSorted([1, 2, 3])).toBe(2);
    expect(medianSorted([1, 2, 3, 10])).toBe(2.5);
    expect(meanR([1, 2, 3, 4])).toBe(2.5);
    expect(meanR([1, NaN])).toBeNaN();
    expect(varR([1, 2, 3, 4])).toBeCloseTo(5 / 3, 15);
    expect(varR([1])).toBeNaN();
  });

  it('sortedValid drops missing values (na.rm = TRUE) and sorts numerically', () => {
    expect(Array.from(sortedValid([10, NaN, 2, 33, 1]))).toEqual([1, 2, 10, 33]);
  });
});
