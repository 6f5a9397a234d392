// Results tables: scores and ranks at every level, as COINr's `get_results()` builds them.
// Ranks: higher score = better rank, ties share the lowest rank, missing stays missing
// (R's rank(-x, ties.method = "min", na.last = "keep")).
import type { Dataset, Framework, UnitInfo } from '../types.js';
import { compareCodes, lineageOrder, resultsOrder } from '../framework.js';
import { EngineError } from './errors.js';
import { orderDescending, rankMin, roundR } from './numeric.js';

export interface IndexResults {
  /** Columns: aggregates from the top level down (COINr's order), then indicators in lineage order. */
  codes: string[];
  /** Rows sorted by `sortCode`, best first, missing last (stable: ties keep data-set order). */
  uCodes: string[];
  /** `scores[j][i]`: code j, unit i (rows in `uCodes` order). */
  scores: Float64Array[];
  /** Rank of each unit in each column. */
  ranks: Float64Array[];
  /** The "Rank" column of COINr's tables: the rank in `sortCode`. */
  rank: Float64Array;
  sortCode: string;
}

export interface ResultsOptions {
  /** Column to sort by and rank in the Rank column; default: the top aggregate (the index). */
  orderBy?: string;
  /**
   * Decimal places to round scores to before ranking (COINr's `nround`, whose get_results rounds
   * first, so two scores equal to 2 places tie). Default: no rounding.
   */
  nround?: number;
}

/** Scores and ranks of an aggregated data set. */
export const computeResults = (
  aggregated: Dataset,
  fw: Framework,
  options: ResultsOptions = {},
): IndexResults => {
  const ordered = resultsOrder(fw);
  const codes = [...ordered.filter((r) => r.type === 'Aggregate').map((r) => r.iCode), ...lineageOrder(fw)];
  const pos = new Map(aggregated.iCodes.map((c, j) => [c, j] as const));
  const missing = codes.filter((c) => !pos.has(c));
  if (missing.length) {
    throw new EngineError(
      'results.columns.missing',
      `results need an aggregated data set; missing columns: ${missing.join(', ')}`,
    );
  }
  const sortCode = options.orderBy ?? (ordered[0]?.iCode as string);
  const sortCol = pos.get(sortCode);
  if (sortCol === undefined)
    throw new EngineError('results.order.unknown', `orderBy "${sortCode}" is not a column of the data set`);
  const key = aggregated.cols[sortCol] as Float64Array;
  const rows = orderDescending(key);
  const rank = rankMin(key, true);
  const round = (c: Float64Array) =>
    options.nround === undefined ? c : c.map((v) => roundR(v, options.nround as number));
  const scores = codes.map((c) => {
    const col = round(aggregated.cols[pos.get(c) as number] as Float64Array);
    return Float64Array.from(rows, (i) => col[i] as number);
  });
  return {
    codes,
    uCodes: rows.map((i) => aggregated.uCodes[i] as string),
    scores,
    ranks: scores.map((s) => rankMin(s, true)),
    rank: Float64Array.from(rows, (i) => rank[i] as number),
    sortCode,
  };
};

export interface GroupRanks {
  group: string;
  codes: string[];
  /** Rows sorted by group label (stable, so by score within a group), missing labels last. */
  uCodes: string[];
  labels: (string | null)[];
  /** Rank within the unit's group. */
  ranks: Float64Array[];
}

/** Ranks within the groups of a group column (COINr `get_results(use = "groupranks")`). */
export const groupRanks = (results: IndexResults, units: UnitInfo, group: string): GroupRanks => {
  const labelsByUnit = units.groups[group];
  if (!labelsByUnit) throw new EngineError('results.group.unknown', `"${group}" is not a group column`);
  const labelOf = new Map(units.uCodes.map((u, i) => [u, labelsByUnit[i] ?? null] as const));
  const labels = results.uCodes.map((u) => labelOf.get(u) ?? null);
  const members = new Map<string | null, number[]>();
  labels.forEach((l, i) => members.set(l, [...(members.get(l) ?? []), i]));
  const ranks = results.scores.map((col) => {
    const out = new Float64Array(col.length).fill(NaN);
    for (const [label, idx] of members) {
      if (label === null) continue;
      const r = rankMin(
        Float64Array.from(idx, (i) => col[i] as number),
        true,
      );
      idx.forEach((i, k) => (out[i] = r[k] as number));
    }
    return out;
  });
  const order = labels
    .map((l, i) => ({ l, i }))
    .sort((a, b) =>
      a.l === b.l ? a.i - b.i : a.l === null ? 1 : b.l === null ? -1 : compareCodes(a.l, b.l) || a.i - b.i,
    )
    .map((x) => x.i);
  return {
    group,
    codes: results.codes,
    uCodes: order.map((i) => results.uCodes[i] as string),
    labels: order.map((i) => labels[i] ?? null),
    ranks: ranks.map((r) => Float64Array.from(order, (i) => r[i] as number)),
  };
};
