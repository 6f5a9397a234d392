import { describe, expect, it } from 'vitest';
import { createRng, createStreamRng, rngFromState } from './random.js';

describe('xoshiro128** generator', () => {
  it('matches the reference algorithm from state (1, 2, 3, 4)', () => {
    // By hand from the C reference: out = rotl(s1·5, 7)·9, then the state update.
    // 1st: s1 = 2 → rotl(10, 7)·9 = 1280·9 = 11520; state → (7, 0, 1026, 12288)
    // 2nd: s1 = 0 → 0; state → (12295, 1029, 1029, 25165824)
    // 3rd: s1 = 1029 → rotl(5145, 7)·9 = 658560·9 = 5927040
    const r = rngFromState([1, 2, 3, 4]);
    expect([r.nextUint32(), r.nextUint32(), r.nextUint32()]).toEqual([11520, 0, 5927040]);
  });
  it('is repeatable for a seed, differs between seeds and between streams', () => {
    const a = createRng(2024);
    const b = createRng(2024);
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
    expect(createRng(2025).next()).not.toBe(xs[0]);
    expect(createStreamRng(2024, 0).next()).not.toBe(createStreamRng(2024, 1).next());
    const c = a.clone();
    expect(c.next()).toBe(a.next());
  });
  it('next() is in [0, 1); nextInt(n) is uniform on 0..n−1', () => {
    const r = createRng(7);
    const counts = new Array<number>(6).fill(0);
    for (let i = 0; i < 60000; i++) {
      const u = r.next();
      expect(u >= 0 && u < 1).toBe(true);
      const k = r.nextInt(6);
      counts[k] = (counts[k] ?? 0) + 1;
    }
    for (const c of counts) expect(Math.abs(c - 10000)).toBeLessThan(400); // ~4 standard deviations
    expect(() => r.nextInt(0)).toThrow(RangeError);
  });
  it('nextNormal has mean ≈ 0 and variance ≈ 1', () => {
    const r = createRng(11);
    let s = 0;
    let s2 = 0;
    const n = 40000;
    for (let i = 0; i < n; i++) {
      const z = r.nextNormal();
      s += z;
      s2 += z * z;
    }
    expect(Math.abs(s / n)).toBeLessThan(0.03);
    expect(Math.abs(s2 / n - 1)).toBeLessThan(0.03);
  });
});
