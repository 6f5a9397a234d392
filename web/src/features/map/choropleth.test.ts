import { describe, expect, it } from 'vitest';
import { classBreaks, classOf, niceCeil, provinceValues, rampFor } from './choropleth.js';

const facts = [
  { code: '440000', population2020: 126_012_510 },
  { code: '110000', population2020: 21_893_095 },
  { code: '810000', population2020: null },
];
const counts = new Map([
  ['440000', 1260],
  ['110000', 438],
]);

describe('province values', () => {
  it('counts, with zero for provinces without spaces', () => {
    expect(Object.fromEntries(provinceValues('count', counts, facts, undefined))).toEqual({
      '440000': 1260,
      '110000': 438,
      '810000': 0,
    });
  });
  it('spaces per million residents only where the population is known', () => {
    const d = provinceValues('density', counts, facts, undefined);
    expect(d.get('440000')).toBeCloseTo(9.999, 2);
    expect(d.get('110000')).toBeCloseTo(20.006, 2);
    expect(d.has('810000')).toBe(false);
  });
  it('index scores where the index has them, nothing for "none"', () => {
    const idx = new Map([['110000', 61.5]]);
    expect(Object.fromEntries(provinceValues('index', counts, facts, idx))).toEqual({ '110000': 61.5 });
    expect(provinceValues('none', counts, facts, idx).size).toBe(0);
  });
});

describe('classes', () => {
  it('rounds limits up to two significant digits', () => {
    expect(niceCeil(0.734)).toBeCloseTo(0.74, 10);
    expect(niceCeil(17)).toBe(17);
    expect(niceCeil(231)).toBe(240);
    expect(niceCeil(4100)).toBe(4100);
    expect(niceCeil(0)).toBe(0);
  });
  it('puts limits at quantiles, strictly increasing and below the maximum', () => {
    const values = [0, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377, 610, 987];
    const b = classBreaks(values, 4);
    expect(b).toEqual([5, 34, 240]);
    expect(classOf(0, b)).toBe(0);
    expect(classOf(5, b)).toBe(1);
    expect(classOf(987, b)).toBe(3);
    expect(classBreaks([7, 7, 7])).toEqual([]);
    expect(classBreaks([])).toEqual([]);
  });
  it('spreads few classes over the whole ramp', () => {
    const r = rampFor([10]);
    expect(r).toHaveLength(2);
    expect(r[0]).not.toBe(r[1]);
  });
});
