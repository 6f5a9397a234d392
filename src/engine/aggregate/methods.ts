// Aggregation methods, keyed by COINr's names, in a registry other modules can extend
// (`registerAggregator('a_topsis', …)`). A "row" method combines one unit's child values; a
// "table" method (COINr's `by_df = TRUE`) scores all units at once from the child columns.
// Weights are relative: every method rescales them.
import { EngineError } from '../pipeline/errors.js';

export type AggParams = Readonly<Record<string, unknown>>;

export interface RowAggregator {
  kind: 'row';
  /** Parameter names accepted in `f_ag_para` (besides `w`), and which of them are required. */
  params: readonly string[];
  required?: readonly string[];
  /** `w` is undefined when the spec says `w: "none"`. Values may contain NaN (missing). */
  fn(x: Float64Array, w: Float64Array | undefined, para: AggParams): number;
}

export interface TableAggregator {
  kind: 'table';
  params: readonly string[];
  required?: readonly string[];
  /** `cols[k][i]`: child k, unit i. Returns one score per unit. */
  fn(
    cols: readonly Float64Array[],
    w: Float64Array | undefined,
    para: AggParams,
    ctx: { uCodes: readonly string[] },
  ): Float64Array;
}

export type Aggregator = RowAggregator | TableAggregator;

const equal = (n: number): Float64Array => new Float64Array(n).fill(1);

/** Weighted arithmetic mean, missing values dropped and weights renormalised (COINr `a_amean`). */
const aAmean: RowAggregator = {
  kind: 'row',
  params: [],
  fn: (x, w) => {
    if (!w) throw new EngineError('aggregate.weights.none', 'a_amean needs weights (w must not be "none")');
    let sw = 0;
    for (let k = 0; k < x.length; k++) if (!Number.isNaN(x[k] as number)) sw += w[k] as number;
    let s = 0;
    let any = false;
    for (let k = 0; k < x.length; k++) {
      const v = x[k] as number;
      if (Number.isNaN(v)) continue;
      any = true;
      s += ((w[k] as number) / sw) * v;
    }
    return any ? s : NaN;
  },
};

/** Weighted geometric mean exp(Σw·log x / Σw) over present values; x must be > 0 (COINr `a_gmean`). */
const aGmean: RowAggregator = {
  kind: 'row',
  params: [],
  fn: (x, w0) => {
    const w = w0 ?? equal(x.length);
    let sl = 0;
    let sw = 0;
    let any = false;
    for (let k = 0; k < x.length; k++) {
      const v = x[k] as number;
      if (Number.isNaN(v)) continue;
      any = true;
      if (v <= 0)
        throw new EngineError(
          'aggregate.gmean.nonpositive',
          'a_gmean: zero or negative value; the geometric mean needs positive values (normalise to e.g. [1, 100] first)',
        );
      sl += (w[k] as number) * Math.log(v);
      sw += w[k] as number;
    }
    return any ? Math.exp(sl / sw) : NaN;
  },
};

/** Weighted harmonic mean Σw / Σ(w/x) over present values; x must not be 0 (COINr `a_hmean`). */
const aHmean: RowAggregator = {
  kind: 'row',
  params: [],
  fn: (x, w0) => {
    const w = w0 ?? equal(x.length);
    let sw = 0;
    let sr = 0;
    let any = false;
    for (let k = 0; k < x.length; k++) {
      const v = x[k] as number;
      if (Number.isNaN(v)) continue;
      if (v === 0)
        throw new EngineError(
          'aggregate.hmean.zero',
          'a_hmean: zero value; the harmonic mean needs non-zero values',
        );
      any = true;
      sw += w[k] as number;
      sr += (w[k] as number) / v;
    }
    return any ? sw / sr : NaN;
  },
};

/**
 * Weighted generalised (power) mean (Σw·x^p / Σw)^(1/p) (COINr `a_genmean`, parameter `p`, p ≠ 0;
 * with p < 0 values must be positive). Missing values are dropped like in the other means
 * (COINr 1.1.14's own code returns NA as soon as one child is missing, contrary to its docs).
 */
