// The spaces repository: plain functions over a Kysely instance or a transaction.
import type { Expression, ExpressionBuilder, Kysely, SqlBool } from 'kysely';
import type { Space, SourceRef, SpaceSummary } from '../domain/space.js';
import {
  insertMany,
  inTransaction,
  isCheckViolation,
  isUniqueViolation,
  withIndexesRebuilt,
} from './bulk-insert.js';
import { dialectOf } from './migrations/column-types.js';
import type { NameTexts } from './name-texts.js';
import {
  filterKey,
  MAX_RADIUS_KM,
  normaliseFilter,
  type SpaceFilter,
  type SpaceList,
  type SpacePage,
} from './space-filter.js';
import { checkPage, computePage, countNormal, loadSpaces, selectKeys } from './space-pages.js';
import { filterConditions } from './space-query.js';
import {
  rowToSpace,
  rowToSummary,
  SPACE_COLUMNS,
  SPACE_WRITE_COLUMNS,
  spaceToRow,
  spaceValues,
  SUMMARY_COLUMNS,
} from './space-row.js';
import { StoreInputError } from './store-error.js';
import { memoStateOf } from './store-state.js';
import type { Tables } from './tables.js';

export type Db = Kysely<Tables>;
type EB = ExpressionBuilder<Tables, 'spaces'>;
export type { SpaceList } from './space-filter.js';

/** Key of findBySourceIds' map. */
export const sourceKey = (source: string, sourceId: string): string => `${source}\u0000${sourceId}`;

const SOURCE_COLUMNS = ['source', 'source_id', 'space_id'] as const;
const LOOKUP_CHUNK = 1000;
/**
 * Rows derived per insert call. SQLite: small, so a chunk's strings are dead by the next scavenge
 * (2,000 kept ~3 MB alive in the young generation at each one; 100k spaces: write 5.2 s against
 * 4.4 s with 32). PostgreSQL: large, one round trip per statement.
 */
const DERIVE_CHUNK = { sqlite: 32, postgres: 2000 } as const;

interface OwnedRef {
  source: string;
  sourceId: string;
  spaceId: string;
}

/** The distinct source refs of the spaces; the same ref on two spaces is an input error. */
const ownedRefs = (spaces: readonly Space[]): OwnedRef[] => {
  const owner = new Map<string, OwnedRef>();
  spaces.forEach((s, i) => {
    for (const r of s.sources) {
      const key = sourceKey(r.source, r.sourceId);
      const prior = owner.get(key);
      if (prior && prior.spaceId !== s.id) {
        throw new StoreInputError(
          'source.duplicate',
          `spaces ${prior.spaceId} and ${s.id} both claim ${r.source} id "${r.sourceId}"; one record per source id`,
          `/${i}/sources`,
        );
      }
      owner.set(key, { source: r.source, sourceId: r.sourceId, spaceId: s.id });
    }
  });
  return [...owner.values()];
};

/** Refuses refs that already belong to another space. */
const checkRefsFree = async (db: Db, refs: readonly OwnedRef[]): Promise<void> => {
  const taken = await findBySourceIds(db, refs);
  for (const r of refs) {
    const holder = taken.get(sourceKey(r.source, r.sourceId));
    if (holder !== undefined && holder !== r.spaceId) {
      throw new StoreInputError(
        'source.conflict',
        `${r.source} id "${r.sourceId}" of space ${r.spaceId} already belongs to space ${holder}`,
        '/sources',
      );
    }
  }
};

/** Database refusals turned into input errors: a duplicate id, or a value a CHECK rules out. */
const writeError = (err: unknown, what: string): unknown => {
  if (isUniqueViolation(err)) {
    return new StoreInputError('space.duplicate_id', `${what}: a space with this id already exists`, '/id');
  }
  if (isCheckViolation(err)) {
    const why = err instanceof Error ? err.message : String(err);
    return new StoreInputError('space.invalid', `${what}: a value is out of range (${why})`);
  }
  return err;
};

/** Refuses ids already stored, naming the first (checked first so the error can say which). */
const checkIdsFree = async (db: Db, spaces: readonly Space[]): Promise<void> => {
  const index = new Map(spaces.map((s, i) => [s.id, i]));
  const ids = [...index.keys()];
  for (let i = 0; i < ids.length; i += LOOKUP_CHUNK) {
    const taken = await db
      .selectFrom('spaces')
      .select('id')
      .where('id', 'in', ids.slice(i, i + LOOKUP_CHUNK))
      .executeTakeFirst();
    if (taken) {
      const at = index.get(taken.id) ?? 0;
      throw new StoreInputError(
        'space.duplicate_id',
        `spaces[${at}]: id "${taken.id}" is already stored`,
        `/${at}/id`,
      );
    }
  }
};

