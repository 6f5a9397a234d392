// Indicator statistics table, COINr's get_stats(): one row per column with location, spread, shape,
// data availability, zeros, unique values and the flags an index team checks before treating data.
import type { Dataset } from '../types.js';
import { meanNA, medianNA, sdNA } from '../pipeline/numeric.js';
import { kurt, skew } from '../treat/moments.js';
import { signif } from './r-compat.js';

export type Flag = 'ok' | 'LOW';

export interface StatsRow {
  iCode: string;
  Min: number;
  Max: number;
  Mean: number;
  Median: number;
  Std: number;
  Skew: number;
  Kurt: number;
  'N.Avail': number;
  'N.NonZero': number;
  'N.Unique': number;
  /** Size of the largest set of equal values. */
  'N.Same': number;
  'Frc.Avail': number;
  'Frc.NonZero': number;
  'Frc.Unique': number;
  'Frc.Same': number;
  'Flag.Avail': Flag;
  'Flag.NonZero': Flag;
  'Flag.Unique': Flag;
  /** "OUT" when |skew| > t_skew and kurtosis > t_kurt; null when either cannot be computed. */
  'Flag.SkewKurt': 'ok' | 'OUT' | null;
}

export interface StatsOptions {
  /** Absolute skewness threshold of Flag.SkewKurt. Default 2. */
  tSkew?: number;
  /** Kurtosis threshold of Flag.SkewKurt. Default 3.5. */
  tKurt?: number;
  /** Flag.Avail is LOW when the available share is below this. Default 0.65. */
  tAvail?: number;
  /** Flag.NonZero is LOW when the non-zero share (of all rows) is below this. Default 0.5. */
  tZero?: number;
  /** Flag.Unique is LOW when the unique share (of all rows) is below this. Default 0.5. */
  tUnq?: number;
  /** Significant digits of every number in the table; null keeps full precision. Default 3. */
  nsignif?: number | null;
}

const minMax = (x: Float64Array): [number, number] => {
  // R's min/max of an empty vector are Inf and -Inf.
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const v of x) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return [lo, hi];
};

/**
 * Size of the largest group of equal values. R's `max(table(x))` groups values by their 15-digit
 * text form, so values equal to 15 significant digits count as the same. Sorted, such values are
 * neighbours, and only neighbours closer than 1e-14 (relative) can share a 15-digit form.
 */
const largestTie = (x: Float64Array): number => {
  if (x.length === 0) return Number.NEGATIVE_INFINITY;
  const s = Float64Array.from(x).sort();
  const sameKey = (a: number, b: number): boolean =>
    a === b ||
    (Math.abs(b - a) < 1e-14 * Math.max(Math.abs(a), Math.abs(b)) && a.toPrecision(15) === b.toPrecision(15));
  let best = 1;
  let run = 1;
  for (let i = 1; i < s.length; i++) {
    run = sameKey(s[i - 1] as number, s[i] as number) ? run + 1 : 1;
    if (run > best) best = run;
  }
  return best;
};

/** Statistics of one column; `nRows` is the number of rows including missing ones. */
export const columnStats = (
  iCode: string,
  col: ArrayLike<number>,
  nRows: number,
  opts: StatsOptions = {},
): StatsRow => {
  const { tSkew = 2, tKurt = 3.5, tAvail = 0.65, tZero = 0.5, tUnq = 0.5 } = opts;
  const x = Float64Array.from(col).filter((v) => !Number.isNaN(v));
  const nAvail = x.length;
  let nZero = 0;
  for (const v of x) if (v !== 0) nZero++;
  // Set uses SameValueZero, so 0 and -0 are one value, as in R's unique().
  const nUnq = new Set(x).size;
  const nSame = largestTie(x);
  const [lo, hi] = minMax(x);
  const sk = skew(x);
  const kt = kurt(x);
  const prcAvail = nAvail / nRows;
  return {
    iCode,
    Min: lo,
    Max: hi,
    Mean: meanNA(x),
    Median: medianNA(x),
    Std: sdNA(x),
    Skew: sk,
    Kurt: kt,
    'N.Avail': nAvail,
    'N.NonZero': nZero,
    'N.Unique': nUnq,
    'N.Same': nSame,
    'Frc.Avail': prcAvail,
    'Frc.NonZero': nZero / nAvail,
    'Frc.Unique': nUnq / nAvail,
    'Frc.Same': nSame / nAvail,
    'Flag.Avail': prcAvail >= tAvail ? 'ok' : 'LOW',
    // COINr divides by all rows here but by available rows in Frc.*; we keep its choice.
    'Flag.NonZero': nZero / nRows >= tZero ? 'ok' : 'LOW',
    'Flag.Unique': nUnq / nRows >= tUnq ? 'ok' : 'LOW',
    'Flag.SkewKurt':
      Number.isNaN(sk) || Number.isNaN(kt) ? null : Math.abs(sk) > tSkew && kt > tKurt ? 'OUT' : 'ok',
  };
};

const NUMERIC_FIELDS = [
  'Min',
  'Max',
  'Mean',
  'Median',
  'Std',
  'Skew',
  'Kurt',
  'N.Avail',
  'N.NonZero',
  'N.Unique',
  'N.Same',
  'Frc.Avail',
  'Frc.NonZero',
  'Frc.Unique',
  'Frc.Same',
] as const satisfies readonly (keyof StatsRow)[];

/**
 * COINr's get_stats(): a row per column of `data`, in column order. Defaults follow COINr
 * (t_skew 2, t_kurt 3.5, t_avail 0.65, t_zero 0.5, t_unq 0.5, 3 significant digits); rounding is
 * applied to every number, counts included, as COINr's signif_df does.
 */
export const getStats = (data: Dataset, opts: StatsOptions = {}): StatsRow[] => {
  const nsignif = opts.nsignif === undefined ? 3 : opts.nsignif;
  const n = data.uCodes.length;
  return data.iCodes.map((code, j) => {
    const row = columnStats(code, data.cols[j] as Float64Array, n, opts);
    if (nsignif !== null) for (const f of NUMERIC_FIELDS) row[f] = signif(row[f], nsignif);
    return row;
  });
};
