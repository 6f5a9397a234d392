// Aggregation methods on small inputs, expected values worked out by hand.
import { describe, expect, it } from 'vitest';
import { EngineError } from '../pipeline/errors.js';
import { getAggregator, type RowAggregator, type TableAggregator } from './methods.js';

const row = (name: string) => getAggregator(name) as RowAggregator;
const f = (v: number[]) => Float64Array.from(v);

describe('aggregation methods (COINr a_*)', () => {
  it('a_amean drops missing values and renormalises the weights', () => {
    expect(row('a_amean').fn(f([1, NaN, 4]), f([1, 2, 3]), {})).toBeCloseTo(13 / 4, 14);
    expect(row('a_amean').fn(f([NaN, NaN]), f([1, 1]), {})).toBeNaN();
    expect(() => row('a_amean').fn(f([1, 2]), undefined, {})).toThrow(EngineError);
  });
  it('a_gmean, a_hmean, a_genmean', () => {
    expect(row('a_gmean').fn(f([1, 4, NaN]), f([1, 1, 5]), {})).toBeCloseTo(2, 14);
    expect(row('a_gmean').fn(f([8, 1]), f([1, 2]), {})).toBeCloseTo(2, 14); // (8·1·1)^(1/3)
    expect(() => row('a_gmean').fn(f([0, 4]), f([1, 1]), {})).toThrow(/positive/);
    expect(row('a_hmean').fn(f([1, 4]), f([1, 1]), {})).toBeCloseTo(1.6, 14);
    expect(() => row('a_hmean').fn(f([0, 4]), f([1, 1]), {})).toThrow(EngineError);
    expect(row('a_genmean').fn(f([1, 3, NaN]), f([1, 1, 1]), { p: 2 })).toBeCloseTo(Math.sqrt(5), 14);
    expect(() => row('a_genmean').fn(f([1, 3]), f([1, 1]), { p: 0 })).toThrow(/a_gmean/);
  });
  it('a_wmedian picks the value splitting the weight in half', () => {
    expect(row('a_wmedian').fn(f([3, 1, 2]), f([1, 1, 1]), {})).toBe(2);
    expect(row('a_wmedian').fn(f([1, 2, 3, 4]), f([1, 1, 1, 1]), {})).toBe(2.5);
    expect(row('a_wmedian').fn(f([1, 2, 3, 4]), f([1, 1, 1, 5]), {})).toBe(4);
    expect(row('a_wmedian').fn(f([1, NaN, 3]), f([1, 9, 1]), {})).toBe(2);
  });
  it('a_copeland sums +1/−1/0 outranking results per unit', () => {
    const agg = getAggregator('a_copeland') as TableAggregator;
    // U1 = (1, 1), U2 = (2, 0), U3 = (3, 3): U1 and U2 tie (one indicator each), U3 beats both.
    const s = agg.fn([f([1, 2, 3]), f([1, 0, 3])], f([1, 1]), {}, { uCodes: ['U1', 'U2', 'U3'] });
    expect(Array.from(s)).toEqual([-1, -1, 2]);
  });
});
