import { describe, expect, it } from 'vitest';
import { baseSample, saltelliSource } from './design.js';
import { sobolIndices } from './estimators.js';

/** Outputs of f over a Saltelli design of uniforms on [0, 1)^d (runs ordered as COINr's). */
const saltelli = (N: number, d: number, seed: number, f: (x: Float64Array) => number): Float64Array => {
  const u = baseSample(N, 2 * d, seed);
  const x = new Float64Array(d);
  return Float64Array.from({ length: N * (d + 2) }, (_, run) => {
    for (let i = 0; i < d; i++) {
      const { row, fromB } = saltelliSource(run, i, N);
      x[i] = u[row * 2 * d + (fromB ? d : 0) + i] as number;
    }
    return f(x);
  });
};

describe('Saltelli (2010) first-order and Jansen total-order estimators', () => {
  it('converge on a linear model: Si = STi = a_i² / Σ a_j²', () => {
    const a = [1, 2, 3, 0.5];
    const y = saltelli(20_000, a.length, 11, (x) => a.reduce((s, ai, i) => s + ai * (x[i] as number), 0));
    const est = sobolIndices(y, 20_000, a.length);
    const total = a.reduce((s, ai) => s + ai * ai, 0);
    a.forEach((ai, i) => {
      expect(Math.abs((est.Si[i] as number) - (ai * ai) / total), `S${i + 1}`).toBeLessThan(0.03);
      expect(Math.abs((est.STi[i] as number) - (ai * ai) / total), `ST${i + 1}`).toBeLessThan(0.03);
    });
    // Var(Σ a_i X_i) with X_i uniform on [0, 1): Σ a_i² / 12.
    expect(est.variance).toBeCloseTo(total / 12, 1);
  });

  it('converge on the Ishigami function (analytic indices, a = 7, b = 0.1)', () => {
    const A = 7;
    const B = 0.1;
    const pi = Math.PI;
    const ishigami = (u: Float64Array) => {
      const [x1, x2, x3] = Array.from(u, (v) => -pi + 2 * pi * v) as [number, number, number];
      return Math.sin(x1) + A * Math.sin(x2) ** 2 + B * x3 ** 4 * Math.sin(x1);
    };
    const V1 = 0.5 * (1 + (B * pi ** 4) / 5) ** 2;
    const V2 = A ** 2 / 8;
    const V13 = B ** 2 * pi ** 8 * (1 / 18 - 1 / 50);
    const V = V1 + V2 + V13;
    const N = 30_000;
    const est = sobolIndices(saltelli(N, 3, 5, ishigami), N, 3, { Nboot: 50, seed: 3 });
    const S = [V1 / V, V2 / V, 0];
    const ST = [(V1 + V13) / V, V2 / V, V13 / V];
    for (let i = 0; i < 3; i++) {
      expect(Math.abs((est.Si[i] as number) - (S[i] as number)), `S${i + 1}`).toBeLessThan(0.02);
      expect(Math.abs((est.STi[i] as number) - (ST[i] as number)), `ST${i + 1}`).toBeLessThan(0.02);
      // The bootstrap interval brackets its estimate.
      expect(est.Si_q5[i] as number).toBeLessThanOrEqual(est.Si[i] as number);
      expect(est.Si_q95[i] as number).toBeGreaterThanOrEqual(est.Si[i] as number);
      expect(est.STi_q5[i] as number).toBeLessThanOrEqual(est.STi[i] as number);
      expect(est.STi_q95[i] as number).toBeGreaterThanOrEqual(est.STi[i] as number);
    }
    expect(est.variance).toBeCloseTo(V, 0);
  });

  it('an input without effect gets exactly zero (COINr tests this with two equal alternatives)', () => {
    const y = saltelli(200, 2, 1, (x) => Math.round((x[0] as number) * 4));
    const est = sobolIndices(y, 200, 2);
    expect(est.Si[1]).toBe(0);
    expect(est.STi[1]).toBe(0);
    expect(est.STi[0] as number).toBeGreaterThan(0.5);
  });

  it('bootstrap: repeatable for a seed, different for another; NaN without Nboot', () => {
    const y = saltelli(500, 3, 9, (x) => (x[0] as number) + (x[1] as number) * (x[2] as number));
    const a = sobolIndices(y, 500, 3, { Nboot: 50, seed: 1 });
    const b = sobolIndices(y, 500, 3, { Nboot: 50, seed: 1 });
    const c = sobolIndices(y, 500, 3, { Nboot: 50, seed: 2 });
    expect(Array.from(a.Si_q5)).toEqual(Array.from(b.Si_q5));
    expect(Array.from(a.STi_q95)).toEqual(Array.from(b.STi_q95));
    expect(Array.from(a.Si_q5)).not.toEqual(Array.from(c.Si_q5));
    expect(Array.from(a.Si)).toEqual(Array.from(c.Si));
    const none = sobolIndices(y, 500, 3);
    expect(Array.from(none.Si_q5).every(Number.isNaN)).toBe(true);
  });

  it('rejects an output vector of the wrong length', () => {
    expect(() => sobolIndices(new Float64Array(10), 3, 2)).toThrow(/12 outputs, got 10/);
  });
});
