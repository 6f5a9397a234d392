// Scores and ranks of one unit at chosen levels, COINr's get_unit_summary(), and rank changes of
// every unit between two results, COINr's compare_coins().
import type { Dataset, Framework } from '../types.js';
import { columnOf } from './correlation.js';
import { rankColumns } from './ranks.js';
import { compareCodes } from '../framework.js';
import { rankMin, roundR } from '../pipeline/numeric.js';
import { coinStructure } from './structure.js';

export interface UnitSummaryRow {
  code: string;
  name: string;
  score: number;
  rank: number;
}

/**
 * COINr's get_unit_summary(): one row per indicator or aggregate of the given levels, highest level
 * first (framework order within a level), with the unit's score rounded to `nround` decimals (null:
 * unrounded, default 2) and its rank among all units.
 */
export const getUnitSummary = (
  fw: Framework,
  data: Dataset,
  usel: string,
  levels: readonly number[],
  nround: number | null = 2,
): UnitSummaryRow[] => {
  const s = coinStructure(fw);
  const u = data.uCodes.indexOf(usel);
  if (u < 0) throw new Error(`Unit "${usel}" is not in the data set`);
  for (const l of levels) {
    if (!Number.isInteger(l) || l < 1 || l > s.maxLevel)
      throw new Error(`Levels must be whole numbers in 1..${s.maxLevel}`);
  }
  const ranks = rankColumns(data);
  const rows = [...s.meta].sort((a, b) => b.level - a.level).filter((m) => levels.includes(m.level));
  return rows.map((m) => {
    const score = columnOf(data, m.iCode)[u] as number;
    return {
      code: m.iCode,
      name: m.iName,
      score: nround === null ? score : roundR(score, nround),
      rank: columnOf(ranks, m.iCode)[u] as number,
    };
  });
};

export interface RankChangeRow {
  uCode: string;
  /** Rank (or score) in the first result; NaN when the unit is absent or missing there. */
  first: number;
  second: number;
  /** first − second: a positive number means the unit ranks worse in the first result. */
  diff: number;
  absDiff: number;
}

/**
 * COINr's compare_coins(): the ranks (or scores) of `iCode` in two results side by side, for the
 * union of their units sorted by unit code. Ranks are taken over that union.
 */
export const compareResults = (
  first: Dataset,
  second: Dataset,
  iCode: string,
  compareBy: 'ranks' | 'scores' = 'ranks',
): RankChangeRow[] => {
  const units = [...new Set([...first.uCodes, ...second.uCodes])].sort(compareCodes);
  const pick = (d: Dataset): Float64Array => {
    const col = columnOf(d, iCode);
    const at = new Map(d.uCodes.map((c, i) => [c, col[i] as number]));
    return Float64Array.from(units, (c) => at.get(c) ?? Number.NaN);
  };
  let a = pick(first);
  let b = pick(second);
  if (compareBy === 'ranks') {
    a = rankMin(a, true);
    b = rankMin(b, true);
  }
  return units.map((uCode, i) => {
    const x = a[i] as number;
    const y = b[i] as number;
    return { uCode, first: x, second: y, diff: x - y, absDiff: Math.abs(x - y) };
  });
};
