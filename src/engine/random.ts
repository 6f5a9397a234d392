// Seeded pseudo-random numbers. The engine never calls Math.random: every random choice takes an
// Rng so a seed repeats a run exactly, in Node and in the browser alike.
//
// Generator: xoshiro128** 1.1 (Blackman & Vigna, https://prng.di.unimi.it/xoshiro128starstar.c),
// 128 bits of state, period 2^128 − 1, passes BigCrush, and needs only 32-bit integer operations,
// which JavaScript does exactly with `Math.imul` and `>>> 0`. Seeds are expanded into the state
// with SplitMix32 so that nearby seeds (1, 2, 3 …) give unrelated streams and the state is never
// all zero.
import type { Rng } from './types.js';

export interface SeededRng extends Rng {
  /** Uniform float in [0, 1) with 32 bits of randomness. */
  next(): number;
  /** Uniform 32-bit unsigned integer. */
  nextUint32(): number;
  /** Uniform integer in [0, n) without modulo bias (n ≤ 2^32). */
  nextInt(n: number): number;
  /** Standard normal deviate (Box–Muller, both values used). */
  nextNormal(): number;
  /** An independent copy at the same position in the stream. */
  clone(): SeededRng;
  /** The four state words, e.g. to resume a stream in a worker. */
  state(): [number, number, number, number];
}

const rotl = (x: number, k: number): number => ((x << k) | (x >>> (32 - k))) >>> 0;

class Xoshiro128ss implements SeededRng {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  private spare = NaN;

  constructor(s: readonly [number, number, number, number]) {
    [this.s0, this.s1, this.s2, this.s3] = s.map((v) => v >>> 0) as [number, number, number, number];
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0)
      throw new Error('xoshiro128** state must not be all zero');
  }

  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5) >>> 0, 7), 9) >>> 0;
    const t = (this.s1 << 9) >>> 0;
    this.s2 = (this.s2 ^ this.s0) >>> 0;
    this.s3 = (this.s3 ^ this.s1) >>> 0;
    this.s1 = (this.s1 ^ this.s2) >>> 0;
    this.s0 = (this.s0 ^ this.s3) >>> 0;
    this.s2 = (this.s2 ^ t) >>> 0;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  next(): number {
    return this.nextUint32() / 4294967296;
  }

  nextInt(n: number): number {
    if (!(n >= 1 && n <= 4294967296 && Number.isInteger(n)))
      throw new RangeError(`nextInt needs an integer n in [1, 2^32], got ${n}`);
    // Rejection sampling: drop the top partial block so every residue is equally likely.
    const limit = 4294967296 - (4294967296 % n);
    for (;;) {
      const v = this.nextUint32();
      if (v < limit) return v % n;
    }
  }

  nextNormal(): number {
    if (!Number.isNaN(this.spare)) {
      const v = this.spare;
      this.spare = NaN;
      return v;
    }
    let u = 0;
    while (u === 0) u = this.next();
    const v = this.next();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  }

  clone(): SeededRng {
    const c = new Xoshiro128ss(this.state());
    c.spare = this.spare;
    return c;
  }

  state(): [number, number, number, number] {
    return [this.s0, this.s1, this.s2, this.s3];
  }
}

/** SplitMix32 step (Vigna's 32-bit variant of SplitMix64), used only to expand seeds. */
const splitmix32 = (seed: number): (() => number) => {
  let z = seed >>> 0;
  return () => {
    z = (z + 0x9e3779b9) >>> 0;
    let x = z;
    x = Math.imul(x ^ (x >>> 16), 0x85ebca6b) >>> 0;
    x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35) >>> 0;
    return (x ^ (x >>> 16)) >>> 0;
  };
};

/** A generator seeded from one number (its low 32 bits after truncation toward zero). */
export const createRng = (seed: number): SeededRng => {
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${seed}`);
  const next = splitmix32(Math.trunc(seed));
  return new Xoshiro128ss([next(), next(), next(), next()]);
};

/** A generator from an explicit 128-bit state (for tests against the reference C code, or resuming). */
export const rngFromState = (state: readonly [number, number, number, number]): SeededRng =>
  new Xoshiro128ss(state);

/**
 * Independent streams for parallel workers: stream `i` of seed `s` is seeded from a SplitMix32
 * hash of (s, i), so workers never share a stream and results do not depend on scheduling.
 */
export const createStreamRng = (seed: number, stream: number): SeededRng => {
  const mix = splitmix32(Math.trunc(seed) ^ Math.imul(Math.trunc(stream) + 1, 0x27d4eb2d));
  return new Xoshiro128ss([mix(), mix(), mix(), mix()]);
};
