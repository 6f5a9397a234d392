// Correlation tables between and within levels of an index: COINr's get_corr() and get_corr_flags().
import type { Dataset, Framework } from '../types.js';
import { corTestP } from './corr-pvalues.js';
import { columnOf, corMatrix, correlate, type CorType } from './correlation.js';
import { compareCodes } from '../framework.js';
import { roundR } from '../pipeline/numeric.js';
import { collateKeys } from './r-compat.js';
import { coinStructure, selectCodes, type Structure } from './structure.js';

export interface CorrRow {
  var1: string;
  var2: string;
  /** NaN when undefined or, with `pval`, not significant. */
  correlation: number;
}

type CodeSel = readonly string[] | null;

export interface CorrOptions {
  /** Codes of the two sides; one entry (or a plain list) is used for both. Default: all of each level. */
  iCodes?: CodeSel | [CodeSel, CodeSel];
  /** Levels of the two sides; one number is used for both. Default 1. */
  levels?: number | [number, number];
  /** Default "pearson". */
  cortype?: CorType;
  /** Correlations whose test p-value exceeds this become NaN; 0 disables. Default 0.05 (COINr's). */
  pval?: number;
  /**
   * Across levels: true keeps each lower code's correlation with its own ancestor only; "family" does
   * so for every level above, naming the upper side by its level name. Default false.
   */
  withparent?: boolean | 'family';
  /** Within one level: keep only pairs inside the same group of this (higher) level. */
  grouplev?: number | null;
  /** Names of levels 1..max for "family" output. Default "Level_1", "Level_2", ... */
  levelNames?: readonly string[];
}

/**
 * Merge order of R: rows sorted on the key columns pasted together. R pastes with a control
 * character that an English locale's collation ignores, so the concatenation is the first key.
 */
const mergeOrder = (a: CorrRow, b: CorrRow): number =>
  compareCodes(a.var1 + a.var2, b.var1 + b.var2) || collateKeys([a.var1, a.var2], [b.var1, b.var2]);

const pairs = (s: Structure, lower: number, upper: number): Set<string> => {
  const out = new Set<string>();
  for (const line of s.lineage) out.add(`${line[upper - 1]}\u0000${line[lower - 1]}`);
  return out;
};

/**
 * COINr's get_corr(): correlations between the codes of two levels (or within one), long format.
 * Row order follows COINr: column-major over (side 1 × side 2) with side 1 the higher level, or the
 * sorted order of R's merge when `withparent` or `grouplev` filters rows.
 */
