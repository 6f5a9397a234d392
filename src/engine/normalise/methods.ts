// Normalisation methods, keyed by COINr's names (COINr normalise.R). Each receives one column
// already multiplied by its direction (so "higher is better") and returns a new column; NaN stays
// NaN. Defaults are COINr's.
import { maxNA, meanNA, minNA, rankMin, sdNA, countValid } from '../pipeline/numeric.js';
import type { NormaliseParaArgs } from '../pipeline/spec.js';

export interface NormaliseContext {
  /** Unit codes of the rows (n_dist2ref accepts a uCode as its reference). */
  uCodes: readonly string[];
}

export type Normaliser = (x: Float64Array, p: NormaliseParaArgs, ctx: NormaliseContext) => Float64Array;

const cap1 = (y: Float64Array, cap: boolean | undefined): Float64Array => {
  if (cap) for (let i = 0; i < y.length; i++) if ((y[i] as number) > 1) y[i] = 1;
  return y;
};

export const NORMALISERS: Record<string, Normaliser> = {
  /** Min-max onto [l, u] (`l_u`, default [0, 100]): (x − min)/(max − min)·(u − l) + l. */
  n_minmax: (x, p) => {
    const [l, u] = p.l_u ?? [0, 100];
    const mn = minNA(x);
    const mx = maxNA(x);
    return x.map((v) => ((v - mn) / (mx - mn)) * (u - l) + l);
  },
  /** Z-score to mean m and standard deviation s (`m_sd`, default [0, 1]); sample sd (n − 1). */
  n_zscore: (x, p) => {
    const [m, s] = p.m_sd ?? [0, 1];
    const mean = meanNA(x);
    const sd = sdNA(x);
    return x.map((v) => ((v - mean) / sd) * s + m);
  },
  /** GII-style scaling (`npara` = [l, u], default [0, 100]): (x − l)/(u − l)·100. */
  n_scaled: (x, p) => {
    const [l, u] = p.npara ?? [0, 100];
    return x.map((v) => ((v - l) / (u - l)) * 100);
  },
  /** Distance to the maximum: 1 − (max − x)/(max − min), in [0, 1]. */
  n_dist2max: (x) => {
    const mn = minNA(x);
    const mx = maxNA(x);
    return x.map((v) => 1 - (mx - v) / (mx - mn));
  },
  /**
   * Distance to a reference unit's value: 1 − (x_ref − x)/(x_ref − min); `iref` is COINr's 1-based
   * row index or a uCode; `cap_max` caps scores above 1 at 1.
   */
  n_dist2ref: (x, p, ctx) => {
    const i = typeof p.iref === 'string' ? ctx.uCodes.indexOf(p.iref) : (p.iref ?? 0) - 1;
    if (i < 0 || i >= x.length)
      throw new RangeError(`n_dist2ref: reference ${JSON.stringify(p.iref)} is not a row of the data`);
    const ref = x[i] as number;
    const mn = minNA(x);
    return cap1(
      x.map((v) => 1 - (ref - v) / (ref - mn)),
      p.cap_max,
    );
  },
  /**
   * Distance to a target `targ`: (x − min)/(targ − min), or with `direction` −1
   * (max − x)/(max − targ); `cap_max` caps at 1. The target is taken as given: with iMeta
   * parameters COINr multiplies it by the indicator's Direction, as the data were.
   */
  n_dist2targ: (x, p) => {
    const targ = p.targ ?? NaN;
    if (Number.isNaN(targ)) throw new RangeError('n_dist2targ: targ is missing');
    if ((p.direction ?? 1) === 1) {
      const mn = minNA(x);
      return cap1(
        x.map((v) => (v - mn) / (targ - mn)),
        p.cap_max,
      );
    }
    const mx = maxNA(x);
    return cap1(
      x.map((v) => (mx - v) / (mx - targ)),
      p.cap_max,
    );
  },
  /** Fraction of the maximum: x / max. */
  n_fracmax: (x) => {
    const mx = maxNA(x);
    return x.map((v) => v / mx);
  },
  /** Rank, ascending, ties share the lowest rank (R `rank(ties = "min")`). */
  n_rank: (x) => rankMin(x),
  /** Borda score: rank − 1. */
  n_borda: (x) => rankMin(x).map((r) => r - 1),
  /** Percentile rank: (rank − 1)/(n − 1) over the n present values. */
  n_prank: (x) => {
    const n = countValid(x);
    return rankMin(x).map((r) => (r - 1) / (n - 1));
  },
  /**
   * Goalposts `gposts` = [l, u, a]: (x − l)/(u − l), or with `direction` −1 (x − u)/(l − u);
   * truncated to [0, 1] when `trunc2posts` (default true); then times a.
   */
  n_goalposts: (x, p) => {
    if (!p.gposts) throw new RangeError('n_goalposts: gposts [lower, upper, scale] is missing');
    const [l, u, a] = p.gposts;
    const flip = (p.direction ?? 1) === -1;
    const trunc = p.trunc2posts ?? true;
    return x.map((v) => {
      let y = flip ? (v - u) / (l - u) : (v - l) / (u - l);
      if (trunc) y = y > 1 ? 1 : y < 0 ? 0 : y;
      return y * a;
    });
  },
  none: (x) => x.slice(),
};
