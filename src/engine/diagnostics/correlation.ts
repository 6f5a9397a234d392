// Pairwise correlations and covariances as R's cor()/cov() with use = "pairwise.complete.obs":
// each pair of columns uses the rows where both are present. Spearman ranks each pair's complete rows
// afresh (average ranks for ties) and correlates the ranks; Kendall is tau-b.
// Written for 10,000 units × 40 indicators: no allocation per pair for Pearson, one sort per column
// for Spearman, and Knight's O(n log n) count of discordant pairs for Kendall.
import type { Dataset } from '../types.js';

export type CorType = 'pearson' | 'spearman' | 'kendall';
export const COR_TYPES = ['pearson', 'spearman', 'kendall'] as const;

/** The rows where both x and y are present. */
export const completePairs = (x: ArrayLike<number>, y: ArrayLike<number>): [Float64Array, Float64Array] => {
  const n = Math.min(x.length, y.length);
  let k = 0;
  for (let i = 0; i < n; i++) if (!Number.isNaN(x[i] as number) && !Number.isNaN(y[i] as number)) k++;
  const xs = new Float64Array(k);
  const ys = new Float64Array(k);
  k = 0;
  for (let i = 0; i < n; i++) {
    const a = x[i] as number;
    const b = y[i] as number;
    if (!Number.isNaN(a) && !Number.isNaN(b)) {
      xs[k] = a;
      ys[k++] = b;
    }
  }
  return [xs, ys];
};

/**
 * Means, then sums of cross-products, over the rows where both are present. Means are refined with
 * the mean residual as R's mean() does.
 */
const pairMoments = (
  x: ArrayLike<number>,
  y: ArrayLike<number>,
): { n: number; sxy: number; sxx: number; syy: number } => {
  const len = Math.min(x.length, y.length);
  let n = 0;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < len; i++) {
    const a = x[i] as number;
    const b = y[i] as number;
    if (a === a && b === b) {
      n++;
      sx += a;
      sy += b;
    }
  }
  if (n < 2) return { n, sxy: Number.NaN, sxx: Number.NaN, syy: Number.NaN };
  let mx = sx / n;
  let my = sy / n;
  let rx = 0;
  let ry = 0;
  for (let i = 0; i < len; i++) {
    const a = x[i] as number;
    const b = y[i] as number;
    if (a === a && b === b) {
      rx += a - mx;
      ry += b - my;
    }
  }
  if (Number.isFinite(mx)) mx += rx / n;
  if (Number.isFinite(my)) my += ry / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < len; i++) {
    const a = x[i] as number;
    const b = y[i] as number;
    if (a === a && b === b) {
      const dx = a - mx;
      const dy = b - my;
      sxy += dx * dy;
      sxx += dx * dx;
      syy += dy * dy;
    }
  }
  return { n, sxy, sxx, syy };
};

const pearson = (x: ArrayLike<number>, y: ArrayLike<number>): number => {
  const { n, sxy, sxx, syy } = pairMoments(x, y);
  // Fewer than 2 pairs, or a constant column: no correlation (R gives NA).
  if (n < 2 || sxx === 0 || syy === 0) return Number.NaN;
  return Math.max(-1, Math.min(1, sxy / (Math.sqrt(sxx) * Math.sqrt(syy))));
};

/** Row indices of the present values of x, by value (stable). Computed once per column. */
const orderOf = (x: ArrayLike<number>): Int32Array => {
  const idx: number[] = [];
  for (let i = 0; i < x.length; i++) if (!Number.isNaN(x[i] as number)) idx.push(i);
  idx.sort((a, b) => (x[a] as number) - (x[b] as number) || a - b);
  return Int32Array.from(idx);
};

/** Average ranks of x among the rows where `other` is present too (NaN elsewhere), into `out`. */
const ranksWhere = (
  x: ArrayLike<number>,
  order: Int32Array,
  other: ArrayLike<number>,
  out: Float64Array,
): void => {
  out.fill(Number.NaN);
  let rank = 0;
  let k = 0;
  while (k < order.length) {
    const v = x[order[k] as number] as number;
    let end = k;
    let count = 0;
    while (end < order.length && x[order[end] as number] === v) {
      if (!Number.isNaN(other[order[end] as number] as number)) count++;
      end++;
    }
    const avg = rank + (count + 1) / 2;
    for (let t = k; t < end; t++) {
      const i = order[t] as number;
      if (!Number.isNaN(other[i] as number)) out[i] = avg;
    }
    rank += count;
    k = end;
  }
};

/** Number of inversions of `a` (pairs i < j with a[i] > a[j]), by merge sort; sorts `a`. */
const countInversions = (a: Float64Array): number => {
  const n = a.length;
  let buf: Float64Array = new Float64Array(n);
  let src: Float64Array = a;
  let swaps = 0;
  for (let width = 1; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let i = lo;
      let j = mid;
      let k = lo;
      while (i < mid && j < hi) {
        if ((src[j] as number) < (src[i] as number)) {
          buf[k++] = src[j++] as number;
          swaps += mid - i;
        } else buf[k++] = src[i++] as number;
      }
      while (i < mid) buf[k++] = src[i++] as number;
      while (j < hi) buf[k++] = src[j++] as number;
    }
    [src, buf] = [buf, src];
  }
  if (src !== a) a.set(src);
  return swaps;
};

/** Σ t(t−1)/2 over runs of equal values of a sorted array. */
const tiedPairs = (sorted: Float64Array): number => {
  let s = 0;
  let run = 1;
  for (let i = 1; i <= sorted.length; i++) {
    if (i < sorted.length && sorted[i] === sorted[i - 1]) run++;
    else {
      s += (run * (run - 1)) / 2;
      run = 1;
    }
  }
  return s;
};

