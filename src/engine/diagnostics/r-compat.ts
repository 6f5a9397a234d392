// Numeric and ordering conventions of R that COINr's diagnostics depend on and the pipeline's
// helpers (pipeline/numeric.ts, framework.ts) do not already provide: signif(), average ranks, and
// ordering on several keys.
import { compareCodes } from '../framework.js';

// Powers of ten up to 1e22 are exact doubles; R's R_pow_di gives the same values.
const pow10 = (n: number): number => {
  if (n <= 22) return Number(`1e${n}`);
  let r = 1;
  for (let i = 0; i < n; i++) r *= 10;
  return r;
};

/** C's nearbyint in the default rounding mode: to nearest, ties to even. */
const nearbyint = (v: number): number => {
  const f = Math.floor(v);
  const diff = v - f;
  if (diff < 0.5) return f;
  if (diff > 0.5) return f + 1;
  return f % 2 === 0 ? f : f + 1;
};

/**
 * R's `signif(x, digits)` (nmath fprec): scale by a power of ten in double arithmetic, round to the
 * nearest integer (ties to even), scale back. Working in doubles matters: signif(9.205, 3) is 9.2 in
 * R because 9.205 × 100 rounds to exactly 920.5, although 9.205 is stored slightly above 9.205.
 */
export const signif = (x: number, digits: number): number => {
  if (!Number.isFinite(x) || x === 0) return x;
  const dig = Math.min(22, Math.max(1, Math.trunc(digits)));
  const sgn = x < 0 ? -1 : 1;
  const ax = Math.abs(x);
  const l10 = Math.log10(ax);
  if (Math.abs(l10) >= 308 - 2) return x;
  let e10 = dig - 1 - Math.floor(l10);
  let p10 = 1;
  if (e10 > 308) {
    p10 = pow10(e10 - 308);
    e10 = 308;
  }
  if (e10 > 0) {
    const p = pow10(e10);
    return (sgn * (nearbyint(ax * p * p10) / p)) / p10;
  }
  const p = pow10(-e10);
  return sgn * nearbyint(ax / p) * p;
};

/** R's `rank(x)` (ties "average") over the non-NaN entries; NaN stays NaN. Used by Spearman. */
export const rankAverage = (x: ArrayLike<number>): Float64Array => {
  const out = new Float64Array(x.length).fill(Number.NaN);
  const idx: number[] = [];
  for (let i = 0; i < x.length; i++) if (!Number.isNaN(x[i] as number)) idx.push(i);
  idx.sort((a, b) => (x[a] as number) - (x[b] as number) || a - b);
  let i = 0;
  while (i < idx.length) {
    let j = i;
    const v = x[idx[i] as number] as number;
    while (j + 1 < idx.length && x[idx[j + 1] as number] === v) j++;
    const r = (i + 1 + j + 1) / 2;
    for (let k = i; k <= j; k++) out[idx[k] as number] = r;
    i = j + 1;
  }
  return out;
};

/** R's `order(k1, k2, ...)` on strings in an English locale: first key first. */
export const collateKeys = (a: readonly string[], b: readonly string[]): number => {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const c = compareCodes(a[i] as string, b[i] as string);
    if (c !== 0) return c;
  }
  return a.length - b.length;
};
