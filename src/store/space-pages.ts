// How a list is read: ids and sort keys of a page first (from indexes), then the spaces themselves
// (from the memo or one query), and the memoised total. The spaces repository builds on these.
import type { Kysely } from 'kysely';
import type { Space } from '../domain/space.js';
import { dialectOf } from './migrations/column-types.js';
import { decodeCursor, encodeCursor, type Cursor, type CursorKey } from './space-cursor.js';
import {
  DEFAULT_LIMIT,
  DEFAULT_SORT,
  filterKey,
  MAX_LIMIT,
  SPACE_SORTS,
  type NormalFilter,
  type SpaceList,
  type SpacePage,
  type SpaceSort,
} from './space-filter.js';
import { afterCursor, filterConditions, orderBy, sortPlan } from './space-query.js';
import { deepFreeze, rowToSpace, SPACE_COLUMNS } from './space-row.js';
import { StoreInputError } from './store-error.js';
import { memoStateOf } from './store-state.js';
import type { Tables } from './tables.js';

type Db = Kysely<Tables>;

/**
 * Spaces matching a normalised filter. Memoised per filter until the next write (see
 * store-state.ts): a list call must not pay a count over the whole table each time.
 */
export const countNormal = async (db: Db, f: NormalFilter): Promise<number> => {
  const dialect = dialectOf(db);
  const compute = async () => {
    const row = await db
      .selectFrom('spaces')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where((eb) => eb.and(filterConditions(eb, f, dialect)))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };
  const state = memoStateOf(db);
  return state ? state.memo(state.totals, filterKey(f), compute) : compute();
};

export const checkPage = (page: SpacePage): { sort: SpaceSort; limit: number; cursor?: Cursor } => {
  const sort = page.sort ?? DEFAULT_SORT;
  if (!(SPACE_SORTS as readonly string[]).includes(sort)) {
    throw new StoreInputError('page.invalid', `sort: expected one of ${SPACE_SORTS.join(', ')}`, '/sort');
  }
  const limit = page.limit ?? DEFAULT_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw new StoreInputError(
      'page.invalid',
      `limit: expected an integer from 1 to ${MAX_LIMIT}, got ${limit}`,
      '/limit',
    );
  }
  return { sort, limit, ...(page.cursor !== undefined && { cursor: decodeCursor(page.cursor, sort) }) };
};

/**
 * Step one of a list: ids and sort keys of the matching rows in order. Kept to columns the
 * filter and sort indexes carry, so it rarely reads the table itself.
 */
export const selectKeys = (
  db: Db,
  f: NormalFilter,
  sort: SpaceSort,
  limit: number | undefined,
  cursor?: Cursor,
) => {
  const dialect = dialectOf(db);
  const plan = sortPlan(sort, f, dialect);
  let q = db
    .selectFrom('spaces')
    .select(['spaces.id', plan.key.as('k')])
    .where((eb) =>
      eb.and([...filterConditions(eb, f, dialect), ...(cursor ? [afterCursor(plan, cursor, sort)] : [])]),
    )
    .orderBy(orderBy(plan, sort, f, dialect));
  if (limit !== undefined) q = q.limit(limit);
  return q.execute();
};

const ID_CHUNK = 500;

/**
 * Step two: the spaces with these ids, in this order. Spaces read since the last write come from
 * the memo; the rest in one query per 500 ids.
 */
export const loadSpaces = async (db: Db, ids: readonly string[]): Promise<Space[]> => {
  const state = memoStateOf(db);
  const version = state?.version() ?? 0;
  const found = new Map<string, Space>();
  const missing: string[] = [];
  for (const id of ids) {
    const hit = state?.spaces.get(id, version);
    if (hit) found.set(id, hit);
    else missing.push(id);
  }
  for (let i = 0; i < missing.length; i += ID_CHUNK) {
    const rows = await db
      .selectFrom('spaces')
      .select(SPACE_COLUMNS)
      .where('id', 'in', missing.slice(i, i + ID_CHUNK))
      .execute();
    for (const r of rows) {
      const space = deepFreeze(rowToSpace(r));
      found.set(r.id, space);
      state?.spaces.set(r.id, version, space);
    }
  }
  const out: Space[] = [];
  for (const id of ids) {
    const s = found.get(id);
    // A row deleted between the two steps simply drops out of the page.
    if (s) out.push(s);
  }
  return out;
};

export const computePage = async (
  db: Db,
  f: NormalFilter,
  sort: SpaceSort,
  limit: number,
  cursor: Cursor | undefined,
): Promise<SpaceList> => {
  const [keys, total] = await Promise.all([selectKeys(db, f, sort, limit + 1, cursor), countNormal(db, f)]);
  const more = keys.length > limit;
  const page = more ? keys.slice(0, limit) : keys;
  const last = page[page.length - 1];
  const items = await loadSpaces(
    db,
    page.map((k) => k.id),
  );
  const key = (k: unknown): CursorKey =>
    k === null || typeof k === 'number' || typeof k === 'string' ? k : String(k);
  return deepFreeze({
    items,
    total,
    next: more && last ? encodeCursor({ sort, key: sort === 'id' ? null : key(last.k), id: last.id }) : null,
  });
};
