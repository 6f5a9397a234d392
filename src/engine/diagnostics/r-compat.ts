// Small numeric conventions of R that COINr's outputs depend on: rounding (signif/round), ranking
// (rank with ties "min" or "average", NA kept), and the collation R's sort uses for codes. Kept in one
// place so that every diagnostic rounds, ranks and orders exactly alike.

// Powers of ten up to 1e22 are exact doubles; R's R_pow_di gives the same values.
const pow10 = (n: number): number => {
  let r = 1;
  for (let i = 0; i < n; i++) r *= 10;
  return n <= 22 ? Number(`1e${n}`) : r;
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
  let e10 = dig - 1 - Math.floor(l10);
  if (Math.abs(l10) >= 308 - 2) return x;
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

/**
 * R (>= 4.0.0)'s `round(x, digits)`: of the two neighbours on the decimal grid, computed in doubles,
 * the one nearer to x (measured in doubles), ties to the even one. So round(0.15, 1) is 0.1 and
 * round(2.5) is 2.
 */
export const roundTo = (x: number, digits: number): number => {
  if (!Number.isFinite(x) || x === 0) return x;
  const dig = Math.floor(digits + 0.5);
  if (dig === 0) return nearbyint(x);
  const sgn = x < 0 ? -1 : 1;
  const ax = Math.abs(x);
  if (dig > 0 && Math.log10(ax) + dig > 15) return x;
  let i10: number;
  let xd: number;
  let xu: number;
  if (dig > 0) {
    const p = pow10(dig);
    i10 = Math.floor(ax * p);
    xd = i10 / p;
    xu = Math.ceil(ax * p) / p;
  } else {
    const p = pow10(-dig);
    i10 = Math.floor(ax / p);
    xd = i10 * p;
    xu = Math.ceil(ax / p) * p;
  }
  const du = xu - ax;
  const dd = ax - xd;
  return sgn * (du < dd || (du === dd && i10 % 2 === 1) ? xu : xd);
};

/** Indices of the non-NaN entries of `x`, ordered by value (stable). */
const orderNonMissing = (x: ArrayLike<number>): number[] => {
  const idx: number[] = [];
  for (let i = 0; i < x.length; i++) if (!Number.isNaN(x[i] as number)) idx.push(i);
  idx.sort((a, b) => (x[a] as number) - (x[b] as number) || a - b);
  return idx;
};

/**
 * R's `rank(-x, ties.method = "min", na.last = "keep")`: rank 1 is the highest value, ties share
 * the best (lowest) rank, NaN stays NaN. This is COINr's "sport ranking" (rank_df).
 */
export const rankDescMin = (x: ArrayLike<number>): Float64Array => {
  const out = new Float64Array(x.length).fill(Number.NaN);
  const idx = orderNonMissing(x).reverse();
  let i = 0;
  while (i < idx.length) {
    let j = i;
    const v = x[idx[i] as number] as number;
    while (j + 1 < idx.length && x[idx[j + 1] as number] === v) j++;
    for (let k = i; k <= j; k++) out[idx[k] as number] = i + 1;
    i = j + 1;
  }
  return out;
};

/** R's `rank(x)` (ties "average"), over the non-NaN entries; NaN stays NaN. Used by Spearman. */
export const rankAverage = (x: ArrayLike<number>): Float64Array => {
  const out = new Float64Array(x.length).fill(Number.NaN);
  const idx = orderNonMissing(x);
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

const collator = new Intl.Collator('en-US', { sensitivity: 'variant', numeric: false });

/**
 * String order of R's `sort`/`order`/`merge` in an English locale, which COINr's outputs carry
 * (e.g. "Tariff" sorts before "TBTs": case is a tie-breaker, not the first key). Falls back to code
 * units so that the order is total.
 */
export const collate = (a: string, b: string): number => {
  const c = collator.compare(a, b);
  if (c !== 0) return c;
  return a < b ? -1 : a > b ? 1 : 0;
};

/** `collate` on arrays of keys, first key first (R's `order(k1, k2, ...)`). */
export const collateKeys = (a: readonly string[], b: readonly string[]): number => {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const c = collate(a[i] as string, b[i] as string);
    if (c !== 0) return c;
  }
  return a.length - b.length;
};