/**
 * Kendall's tau-b (R's cor(method = "kendall")) by Knight's algorithm, O(n log n): walk the rows in
 * x order (`orderX`, from orderOf) keeping those where y is present, sort y within runs of tied x,
 * then count the inversions left in y.
 */
const kendall = (x: ArrayLike<number>, y: ArrayLike<number>, orderX: Int32Array = orderOf(x)): number => {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let k = 0; k < orderX.length; k++) {
    const i = orderX[k] as number;
    const b = y[i] as number;
    if (!Number.isNaN(b)) {
      xs.push(x[i] as number);
      ys.push(b);
    }
  }
  const n = xs.length;
  if (n < 2) return Number.NaN;
  const yv = Float64Array.from(ys);
  const xv = Float64Array.from(xs);
  for (let k = 0; k < n;) {
    let end = k + 1;
    while (end < n && xv[end] === xv[k]) end++;
    if (end - k > 1) yv.subarray(k, end).sort();
    k = end;
  }
  const n0 = (n * (n - 1)) / 2;
  const n1 = tiedPairs(xv);
  // Pairs tied on both x and y.
  let n3 = 0;
  let run = 1;
  for (let i = 1; i <= n; i++) {
    if (i < n && xv[i] === xv[i - 1] && yv[i] === yv[i - 1]) run++;
    else {
      n3 += (run * (run - 1)) / 2;
      run = 1;
    }
  }
  const swaps = countInversions(yv); // sorts yv
  const n2 = tiedPairs(yv);
  if (n0 === n1 || n0 === n2) return Number.NaN;
  const s = n0 - n1 - n2 + n3 - 2 * swaps;
  return s / (Math.sqrt(n0 - n1) * Math.sqrt(n0 - n2));
};

/** Correlation of two columns over their complete pairs. NaN when undefined (under 2 pairs, constant). */
export const correlate = (x: ArrayLike<number>, y: ArrayLike<number>, type: CorType = 'pearson'): number => {
  if (type === 'pearson') return pearson(x, y);
  if (type === 'kendall') return kendall(x, y);
  const n = Math.min(x.length, y.length);
  const rx = new Float64Array(n);
  const ry = new Float64Array(n);
  ranksWhere(x, orderOf(x), y, rx);
  ranksWhere(y, orderOf(y), x, ry);
  return pearson(rx, ry);
};

/** Sample covariance (n − 1) of two columns over their complete pairs. */
export const covariance = (x: ArrayLike<number>, y: ArrayLike<number>): number => {
  const { n, sxy } = pairMoments(x, y);
  return n < 2 ? Number.NaN : sxy / (n - 1);
};

const hasMissing = (x: ArrayLike<number>): boolean => {
  for (let i = 0; i < x.length; i++) if (Number.isNaN(x[i] as number)) return true;
  return false;
};

/**
 * Matrix of correlations: `out[i][j]` correlates column i of `a` with column j of `b`. When `a` and
 * `b` are the same columns only one triangle is computed (the measures are symmetric).
 */
export const corMatrix = (
  a: readonly ArrayLike<number>[],
  b: readonly ArrayLike<number>[],
  type: CorType = 'pearson',
): Float64Array[] => {
  const same = a.length === b.length && a.every((c, i) => c === b[i]);
  const out = a.map(() => new Float64Array(b.length));
  let pair: (i: number, j: number) => number;
  if (type === 'pearson') {
    pair = (i, j) => pearson(a[i] as ArrayLike<number>, b[j] as ArrayLike<number>);
  } else if (type === 'kendall') {
    const ordersA = a.map(orderOf);
    pair = (i, j) => kendall(a[i] as ArrayLike<number>, b[j] as ArrayLike<number>, ordersA[i] as Int32Array);
  } else {
    // Sort each column once. Complete columns keep one set of ranks for every pair; otherwise each
    // pair ranks its complete rows in one linear pass over the sorted order.
    const ordersA = a.map(orderOf);
    const ordersB = same ? ordersA : b.map(orderOf);
    const fullA = a.map((c, i) => (hasMissing(c) ? undefined : rankAverage(c, ordersA[i] as Int32Array)));
    const fullB = same
      ? fullA
      : b.map((c, j) => (hasMissing(c) ? undefined : rankAverage(c, ordersB[j] as Int32Array)));
    const n = Math.min(...a.map((c) => c.length), ...b.map((c) => c.length));
    const rx = new Float64Array(n);
    const ry = new Float64Array(n);
    pair = (i, j) => {
      let x = fullA[i];
      let y = fullB[j];
      if (!x || !y) {
        ranksWhere(a[i] as ArrayLike<number>, ordersA[i] as Int32Array, b[j] as ArrayLike<number>, rx);
        ranksWhere(b[j] as ArrayLike<number>, ordersB[j] as Int32Array, a[i] as ArrayLike<number>, ry);
        x = rx;
        y = ry;
      }
      return pearson(x, y);
    };
  }
  for (let i = 0; i < a.length; i++) {
    for (let j = same ? i : 0; j < b.length; j++) {
      const r = pair(i, j);
      (out[i] as Float64Array)[j] = r;
      if (same) (out[j] as Float64Array)[i] = r;
    }
  }
  return out;
};

/** Average ranks of a column with no missing value, from its sorted order. */
const rankAverage = (x: ArrayLike<number>, order: Int32Array): Float64Array => {
  const out = new Float64Array(x.length);
  ranksWhere(x, order, x, out);
  return out;
};

/** A column of a data set by code; throws naming the code when absent. */
export const columnOf = (data: Dataset, code: string): Float64Array => {
  const j = data.iCodes.indexOf(code);
  const col = data.cols[j];
  if (j < 0 || !col) throw new Error(`Column "${code}" is not in the data set`);
  return col;
};