const aGenmean: RowAggregator = {
  kind: 'row',
  params: ['p'],
  required: ['p'],
  fn: (x, w0, para) => {
    const p = para.p as number;
    if (typeof p !== 'number' || p === 0)
      throw new EngineError(
        'aggregate.genmean.p',
        'a_genmean: p must be a non-zero number (p = 0 is the geometric mean: use a_gmean)',
      );
    const w = w0 ?? equal(x.length);
    let s = 0;
    let sw = 0;
    let any = false;
    for (let k = 0; k < x.length; k++) {
      const v = x[k] as number;
      if (Number.isNaN(v)) continue;
      if (p < 0 && v <= 0)
        throw new EngineError(
          'aggregate.genmean.nonpositive',
          'a_genmean: zero or negative value with negative p',
        );
      any = true;
      s += (w[k] as number) * v ** p;
      sw += w[k] as number;
    }
    return any ? (s / sw) ** (1 / p) : NaN;
  },
};

/**
 * Weighted median of the present values (COINr's aggregation vignette): with values sorted and
 * weights normalised to sum 1, the value x_m with Σ_{i<m} w_i ≤ ½ and Σ_{i>m} w_i ≤ ½. When two
 * values qualify (the weight splits exactly in half between them) their mean is returned, as the
 * ordinary median does for an even count.
 */
const aWmedian: RowAggregator = {
  kind: 'row',
  params: [],
  fn: (x, w0) => {
    const w = w0 ?? equal(x.length);
    const idx: number[] = [];
    for (let k = 0; k < x.length; k++) if (!Number.isNaN(x[k] as number)) idx.push(k);
    if (!idx.length) return NaN;
    idx.sort((a, b) => (x[a] as number) - (x[b] as number));
    let total = 0;
    for (const k of idx) total += w[k] as number;
    const eps = 1e-12;
    let below = 0;
    const hits: number[] = [];
    for (const k of idx) {
      const wk = (w[k] as number) / total;
      const above = 1 - below - wk;
      if (below <= 0.5 + eps && above <= 0.5 + eps) hits.push(x[k] as number);
      below += wk;
    }
    if (!hits.length) return NaN;
    return hits.length === 1
      ? (hits[0] as number)
      : ((hits[0] as number) + (hits[hits.length - 1] as number)) / 2;
  },
};

/**
 * Copeland scores (COINr `a_copeland`, a table method): the outranking matrix entry (p, q) is
 * the weight of the children where p beats q plus half the weight where they tie (weights
 * normalised to sum 1, missing comparisons ignored); it becomes +1 above ½, −1 below, 0 at ½, and a
 * unit's score is its row sum.
 */
const aCopeland: TableAggregator = {
  kind: 'table',
  params: [],
  fn: (cols, w0) => {
    const m = cols.length;
    const n = cols[0]?.length ?? 0;
    const w = (w0 ?? equal(m)).slice();
    let sw = 0;
    for (const v of w) if (!Number.isNaN(v)) sw += v;
    for (let k = 0; k < m; k++) w[k] = (w[k] as number) / sw;
    const score = new Float64Array(n);
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        let gt = 0;
        let eq = 0;
        for (let k = 0; k < m; k++) {
          const a = (cols[k] as Float64Array)[p] as number;
          const b = (cols[k] as Float64Array)[q] as number;
          if (a > b) gt += w[k] as number;
          else if (a === b) eq += w[k] as number;
        }
        const o = gt + eq / 2;
        const opq = o > 0.5 ? 1 : o < 0.5 ? -1 : 0;
        const oqp = 1 - o > 0.5 ? 1 : 1 - o < 0.5 ? -1 : 0;
        score[p] = (score[p] as number) + opq;
        score[q] = (score[q] as number) + oqp;
      }
    }
    return score;
  },
};

const REGISTRY = new Map<string, Aggregator>([
  ['a_amean', aAmean],
  ['a_gmean', aGmean],
  ['a_hmean', aHmean],
  ['a_genmean', aGenmean],
  ['a_wmedian', aWmedian],
  ['a_copeland', aCopeland],
]);

/** Adds (or replaces) an aggregation method, e.g. engineer B's `a_topsis`. */
export const registerAggregator = (name: string, agg: Aggregator): void => {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
    throw new Error(`aggregator name "${name}" must be an identifier`);
  REGISTRY.set(name, agg);
};

export const getAggregator = (name: string): Aggregator | undefined => REGISTRY.get(name);
export const aggregatorNames = (): string[] => [...REGISTRY.keys()];
