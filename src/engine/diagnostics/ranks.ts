// Ranks of every column of a data set, COINr's rank_df(): rank 1 is the highest score, ties share the
// best rank ("sport" ranking), missing stays missing; optionally within groups of units.
import type { Dataset } from '../types.js';
import { rankMin } from '../pipeline/numeric.js';

/**
 * Ranks of each column. With `groups` (one label per unit, aligned with `data.uCodes`), units are
 * ranked within their group and units without a group get NaN.
 */
export const rankColumns = (data: Dataset, groups?: readonly (string | null)[]): Dataset => {
  if (!groups)
    return {
      uCodes: [...data.uCodes],
      iCodes: [...data.iCodes],
      cols: data.cols.map((c) => rankMin(c, true)),
    };
  if (groups.length !== data.uCodes.length) {
    throw new Error(`groups has ${groups.length} labels but the data set has ${data.uCodes.length} units`);
  }
  const members = new Map<string, number[]>();
  groups.forEach((g, i) => {
    if (g === null) return;
    const list = members.get(g) ?? [];
    list.push(i);
    members.set(g, list);
  });
  const cols = data.cols.map((c) => {
    const out = new Float64Array(c.length).fill(Number.NaN);
    for (const rows of members.values()) {
      const r = rankMin(
        Float64Array.from(rows, (i) => c[i] as number),
        true,
      );
      rows.forEach((i, k) => (out[i] = r[k] as number));
    }
    return out;
  });
  return { uCodes: [...data.uCodes], iCodes: [...data.iCodes], cols };
};
