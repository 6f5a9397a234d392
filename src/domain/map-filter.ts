// Which of the map's points a filter keeps. The same test runs in the browser (points drawn by the
// client) and on the server (clusters computed there for large registries), so both agree exactly.
// Imports from map-points.ts are types only: the browser bundle must not pull in the schemas.
import type { MapFilter, MapPoints } from './map-points.js';

/** Bit mask of `values` over `list` (values not in the list are ignored). */
export const maskOf = (list: readonly string[], values: readonly string[]): number => {
  let m = 0;
  for (const v of values) {
    const i = list.indexOf(v);
    if (i >= 0) m |= 1 << i;
  }
  return m >>> 0;
};

export type PointTest = (i: number) => boolean;

/** The columns a filter reads: every column but the names (a server keeps only these in memory). */
export type FilterablePoints = Omit<MapPoints, 'nameZh' | 'nameEn'>;

const indexSet = (dict: readonly string[], values: readonly string[] | undefined): Set<number> | null =>
  values && values.length > 0 ? new Set(values.map((v) => dict.indexOf(v)).filter((i) => i >= 0)) : null;

/**
 * A test for point i of `p`. `latestYear` is the end of the time slider: spaces whose founding year
 * is unknown are shown only there, since nothing says they existed earlier.
 */
export const compileMapFilter = (p: FilterablePoints, f: MapFilter, latestYear: number | null): PointTest => {
  const types = indexSet(p.dict.type, f.type);
  const statuses = indexSet(p.dict.status, f.status);
  const certs = indexSet(p.dict.certification, f.certification);
  const services = f.services?.length ? maskOf(p.dict.services, f.services) : 0;
  const equipment = f.equipment?.length ? maskOf(p.dict.equipment, f.equipment) : 0;
  const { priceMax, synthetic, year } = f;
  const atEnd = year === undefined || latestYear === null || year >= latestYear;
  return (i) => {
    if (types && !types.has(p.type[i] as number)) return false;
    if (statuses && !statuses.has(p.status[i] as number)) return false;
    if (certs && !certs.has(p.certification[i] as number)) return false;
    if (synthetic !== undefined && (p.synthetic[i] === 1) !== synthetic) return false;
    if (priceMax !== undefined) {
      const price = p.price[i];
      if (price === null || price === undefined || price > priceMax) return false;
    }
    if (services !== 0 && ((p.services[i] as number) & services) >>> 0 !== services) return false;
    if (equipment !== 0 && ((p.equipment[i] as number) & equipment) >>> 0 !== equipment) return false;
    if (year !== undefined) {
      const founded = p.founded[i];
      if (founded === null || founded === undefined) {
        if (!atEnd) return false;
      } else if (founded > year) return false;
      const closed = p.closed[i];
      // Closed during the year still counts for that year: it was open part of it.
      if (closed !== null && closed !== undefined && closed < year) return false;
    }
    return true;
  };
};

/** Indexes of the points the filter keeps. */
export const selectPoints = (p: FilterablePoints, f: MapFilter, latestYear: number | null): number[] => {
  const test = compileMapFilter(p, f, latestYear);
  const out: number[] = [];
  for (let i = 0; i < p.id.length; i++) if (test(i)) out.push(i);
  return out;
};

/** Kept points per province (the first two digits of the region code + "0000"). */
export const countByProvince = (p: FilterablePoints, kept: readonly number[]): Map<string, number> => {
  const counts = new Map<string, number>();
  for (const i of kept) {
    const r = p.region[i];
    if (!r) continue;
    const code = `${r.slice(0, 2)}0000`;
    counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  return counts;
};
