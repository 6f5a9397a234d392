// Column statistics with R's conventions (NaN = NA, `na.rm = TRUE`), shared by the stages.

/** True when any value is missing (a plain loop: much faster than `some(Number.isNaN)`). */
export const hasNaN = (x: ArrayLike<number>): boolean => {
  for (let i = 0; i < x.length; i++) if ((x[i] as number) !== (x[i] as number)) return true;
  return false;
};

/** Number of non-missing values. */
export const countValid = (x: ArrayLike<number>): number => {
  let n = 0;
  for (let i = 0; i < x.length; i++) if (!Number.isNaN(x[i] as number)) n++;
  return n;
};

/**
 * Mean of the non-missing values, computed like R's `mean()`: a second pass adds the mean of the
 * residuals, which removes most rounding error of the first sum. NaN when nothing is left.
 */
export const meanNA = (x: ArrayLike<number>): number => {
  let s = 0;
  let n = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i] as number;
    if (!Number.isNaN(v)) {
      s += v;
      n++;
    }
  }
  if (n === 0) return NaN;
  const m = s / n;
  if (!Number.isFinite(m)) return m;
  let t = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i] as number;
    if (!Number.isNaN(v)) t += v - m;
  }
  return m + t / n;
};

/** Sample standard deviation (denominator n − 1) of the non-missing values, like R's `sd()`. */
export const sdNA = (x: ArrayLike<number>): number => {
  const m = meanNA(x);
  let ss = 0;
  let n = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i] as number;
    if (!Number.isNaN(v)) {
      ss += (v - m) * (v - m);
      n++;
    }
  }
  return n < 2 ? NaN : Math.sqrt(ss / (n - 1));
};

/** Median of the non-missing values (mean of the two middle values for an even count), like R. */
export const medianNA = (x: ArrayLike<number>): number => {
  const v: number[] = [];
  for (let i = 0; i < x.length; i++) if (!Number.isNaN(x[i] as number)) v.push(x[i] as number);
  if (v.length === 0) return NaN;
  const s = Float64Array.from(v).sort();
  const h = s.length >> 1;
  return s.length % 2 ? (s[h] as number) : ((s[h - 1] as number) + (s[h] as number)) / 2;
};

export const minNA = (x: ArrayLike<number>): number => {
  let m = Infinity;
  let any = false;
  for (let i = 0; i < x.length; i++) {
    const v = x[i] as number;
    if (!Number.isNaN(v)) {
      any = true;
      if (v < m) m = v;
    }
  }
  return any ? m : NaN;
};

export const maxNA = (x: ArrayLike<number>): number => {
  let m = -Infinity;
  let any = false;
  for (let i = 0; i < x.length; i++) {
    const v = x[i] as number;
    if (!Number.isNaN(v)) {
      any = true;
      if (v > m) m = v;
    }
  }
  return any ? m : NaN;
};

/**
 * Ranks like R's `rank(x, ties.method = "min", na.last = "keep")`: ascending, ties share the
 * lowest rank, NaN stays NaN. Pass `descending` for "higher score = rank 1" (rank(-x)).
 */
export const rankMin = (x: ArrayLike<number>, descending = false): Float64Array => {
  const n = x.length;
  const out = new Float64Array(n).fill(NaN);
  const idx: number[] = [];
  for (let i = 0; i < n; i++) if (!Number.isNaN(x[i] as number)) idx.push(i);
  const sign = descending ? -1 : 1;
  idx.sort((a, b) => sign * ((x[a] as number) - (x[b] as number)));
  let r = 1;
  for (let k = 0; k < idx.length; k++) {
    const i = idx[k] as number;
    if (k > 0 && (x[i] as number) !== (x[idx[k - 1] as number] as number)) r = k + 1;
    out[i] = r;
  }
  return out;
};

/**
 * Row order for R's `order(-x)`: descending, stable (equal values keep their order), NaN last.
 */
export const orderDescending = (x: ArrayLike<number>): number[] => {
  const idx = Array.from({ length: x.length }, (_, i) => i);
  return idx.sort((a, b) => {
    const va = x[a] as number;
    const vb = x[b] as number;
    const na = Number.isNaN(va);
    const nb = Number.isNaN(vb);
    if (na || nb) return na === nb ? a - b : na ? 1 : -1;
    return vb - va || a - b;
  });
};

/**
 * R's `round(x, digits)` (R ≥ 4.0.0): of the two decimal candidates around x, the one nearer to x
 * as a double; an exact tie goes to the even last digit.
 */
export const roundR = (x: number, digits: number): number => {
  if (!Number.isFinite(x)) return x;
  const p = 10 ** digits;
  const lo = Math.floor(x * p) / p;
  const hi = Math.ceil(x * p) / p;
  const dl = x - lo;
  const dh = hi - x;
  if (dl < dh) return lo;
  if (dh < dl) return hi;
  return Math.round(lo * p) % 2 === 0 ? lo : hi;
};
