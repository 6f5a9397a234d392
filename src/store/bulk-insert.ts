// Bulk INSERTs built as plain SQL text: for tens of thousands of rows, building Kysely operation
// trees costs more than the database work. PostgreSQL gets one array per column, unnested into rows
// (one round trip per 5,000 rows; 20k-space import: write stage 2.19 → 1.93 s against multi-row
// VALUES). SQLite has no round trips, and measured here one prepared single-row statement run per
// row costs less CPU than multi-row ones (100k spaces: ~2.0 s against 2.7–4.5 s for 20–800 rows per
// statement, same run).
import { CompiledQuery, sql, type Kysely } from 'kysely';
import { dialectOf } from './migrations/column-types.js';
import { stateOf } from './store-state.js';

const quote = (name: string): string => `"${name.replaceAll('"', '""')}"`;

const insertInto = (table: string, columns: readonly string[]): string =>
  `insert into ${quote(table)} (${columns.map(quote).join(',')})`;

/** PostgreSQL rows per statement: each column's values go as one array, spread back by unnest(). */
const PG_ROWS_PER_STATEMENT = 5000;

/** Each column's type as PostgreSQL spells it (for the array casts), read once per table. */
const pgTypes = new WeakMap<object, Map<string, Map<string, string>>>();
const pgColumnTypes = async <DB>(
  db: Kysely<DB>,
  table: string,
  columns: readonly string[],
): Promise<string[]> => {
  const key = db.getExecutor().adapter;
  let tables = pgTypes.get(key);
  if (!tables) pgTypes.set(key, (tables = new Map()));
  let types = tables.get(table);
  if (!types) {
    const found = await sql<{ name: string; type: string }>`
      select attname as name, format_type(atttypid, atttypmod) as type from pg_attribute
      where attrelid = ${table}::regclass and attnum > 0 and not attisdropped`.execute(db);
    types = new Map(found.rows.map((r) => [r.name, r.type]));
    tables.set(table, types);
  }
  return columns.map((c) => {
    const t = types.get(c);
    if (!t) throw new Error(`insertMany: table ${table} has no column ${c}`);
    return t;
  });
};

/** SQLite rows per synchronous run: the event loop gets a turn between runs. */
const SQLITE_ROWS_PER_TURN = 2000;

/** Inserts `rows` (values in `columns` order) with as little per-statement work as each database allows. */
export const insertMany = async <DB>(
  db: Kysely<DB>,
  table: string,
  columns: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<unknown>>,
): Promise<void> => {
  if (rows.length === 0) return;
  if (dialectOf(db) === 'postgres') {
    const types = await pgColumnTypes(db, table, columns);
    const text = `${insertInto(table, columns)} select * from unnest(${types.map((t, i) => `$${i + 1}::${t}[]`).join(',')})`;
    for (let start = 0; start < rows.length; start += PG_ROWS_PER_STATEMENT) {
      const part = rows.slice(start, start + PG_ROWS_PER_STATEMENT);
      await db.executeQuery(
        CompiledQuery.raw(
          text,
          columns.map((_, c) => part.map((r) => r[c])),
        ),
      );
    }
    return;
  }
  const text = `${insertInto(table, columns)} values (${columns.map(() => '?').join(',')})`;
  const state = stateOf(db);
  if (state?.runMany && db.isTransaction) {
    // Inside a transaction Kysely holds SQLite's only connection, so running statements on it
    // directly is part of that transaction; it skips Kysely's per-query work (~25 % of the CPU
    // time of a 100k insert). The driver does not see these writes, so bump the version here.
    for (let start = 0; start < rows.length; start += SQLITE_ROWS_PER_TURN) {
      state.bump();
      state.runMany(text, rows.slice(start, start + SQLITE_ROWS_PER_TURN));
      state.bump();
      await new Promise((resolve) => setImmediate(resolve));
    }
    return;
  }
  for (const row of rows) await db.executeQuery(CompiledQuery.raw(text, [...row]));
};

/** Most page cache a bulk load may take, KiB (pages are taken only as needed). */
const BULK_CACHE_KIB = 256 * 1024;

/** Below this many rows, updating indexes row by row is cheaper than rebuilding them. */
const REBUILD_MIN_ROWS = 10_000;

/**
 * SQLite, inside a transaction: runs `fn` (a bulk insert of `rows` rows into `table`) with the
 * table's secondary indexes dropped, then creates them again from their stored definitions. When
 * the rows are at least as many as the table holds, sorting once beats updating ten B-trees per row:
 * 100k spaces took 1.4 s CPU instead of 2.3 s for the database's part, measured here. Schema changes
 * are transactional in SQLite, so a failure leaves the indexes as they were. Other dialects, small
 * batches and large tables just run `fn`. (PostgreSQL is left alone: DROP INDEX would lock readers
 * out for the whole import.)
 */
export const withIndexesRebuilt = async <DB, T>(
  db: Kysely<DB>,
  table: string,
  rows: number,
  fn: () => Promise<T>,
): Promise<T> => {
  if (dialectOf(db) !== 'sqlite' || !db.isTransaction || rows < REBUILD_MIN_ROWS) return fn();
  const count = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(db);
  if ((count.rows[0]?.n ?? 0) > rows) return fn();
  const indexes = await sql<{ name: string; sql: string }>`
    select name, sql from sqlite_master where type = 'index' and tbl_name = ${table} and sql is not null`.execute(
    db,
  );
  // A page cache the size of the loaded table for the length of the load (SQLite takes pages as it
  // needs them): the rows are then read back from memory by each of the index builds instead of
  // from the WAL. 100k spaces (~240 MB with indexes): inserts and rebuild ~0.3 s faster, measured
  // against the 32 MB the store keeps otherwise.
  const cache = await sql<{ cache_size: number }>`pragma cache_size`.execute(db);
  const before = cache.rows[0]?.cache_size;
  await sql.raw(`pragma cache_size = -${BULK_CACHE_KIB}`).execute(db);
  try {
    for (const i of indexes.rows) await sql`drop index ${sql.id(i.name)}`.execute(db);
    const result = await fn();
    for (const i of indexes.rows) await sql.raw(i.sql).execute(db);
    return result;
  } finally {
    if (typeof before === 'number') await sql.raw(`pragma cache_size = ${before}`).execute(db);
  }
};

/** Runs `fn` in a transaction, or in the caller's when `db` already is one. */
export const inTransaction = <DB, T>(db: Kysely<DB>, fn: (trx: Kysely<DB>) => Promise<T>): Promise<T> =>
  db.isTransaction ? fn(db) : db.transaction().execute(fn);

const codeOf = (err: unknown): unknown =>
  typeof err === 'object' && err !== null && 'code' in err ? (err as { code: unknown }).code : undefined;

/** True for a CHECK constraint violation (e.g. a latitude beyond ±90), in either database. */
export const isCheckViolation = (err: unknown): boolean => {
  const code = codeOf(err);
  return code === '23514' || code === 'SQLITE_CONSTRAINT_CHECK';
};

/** True for a primary-key or unique-constraint violation, in either database. */
export const isUniqueViolation = (err: unknown): boolean => {
  if (typeof err !== 'object' || err === null || !('code' in err)) return false;
  const code = (err as { code: unknown }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
};
