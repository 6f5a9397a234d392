// Entropy weights (熵权法): an indicator whose values differ more across units carries more
// information and gets more weight.
import type { Dataset } from '../types.js';

export interface EntropyOptions {
  /**
   * How values become non-negative before proportions are taken:
   * - "minmax" (default, the usual 熵权法 preprocessing): (x − min)/(max − min), or
   *   (max − x)/(max − min) for an indicator of direction −1;
   * - "none": values are used as they are and must not be negative (e.g. already normalised data).
   */
  normalise?: 'minmax' | 'none';
  /** Direction of each column (1 or −1), used by "minmax". Default all 1. */
  directions?: readonly (1 | -1)[];
  /** Added to every normalised value, a common textbook device to avoid ln 0. Default 0. */
  shift?: number;
}

export interface EntropyResult {
  iCodes: string[];
  /** w_j = (1 − e_j) / Σ(1 − e_k); they sum to 1. */
  weights: Float64Array;
  /** e_j = −k Σ p_ij ln p_ij with k = 1/ln n_j (n_j present values), taking 0·ln 0 = 0. */
  entropy: Float64Array;
  /** 1 − e_j, the degree of diversification. */
  divergence: Float64Array;
}

/**
 * Entropy weights of the columns of `data`. Missing values are left out of their column (n_j counts
 * the present ones). A column whose normalised values sum to 0 (a constant column under "minmax")
 * carries no information: e_j = 1, weight 0.
 */
export const entropyWeights = (data: Dataset, opts: EntropyOptions = {}): EntropyResult => {
  const { normalise = 'minmax', shift = 0 } = opts;
  const m = data.cols.length;
  if (m === 0) throw new Error('Entropy weights need at least one column');
  if (opts.directions && opts.directions.length !== m) {
    throw new Error(`directions has ${opts.directions.length} entries but there are ${m} columns`);
  }
  const entropy = new Float64Array(m);
  data.cols.forEach((col, j) => {
    const code = data.iCodes[j] ?? `column ${j + 1}`;
    const x = Array.from(col).filter((v) => !Number.isNaN(v));
    const n = x.length;
    if (n < 2) throw new Error(`Column "${code}" has ${n} present value(s); entropy needs at least 2`);
    let y: number[];
    if (normalise === 'minmax') {
      // A loop, not Math.min(...x): spreading a long column overflows the call stack.
      let lo = Number.POSITIVE_INFINITY;
      let hi = Number.NEGATIVE_INFINITY;
      for (const v of x) {
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
      const dir = opts.directions?.[j] ?? 1;
      y = x.map((v) => (hi === lo ? 0 : dir === 1 ? (v - lo) / (hi - lo) : (hi - v) / (hi - lo)));
    } else {
      const neg = x.find((v) => v < 0);
      if (neg !== undefined)
        throw new Error(`Column "${code}" has the negative value ${neg}; use normalise "minmax"`);
      y = x;
    }
    y = y.map((v) => v + shift);
    const total = y.reduce((s, v) => s + v, 0);
    if (!(total > 0)) {
      entropy[j] = 1;
      return;
    }
    let h = 0;
    for (const v of y) {
      const p = v / total;
      if (p > 0) h -= p * Math.log(p);
    }
    entropy[j] = h / Math.log(n);
  });
  const divergence = entropy.map((e) => 1 - e);
  const sum = divergence.reduce((s, d) => s + d, 0);
  if (!(sum > 0)) throw new Error('No column varies across units, so entropy weights are undefined');
  return { iCodes: [...data.iCodes], weights: divergence.map((d) => d / sum), entropy, divergence };
};
