// SQL for a normalised filter and a sort: the WHERE conditions, the ORDER BY and the keyset step.
// Written once with Kysely for both databases; differences are in geo.ts (clamp) and the NULL order.
import { sql, type Expression, type ExpressionBuilder, type RawBuilder, type SqlBool } from 'kysely';
import { circleBox, distanceSql } from './geo.js';
import type { Cursor } from './space-cursor.js';
import type { NormalFilter, SpaceSort } from './space-filter.js';
import type { StoreDialect } from './store-state.js';
import type { Tables } from './tables.js';

type EB = ExpressionBuilder<Tables, 'spaces'>;

/** LIKE wildcards in a user's query are literal characters. */
const likeContains = (q: string): string => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const lonRange = (eb: EB, [min, max]: [number, number]): Expression<SqlBool> =>
  min <= max
    ? eb.and([eb('spaces.lon', '>=', min), eb('spaces.lon', '<=', max)])
    : eb.or([eb('spaces.lon', '>=', min), eb('spaces.lon', '<=', max)]);

/** The WHERE conditions of a filter (an empty list matches every space). */
export const filterConditions = (eb: EB, f: NormalFilter, dialect: StoreDialect): Expression<SqlBool>[] => {
  const c: Expression<SqlBool>[] = [];
  if (f.type) c.push(eb('spaces.type', 'in', f.type));
  if (f.region) {
    c.push(eb('spaces.region_code', '>=', f.region[0]), eb('spaces.region_code', '<=', f.region[1]));
  }
  if (f.country) c.push(eb('spaces.country_code', '=', f.country));
  if (f.status) c.push(eb('spaces.status', 'in', f.status));
  if (f.certification) c.push(eb('spaces.certification', 'in', f.certification));
  if (f.q) c.push(sql<SqlBool>`spaces.search_text like ${likeContains(f.q)} escape '\\'`);
  if (f.bbox) {
    const [minLon, minLat, maxLon, maxLat] = f.bbox;
    c.push(eb('spaces.lat', '>=', minLat), eb('spaces.lat', '<=', maxLat), lonRange(eb, [minLon, maxLon]));
  }
  if (f.near) {
    const { lat, lon, radiusKm } = f.near;
    const radiusM = radiusKm * 1000;
    const box = circleBox(lat, lon, radiusM);
    c.push(eb('spaces.lat', '>=', box.minLat), eb('spaces.lat', '<=', box.maxLat));
    if (box.lon) c.push(lonRange(eb, box.lon));
    c.push(sql<SqlBool>`${distanceSql(dialect, lat, lon)} <= ${radiusM}`);
  }
  if (f.synthetic !== undefined) c.push(eb('spaces.synthetic', '=', f.synthetic));
  if (f.foundedBefore !== undefined) c.push(eb('spaces.founded_year', '<', f.foundedBefore));
  return c;
};

export interface SortPlan {
  /** The sort key as SQL. */
  key: RawBuilder<unknown>;
  descending: boolean;
  /** founded_year may be NULL: unknown years sort as the smallest value in both databases. */
  nullable: boolean;
}

export const sortPlan = (sort: SpaceSort, f: NormalFilter, dialect: StoreDialect): SortPlan => {
  const descending = sort.startsWith('-');
  switch (sort) {
    case 'name':
    case '-name':
      return { key: sql`spaces.name_sort`, descending, nullable: false };
    case 'updated':
    case '-updated':
      return { key: sql`spaces.updated_at`, descending, nullable: false };
    case 'founded':
    case '-founded':
      return { key: sql`spaces.founded_year`, descending, nullable: true };
    case 'id':
      return { key: sql`spaces.id`, descending: false, nullable: false };
    case 'distance': {
      const near = f.near;
      if (!near) throw new Error('sortPlan: distance needs near (checked by the caller)');
      return {
        key: distanceSql(dialect, near.lat, near.lon),
        descending: false,
        nullable: false,
      };
    }
  }
};

/**
 * ORDER BY for the plan: key then id, both in the sort's direction.
 *
 * With a box or circle, SQLite is kept on the location index by writing the key as `+key` (its
 * documented way to stop an index from serving a term): walking the name index instead and testing
 * each row against the box reads the whole table when names correlate with place (many start with
 * the city), measured 180 ms against 3 ms for a city box over 100k rows. Finding the box first
 * costs at most the matching rows, which the total counts anyway.
 */
export const orderBy = (
  p: SortPlan,
  sort: SpaceSort,
  f: NormalFilter,
  dialect: StoreDialect,
): RawBuilder<unknown> => {
  const located = dialect === 'sqlite' && (f.bbox !== undefined || f.near !== undefined);
  const plus = sql.raw(located ? '+' : '');
  if (sort === 'id') return sql`${plus}spaces.id`;
  const dir = sql.raw(p.descending ? 'desc' : 'asc');
  // PostgreSQL puts NULLs last in ascending order, SQLite first: say it for PostgreSQL.
  const nulls =
    p.nullable && dialect === 'postgres' ? sql.raw(p.descending ? ' nulls last' : ' nulls first') : sql``;
  return sql`${plus}${p.key} ${dir}${nulls}, ${plus}spaces.id ${dir}`;
};

/** The rows after the cursor in the plan's order. */
export const afterCursor = (p: SortPlan, c: Cursor, sort: SpaceSort): RawBuilder<SqlBool> => {
  if (sort === 'id') return sql<SqlBool>`spaces.id > ${c.id}`;
  const op = sql.raw(p.descending ? '<' : '>');
  if (c.key === null) {
    // Only a nullable key has NULL cursors; NULLs come first ascending and last descending.
    return p.descending
      ? sql<SqlBool>`(${p.key} is null and spaces.id < ${c.id})`
      : sql<SqlBool>`((${p.key} is null and spaces.id > ${c.id}) or ${p.key} is not null)`;
  }
  const step = sql<SqlBool>`(${p.key}, spaces.id) ${op} (${c.key}, ${c.id})`;
  return p.nullable && p.descending ? sql<SqlBool>`(${step} or ${p.key} is null)` : step;
};
