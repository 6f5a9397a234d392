// Outlier treatments for one vector, keyed by COINr's names (COINr treat.R). Each returns the
// treated vector and, when COINr records it, a per-point label for the Treated_Points table.
import { minNA, maxNA } from '../pipeline/numeric.js';
import { skew } from './moments.js';
import { winsorise } from './winsorise.js';

export interface TreatParams {
  naRm: boolean;
  winmax: number | null;
  skewThresh: number;
  kurtThresh: number;
  forceWin: boolean;
  lambda: number | undefined;
  makepos: boolean;
}

export interface TreatOutput {
  x: Float64Array;
  /** Per-point labels ("" = untouched); undefined when the method records none (boxcox). */
  treated: string[] | undefined;
  /** Number of winsorised points (winsorise only). */
  nwin?: number;
}

const extremes = (x: Float64Array, naRm: boolean): [number, number] => {
  if (!naRm && x.some(Number.isNaN)) return [NaN, NaN];
  return [minNA(x), maxNA(x)];
};
const label = (n: number, l: string): string[] => new Array<string>(n).fill(l);

/**
 * - `winsorise`: see winsorise.ts (default f1).
 * - `log_CT`: log(x − min + 0.01·(max − min)), COINr's modified "COIN Tool" log (default f2).
 * - `log_CT_plus`: log_CT when skew > 0, else −log(max + 0.01·(max − min) − x), labelled "log_CT_neg".
 * - `log_CT_orig`: log(x − min + 1).
 * - `log_GII`: log((max − 1)(x − min)/(max − min) + 1), the GII 2020 log. NOTE: COINr 1.1.14 computes
 *   this but returns x unchanged (a bug in its source); we apply the documented formula.
 * - `boxcox`: Box–Cox with fixed `lambda` (required): ((x')^λ − 1)/λ, or log(x') when λ = 0, where
 *   x' = x − min + 1 if `makepos` (default true). COINr records no point labels for it.
 */
export const TRANSFORMS: Record<string, (x: Float64Array, p: TreatParams) => TreatOutput> = {
  winsorise: (x, p) => winsorise(x, p),
  log_CT: (x, p) => {
    const [mn, mx] = extremes(x, p.naRm);
    return { x: x.map((v) => Math.log(v - mn + 0.01 * (mx - mn))), treated: label(x.length, 'log_CT') };
  },
  log_CT_plus: (x) => {
    const mn = minNA(x);
    const mx = maxNA(x);
    const a = 0.01 * (mx - mn);
    if (skew(x, true) > 0)
      return { x: x.map((v) => Math.log(v - mn + a)), treated: label(x.length, 'log_CT') };
    return { x: x.map((v) => -Math.log(mx + a - v)), treated: label(x.length, 'log_CT_neg') };
  },
  log_CT_orig: (x, p) => {
    const [mn] = extremes(x, p.naRm);
    return { x: x.map((v) => Math.log(v - mn + 1)), treated: label(x.length, 'log_CT_orig') };
  },
  log_GII: (x, p) => {
    const [mn, mx] = extremes(x, p.naRm);
    return {
      x: x.map((v) => Math.log(((mx - 1) * (v - mn)) / (mx - mn) + 1)),
      treated: label(x.length, 'log_GII'),
    };
  },
  boxcox: (x, p) => {
    const lambda = p.lambda ?? NaN;
    const [mn] = p.makepos ? extremes(x, p.naRm) : [0];
    const shift = p.makepos ? 1 - (mn as number) : 0;
    return {
      x: x.map((v) => (lambda === 0 ? Math.log(v + shift) : ((v + shift) ** lambda - 1) / lambda)),
      treated: undefined,
    };
  },
};
