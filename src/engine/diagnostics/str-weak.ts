// Strengths and weaknesses of one unit, COINr's get_str_weak(): the indicators where the unit ranks
// best and worst.
import type { Dataset, Framework } from '../types.js';
import { rankColumns } from './ranks.js';
import { signif } from './r-compat.js';
import { coinStructure } from './structure.js';

export interface StrWeakRow {
  code: string;
  name: string;
  /** The indicator's ancestor at `reportLevel` (COINr names this column after the level). */
  group: string;
  rank: number;
  /** The unit's value in `data`, rounded to `sigFigs` significant digits, without direction applied. */
  value: number;
  unit: string | undefined;
}

export interface StrWeakOptions {
  /** Default 5. */
  topN?: number;
  /** Default 5. */
  bottomN?: number;
  /** Group label of each unit (aligned with data.uCodes): ranks are taken within the unit's group. */
  groups?: readonly (string | null)[];
  /** Ignore indicators whose share of unique values (NA counting as a value) is not above this. */
  unqDiscard?: number | null;
  /** Ignore indicators where the unit has the worst rank (e.g. a zero shared by many). Default true. */
  minDiscard?: boolean;
  /** Level of the group reported for each indicator. Default 2. */
  reportLevel?: number;
  /**
   * Multiply indicators by their direction before ranking, so that a low value of a negative
   * indicator counts as a strength. COINr's default is true for the Raw data set only.
   */
  adjustDirection?: boolean;
  /** Significant digits of reported values; null keeps them whole. Default 3. */
  sigFigs?: number | null;
}

/**
 * COINr's get_str_weak() at the indicator level. Indicators where the unit is missing are left out;
 * the remaining ones are sorted by the unit's rank (ties keep framework order) and the first `topN`
 * and last `bottomN` reported.
 */
export const getStrWeak = (
  fw: Framework,
  data: Dataset,
  usel: string,
  opts: StrWeakOptions = {},
): { strengths: StrWeakRow[]; weaknesses: StrWeakRow[] } => {
  const { topN = 5, bottomN = 5, minDiscard = true, reportLevel = 2, adjustDirection = false } = opts;
  const sigFigs = opts.sigFigs === undefined ? 3 : opts.sigFigs;
  const s = coinStructure(fw);
  const inds = s.meta.filter((m) => m.type === 'Indicator');
  const nInd = inds.length;
  if (!Number.isInteger(topN) || topN < 1 || topN > nInd)
    throw new Error(`topN must be a whole number in 1..${nInd}`);
  if (!Number.isInteger(bottomN) || bottomN < 1 || bottomN > nInd) {
    throw new Error(`bottomN must be a whole number in 1..${nInd}`);
  }
  if (reportLevel < 2 || reportLevel > s.maxLevel) throw new Error(`reportLevel must be in 2..${s.maxLevel}`);
  const u = data.uCodes.indexOf(usel);
  if (u < 0) throw new Error(`Unit "${usel}" is not in the data set`);
  const colIndex = new Map(data.iCodes.map((c, j) => [c, j]));
  const missing = inds.filter((m) => !colIndex.has(m.iCode)).map((m) => m.iCode);
  if (missing.length > 0) throw new Error(`Indicators missing from the data set: ${missing.join(', ')}`);

  const adjusted: Dataset = {
    ...data,
    cols: data.cols.map((c, j) => {
      const m = s.row(data.iCodes[j] as string);
      return adjustDirection && m?.type === 'Indicator' && m.direction === -1 ? c.map((v) => -v) : c;
    }),
  };
  const ranks = rankColumns(adjusted, opts.groups);
  const rankOf = (code: string): Float64Array => ranks.cols[colIndex.get(code) as number] as Float64Array;
  const valueOf = (code: string): number =>
    (data.cols[colIndex.get(code) as number] as Float64Array)[u] as number;

  let codes = inds.map((m) => m.iCode);
  const unq = opts.unqDiscard ?? null;
  if (unq !== null) {
    if (unq < 0 || unq > 1) throw new Error('unqDiscard must be between 0 and 1');
    codes = codes.filter((c) => {
      const col = data.cols[colIndex.get(c) as number] as Float64Array;
      // R's unique() counts NA once, as a value of its own.
      const distinct = new Set(Array.from(col, (v) => (Number.isNaN(v) ? 'NA' : v)));
      return distinct.size / col.length > unq;
    });
  }
  let ranked = codes
    .map((c) => ({ code: c, rank: rankOf(c)[u] as number }))
    .filter((r) => !Number.isNaN(r.rank));
  if (minDiscard) {
    ranked = ranked.filter((r) => {
      let worst = Number.NEGATIVE_INFINITY;
      for (const v of rankOf(r.code)) if (v > worst) worst = v;
      return r.rank !== worst;
    });
  }
  ranked.sort((a, b) => a.rank - b.rank);

  const groupOf = new Map(s.lineage.map((line) => [line[0] as string, line[reportLevel - 1] as string]));
  const row = ({ code, rank }: { code: string; rank: number }): StrWeakRow => {
    const m = s.row(code);
    const v = valueOf(code);
    return {
      code,
      name: m?.iName ?? code,
      group: groupOf.get(code) ?? '',
      rank,
      value: sigFigs === null ? v : signif(v, sigFigs),
      unit: m?.unit,
    };
  };
  return {
    strengths: ranked.slice(0, topN).map(row),
    weaknesses: ranked.slice(Math.max(0, ranked.length - bottomN)).map(row),
  };
};
