import { describe, expect, it } from 'vitest';
import { ahpWeights, checkPairwiseMatrix, SAATY_RI } from './ahp.js';

/** A 3×3 reciprocal matrix from a = a12, b = a13, c = a23. */
const m3 = (a: number, b: number, c: number): number[][] => [
  [1, a, b],
  [1 / a, 1, c],
  [1 / b, 1 / c, 1],
];

describe('ahpWeights', () => {
  it('recovers the weights of a perfectly consistent matrix with λmax = n and CR = 0, by every method', () => {
    const w = [0.4, 0.3, 0.2, 0.1];
    const a = w.map((wi) => w.map((wj) => wi / wj));
    for (const method of ['eigenvector', 'geometric', 'arithmetic'] as const) {
      const r = ahpWeights(a, { method });
      w.forEach((wi, i) => expect(r.weights[i]).toBeCloseTo(wi, 12));
      expect(r.lambdaMax).toBeCloseTo(4, 12);
      expect(r.cr).toBeCloseTo(0, 12);
      expect(r.ri).toBe(0.9);
      expect(r.consistent).toBe(true);
    }
  });

  it('matches the closed form for a 3×3 matrix: λmax = 1 + t + 1/t, t = (b/(ac))^(1/3)', () => {
    // The textbook example [[1, 1/3, 1/2], [3, 1, 2], [2, 1/2, 1]]: λmax ≈ 3.0092, CR ≈ 0.0079.
    const [a, b, c] = [1 / 3, 1 / 2, 2];
    const t = Math.cbrt(b / (a * c));
    const lambda = 1 + t + 1 / t;
    // For n = 3 the principal eigenvector is proportional to the rows' geometric means.
    const g = [Math.cbrt(a * b), Math.cbrt(c / a), Math.cbrt(1 / (b * c))];
    const gs = g[0]! + g[1]! + g[2]!;
    const r = ahpWeights(m3(a, b, c));
    expect(r.lambdaMax).toBeCloseTo(lambda, 12);
    expect(r.lambdaMax).toBeCloseTo(3.0092, 4);
    g.forEach((gi, i) => expect(r.weights[i]).toBeCloseTo(gi / gs, 12));
    expect(r.ci).toBeCloseTo((lambda - 3) / 2, 12);
    expect(r.cr).toBeCloseTo((lambda - 3) / 2 / 0.58, 12);
    expect(r.cr).toBeCloseTo(0.0079, 4);
    expect(r.consistent).toBe(true);
  });

  it('flags CR ≥ 0.1: a cyclic judgement (1 ≻ 2 ≻ 3 ≻ 1) is inconsistent', () => {
    const r = ahpWeights(m3(9, 1 / 9, 9));
    const lambda = 1 + 1 / 9 + 9; // t = (b/(ac))^(1/3) = 1/9
    expect(r.lambdaMax).toBeCloseTo(lambda, 10);
    expect(r.cr).toBeCloseTo((lambda - 3) / 2 / 0.58, 10);
    expect(r.consistent).toBe(false);
    expect(ahpWeights(m3(2, 3, 1.6), { crThreshold: 0 }).consistent).toBe(false);
  });

  it("uses Saaty's random index table and needs ri above n = 15", () => {
    expect(SAATY_RI.slice(0, 10)).toEqual([0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49]);
    const big = Array.from({ length: 16 }, () => new Array<number>(16).fill(1));
    expect(() => ahpWeights(big)).toThrow(/pass ri for n = 16/);
    expect(ahpWeights(big, { ri: 1.6 }).cr).toBeCloseTo(0, 10);
    expect(
      ahpWeights([
        [1, 3],
        [1 / 3, 1],
      ]).weights[0],
    ).toBeCloseTo(0.75, 12);
  });

  it('reports every problem of the matrix by JSON pointer', () => {
    expect(checkPairwiseMatrix([[1, 2], [1]]).map((i) => i.path)).toEqual(['/1']);
    const issues = checkPairwiseMatrix([
      [1, 2, -1],
      [0.4, 2, 1],
      [1, 1, 1],
    ]);
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ['ahp.reciprocal', '/1/0'],
      ['ahp.value.invalid', '/0/2'],
      ['ahp.diagonal', '/1/1'],
    ]);
    expect(() =>
      ahpWeights([
        [1, 2],
        [0.4, 1],
      ]),
    ).toThrow(/\/1\/0: Entry \(1, 0\) is 0.4; expected 1\/2/);
    expect(checkPairwiseMatrix(m3(3, 5, 1 / 3).map((r) => r.map((v) => Number(v.toFixed(2)))))).toEqual([]);
    expect(checkPairwiseMatrix(m3(3, 5, 1 / 3), 0)).toEqual([]);
  });
});
