import { describe, expect, it } from 'vitest';
import { collateKeys, rankAverage, signif } from './r-compat.js';

describe('signif (R fprec)', () => {
  it('rounds to significant digits in double arithmetic, ties to even', () => {
    expect(signif(123456, 2)).toBe(120000);
    expect(signif(-0.0012345, 3)).toBe(-0.00123);
    expect(signif(0.000993, 3)).toBe(0.000993);
    expect(signif(999.7, 3)).toBe(1000);
    // 9.205 × 100 is exactly 920.5 in doubles, a tie that goes to even: R prints 9.2.
    expect(signif(9.205, 3)).toBe(9.2);
    expect(signif(2.5, 1)).toBe(2);
    expect(signif(3.5, 1)).toBe(4);
    expect(signif(1225, 3)).toBe(1220);
    expect(signif(51, 3)).toBe(51);
    expect(signif(0, 3)).toBe(0);
    expect(signif(Number.NaN, 3)).toBeNaN();
    expect(signif(Number.POSITIVE_INFINITY, 3)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('rankAverage', () => {
  it('gives tied values the mean of their ranks and keeps NaN', () => {
    expect(Array.from(rankAverage([10, 20, 20, Number.NaN, 5]))).toEqual([2, 3.5, 3.5, Number.NaN, 1]);
  });
});

describe('collateKeys', () => {
  it('orders like R in an English locale: case is only a tie-breaker', () => {
    const rows = [
      ['Instit', 'TBTs'],
      ['Instit', 'Tariff'],
      ['Conn', 'b'],
      ['Instit', 'CostImpEx'],
    ];
    expect(rows.sort(collateKeys).map((r) => r[1])).toEqual(['b', 'CostImpEx', 'Tariff', 'TBTs']);
  });
});
