// Pairwise correlations and covariances as R's cor()/cov() with use = "pairwise.complete.obs":
// each pair of columns uses the rows where both are present. Spearman ranks each pair's complete rows
// afresh (average ranks for ties) and correlates the ranks; Kendall is tau-b.
import type { Dataset } from '../types.js';
import { meanNA as mean } from '../pipeline/numeric.js';
import { rankAverage } from './r-compat.js';

export type CorType = 'pearson' | 'spearman' | 'kendall';
export const COR_TYPES = ['pearson', 'spearman', 'kendall'] as const;

/** The rows where both x and y are present. */
export const completePairs = (x: ArrayLike<number>, y: ArrayLike<number>): [Float64Array, Float64Array] => {
  const n = Math.min(x.length, y.length);
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < n; i++) {
    const a = x[i] as number;
    const b = y[i] as number;
    if (!Number.isNaN(a) && !Number.isNaN(b)) {
      xs.push(a);
      ys.push(b);
    }
  }
  return [Float64Array.from(xs), Float64Array.from(ys)];
};

const pearsonComplete = (x: Float64Array, y: Float64Array): number => {
  const n = x.length;
  if (n < 2) return Number.NaN;
  const mx = mean(x);
  const my = mean(y);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (x[i] as number) - mx;
    const dy = (y[i] as number) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  // A constant column has no correlation (R returns NA with a warning).
  if (sxx === 0 || syy === 0) return Number.NaN;
  const r = sxy / (Math.sqrt(sxx) * Math.sqrt(syy));
  return Math.max(-1, Math.min(1, r));
};

const kendallComplete = (x: Float64Array, y: Float64Array): number => {
  const n = x.length;
  if (n < 2) return Number.NaN;
  let s = 0;
  let tx = 0;
  let ty = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const a = Math.sign((x[i] as number) - (x[j] as number));
      const b = Math.sign((y[i] as number) - (y[j] as number));
      s += a * b;
      tx += a * a;
      ty += b * b;
    }
  }
  if (tx === 0 || ty === 0) return Number.NaN;
  return s / (Math.sqrt(tx) * Math.sqrt(ty));
};

/** Correlation of two columns over their complete pairs. NaN when undefined (under 2 pairs, constant). */
export const correlate = (x: ArrayLike<number>, y: ArrayLike<number>, type: CorType = 'pearson'): number => {
  const [a, b] = completePairs(x, y);
  if (type === 'pearson') return pearsonComplete(a, b);
  if (type === 'spearman') return pearsonComplete(rankAverage(a), rankAverage(b));
  return kendallComplete(a, b);
};

/** Sample covariance (n − 1) of two columns over their complete pairs. */
export const covariance = (x: ArrayLike<number>, y: ArrayLike<number>): number => {
  const [a, b] = completePairs(x, y);
  const n = a.length;
  if (n < 2) return Number.NaN;
  const ma = mean(a);
  const mb = mean(b);
  let s = 0;
  for (let i = 0; i < n; i++) s += ((a[i] as number) - ma) * ((b[i] as number) - mb);
  return s / (n - 1);
};

/** Matrix of correlations: `out[i][j]` correlates column i of `a` with column j of `b`. */
export const corMatrix = (
  a: readonly ArrayLike<number>[],
  b: readonly ArrayLike<number>[],
  type: CorType = 'pearson',
): Float64Array[] => a.map((x) => Float64Array.from(b, (y) => correlate(x, y, type)));

/** A column of a data set by code; throws naming the code when absent. */
export const columnOf = (data: Dataset, code: string): Float64Array => {
  const j = data.iCodes.indexOf(code);
  const col = data.cols[j];
  if (j < 0 || !col) throw new Error(`Column "${code}" is not in the data set`);
  return col;
};
