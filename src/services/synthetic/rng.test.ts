import { describe, expect, it } from 'vitest';
import { hashSeed, SeededRng } from './rng.js';

const draw = (seed: number, n: number) => {
  const r = new SeededRng(seed);
  return Array.from({ length: n }, () => r.next());
};

describe('SeededRng', () => {
  it('repeats a sequence for a seed and differs between seeds', () => {
    expect(draw(42, 50)).toEqual(draw(42, 50));
    expect(draw(42, 50)).not.toEqual(draw(43, 50));
  });

  it('draws uniforms in [0, 1) with the right mean, and normals with mean 0 and sd 1', () => {
    const r = new SeededRng(7);
    const u = Array.from({ length: 20_000 }, () => r.next());
    expect(Math.min(...u)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...u)).toBeLessThan(1);
    expect(u.reduce((a, b) => a + b, 0) / u.length).toBeCloseTo(0.5, 1);
    const z = Array.from({ length: 20_000 }, () => r.normal());
    const mean = z.reduce((a, b) => a + b, 0) / z.length;
    const sd = Math.sqrt(z.reduce((a, b) => a + (b - mean) ** 2, 0) / z.length);
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(sd - 1)).toBeLessThan(0.03);
  });

  it('draws Poisson counts with the requested mean, small and large', () => {
    const r = new SeededRng(3);
    for (const mean of [0.7, 5, 60]) {
      const k = Array.from({ length: 20_000 }, () => r.poisson(mean));
      expect(k.reduce((a, b) => a + b, 0) / k.length).toBeCloseTo(mean, mean > 10 ? 0 : 1);
    }
    expect(r.poisson(0)).toBe(0);
  });

  it('picks by weight and never picks a zero weight', () => {
    const r = new SeededRng(9);
    const counts = [0, 0, 0];
    for (let i = 0; i < 10_000; i++) counts[r.weighted([1, 0, 3])]! += 1;
    expect(counts[1]).toBe(0);
    expect((counts[2] as number) / 10_000).toBeCloseTo(0.75, 1);
    expect(() => r.weighted([0, 0])).toThrow(/positive total/);
  });

  it('derives different streams from one seed by key', () => {
    expect(hashSeed(1, 'a')).not.toBe(hashSeed(1, 'b'));
    expect(hashSeed(1, 'a')).not.toBe(hashSeed(2, 'a'));
    expect(hashSeed(1, 'a')).toBe(hashSeed(1, 'a'));
  });
});
