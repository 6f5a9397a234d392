// TOPSIS (technique for order of preference by similarity to ideal solution, 逼近理想解排序法):
// scores each unit by its distances to the best and worst values of every criterion, in the two
// forms index teams use. Also registered as the table aggregation "a_topsis".
import { registerAggregator, type TableAggregator } from './aggregate/methods.js';
import { EngineError } from './pipeline/errors.js';

/**
 * - "euclidean" (Hwang & Yoon 1981): vector-normalise each column, multiply by its weight, take the
 *   best and worst weighted value of each column (the best of a cost criterion is its minimum), and
 *   use Euclidean distances on that weighted matrix.
 * - "weighted-distance" (the form of Chinese textbooks, e.g. 熵权TOPSIS): turn cost criteria into
 *   benefit ones by max − x, vector-normalise, and weight the squared differences inside the
 *   distance: D = √(Σ w_j (z_j − z*_j)²).
 */
export type TopsisForm = 'euclidean' | 'weighted-distance';
export const TOPSIS_FORMS = ['euclidean', 'weighted-distance'] as const;

export interface TopsisOptions {
  /** Default "euclidean". */
  form?: TopsisForm;
  /** 1 for a benefit criterion (more is better), −1 for a cost criterion. Default all 1. */
  directions?: readonly (1 | -1)[];
  /** Names of the criteria, for error messages. */
  names?: readonly string[];
}

export interface TopsisResult {
  /** Relative closeness D⁻ / (D⁺ + D⁻) in [0, 1]; NaN for a unit with a missing value. */
  closeness: Float64Array;
  /** Distance to the ideal (best) point. */
  dPlus: Float64Array;
  /** Distance to the anti-ideal (worst) point. */
  dMinus: Float64Array;
  /** Best and worst point, in the space the distances are measured in. */
  ideal: Float64Array;
  antiIdeal: Float64Array;
}

/**
 * TOPSIS scores of the units (rows) on criteria `cols[j]` with `weights` (rescaled to sum 1). Units
 * with a missing value on any criterion get NaN and take no part in normalisation or the ideal points.
 * Values must not be negative (vector normalisation assumes it; normalise with min–max first).
 */
export const topsis = (
  cols: readonly ArrayLike<number>[],
  weights: ArrayLike<number>,
  opts: TopsisOptions = {},
): TopsisResult => {
  const { form = 'euclidean' } = opts;
  const m = cols.length;
  if (m === 0) throw new Error('TOPSIS needs at least one criterion');
  if (weights.length !== m) throw new Error(`TOPSIS got ${weights.length} weights for ${m} criteria`);
  const name = (j: number): string => opts.names?.[j] ?? `criterion ${j + 1}`;
  const dir = (j: number): number => opts.directions?.[j] ?? 1;
  let wSum = 0;
  for (let j = 0; j < m; j++) {
    const w = weights[j] as number;
    if (!Number.isFinite(w) || w < 0)
      throw new Error(`Weight of ${name(j)} is ${w}; weights must be numbers ≥ 0`);
    wSum += w;
  }
  if (!(wSum > 0)) throw new Error('TOPSIS weights are all zero');
  const w = Float64Array.from({ length: m }, (_, j) => (weights[j] as number) / wSum);
  const n = (cols[0] as ArrayLike<number>).length;
  const complete: number[] = [];
  for (let i = 0; i < n; i++) if (cols.every((c) => !Number.isNaN(c[i] as number))) complete.push(i);

  // z[j][i]: the value of unit i in the space distances are measured in.
  const z = cols.map((c, j) => {
    const x = Float64Array.from(c);
    for (const i of complete) {
      if ((x[i] as number) < 0)
        throw new Error(`${name(j)} has the negative value ${x[i]}; TOPSIS needs values ≥ 0`);
    }
    if (form === 'weighted-distance' && dir(j) === -1) {
      let hi = Number.NEGATIVE_INFINITY;
      for (const i of complete) hi = Math.max(hi, x[i] as number);
      for (const i of complete) x[i] = hi - (x[i] as number);
    }
    let ss = 0;
    for (const i of complete) ss += (x[i] as number) ** 2;
    const norm = Math.sqrt(ss);
    const scale = form === 'euclidean' ? (w[j] as number) : 1;
    return x.map((v) => (norm === 0 ? 0 : (v / norm) * scale));
  });
  const ideal = new Float64Array(m);
  const antiIdeal = new Float64Array(m);
  z.forEach((col, j) => {
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (const i of complete) {
      lo = Math.min(lo, col[i] as number);
      hi = Math.max(hi, col[i] as number);
    }
    const benefit = form === 'weighted-distance' || dir(j) === 1;
    ideal[j] = benefit ? hi : lo;
    antiIdeal[j] = benefit ? lo : hi;
  });
  const closeness = new Float64Array(n).fill(Number.NaN);
  const dPlus = new Float64Array(n).fill(Number.NaN);
  const dMinus = new Float64Array(n).fill(Number.NaN);
  for (const i of complete) {
    let sp = 0;
    let sm = 0;
    for (let j = 0; j < m; j++) {
      const v = (z[j] as Float64Array)[i] as number;
      const k = form === 'weighted-distance' ? (w[j] as number) : 1;
      sp += k * (v - (ideal[j] as number)) ** 2;
      sm += k * (v - (antiIdeal[j] as number)) ** 2;
    }
    dPlus[i] = Math.sqrt(sp);
    dMinus[i] = Math.sqrt(sm);
    const d = (dPlus[i] as number) + (dMinus[i] as number);
    // All units equal on every weighted criterion: no unit is nearer either end.
    closeness[i] = d === 0 ? Number.NaN : (dMinus[i] as number) / d;
  }
  return { closeness, dPlus, dMinus, ideal, antiIdeal };
};

/**
 * "a_topsis": TOPSIS as an aggregation method, for data already normalised with directions applied
 * (every child is a benefit criterion). Parameters: `form` (default "euclidean") and `scale`
 * (default 100, so that the aggregate sits on the 0–100 scale of n_minmax data like the others).
 */
export const topsisAggregator: TableAggregator = {
  kind: 'table',
  params: ['form', 'scale'],
  fn: (cols, w, para) => {
    const form = para.form ?? 'euclidean';
    if (form !== 'euclidean' && form !== 'weighted-distance') {
      throw new EngineError(
        'aggregate.topsis.form',
        `a_topsis: form must be "euclidean" or "weighted-distance", not ${JSON.stringify(form)}`,
      );
    }
    const scale = para.scale ?? 100;
    if (typeof scale !== 'number' || !Number.isFinite(scale)) {
      throw new EngineError(
        'aggregate.topsis.scale',
        `a_topsis: scale must be a number, not ${JSON.stringify(scale)}`,
      );
    }
    const weights = w ?? new Float64Array(cols.length).fill(1);
    try {
      return topsis(cols, weights, { form }).closeness.map((c) => c * scale);
    } catch (e) {
      throw new EngineError('aggregate.topsis.input', `a_topsis: ${(e as Error).message}`);
    }
  },
};

registerAggregator('a_topsis', topsisAggregator);
