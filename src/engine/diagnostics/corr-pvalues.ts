// Two-sided p-values of correlation tests, as R's cor.test() computes them (COINr's get_corr uses them
// to blank correlations that are not significant). Each pair uses its complete rows.
// - Pearson: t = r·√(n−2)/√(1−r²) on n − 2 degrees of freedom.
// - Spearman: without ties (and n < 1290) the AS 89 algorithm of Best & Roberts (1975): exact
//   enumeration for n ≤ 9, an Edgeworth series above; with ties, the t approximation.
// - Kendall: without ties and n < 50 the exact null distribution (permutations by inversion count);
//   otherwise the normal approximation with the tie-corrected variance of S.
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import tCdf from '@stdlib/stats-base-dists-t-cdf';
import { completePairs, correlate, type CorType } from './correlation.js';
import { rankAverage } from './r-compat.js';

const pnorm = (x: number, lowerTail: boolean): number =>
  lowerTail ? normalCdf(x, 0, 1) : normalCdf(-x, 0, 1);
const pt = (x: number, df: number, lowerTail: boolean): number => (lowerTail ? tCdf(x, df) : tCdf(-x, df));

const pearsonP = (r: number, n: number): number => {
  const df = n - 2;
  const t = (Math.sqrt(df) * r) / Math.sqrt(1 - r * r);
  return 2 * Math.min(pt(t, df, true), pt(t, df, false));
};

/** Heap's algorithm over all permutations of 1..n; calls `visit` with each. */
const eachPermutation = (n: number, visit: (p: readonly number[]) => void): void => {
  const p = Array.from({ length: n }, (_, i) => i + 1);
  const c = new Array<number>(n).fill(0);
  visit(p);
  let i = 0;
  while (i < n) {
    if ((c[i] as number) < i) {
      const k = i % 2 === 0 ? 0 : (c[i] as number);
      [p[k], p[i]] = [p[i] as number, p[k] as number];
      visit(p);
      c[i] = (c[i] as number) + 1;
      i = 0;
    } else {
      c[i] = 0;
      i++;
    }
  }
};

// Edgeworth-series coefficients of AS 89.
const EDGEWORTH = [
  0.2274, 0.2531, 0.1745, 0.0758, 0.1033, 0.3932, 0.0879, 0.0151, 0.0072, 0.0831, 0.0131, 4.6e-4,
];

/** Pr[S ≥ s] (or Pr[S < s] with lowerTail) for S = Σ d² of Spearman's test under independence. */
const spearmanTail = (s: number, n: number, lowerTail: boolean): number => {
  const base = lowerTail ? 0 : 1;
  if (n <= 1 || s <= 0) return base;
  const n3 = (n * (n * n - 1)) / 3; // the largest possible S
  if (s > n3) return 1 - base;
  if (n <= 9) {
    let atLeast = 0;
    let total = 0;
    eachPermutation(n, (p) => {
      let d2 = 0;
      for (let i = 0; i < n; i++) d2 += (i + 1 - (p[i] as number)) ** 2;
      if (s <= d2) atLeast++;
      total++;
    });
    return (lowerTail ? total - atLeast : atLeast) / total;
  }
  const [c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12] = EDGEWORTH as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const b = 1 / n;
  const x = ((6 * (s - 1) * b) / (n * n - 1) - 1) * Math.sqrt(n - 1);
  const y = x * x;
  const u =
    x *
    b *
    (c1 +
      b * (c2 + c3 * b) +
      y * (-c4 + b * (c5 + c6 * b) - y * b * (c7 + c8 * b - y * (c9 - c10 * b + y * b * (c11 - c12 * y)))));
  const corr = u / Math.exp(y / 2);
  const pv = (lowerTail ? -corr : corr) + pnorm(x, lowerTail);
  return Math.min(1, Math.max(0, pv));
};

const hasTies = (x: Float64Array): boolean => new Set(x).size < x.length;

