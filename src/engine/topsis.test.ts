import { describe, expect, it } from 'vitest';
import { getAggregator } from './aggregate/methods.js';
import { topsis } from './topsis.js';

// Three units on a benefit criterion C1 and a cost criterion C2, weights 3 : 2 (i.e. 0.6 / 0.4).
const c1 = [7, 8, 9];
const c2 = [9, 7, 6];
const s194 = Math.sqrt(7 * 7 + 8 * 8 + 9 * 9);
const s166 = Math.sqrt(9 * 9 + 7 * 7 + 6 * 6);

describe('topsis', () => {
  it('euclidean form (Hwang & Yoon): distances on the weighted, vector-normalised matrix', () => {
    const r = topsis([c1, c2], [3, 2], { directions: [1, -1] });
    // Unit 3 (9, 6) is the ideal point and unit 1 (7, 9) the anti-ideal one.
    expect(Array.from(r.ideal)).toEqual(
      [(0.6 * 9) / s194, (0.4 * 6) / s166].map((v) => expect.closeTo(v, 15)),
    );
    expect(r.closeness[2]).toBe(1);
    expect(r.closeness[0]).toBe(0);
    const dPlus = Math.sqrt((0.6 / s194) ** 2 + (0.4 / s166) ** 2);
    const dMinus = Math.sqrt((0.6 / s194) ** 2 + ((0.4 * 2) / s166) ** 2);
    expect(r.dPlus[1]).toBeCloseTo(dPlus, 15);
    expect(r.dMinus[1]).toBeCloseTo(dMinus, 15);
    expect(r.closeness[1]).toBeCloseTo(dMinus / (dPlus + dMinus), 15);
  });

  it('weighted-distance form: cost criteria as max − x, weights inside the distance', () => {
    const r = topsis([c1, c2], [0.6, 0.4], { form: 'weighted-distance', directions: [1, -1] });
    // C2 becomes 9 − x = 0, 2, 3 with norm √13.
    const dPlus = Math.sqrt(0.6 * (1 / s194) ** 2 + 0.4 * (1 / Math.sqrt(13)) ** 2);
    const dMinus = Math.sqrt(0.6 * (1 / s194) ** 2 + 0.4 * (2 / Math.sqrt(13)) ** 2);
    expect(r.closeness[1]).toBeCloseTo(dMinus / (dPlus + dMinus), 15);
    expect(r.closeness[0]).toBe(0);
    expect(r.closeness[2]).toBe(1);
    // The two forms differ when no unit dominates: here unit 2 is scored differently.
    const e = topsis([c1, c2], [0.6, 0.4], { directions: [1, -1] });
    expect(Math.abs((e.closeness[1] as number) - (r.closeness[1] as number))).toBeGreaterThan(1e-3);
  });

  it('a worked 4 × 3 example without a dominating unit', () => {
    const x = [
      [250, 200, 300, 275],
      [16, 16, 32, 32],
      [12, 8, 16, 8],
    ];
    const w = [0.5, 0.3, 0.2];
    const dirs = [-1, 1, 1] as const;
    const norms = x.map((col) => Math.sqrt(col.reduce((s, v) => s + v * v, 0)));
    const v = x.map((col, j) => col.map((val) => (w[j]! * val) / norms[j]!));
    const best = v.map((col, j) => (dirs[j] === 1 ? Math.max(...col) : Math.min(...col)));
    const worst = v.map((col, j) => (dirs[j] === 1 ? Math.min(...col) : Math.max(...col)));
    const expected = [0, 1, 2, 3].map((i) => {
      const dp = Math.sqrt(v.reduce((s, col, j) => s + (col[i]! - best[j]!) ** 2, 0));
      const dm = Math.sqrt(v.reduce((s, col, j) => s + (col[i]! - worst[j]!) ** 2, 0));
      return dm / (dp + dm);
    });
    const r = topsis(x, w, { directions: [...dirs] });
    expected.forEach((c, i) => expect(r.closeness[i]).toBeCloseTo(c, 14));
    expect(Array.from(r.closeness).every((c) => c > 0 && c < 1)).toBe(true);
  });

  it('leaves units with a missing value out, and refuses negative values and bad weights', () => {
    const r = topsis(
      [
        [1, Number.NaN, 3],
        [2, 2, 1],
      ],
      [1, 1],
    );
    expect(r.closeness[1]).toBeNaN();
    const full = topsis(
      [
        [1, 3],
        [2, 1],
      ],
      [1, 1],
    );
    expect(r.closeness[0]).toBe(full.closeness[0]);
    expect(r.closeness[2]).toBe(full.closeness[1]);
    expect(() => topsis([[1, -2]], [1], { names: ['Margin'] })).toThrow(/Margin has the negative value -2/);
    expect(() => topsis([[1, 2]], [1, 1])).toThrow(/2 weights for 1 criteria/);
    expect(() => topsis([[1, 2]], [0])).toThrow(/all zero/);
  });

  it('is registered as the table aggregation a_topsis, on a 0–100 scale by default', () => {
    const agg = getAggregator('a_topsis');
    if (agg?.kind !== 'table') throw new Error('a_topsis is not a registered table aggregator');
    const cols = [Float64Array.from([10, 50, 90]), Float64Array.from([20, 80, 40])];
    const w = Float64Array.from([1, 1]);
    const out = agg.fn(cols, w, {}, { uCodes: ['A', 'B', 'C'] });
    const ref = topsis(cols, w).closeness;
    out.forEach((v, i) => expect(v).toBeCloseTo((ref[i] as number) * 100, 12));
    const wd = agg.fn(cols, w, { form: 'weighted-distance', scale: 1 }, { uCodes: ['A', 'B', 'C'] });
    expect(wd[1]).toBeCloseTo(topsis(cols, w, { form: 'weighted-distance' }).closeness[1] as number, 14);
    expect(() => agg.fn(cols, w, { form: 'manhattan' }, { uCodes: [] })).toThrow(/form must be/);
  });
});
