// Skewness, kurtosis and COINr's pass check, exactly as COINr defines them (`skew()`, `kurt()`,
// `check_SkewKurt()` in COINr's treat.R). They are e1071's "type 2" estimators (Excel's SKEW and
// KURT): sample skewness and sample *excess* kurtosis, adjusted for sample size.

interface Sums {
  n: number;
  s2: number;
  s3: number;
  s4: number;
}

/**
 * Central moment sums of the present values in one pass over a typed array (no copies: this runs
 * after every winsorisation step). The mean is R's two-pass mean. Undefined when a NaN is present
 * and `naRm` is false (R returns NA).
 */
const centralSums = (x: ArrayLike<number>, naRm: boolean): Sums | undefined => {
  let n = 0;
  let s = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i] as number;
    if (v !== v) {
      if (!naRm) return undefined;
      continue;
    }
    s += v;
    n++;
  }
  if (n === 0) return { n, s2: NaN, s3: NaN, s4: NaN };
  let m = s / n;
  let t = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i] as number;
    if (v === v) t += v - m;
  }
  m += t / n;
  let s2 = 0;
  let s3 = 0;
  let s4 = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i] as number;
    if (v !== v) continue;
    const d = v - m;
    const d2 = d * d;
    s2 += d2;
    s3 += d2 * d;
    s4 += d2 * d2;
  }
  return { n, s2, s3, s4 };
};

const skewOf = (c: Sums | undefined): number => {
  if (!c || c.n < 3) return NaN;
  const { n, s2, s3 } = c;
  const g1 = (Math.sqrt(n) * s3) / s2 ** 1.5;
  return (g1 * Math.sqrt(n * (n - 1))) / (n - 2);
};

const kurtOf = (c: Sums | undefined): number => {
  if (!c || c.n < 4) return NaN;
  const { n, s2, s4 } = c;
  const r = (n * s4) / (s2 * s2);
  return (((n + 1) * (r - 3) + 6) * (n - 1)) / ((n - 2) * (n - 3));
};

/**
 * Skewness, e1071 type 2: with deviations d = x − mean(x) over the n present values,
 *   g1 = √n · Σd³ / (Σd²)^(3/2),   G1 = g1 · √(n(n−1)) / (n−2).
 * NaN when n < 3 (COINr ≥ 1.1.x returns NA there).
 */
export const skew = (x: ArrayLike<number>, naRm = true): number => skewOf(centralSums(x, naRm));

/**
 * Excess kurtosis, e1071 type 2: with r = n · Σd⁴ / (Σd²)²,
 *   G2 = ((n+1)(r − 3) + 6) · (n−1) / ((n−2)(n−3)).
 * NaN when n < 4.
 */
export const kurt = (x: ArrayLike<number>, naRm = true): number => kurtOf(centralSums(x, naRm));

export interface SkewKurtCheck {
  /** R's three-valued logic: null = NA (e.g. skew undefined and kurtosis not below its threshold). */
  pass: boolean | null;
  skew: number;
  kurt: number;
}

/**
 * COINr `check_SkewKurt()`: passes when |skew| < skew_thresh OR kurt < kurt_thresh
 * (defaults 2 and 3.5), i.e. an indicator fails only when it is both skewed and heavy-tailed.
 */
export const checkSkewKurt = (
  x: ArrayLike<number>,
  naRm = true,
  skewThresh = 2,
  kurtThresh = 3.5,
): SkewKurtCheck => {
  const c = centralSums(x, naRm);
  const sk = skewOf(c);
  const kt = kurtOf(c);
  const a = Number.isNaN(sk) ? null : Math.abs(sk) < skewThresh;
  const b = Number.isNaN(kt) ? null : kt < kurtThresh;
  const pass = a === true || b === true ? true : a === null || b === null ? null : false;
  return { pass, skew: sk, kurt: kt };
};
