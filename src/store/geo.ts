// Great-circle distance and the bounding box of a circle, for `near` filters: the box lets an index
// narrow the rows, the exact distance decides. Spherical Earth (mean radius, IUGG).
import { sql, type RawBuilder } from 'kysely';
import type { StoreDialect } from './store-state.js';

export const EARTH_RADIUS_M = 6_371_008.8;
const DEG = Math.PI / 180;

/** Haversine distance in metres. */
export const haversineM = (lat1: number, lon1: number, lat2: number, lon2: number): number => {
  const a =
    Math.sin(((lat2 - lat1) * DEG) / 2) ** 2 +
    Math.cos(lat1 * DEG) * Math.cos(lat2 * DEG) * Math.sin(((lon2 - lon1) * DEG) / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.sqrt(Math.min(1, a)));
};

/** The same haversine, in SQL over spaces.lat/lon (both databases have these maths functions). */
export const distanceSql = (dialect: StoreDialect, lat: number, lon: number): RawBuilder<number> => {
  // Rounding can push the haversine term a hair above 1 for antipodes; PostgreSQL's asin would fail.
  const clamp = sql.raw(dialect === 'postgres' ? 'least' : 'min');
  return sql<number>`(${2 * EARTH_RADIUS_M} * asin(sqrt(${clamp}(1.0, power(sin(radians(spaces.lat - ${lat}) / 2), 2) + cos(radians(${lat})) * cos(radians(spaces.lat)) * power(sin(radians(spaces.lon - ${lon}) / 2), 2)))))`;
};

export interface Box {
  minLat: number;
  maxLat: number;
  /** [min, max] in degrees; min > max crosses the antimeridian; undefined: every longitude. */
  lon?: [number, number];
}

/** A slack that keeps points on the circle's edge inside the box despite rounding. */
const SLACK_DEG = 1e-9;

/** The smallest latitude/longitude box that holds every point within `radiusM` of (lat, lon). */
export const circleBox = (lat: number, lon: number, radiusM: number): Box => {
  const angular = radiusM / EARTH_RADIUS_M;
  const dLat = angular / DEG + SLACK_DEG;
  const minLat = Math.max(-90, lat - dLat);
  const maxLat = Math.min(90, lat + dLat);
  // A pole inside the circle, or a circle wider than a hemisphere: every longitude qualifies.
  if (minLat <= -90 || maxLat >= 90 || angular >= Math.PI / 2) return { minLat, maxLat };
  const s = Math.sin(angular) / Math.cos(lat * DEG);
  if (s >= 1) return { minLat, maxLat };
  const dLon = Math.asin(s) / DEG + SLACK_DEG;
  let min = lon - dLon;
  let max = lon + dLon;
  if (min < -180) min += 360;
  if (max > 180) max -= 360;
  return { minLat, maxLat, lon: [min, max] };
};
