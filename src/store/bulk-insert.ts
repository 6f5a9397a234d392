// Bulk INSERTs built as plain SQL text: for tens of thousands of rows, building Kysely operation
// trees costs more than the database work. PostgreSQL gets one array per column, unnested into rows
// (one round trip per 5,000 rows; 20k-space import: write stage 2.19 → 1.93 s against multi-row
// VALUES), or multi-row VALUES for a few rows. SQLite has no round trips, and measured here one prepared single-row
// statement run per row costs less CPU than multi-row ones (100k spaces: ~2.0 s against 2.7–4.5 s
// for 20–800 rows per statement, same run).
import { CompiledQuery, sql, type Kysely } from 'kysely';
import { dialectOf } from './migrations/column-types.js';
import { stateOf } from './store-state.js';

/** Bound parameters per PostgreSQL statement, below its limit of 65,535. */
const PG_MAX_PARAMS = 60_000;

const quote = (name: string): string => `"${name.replaceAll('"', '""')}"`;

const statementText = (
  table: string,
  columns: readonly string[],
  rowCount: number,
  placeholder: (i: number) => string,
): string => {
  const width = columns.length;
  const tuples: string[] = [];
  for (let r = 0; r < rowCount; r++) {
    const p: string[] = [];
    for (let c = 0; c < width; c++) p.push(placeholder(r * width + c + 1));
    tuples.push(`(${p.join(',')})`);
  }
  return `insert into ${quote(table)} (${columns.map(quote).join(',')}) values ${tuples.join(',')}`;
};

/**
 * PostgreSQL, many rows: one array per column, spread back into rows by unnest(). The server parses
 * a few array literals instead of binding tens of thousands of parameters.
 */
const PG_UNNEST_MIN_ROWS = 200;
const PG_UNNEST_ROWS = 5000;

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

/** Inserts `rows` (values in `columns` order) in as few statements as the parameter limits allow. */
export const insertMany = async <DB>(
  db: Kysely<DB>,
  table: string,
  columns: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<unknown>>,
): Promise<void> => {
  if (rows.length === 0) return;
  const dialect = dialectOf(db);
  const state = stateOf(db);
  if (dialect === 'sqlite' && state?.runMany && db.isTransaction) {
    // Inside a transaction Kysely holds SQLite's only connection, so running statements on it
    // directly is part of that transaction; it skips Kysely's per-query work (~25 % of the CPU
    // time of a 100k insert). The driver does not see these writes, so bump the version here.
    const text = statementText(table, columns, 1, () => '?');
    for (let start = 0; start < rows.length; start += SQLITE_ROWS_PER_TURN) {
      state.bump();
      state.runMany(text, rows.slice(start, start + SQLITE_ROWS_PER_TURN));
      state.bump();
      await new Promise((resolve) => setImmediate(resolve));
    }
    return;
  }
  if (dialect === 'postgres' && rows.length >= PG_UNNEST_MIN_ROWS) {
    const types = await pgColumnTypes(db, table, columns);
    const casts = types.map((t, i) => `$${i + 1}::${t}[]`).join(',');
    const text = `insert into ${quote(table)} (${columns.map(quote).join(',')}) select * from unnest(${casts})`;
    for (let start = 0; start < rows.length; start += PG_UNNEST_ROWS) {
      const part = rows.slice(start, start + PG_UNNEST_ROWS);
      await db.executeQuery(
        CompiledQuery.raw(
          text,
          columns.map((_, c) => part.map((r) => r[c])),
        ),
      );
    }
    return;
  }
  const placeholder = dialect === 'postgres' ? (i: number) => `$${i}` : () => '?';
  const chunk = dialect === 'postgres' ? Math.max(1, Math.floor(PG_MAX_PARAMS / columns.length)) : 1;
  const texts = new Map<number, string>();
  for (let start = 0; start < rows.length; start += chunk) {
    const part = rows.slice(start, start + chunk);
    let text = texts.get(part.length);
    if (!text) texts.set(part.length, (text = statementText(table, columns, part.length, placeholder)));
    await db.executeQuery(CompiledQuery.raw(text, part.flat()));
  }
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
