// Which spaces a list, count or export covers, and in which order. The schema is the contract for
// callers (the server derives its query parameters from the same facts); normaliseFilter adds the
// checks a schema cannot express and gives every equivalent filter one canonical form.
import { Type, type Static } from 'typebox';
import type { Space } from '../domain/space.js';
import { Compile, type Validator } from 'typebox/compile';
import { CERTIFICATIONS, SPACE_TYPES, STATUSES } from '../domain/taxonomy.js';
import { normaliseQuery } from './search-text.js';
import { StoreInputError } from './store-error.js';

/** Half the Earth's circumference: no two points are further apart. */
export const MAX_RADIUS_KM = 20_040;

const Lon = Type.Number({ minimum: -180, maximum: 180 });
const Lat = Type.Number({ minimum: -90, maximum: 90 });

export const SpaceFilter = Type.Object(
  {
    type: Type.Optional(Type.Array(Type.Enum(SPACE_TYPES), { maxItems: SPACE_TYPES.length })),
    regionPrefix: Type.Optional(
      Type.String({
        pattern: '^\\d{1,6}$',
        description:
          "GB/T 2260 code prefix: '44' Guangdong, '4403' Shenzhen; trailing 00 pairs of a full code are dropped",
      }),
    ),
    country: Type.Optional(Type.String({ pattern: '^[A-Za-z]{2}$', description: 'ISO 3166-1 alpha-2' })),
    status: Type.Optional(Type.Array(Type.Enum(STATUSES), { maxItems: STATUSES.length })),
    certification: Type.Optional(Type.Array(Type.Enum(CERTIFICATIONS), { maxItems: CERTIFICATIONS.length })),
    q: Type.Optional(
      Type.String({ maxLength: 100, description: 'name in Chinese, English or pinyin (full or initials)' }),
    ),
    bbox: Type.Optional(
      Type.Tuple([Lon, Lat, Lon, Lat], {
        description: '[minLon, minLat, maxLon, maxLat]; minLon > maxLon crosses the antimeridian',
      }),
    ),
    near: Type.Optional(
      Type.Object(
        { lat: Lat, lon: Lon, radiusKm: Type.Number({ exclusiveMinimum: 0, maximum: MAX_RADIUS_KM }) },
        { additionalProperties: false },
      ),
    ),
    synthetic: Type.Optional(
      Type.Boolean({ description: 'true: only synthetic records; false: only real ones' }),
    ),
    foundedBefore: Type.Optional(
      Type.Integer({ minimum: 0, maximum: 9999, description: 'founded in an earlier year' }),
    ),
  },
  { additionalProperties: false },
);
export type SpaceFilter = Static<typeof SpaceFilter>;

export const SPACE_SORTS = [
  'name',
  '-name',
  'founded',
  '-founded',
  'updated',
  '-updated',
  'id',
  'distance',
] as const;
export const SpaceSort = Type.Enum(SPACE_SORTS, { description: '`-` for descending; distance needs near' });
export type SpaceSort = Static<typeof SpaceSort>;

export const DEFAULT_SORT: SpaceSort = 'name';
export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 500;

export const SpacePage = Type.Object(
  {
    sort: Type.Optional(SpaceSort),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_LIMIT })),
    cursor: Type.Optional(Type.String({ maxLength: 1000, description: 'the `next` of the previous page' })),
  },
  { additionalProperties: false },
);
export type SpacePage = Static<typeof SpacePage>;

export interface SpaceList {
  /** The page, frozen: memoised pages are shared by every caller. Copy a space before changing it. */
  items: Space[];
  /** Spaces matching the filter, all pages together. */
  total: number;
  /** Cursor of the next page; null on the last page. */
  next: string | null;
}

/** A checked filter in canonical form: sorted lists, folded query, no empty parts. */
export interface NormalFilter {
  type?: string[];
  /** Lowest and highest six-digit code covered by the prefix. */
  region?: [string, string];
  country?: string;
  status?: string[];
  certification?: string[];
  q?: string;
  bbox?: [number, number, number, number];
  near?: { lat: number; lon: number; radiusKm: number };
  synthetic?: boolean;
  foundedBefore?: number;
}

/** GB/T 2260: 440000 is Guangdong as a whole, 440300 Shenzhen as a whole; '44' and '4403' say the same. */
export const regionRange = (prefix: string): [string, string] => {
  let p = prefix;
  if (p.length === 6) p = p.replace(/(00){1,2}$/, '');
  return [p.padEnd(6, '0'), p.padEnd(6, '9')];
};

/** A list filter in canonical form; an empty list constrains nothing (as if it were absent). */
const sortedSet = <T extends string>(xs: readonly T[] | undefined): string[] | undefined =>
  xs === undefined || xs.length === 0 ? undefined : [...new Set(xs)].sort();

let validator: Validator | undefined;

/**
 * Checks a filter and returns its canonical form. Throws StoreInputError (code `filter.invalid`)
 * naming the field and what was expected.
 */
export const normaliseFilter = (filter: SpaceFilter): NormalFilter => {
  // Compiled once, on first use: a list call checks its filter every time.
  validator ??= Compile(SpaceFilter);
  if (!validator.Check(filter)) {
    const first = validator.Errors(filter)[0];
    const at = first?.instancePath || '';
    throw new StoreInputError(
      'filter.invalid',
      `filter${at}: ${first?.message ?? 'does not match the schema'}`,
      `/filter${at}`,
    );
  }
  const out: NormalFilter = {};
  const type = sortedSet(filter.type);
  if (type) out.type = type;
  if (filter.regionPrefix !== undefined) out.region = regionRange(filter.regionPrefix);
  if (filter.country !== undefined) out.country = filter.country.toUpperCase();
  const status = sortedSet(filter.status);
  if (status) out.status = status;
  const certification = sortedSet(filter.certification);
  if (certification) out.certification = certification;
  if (filter.q !== undefined) {
    const q = normaliseQuery(filter.q);
    if (q) out.q = q;
  }
  if (filter.bbox) {
    const [minLon, minLat, maxLon, maxLat] = filter.bbox;
    if (minLat > maxLat) {
      throw new StoreInputError(
        'filter.invalid',
        `filter/bbox: minLat ${minLat} is above maxLat ${maxLat}`,
        '/filter/bbox',
      );
    }
    out.bbox = [minLon, minLat, maxLon, maxLat];
  }
  if (filter.near) out.near = { lat: filter.near.lat, lon: filter.near.lon, radiusKm: filter.near.radiusKm };
  if (filter.synthetic !== undefined) out.synthetic = filter.synthetic;
  if (filter.foundedBefore !== undefined) out.foundedBefore = filter.foundedBefore;
  return out;
};

/** One string per set of matching rows: the memo key of a filtered total. */
export const filterKey = (f: NormalFilter): string => JSON.stringify(f);
