// Summary moments of one column, with R's definitions (the ones COINr's get_stats reports).
// Every function takes the values already stripped of NaN (see `present`).

/** The non-NaN values of a column, in order. R's `x[!is.na(x)]`. */
export const present = (x: ArrayLike<number>): Float64Array => {
  let n = 0;
  for (let i = 0; i < x.length; i++) if (!Number.isNaN(x[i] as number)) n++;
  const out = new Float64Array(n);
  let k = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i] as number;
    if (!Number.isNaN(v)) out[k++] = v;
  }
  return out;
};

/**
 * Arithmetic mean. Like R's mean.default we refine the first estimate with the mean residual, which
 * removes most of the rounding error of the plain sum.
 */
export const mean = (x: ArrayLike<number>): number => {
  const n = x.length;
  if (n === 0) return Number.NaN;
  let s = 0;
  for (let i = 0; i < n; i++) s += x[i] as number;
  let m = s / n;
  if (!Number.isFinite(m)) return m;
  let r = 0;
  for (let i = 0; i < n; i++) r += (x[i] as number) - m;
  m += r / n;
  return m;
};

/** Sample variance (denominator n − 1), R's `var`. NaN for fewer than 2 values. */
export const variance = (x: ArrayLike<number>): number => {
  const n = x.length;
  if (n < 2) return Number.NaN;
  const m = mean(x);
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = (x[i] as number) - m;
    ss += d * d;
  }
  return ss / (n - 1);
};

/** Sample standard deviation, R's `sd`. */
export const sd = (x: ArrayLike<number>): number => Math.sqrt(variance(x));

/** Median; the mean of the two middle values for an even count (R's `median`). */
export const median = (x: ArrayLike<number>): number => {
  const n = x.length;
  if (n === 0) return Number.NaN;
  const s = Float64Array.from(x).sort();
  const h = Math.floor(n / 2);
  return n % 2 === 1 ? (s[h] as number) : ((s[h - 1] as number) + (s[h] as number)) / 2;
};

const centralSums = (x: ArrayLike<number>): { s2: number; s3: number; s4: number } => {
  const m = mean(x);
  let s2 = 0;
  let s3 = 0;
  let s4 = 0;
  for (let i = 0; i < x.length; i++) {
    const d = (x[i] as number) - m;
    const d2 = d * d;
    s2 += d2;
    s3 += d2 * d;
    s4 += d2 * d2;
  }
  return { s2, s3, s4 };
};

/**
 * Sample skewness, the "type 2" estimator (e1071::skewness type 2, Excel's SKEW), which COINr's
 * `skew()` uses: G1 = g1 · √(n(n−1)) / (n−2) with g1 = √n · Σd³ / (Σd²)^{3/2}. NaN below 3 values.
 */
export const skew = (x: ArrayLike<number>): number => {
  const n = x.length;
  if (n < 3) return Number.NaN;
  const { s2, s3 } = centralSums(x);
  const g1 = (Math.sqrt(n) * s3) / s2 ** 1.5;
  return (g1 * Math.sqrt(n * (n - 1))) / (n - 2);
};

/**
 * Sample excess kurtosis, "type 2" (e1071::kurtosis type 2, Excel's KURT), as COINr's `kurt()`:
 * ((n+1)(r − 3) + 6)(n−1) / ((n−2)(n−3)) with r = n Σd⁴ / (Σd²)². NaN below 4 values.
 */
export const kurt = (x: ArrayLike<number>): number => {
  const n = x.length;
  if (n < 4) return Number.NaN;
  const { s2, s4 } = centralSums(x);
  const r = (n * s4) / (s2 * s2);
  return (((n + 1) * (r - 3) + 6) * (n - 1)) / ((n - 2) * (n - 3));
};
