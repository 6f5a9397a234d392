// Monte Carlo designs as COINr builds them (get_sensitivity, SA_sample, sample_2_para), with our own
// seeded generator. Every random number comes from a stream derived from (seed, purpose, index),
// never from one shared sequence, so a sample row is the same whichever thread asks for it and
// however many rows come before it.
import { createStreamRng, type SeededRng } from '../random.js';

/** What a stream is used for; each purpose has its own family of streams. */
export const PURPOSE = { design: 1, bootstrap: 2, noisyWeights: 16 } as const;

/** Stream `index` of `purpose` for `seed` (purpose seeds are hashed so families never overlap). */
export const streamFor = (seed: number, purpose: number, index: number): SeededRng => {
  const family = createStreamRng(seed, 0x7fff0000 + purpose).nextUint32();
  return createStreamRng(family, index);
};

/**
 * The base sample: `rows` × `width` uniforms in [0, 1), row-major, row r from stream r.
 * UA uses N × d (COINr: runif(d·N) as an N × d matrix). SA uses N × 2d, whose first d columns are
 * Saltelli's matrix A and last d columns matrix B (COINr's SA_sample: Xbase = runif(2dN)).
 */
export const baseSample = (rows: number, width: number, seed: number): Float64Array => {
  const out = new Float64Array(rows * width);
  for (let r = 0; r < rows; r++) {
    const rng = streamFor(seed, PURPOSE.design, r);
    for (let j = 0; j < width; j++) out[r * width + j] = rng.next();
  }
  return out;
};

/**
 * Which row of the base sample, and which half (A or B), input `i` of run `run` reads in the
 * Saltelli design. Runs are ordered as COINr orders them: A (N rows), B (N rows), then AB_1 … AB_d,
 * where AB_i is A with column i taken from B.
 */
export const saltelliSource = (run: number, i: number, N: number): { row: number; fromB: boolean } => {
  if (run < N) return { row: run, fromB: false };
  if (run < 2 * N) return { row: run - N, fromB: true };
  const k = run - 2 * N;
  return { row: k % N, fromB: Math.floor(k / N) === i };
};

/**
 * R's `cut(x, n)` as COINr's sample_2_para uses it to map uniforms to one of n discrete
 * alternatives: the *observed* range of the sample column is split into n equal intervals,
 * right-closed, with the outer breaks pushed out by 1/1000 of the range. So the mapping depends on
 * the column's min and max, not on [0, 1]; for large samples the two agree. Returns 0-based codes.
 * (R refuses n < 2; one alternative simply maps everything to it.)
 */
export const cutIndices = (x: ArrayLike<number>, n: number): Int32Array => {
  const out = new Int32Array(x.length);
  if (n <= 1 || x.length === 0) return out;
  let lo = Infinity;
  let hi = -Infinity;
  for (let k = 0; k < x.length; k++) {
    const v = x[k] as number;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  let dx = hi - lo;
  const breaks = new Float64Array(n + 1);
  if (dx === 0) {
    dx = lo !== 0 ? Math.abs(lo) : 1;
    const from = lo - dx / 1000;
    const by = (hi + dx / 1000 - from) / n;
    for (let b = 0; b <= n; b++) breaks[b] = from + b * by;
  } else {
    const by = dx / n;
    for (let b = 0; b <= n; b++) breaks[b] = lo + b * by;
    breaks[0] = lo - dx / 1000;
    breaks[n] = hi + dx / 1000;
  }
  for (let k = 0; k < x.length; k++) {
    const v = x[k] as number;
    // Right-closed intervals (breaks[b], breaks[b + 1]]: the code is the number of inner breaks below v.
    let b = 0;
    while (b < n - 1 && v > (breaks[b + 1] as number)) b++;
    out[k] = b;
  }
  return out;
};

/** COINr's continuous inputs: x scaled to [lower, upper]. */
export const scaleUniform = (u: number, lower: number, upper: number): number => u * (upper - lower) + lower;
