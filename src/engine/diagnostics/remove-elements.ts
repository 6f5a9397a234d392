// The effect of removing each component on the ranks, COINr's remove_elements(): each indicator or
// aggregate of a level in turn gets weight 0, the index is rebuilt, and its ranks are compared with
// the nominal ones.
import type { Dataset } from '../types.js';
import type { WeightRow, WeightSet } from '../weights/weight-set.js';
import { columnOf } from './correlation.js';
import { compareCodes } from '../framework.js';
import { rankMin } from '../pipeline/numeric.js';

export interface RemoveElementsInput {
  /** The weights the nominal result was built with. */
  weights: WeightSet;
  /** Level whose members are removed one at a time (1 .. top level − 1). */
  level: number;
  /** The top level of the framework. */
  maxLevel: number;
  /** The nominal aggregated data set. */
  nominal: Dataset;
  /** Column compared, normally the index code. */
  iCode: string;
  /** Rebuilds the aggregated data set with other weights (COINr regenerates the whole coin). */
  rerun: (weights: WeightRow[]) => Dataset;
}

export interface RemoveElementsResult {
  /** Units, sorted by code (R's merge order). */
  uCodes: string[];
  /** "Nominal" then the code of each removed element, in weight-set order. */
  codes: string[];
  /** scores[k][i]: score of unit i with element codes[k] removed (k = 0: nominal). */
  scores: Float64Array[];
  ranks: Float64Array[];
  /** Nominal rank minus rank after removal (positive: the unit falls when the element goes). */
  rankDiffs: Float64Array[];
  rankAbsDiffs: Float64Array[];
  /** Mean absolute rank change per element (Nominal first, 0); NaN if any unit is unranked. */
  meanAbsDiff: { iCode: string; meanAbsDiff: number }[];
}

/** COINr's remove_elements(coin, Level, dset, iCode), with the rebuild passed in as `rerun`. */
export const removeElements = (input: RemoveElementsInput): RemoveElementsResult => {
  const { weights, level, maxLevel, nominal, iCode, rerun } = input;
  if (!Number.isInteger(level) || level < 1 || level > maxLevel - 1) {
    throw new Error(`level must be between 1 and ${maxLevel - 1}`);
  }
  const removed = weights.filter((w) => w.level === level).map((w) => w.iCode);
  if (removed.length === 0) throw new Error(`No weights at level ${level}`);
  const scoreMaps: Map<string, number>[] = [];
  const asMap = (d: Dataset): Map<string, number> => {
    const col = columnOf(d, iCode);
    return new Map(d.uCodes.map((u, i) => [u, col[i] as number]));
  };
  scoreMaps.push(asMap(nominal));
  for (const code of removed) {
    const w = weights.map((row) => ({ ...row, weight: row.iCode === code ? 0 : row.weight }));
    scoreMaps.push(asMap(rerun(w)));
  }
  // R's merge(by = "uCode") keeps units present in every result, sorted by code.
  const uCodes = [...(scoreMaps[0] as Map<string, number>).keys()]
    .filter((u) => scoreMaps.every((m) => m.has(u)))
    .sort(compareCodes);
  const scores = scoreMaps.map((m) => Float64Array.from(uCodes, (u) => m.get(u) as number));
  const ranks = scores.map((s) => rankMin(s, true));
  const nominalRanks = ranks[0] as Float64Array;
  const rankDiffs = ranks.map((r) => r.map((v, i) => (nominalRanks[i] as number) - v));
  const rankAbsDiffs = rankDiffs.map((d) => d.map(Math.abs));
  const codes = ['Nominal', ...removed];
  const meanAbsDiff = rankAbsDiffs.map((d, k) => ({
    iCode: codes[k] as string,
    meanAbsDiff: d.reduce((s, v) => s + v, 0) / d.length,
  }));
  return { uCodes, codes, scores, ranks, rankDiffs, rankAbsDiffs, meanAbsDiff };
};
