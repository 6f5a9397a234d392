import { describe, expect, it } from 'vitest';
import { nelderMead } from './nelder-mead.js';

describe('nelderMead', () => {
  const rosenbrock = (x: Float64Array): number => {
    const [a, b] = [x[0] as number, x[1] as number];
    return 100 * (b - a * a) ** 2 + (1 - a) ** 2;
  };

  it("follows R's optim(): Rosenbrock from (-1.2, 1) ends where R's documented example does", () => {
    // R: optim(c(-1.2, 1), fr) gives par 1.000260 1.000506, value 8.825241e-08, 195 evaluations.
    const res = nelderMead(rosenbrock, [-1.2, 1]);
    expect(res.convergence).toBe(0);
    expect(res.evaluations).toBe(195);
    expect(res.par[0]).toBeCloseTo(1.00026, 6);
    expect(res.par[1]).toBeCloseTo(1.000506, 6);
    expect(res.value).toBeCloseTo(8.825241e-8, 13);
  });

  it('reaches the minimum of a convex quadratic to a tight tolerance', () => {
    const f = (x: Float64Array): number => ((x[0] as number) - 3) ** 2 + 2 * ((x[1] as number) + 1) ** 2 + 5;
    const res = nelderMead(f, [0, 0], { reltol: 1e-14, maxit: 5000 });
    expect(res.convergence).toBe(0);
    expect(res.par[0]).toBeCloseTo(3, 5);
    expect(res.par[1]).toBeCloseTo(-1, 5);
    expect(res.value).toBeCloseTo(5, 10);
  });

  it('reports running out of evaluations and treats non-finite values as very large', () => {
    expect(nelderMead(rosenbrock, [-1.2, 1], { maxit: 20 }).convergence).toBe(1);
    const g = (x: Float64Array): number =>
      (x[0] as number) < 0 ? Number.NaN : ((x[0] as number) - 1) ** 2 + ((x[1] as number) - 2) ** 2;
    const res = nelderMead(g, [0.5, 0.5], { reltol: 1e-12, maxit: 2000 });
    expect(res.convergence).toBe(0);
    expect(res.par[0]).toBeCloseTo(1, 5);
    expect(res.par[1]).toBeCloseTo(2, 5);
  });
});