/**
 * Inserts new spaces and their source ids, all or nothing (bulk statements, see bulk-insert.ts).
 * Throws StoreInputError for a repeated or already stored id, or a source id held by another space.
 * `derived.nameTexts`: name texts precomputed for these spaces (name-texts.ts), to save the time.
 */
export const insertSpaces = async (
  db: Db,
  spaces: readonly Space[],
  derived: { nameTexts?: NameTexts } = {},
): Promise<void> => {
  if (spaces.length === 0) return;
  const seen = new Map<string, number>();
  spaces.forEach((s, i) => {
    const j = seen.get(s.id);
    if (j !== undefined) {
      throw new StoreInputError(
        'space.duplicate_id',
        `spaces ${j} and ${i} share the id "${s.id}"`,
        `/${i}/id`,
      );
    }
    seen.set(s.id, i);
  });
  const refs = ownedRefs(spaces);
  await inTransaction(db, async (trx) => {
    await checkIdsFree(trx, spaces);
    await checkRefsFree(trx, refs);
    try {
      await withIndexesRebuilt(trx, 'spaces', spaces.length, async () => {
        // Rows are derived a chunk at a time so that they die young: deriving all 100k first kept
        // them alive into the old generation and cost about a second of garbage collection.
        const chunk = DERIVE_CHUNK[dialectOf(trx)];
        for (let i = 0; i < spaces.length; i += chunk) {
          const rows = spaces.slice(i, i + chunk).map((s) => spaceValues(spaceToRow(s, derived.nameTexts)));
          await insertMany(trx, 'spaces', SPACE_WRITE_COLUMNS, rows);
        }
      });
    } catch (err) {
      // A duplicate id gets here only from a concurrent writer: the ids were checked above.
      throw writeError(err, `inserting ${spaces.length} spaces`);
    }
    await insertMany(
      trx,
      'space_source_ids',
      SOURCE_COLUMNS,
      refs.map((r) => [r.source, r.sourceId, r.spaceId]),
    );
  });
};

/** Replaces a stored space (all fields, source ids too). False when no space has this id. */
export const updateSpace = async (db: Db, space: Space): Promise<boolean> => {
  const refs = ownedRefs([space]);
  const { id: _id, ...row } = spaceToRow(space);
  return inTransaction(db, async (trx) => {
    const res = await trx
      .updateTable('spaces')
      .set(row)
      .where('id', '=', space.id)
      .executeTakeFirst()
      .catch((err: unknown) => {
        throw writeError(err, `updating space ${space.id}`);
      });
    if (res.numUpdatedRows === 0n) return false;
    await trx.deleteFrom('space_source_ids').where('space_id', '=', space.id).execute();
    await checkRefsFree(trx, refs);
    await insertMany(
      trx,
      'space_source_ids',
      SOURCE_COLUMNS,
      refs.map((r) => [r.source, r.sourceId, r.spaceId]),
    );
    return true;
  });
};

/** Deletes a space (its source ids, reports and cohort go with it). False when there was none. */
export const deleteSpace = async (db: Db, id: string): Promise<boolean> => {
  const res = await db.deleteFrom('spaces').where('id', '=', id).executeTakeFirst();
  return res.numDeletedRows > 0n;
};

export const getSpace = async (db: Db, id: string): Promise<Space | undefined> => {
  const row = await db.selectFrom('spaces').select(SPACE_COLUMNS).where('id', '=', id).executeTakeFirst();
  return row && rowToSpace(row);
};

/** Number of spaces, all or those matching `filter`. */
export const countSpaces = async (db: Db, filter: SpaceFilter = {}): Promise<number> =>
  countNormal(db, normaliseFilter(filter));

/** Which of these source ids are already stored, and for which space (key: sourceKey()). */
export const findBySourceIds = async (
  db: Db,
  refs: ReadonlyArray<Pick<SourceRef, 'source' | 'sourceId'>>,
): Promise<Map<string, string>> => {
  const bySource = new Map<string, Set<string>>();
  for (const r of refs) {
    let ids = bySource.get(r.source);
    if (!ids) bySource.set(r.source, (ids = new Set()));
    ids.add(r.sourceId);
  }
  const found = new Map<string, string>();
  for (const [source, idSet] of bySource) {
    const ids = [...idSet];
    for (let i = 0; i < ids.length; i += LOOKUP_CHUNK) {
      const rows = await db
        .selectFrom('space_source_ids')
        .select(['source_id', 'space_id'])
        .where('source', '=', source)
        .where('source_id', 'in', ids.slice(i, i + LOOKUP_CHUNK))
        .execute();
      for (const r of rows) found.set(sourceKey(source, r.source_id), r.space_id);
    }
  }
  return found;
};