export const getCorr = (fw: Framework, data: Dataset, opts: CorrOptions = {}): CorrRow[] => {
  const s = coinStructure(fw);
  const cortype = opts.cortype ?? 'pearson';
  const pval = opts.pval ?? 0.05;
  let levels: [number, number] =
    typeof opts.levels === 'number' ? [opts.levels, opts.levels] : opts.levels ? [...opts.levels] : [1, 1];
  const sel = opts.iCodes;
  let codes: [CodeSel, CodeSel] =
    sel === undefined || sel === null
      ? [null, null]
      : sel.length === 2 && (Array.isArray(sel[0]) || sel[0] === null)
        ? [sel[0] as CodeSel, sel[1] as CodeSel]
        : [sel as CodeSel, sel as CodeSel];
  if (levels[1] > levels[0]) {
    levels = [levels[1], levels[0]];
    codes = [codes[1], codes[0]];
  }
  for (const l of levels) {
    if (!Number.isInteger(l) || l < 1 || l > s.maxLevel)
      throw new Error(`Level ${l} is not in 1..${s.maxLevel}`);
  }

  if (opts.withparent === 'family') {
    if (s.maxLevel <= levels[0]) throw new Error("withparent = 'family' needs a level below the top level");
    const names = opts.levelNames ?? Array.from({ length: s.maxLevel }, (_, i) => `Level_${i + 1}`);
    const out: CorrRow[] = [];
    for (let lev = levels[0] + 1; lev <= s.maxLevel; lev++) {
      const rows = getCorr(fw, data, { ...opts, iCodes: codes, levels: [levels[0], lev], withparent: true });
      for (const r of rows) out.push({ ...r, var1: names[lev - 1] ?? `Level_${lev}` });
    }
    return out;
  }

  const codes1 = selectCodes(s, codes[0], levels[0]);
  const codes2 = selectCodes(s, codes[1], levels[1]);
  const cols1 = codes1.map((c) => columnOf(data, c));
  const cols2 = codes2.map((c) => columnOf(data, c));
  const mat = corMatrix(cols1, cols2, cortype);
  if (pval > 0) {
    mat.forEach((row, i) =>
      row.forEach((_, j) => {
        const p = corTestP(cols1[i] as Float64Array, cols2[j] as Float64Array, cortype);
        if (!(p <= pval)) row[j] = Number.NaN;
      }),
    );
  }
  // R's lengthen(): stacks the matrix column by column.
  let rows: CorrRow[] = [];
  codes2.forEach((c2, j) =>
    codes1.forEach((c1, i) =>
      rows.push({ var1: c1, var2: c2, correlation: (mat[i] as Float64Array)[j] as number }),
    ),
  );

  if (opts.withparent === true && codes2.length > 1 && levels[0] !== levels[1]) {
    const keep = pairs(s, levels[1], levels[0]);
    rows = rows.filter((r) => keep.has(`${r.var1}\u0000${r.var2}`)).sort(mergeOrder);
  }

  const grouplev = opts.grouplev ?? null;
  if (grouplev !== null && levels[0] === levels[1]) {
    if (grouplev <= levels[0]) throw new Error('grouplev must be a level above the correlated level');
    if (grouplev > s.maxLevel) throw new Error(`grouplev must be between 2 and ${s.maxLevel}`);
    const groupOf = new Map<string, string>();
    for (const line of s.lineage) groupOf.set(line[levels[0] - 1] as string, line[grouplev - 1] as string);
    rows = rows.filter((r) => groupOf.get(r.var1) === groupOf.get(r.var2)).sort(mergeOrder);
  }
  return rows;
};

export interface CorrFlag {
  group: string;
  ind1: string;
  ind2: string;
  corr: number;
}

export interface CorrFlagOptions {
  /** Default 0.9. */
  corThresh?: number;
  /** "high" flags correlations above the threshold, "low" below. Default "high". */
  threshType?: 'high' | 'low';
  /** Default "pearson". */
  cortype?: CorType;
  /** Level whose groups pairs must share. Default 2. */
  grouplev?: number;
  /** Decimal places of the reported correlation; null keeps it whole. Default 3. */
  roundto?: number | null;
}

/**
 * COINr's get_corr_flags(): pairs of columns of `data` in the same group at `grouplev` whose
 * correlation is above (or below) the threshold, each unordered pair once, sorted by the first code.
 */
export const getCorrFlags = (fw: Framework, data: Dataset, opts: CorrFlagOptions = {}): CorrFlag[] => {
  const { corThresh = 0.9, threshType = 'high', cortype = 'pearson', grouplev = 2 } = opts;
  const roundto = opts.roundto === undefined ? 3 : opts.roundto;
  const s = coinStructure(fw);
  if (grouplev > s.maxLevel) throw new Error(`grouplev is greater than the maximum level of ${s.maxLevel}`);
  if (corThresh > 1 || corThresh < -1) throw new Error('corThresh must be between -1 and 1');
  const groupOf = new Map<string, string>();
  for (const line of s.lineage) groupOf.set(line[0] as string, line[grouplev - 1] as string);
  const candidates: CorrFlag[] = [];
  data.iCodes.forEach((c1, i) =>
    data.iCodes.forEach((c2, j) => {
      if (i === j) return;
      const g = groupOf.get(c1);
      if (g === undefined || g !== groupOf.get(c2)) return;
      const r = correlate(data.cols[i] as Float64Array, data.cols[j] as Float64Array, cortype);
      if (Number.isNaN(r)) return;
      if (threshType === 'high' ? r > corThresh : r < corThresh)
        candidates.push({ group: g, ind1: c1, ind2: c2, corr: r });
    }),
  );
  candidates.sort((a, b) => collateKeys([a.ind1, a.ind2], [b.ind1, b.ind2]));
  const seen = new Set<string>();
  const out: CorrFlag[] = [];
  for (const f of candidates) {
    const key = [f.ind1, f.ind2].sort().join('\u0000');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ ...f, corr: roundto === null ? f.corr : roundR(f.corr, roundto) });
  }
  return out;
};
