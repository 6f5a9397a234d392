// The few statistics the analysis reports, with R's definitions (COINr computes them in R).

/** R's mean() without na.rm: NaN if any value is NaN; a second pass corrects the rounding of the sum. */
export const meanR = (x: ArrayLike<number>): number => {
  const n = x.length;
  if (n === 0) return NaN;
  let s = 0;
  for (let i = 0; i < n; i++) s += x[i] as number;
  const m = s / n;
  if (!Number.isFinite(m)) return m;
  let t = 0;
  for (let i = 0; i < n; i++) t += (x[i] as number) - m;
  return m + t / n;
};

/** R's var(): sample variance (n − 1); NaN if any value is NaN or n < 2. */
export const varR = (x: ArrayLike<number>): number => {
  const n = x.length;
  if (n < 2) return NaN;
  const m = meanR(x);
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const e = (x[i] as number) - m;
    ss += e * e;
  }
  return ss / (n - 1);
};

/**
 * R's quantile(x, p, type = 7) of values sorted ascending (no NaN): index h = 1 + (n − 1)p,
 * interpolated as (1 − f)·x[lo] + f·x[hi] exactly as R writes it, so results agree to the last bit.
 */
export const quantile7 = (sorted: ArrayLike<number>, p: number): number => {
  const n = sorted.length;
  if (n === 0) return NaN;
  const index = 1 + Math.max(n - 1, 0) * p;
  const lo = Math.floor(index);
  const hi = Math.ceil(index);
  const qs = sorted[lo - 1] as number;
  const xh = sorted[hi - 1] as number;
  if (index > lo && xh !== qs) {
    const h = index - lo;
    return (1 - h) * qs + h * xh;
  }
  return qs;
};

/** R's median() of values sorted ascending (no NaN). */
export const medianSorted = (sorted: ArrayLike<number>): number => {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = n >> 1;
  return n % 2 ? (sorted[h] as number) : ((sorted[h - 1] as number) + (sorted[h] as number)) / 2;
};

/** The non-missing values of `x` sorted ascending (R's na.rm = TRUE before a quantile). */
export const sortedValid = (x: ArrayLike<number>): Float64Array => {
  let n = 0;
  for (let i = 0; i < x.length; i++) if (!Number.isNaN(x[i] as number)) n++;
  const out = new Float64Array(n);
  let k = 0;
  for (let i = 0; i < x.length; i++) if (!Number.isNaN(x[i] as number)) out[k++] = x[i] as number;
  return out.sort();
};
