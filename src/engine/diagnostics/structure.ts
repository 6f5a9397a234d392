// The two views of an index structure that COINr's diagnostics read, so that our tables list rows in
// the same order as COINr's:
// - `meta`: iMeta as new_coin() stores it, ordered by Level, then Parent (stable, R's collation);
// - `lineage`: one row per indicator with its ancestor at every level (get_lineage()), sorted from the
//   top level down.
import type { Framework, MetaRow } from '../types.js';
import { compareCodes } from '../framework.js';
import { collateKeys } from './r-compat.js';

export interface Structure {
  /** Indicator and Aggregate rows, in COINr's order (Level, then Parent; missing parent last). */
  readonly meta: readonly MetaRow[];
  readonly maxLevel: number;
  /** `lineage[r][l - 1]` is the level-l ancestor of indicator row r (its own code at level 1). */
  readonly lineage: readonly (readonly string[])[];
  /** Codes of one level in `meta` order (COINr's get_data(Level = l) column order). */
  codesAt(level: number): string[];
  row(code: string): MetaRow | undefined;
}

const byLevelThenParent = (a: MetaRow, b: MetaRow): number => {
  if (a.level !== b.level) return a.level - b.level;
  if (a.parent === b.parent) return 0;
  if (a.parent === null) return 1;
  if (b.parent === null) return -1;
  return compareCodes(a.parent, b.parent);
};

/** Builds the COINr-ordered view of a framework. */
export const coinStructure = (fw: Framework): Structure => {
  const rows = fw.meta.filter((m) => m.type === 'Indicator' || m.type === 'Aggregate');
  // Array.prototype.sort is stable, like R's order().
  const meta = [...rows].sort(byLevelThenParent);
  const byCode = new Map(meta.map((m) => [m.iCode, m]));
  const maxLevel = fw.maxLevel;
  const lineage = meta
    .filter((m) => m.type === 'Indicator')
    .map((m) => {
      const line: string[] = [m.iCode];
      let cur: MetaRow | undefined = m;
      for (let l = 2; l <= maxLevel; l++) {
        const p: string | null = cur?.parent ?? null;
        line.push(p ?? '');
        cur = p === null ? undefined : byCode.get(p);
      }
      return line;
    })
    .sort((a, b) => collateKeys([...a].reverse(), [...b].reverse()));
  return {
    meta,
    maxLevel,
    lineage,
    codesAt: (level) => meta.filter((m) => m.level === level).map((m) => m.iCode),
    row: (code) => byCode.get(code),
  };
};

/**
 * Codes selected as COINr's get_data(iCodes, Level) selects columns: with only `level`, every code of
 * that level (meta order); with `iCodes` of one level and a lower `level`, the level-`level` members of
 * those groups (lineage order); with `iCodes` alone, the codes as given.
 */
export const selectCodes = (
  s: Structure,
  iCodes: readonly string[] | null,
  level: number | null,
): string[] => {
  if (iCodes === null || iCodes.length === 0) {
    return s.codesAt(level ?? 1);
  }
  const levels = new Set(iCodes.map((c) => s.row(c)?.level));
  if (levels.has(undefined)) {
    const missing = iCodes.filter((c) => !s.row(c));
    throw new Error(`Codes not found in the framework: ${missing.join(', ')}`);
  }
  if (levels.size !== 1) throw new Error(`Codes come from different levels: ${iCodes.join(', ')}`);
  if (level === null) return [...iCodes];
  const from = [...levels][0] as number;
  const wanted = new Set(iCodes);
  const out: string[] = [];
  for (const line of s.lineage) {
    const code = line[level - 1];
    if (code !== undefined && wanted.has(line[from - 1] as string) && !out.includes(code)) out.push(code);
  }
  return out;
};
