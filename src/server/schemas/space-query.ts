import { Type, type Static } from 'typebox';
import { CERTIFICATIONS, SPACE_TYPES, STATUSES } from '../../domain/taxonomy.js';
import type { SpaceFilter } from '../../store/space-filter.js';
import { ApiError } from '../errors.js';

const NUM = '-?\\d+(\\.\\d+)?';

/** Query parameters shared by the list and GeoJSON endpoints. Repeat a parameter to pass several values. */
export const SpaceFilterQuery = Type.Object({
  type: Type.Optional(Type.Array(Type.Enum(SPACE_TYPES), { description: 'space type; repeat for several' })),
  region: Type.Optional(
    Type.String({
      pattern: '^\\d{2,6}$',
      description: 'GB/T 2260 code prefix: 44 (Guangdong), 4403 (Shenzhen)…',
    }),
  ),
  country: Type.Optional(Type.String({ pattern: '^[A-Za-z]{2}$', description: 'ISO 3166-1 alpha-2' })),
  status: Type.Optional(Type.Array(Type.Enum(STATUSES))),
  certification: Type.Optional(Type.Array(Type.Enum(CERTIFICATIONS))),
  q: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 100,
      description: 'name search in Chinese, English or pinyin (full or initials)',
    }),
  ),
  bbox: Type.Optional(
    Type.String({
      pattern: `^${NUM},${NUM},${NUM},${NUM}$`,
      description: 'minLon,minLat,maxLon,maxLat (WGS 84)',
    }),
  ),
  near: Type.Optional(
    Type.String({ pattern: `^${NUM},${NUM}$`, description: 'lat,lon: spaces within `radius` km' }),
  ),
  radius: Type.Optional(
    Type.Number({ exclusiveMinimum: 0, maximum: 20000, default: 10, description: 'km, with near' }),
  ),
  synthetic: Type.Optional(
    Type.Boolean({ description: 'true: only the synthetic sample; false: only real records' }),
  ),
});
export type SpaceFilterQuery = Static<typeof SpaceFilterQuery>;

const badParam = (name: string, message: string) =>
  new ApiError(400, 'invalid_request', `${name}: ${message}`);

const parseBbox = (s: string): [number, number, number, number] => {
  const [minLon, minLat, maxLon, maxLat] = s.split(',').map(Number) as [number, number, number, number];
  if (minLon < -180 || maxLon > 180 || minLat < -90 || maxLat > 90)
    throw badParam('bbox', 'longitudes must be within ±180 and latitudes within ±90');
  if (minLon > maxLon || minLat > maxLat)
    throw badParam('bbox', 'expected minLon,minLat,maxLon,maxLat with min ≤ max');
  return [minLon, minLat, maxLon, maxLat];
};

const parseNear = (s: string, radiusKm: number) => {
  const [lat, lon] = s.split(',').map(Number) as [number, number];
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180)
    throw badParam('near', 'expected lat,lon with |lat| ≤ 90, |lon| ≤ 180');
  return { lat, lon, radiusKm };
};

/** Turn validated query parameters into the store's filter; semantic checks the schema cannot express. */
export const toSpaceFilter = (q: SpaceFilterQuery): SpaceFilter => ({
  ...(q.type && { type: q.type }),
  ...(q.region && { regionPrefix: q.region }),
  ...(q.country && { country: q.country.toUpperCase() }),
  ...(q.status && { status: q.status }),
  ...(q.certification && { certification: q.certification }),
  ...(q.q && { q: q.q }),
  ...(q.bbox && { bbox: parseBbox(q.bbox) }),
  ...(q.near && { near: parseNear(q.near, q.radius ?? 10) }),
  ...(q.synthetic !== undefined && { synthetic: q.synthetic }),
});