const spearmanP = (x: Float64Array, y: Float64Array): number => {
  const n = x.length;
  const r = correlate(rankAverage(x), rankAverage(y), 'pearson');
  const q = ((n ** 3 - n) * (1 - r)) / 6;
  const exact = n < 1290 && !hasTies(x) && !hasTies(y);
  const tail = (lower: boolean): number => {
    if (exact) return spearmanTail(Math.round(q) + 2 * (lower ? 1 : 0), n, lower);
    const rr = 1 - q / ((n * (n * n - 1)) / 6);
    return pt(rr / Math.sqrt((1 - rr * rr) / (n - 2)), n - 2, !lower);
  };
  const p = q > (n ** 3 - n) / 6 ? tail(false) : tail(true);
  return Math.min(2 * p, 1);
};

const kendallCache = new Map<number, Float64Array>();

/** Distribution of the inversion count of a random permutation of n items, cumulative. */
const kendallCdf = (n: number): Float64Array => {
  const cached = kendallCache.get(n);
  if (cached) return cached;
  const maxK = (n * (n - 1)) / 2;
  let counts = new Float64Array(maxK + 1);
  counts[0] = 1;
  for (let m = 2; m <= n; m++) {
    const next = new Float64Array(maxK + 1);
    for (let k = 0; k <= maxK; k++) {
      let s = 0;
      for (let j = 0; j < m && j <= k; j++) s += counts[k - j] as number;
      next[k] = s;
    }
    counts = next;
  }
  let total = 0;
  for (const c of counts) total += c;
  const cdf = new Float64Array(maxK + 1);
  let acc = 0;
  for (let k = 0; k <= maxK; k++) {
    acc += counts[k] as number;
    cdf[k] = acc / total;
  }
  kendallCache.set(n, cdf);
  return cdf;
};

const tieSizes = (x: Float64Array): number[] => {
  const m = new Map<number, number>();
  for (const v of x) m.set(v, (m.get(v) ?? 0) + 1);
  return [...m.values()].filter((t) => t > 1);
};

const kendallP = (x: Float64Array, y: Float64Array): number => {
  const n = x.length;
  const r = correlate(x, y, 'kendall');
  const ties = hasTies(x) || hasTies(y);
  if (n < 50 && !ties) {
    const cdf = kendallCdf(n);
    const at = (k: number): number => (k < 0 ? 0 : ((cdf[Math.min(k, cdf.length - 1)] as number) ?? 1));
    const q = Math.round(((r + 1) * n * (n - 1)) / 4);
    const p = q > (n * (n - 1)) / 4 ? 1 - at(q - 1) : at(q);
    return Math.min(2 * p, 1);
  }
  const tx = tieSizes(x);
  const ty = tieSizes(y);
  const sum = (a: number[], f: (t: number) => number): number => a.reduce((s, t) => s + f(t), 0);
  const t0 = (n * (n - 1)) / 2;
  const t1 = sum(tx, (t) => t * (t - 1)) / 2;
  const t2 = sum(ty, (t) => t * (t - 1)) / 2;
  const s = r * Math.sqrt((t0 - t1) * (t0 - t2));
  const v0 = n * (n - 1) * (2 * n + 5);
  const vt = sum(tx, (t) => t * (t - 1) * (2 * t + 5));
  const vu = sum(ty, (t) => t * (t - 1) * (2 * t + 5));
  const v1 = sum(tx, (t) => t * (t - 1)) * sum(ty, (t) => t * (t - 1));
  const v2 = sum(tx, (t) => t * (t - 1) * (t - 2)) * sum(ty, (t) => t * (t - 1) * (t - 2));
  const varS = (v0 - vt - vu) / 18 + v1 / (2 * n * (n - 1)) + v2 / (9 * n * (n - 1) * (n - 2));
  const z = s / Math.sqrt(varS);
  return 2 * Math.min(pnorm(z, true), pnorm(z, false));
};

/**
 * Two-sided p-value of the test of zero correlation between x and y (complete pairs). NaN when the
 * test is undefined: fewer than 3 complete pairs, or a constant column.
 */
export const corTestP = (x: ArrayLike<number>, y: ArrayLike<number>, type: CorType = 'pearson'): number => {
  const [a, b] = completePairs(x, y);
  const n = a.length;
  if (n < 3) return Number.NaN;
  if (type === 'pearson') {
    const r = correlate(a, b, 'pearson');
    return Number.isNaN(r) ? Number.NaN : pearsonP(r, n);
  }
  if (Number.isNaN(correlate(a, b, type))) return Number.NaN;
  return type === 'spearman' ? spearmanP(a, b) : kendallP(a, b);
};
