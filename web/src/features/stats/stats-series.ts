// National series for the statistics page, from the map's point columns (the map slider's rule:
// a space counts in a year if founded by then and not closed before it).
import { compileMapFilter } from '../../../../src/domain/map-filter.js';
import type { MapPoints } from '../../../../src/domain/map-points.js';

export interface YearRow {
  year: number;
  active: number;
  founded: number;
  closed: number;
  /** Growth of `active` on the year before (null for the first year or from zero). */
  growth: number | null;
}

export const nationalSeries = (
  p: MapPoints,
  firstYear: number,
  latestYear: number,
  china = true,
): YearRow[] => {
  const inScope = (i: number) => !china || (p.region[i] ?? null) !== null;
  const rows: YearRow[] = [];
  for (let year = firstYear; year <= latestYear; year++) {
    const test = compileMapFilter(p, { year }, latestYear);
    let active = 0;
    let founded = 0;
    let closed = 0;
    for (let i = 0; i < p.id.length; i++) {
      if (!inScope(i)) continue;
      if (test(i)) active++;
      if (p.founded[i] === year) founded++;
      if (p.closed[i] === year) closed++;
    }
    const prev = rows[rows.length - 1];
    rows.push({
      year,
      active,
      founded,
      closed,
      growth: prev && prev.active > 0 ? active / prev.active - 1 : null,
    });
  }
  return rows;
};

/** Kept points counted by a column of codes (type, certification…) as [code, count], most first. */
export const mix = (
  p: MapPoints,
  kept: readonly number[],
  column: 'type' | 'certification' | 'status',
): [string, number][] => {
  const dict = p.dict[column];
  const counts = new Map<string, number>();
  for (const i of kept) {
    const code = dict[p[column][i] as number] ?? '?';
    counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1]);
};
