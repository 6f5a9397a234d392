// Opening a database: SQLite (a file path, the embedded default) or PostgreSQL (a postgres:// URL).
// Dialect differences are settled here, so repositories and callers see identical JS values.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type SqliteDatabase } from 'kysely';
import pg from 'pg';
import { pgTypeParsers } from './pg-types.js';
import { sqliteParams, StoreDialectWrapper } from './store-driver.js';
import { attachState, stateOf, StoreState, type StoreDialect } from './store-state.js';
import type { Tables } from './tables.js';

export type { StoreDialect } from './store-state.js';

export interface Store {
  db: Kysely<Tables>;
  dialect: StoreDialect;
  close(): Promise<void>;
}

/** The NOTIFY channel the spaces trigger (migration 0008) signals on. */
export const DATA_CHANNEL = 'makeratlas_data';

const STATEMENT_CACHE = 200;
const BUSY_TIMEOUT_MS = 5000;
const EXTERNAL_CHECK_MS = 10;

export const isPostgresUrl = (url: string): boolean => /^postgres(ql)?:\/\//i.test(url);

export interface OpenOptions {
  /** Memoise totals, pages and spaces until the next write (default true; false to measure queries). */
  memo?: boolean;
}

/**
 * Opens a store. `url` is `postgres://…` / `postgresql://…`, or else a SQLite file path (an optional
 * `sqlite:` prefix is dropped; `:memory:` is an in-memory database). Parent folders are created.
 */
export const openDatabase = async (url: string, options: OpenOptions = {}): Promise<Store> => {
  const store = isPostgresUrl(url) ? await openPostgres(url) : await openSqlite(url.replace(/^sqlite:/i, ''));
  if (options.memo === false) stateOf(store.db)?.disableMemo();
  return store;
};

/**
 * Kysely's SQLite driver prepares every statement anew; parsing SQL costs more than running a small
 * indexed query, so prepared statements are kept per SQL text (bounded, least recently used out).
 */
const cachingSqlite = (raw: Database.Database): SqliteDatabase => {
  const cache = new Map<string, Database.Statement>();
  return {
    close: () => raw.close(),
    prepare: (sql: string) => {
      let stmt = cache.get(sql);
      if (stmt) {
        cache.delete(sql);
      } else {
        stmt = raw.prepare(sql);
        if (cache.size >= STATEMENT_CACHE) {
          const oldest = cache.keys().next().value;
          if (oldest !== undefined) cache.delete(oldest);
        }
      }
      cache.set(sql, stmt);
      return stmt;
    },
  };
};

const openSqlite = async (path: string): Promise<Store> => {
  const memory = path === ':memory:' || path === '';
  if (!memory) mkdirSync(dirname(resolve(path)), { recursive: true });
  const raw = new Database(memory ? ':memory:' : path, { timeout: BUSY_TIMEOUT_MS });
  // 16 KiB pages (SQLite's default is 4): a space row is ~1.5 KB, and bulk writes touch a quarter as
  // many pages (100k-row import: write stage 4.6 → 3.9 s; list and bbox throughput unchanged, measured).
  // Only a new, empty file takes the setting; existing databases keep their page size.
  raw.pragma('page_size = 16384');
  if (!memory) raw.pragma('journal_mode = WAL');
  // NORMAL is durable across application crashes in WAL mode and much faster than FULL.
  raw.pragma('synchronous = NORMAL');
  raw.pragma('foreign_keys = ON');
  // 32 MB of page cache (default 16 MB): the spaces indexes of a 100k registry stay in memory.
  // More did not speed up a 100k bulk insert (measured 16/32/64 MB) and would only grow a server.
  raw.pragma('cache_size = -32768');
  raw.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);

  const state = new StoreState('sqlite');
  // PRAGMA data_version changes when another connection (another process) commits. Asking costs a
  // statement (~10 µs under load, measured in a server profile), so it is asked at most every
  // EXTERNAL_CHECK_MS: another process's write shows here within that time. Writes made through
  // this store bump the version at once (store-driver.ts).
  const dataVersion = raw.prepare('PRAGMA data_version').pluck();
  let seen = dataVersion.get();
  let checkedAt = performance.now();
  state.watchExternal(() => {
    const now = performance.now();
    if (now - checkedAt < EXTERNAL_CHECK_MS) return false;
    checkedAt = now;
    const current = dataVersion.get();
    if (current === seen) return false;
    seen = current;
    return true;
  });

  const database = cachingSqlite(raw);
  state.runMany = (sql, rows) => {
    const stmt = database.prepare(sql);
    for (const r of rows) stmt.run(sqliteParams(r));
  };
  const dialect = new StoreDialectWrapper(new SqliteDialect({ database }), state);
  const db = new Kysely<Tables>({ dialect });
  attachState(db, state);
  return {
    db,
    dialect: 'sqlite',
    // No ANALYZE / PRAGMA optimize: with statistics SQLite chose plans for box and search queries
    // that were 3–10× slower on the benchmark registry (bench/store-list.ts --analyze).
    close: () => db.destroy(),
  };
};

const openPostgres = async (url: string): Promise<Store> => {
  const state = new StoreState('postgres');
  const pool = new pg.Pool({ connectionString: url, types: pgTypeParsers });
  // An idle pooled connection that the server drops (restart, failover, shutdown) is discarded by
  // the pool, which then reports it here; without a listener that report would crash the process.
  pool.on('error', () => undefined);
  const dialect = new StoreDialectWrapper(new PostgresDialect({ pool }), state);
  const db = new Kysely<Tables>({ dialect });
  attachState(db, state);

  // Other processes' writes arrive as notifications; while we cannot hear them, memoise nothing.
  const listener = new pg.Client({ connectionString: url });
  state.setCacheable(false);
  let closing = false;
  listener.on('notification', () => state.bump());
  listener.on('error', () => state.setCacheable(false));
  listener.on('end', () => {
    if (!closing) state.setCacheable(false);
  });
  try {
    await listener.connect();
    await listener.query(`LISTEN ${DATA_CHANNEL}`);
    state.setCacheable(true);
  } catch (err) {
    await db.destroy();
    await listener.end().catch(() => undefined);
    throw err;
  }
  return {
    db,
    dialect: 'postgres',
    close: async () => {
      closing = true;
      await listener.end().catch(() => undefined);
      await db.destroy();
    },
  };
};
