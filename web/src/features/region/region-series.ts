// Yearly series of a region from the map's point columns: spaces active at each year by type (the
// same rule as the map's time slider), and counts per prefecture.
import { compileMapFilter } from '../../../../src/domain/map-filter.js';
import type { MapPoints } from '../../../../src/domain/map-points.js';

/** Point indexes whose region code starts with `prefix` (GB/T 2260 digits without trailing zero pairs). */
export const pointsInRegion = (p: MapPoints, prefix: string): number[] => {
  const out: number[] = [];
  for (let i = 0; i < p.id.length; i++) if (p.region[i]?.startsWith(prefix)) out.push(i);
  return out;
};

/** Code prefix of a region: 440000 → 44, 440300 → 4403, 440305 → 440305. */
export const regionPrefix = (code: string): string =>
  code.endsWith('0000') ? code.slice(0, 2) : code.endsWith('00') ? code.slice(0, 4) : code;

export interface TypeYearSeries {
  years: number[];
  /** type → count per year (aligned with `years`). */
  byType: Map<string, number[]>;
  total: number[];
}

export const activeByTypeYear = (
  p: MapPoints,
  members: readonly number[],
  firstYear: number,
  latestYear: number,
): TypeYearSeries => {
  const years = Array.from({ length: Math.max(0, latestYear - firstYear + 1) }, (_, k) => firstYear + k);
  const byType = new Map<string, number[]>();
  const total = years.map(() => 0);
  years.forEach((year, k) => {
    const test = compileMapFilter(p, { year }, latestYear);
    for (const i of members) {
      if (!test(i)) continue;
      const type = p.dict.type[p.type[i] as number] ?? 'other';
      let row = byType.get(type);
      if (!row) byType.set(type, (row = years.map(() => 0)));
      row[k] = (row[k] as number) + 1;
      total[k] = (total[k] as number) + 1;
    }
  });
  return { years, byType, total };
};

/** Members per prefecture code (first four digits + "00"), most first. */
export const countByPrefecture = (
  p: MapPoints,
  members: readonly number[],
  active?: (i: number) => boolean,
) => {
  const counts = new Map<string, number>();
  for (const i of members) {
    if (active && !active(i)) continue;
    const r = p.region[i];
    if (!r) continue;
    const code = `${r.slice(0, 4)}00`;
    counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
};
