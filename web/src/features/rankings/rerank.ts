// Live what-if weights: the index re-aggregated from the release's pillar scores with the same
// engine method the release used (a_amean: weighted mean, missing pillars dropped and weights
// renormalised), then ranked as the engine ranks (ties share the best rank). Pure.
import { getAggregator } from '../../../../src/engine/aggregate/methods.js';
import { rankMin } from '../../../../src/engine/pipeline/numeric.js';

/** Pillar values as columns of doubles, NaN for missing (what the engine's methods expect). */
export const toColumns = (values: readonly (readonly (number | null)[])[]): Float64Array[] =>
  values.map((col) => Float64Array.from(col, (v) => (v === null ? Number.NaN : v)));

export interface Ranked {
  scores: Float64Array;
  /** 1 = best; NaN when the unit has no score. */
  ranks: Float64Array;
}

export const rerank = (
  cols: readonly Float64Array[],
  weights: readonly number[],
  method = 'a_amean',
): Ranked => {
  const agg = getAggregator(method);
  if (!agg) throw new Error(`unknown aggregation method ${method}`);
  const n = cols[0]?.length ?? 0;
  const w = Float64Array.from(weights);
  let scores: Float64Array;
  if (agg.kind === 'table') {
    scores = agg.fn(cols, w, {}, { uCodes: Array.from({ length: n }, (_, i) => String(i)) });
  } else {
    scores = new Float64Array(n);
    const x = new Float64Array(cols.length);
    for (let i = 0; i < n; i++) {
      for (let p = 0; p < cols.length; p++) x[p] = (cols[p] as Float64Array)[i] as number;
      scores[i] = agg.fn(x, w, {});
    }
  }
  return { scores, ranks: rankMin(scores, true) };
};

/** Weights from the URL ("SC:30,IP:40"), falling back to the framework's for missing codes. */
export const parseWeights = (
  s: string | null,
  codes: readonly string[],
  defaults: readonly number[],
): number[] => {
  const given = new Map<string, number>();
  for (const part of (s ?? '').split(',')) {
    const m = /^([A-Za-z0-9_]+):(\d+(?:\.\d+)?)$/.exec(part.trim());
    if (m) given.set(m[1] as string, Number(m[2]));
  }
  return codes.map((c, k) => given.get(c) ?? (defaults[k] as number));
};

export const formatWeights = (codes: readonly string[], weights: readonly number[]): string =>
  codes.map((c, k) => `${c}:${Number((weights[k] as number).toFixed(4))}`).join(',');

/** Each weight's share of the total (what the weighted mean really uses). */
export const shares = (weights: readonly number[]): number[] => {
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => (sum > 0 ? w / sum : 0));
};