/**
 * One page of spaces matching `filter`, in `page.sort` order (default name), with the total and
 * the cursor of the next page. Bad filters, sorts, limits and cursors raise StoreInputError.
 * Pages are memoised until the next write; the result is frozen (copy a space before changing it).
 */
export const listSpaces = async (db: Db, filter: SpaceFilter, page: SpacePage = {}): Promise<SpaceList> => {
  const f = normaliseFilter(filter);
  const { sort, limit, cursor } = checkPage(page);
  if (sort === 'distance' && !f.near) {
    throw new StoreInputError(
      'sort.needs_near',
      'sort=distance needs a near filter (a point to measure from)',
      '/sort',
    );
  }
  const state = memoStateOf(db);
  const compute = () => computePage(db, f, sort, limit, cursor);
  if (!state) return compute();
  return state.memo(
    state.pages,
    `${filterKey(f)}\u0000${sort}\u0000${limit}\u0000${page.cursor ?? ''}`,
    compute,
  );
};

/** Every space within `radiusM` metres of (lat, lon), nearest first (ties by id). */
export const findNearby = async (db: Db, lat: number, lon: number, radiusM: number): Promise<Space[]> => {
  if (!(radiusM > 0 && radiusM <= MAX_RADIUS_KM * 1000)) {
    throw new StoreInputError(
      'filter.invalid',
      `radius: expected metres in (0, ${MAX_RADIUS_KM * 1000}], got ${radiusM}`,
      '/radius',
    );
  }
  const f = normaliseFilter({ near: { lat, lon, radiusKm: radiusM / 1000 } });
  const keys = await selectKeys(db, f, 'distance', undefined);
  return loadSpaces(
    db,
    keys.map((k) => k.id),
  );
};

/** Ids of all spaces matching `filter`, in id order. */
export const listSpaceIds = async (db: Db, filter: SpaceFilter): Promise<string[]> => {
  const f = normaliseFilter(filter);
  return (await selectKeys(db, f, 'id', undefined)).map((r) => r.id);
};

/**
 * The rows matching `filter` in id order, one read of `batchSize` rows at a time (keyset on id), so a pass over
 * the whole registry never holds it in memory. Batches are separate reads: rows written meanwhile may or may not
 * appear, but none appears twice. `read` selects the columns a caller needs under the given condition.
 */
async function* idBatches<R extends { id: string }>(
  db: Db,
  filter: SpaceFilter,
  batchSize: number,
  read: (where: (eb: EB) => Expression<SqlBool>) => Promise<R[]>,
): AsyncGenerator<R[]> {
  const f = normaliseFilter(filter);
  const dialect = dialectOf(db);
  let after: string | undefined;
  for (;;) {
    const rows = await read((eb) =>
      eb.and([
        ...filterConditions(eb, f, dialect),
        ...(after === undefined ? [] : [eb('spaces.id', '>', after)]),
      ]),
    );
    if (rows.length > 0) yield rows;
    const last = rows[rows.length - 1];
    if (!last || rows.length < batchSize) return;
    after = last.id;
  }
}

/** All spaces matching `filter`, in id order, streamed (see idBatches). Spaces are fresh objects (not the memo's). */
export async function* iterateSpaces(db: Db, filter: SpaceFilter, batchSize = 1000): AsyncGenerator<Space> {
  const read = (where: (eb: EB) => Expression<SqlBool>) =>
    db
      .selectFrom('spaces')
      .select(SPACE_COLUMNS)
      .where(where)
      .orderBy('spaces.id')
      .limit(batchSize)
      .execute();
  for await (const rows of idBatches(db, filter, batchSize, read)) for (const r of rows) yield rowToSpace(r);
}

/**
 * Like iterateSpaces, but only the summary columns: for whole-registry passes (the map's point columns) that
 * would otherwise parse every record's provenance, profile and description just to drop them.
 */
export async function* iterateSpaceSummaries(
  db: Db,
  filter: SpaceFilter,
  batchSize = 2000,
): AsyncGenerator<SpaceSummary> {
  const read = (where: (eb: EB) => Expression<SqlBool>) =>
    db
      .selectFrom('spaces')
      .select(SUMMARY_COLUMNS)
      .where(where)
      .orderBy('spaces.id')
      .limit(batchSize)
      .execute();
  for await (const rows of idBatches(db, filter, batchSize, read))
    for (const r of rows) yield rowToSummary(r);
}
