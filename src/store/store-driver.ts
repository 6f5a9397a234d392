// A Kysely dialect wrapper that makes SQLite and PostgreSQL look the same to callers and keeps the
// data version: it sees every statement, so no write can forget to invalidate the totals memo.
import type {
  CompiledQuery,
  DatabaseConnection,
  DatabaseIntrospector,
  Dialect,
  DialectAdapter,
  Driver,
  Kysely,
  QueryCompiler,
  QueryResult,
  TransactionSettings,
} from 'kysely';
import type { StoreState } from './store-state.js';
import { BOOLEAN_COLUMNS, JSON_COLUMNS } from './tables.js';

/** Raw SQL that only reads; any other raw statement counts as a write (an extra bump is harmless). */
const READ_ONLY_RAW = /^\s*(select|pragma|explain|show|values)\b/i;

const isWrite = (q: CompiledQuery): boolean =>
  q.query.kind === 'SelectQueryNode' ? false : q.query.kind === 'RawNode' ? !READ_ONLY_RAW.test(q.sql) : true;

/**
 * Turns driver values into the values callers expect, in place: JSON text into objects and
 * (SQLite) 0/1 into booleans. Rows of one result share their keys, so the columns to convert are
 * found once from the first row.
 */
const normaliseRows = (rows: unknown[], sqlite: boolean): void => {
  const first = rows[0];
  if (first === null || typeof first !== 'object') return;
  const json: string[] = [];
  const bool: string[] = [];
  for (const key of Object.keys(first)) {
    if (JSON_COLUMNS.has(key)) json.push(key);
    else if (sqlite && BOOLEAN_COLUMNS.has(key)) bool.push(key);
  }
  if (json.length === 0 && bool.length === 0) return;
  for (const row of rows as Record<string, unknown>[]) {
    for (const key of json) {
      const v = row[key];
      if (typeof v === 'string') row[key] = JSON.parse(v);
    }
    for (const key of bool) {
      const v = row[key];
      if (typeof v === 'number' || typeof v === 'bigint') row[key] = v !== 0 && v !== 0n;
    }
  }
};

const needsConversion = (p: unknown): boolean => typeof p === 'boolean' || p instanceof Date;
const sqliteValue = (p: unknown): unknown =>
  typeof p === 'boolean' ? (p ? 1 : 0) : p instanceof Date ? p.toISOString() : p;

/** better-sqlite3 binds neither booleans nor Dates: give it what PostgreSQL would store. */
export const sqliteParams = (params: ReadonlyArray<unknown>): ReadonlyArray<unknown> =>
  params.some(needsConversion) ? params.map(sqliteValue) : params;

const sqliteParameters = (q: CompiledQuery): CompiledQuery => {
  const parameters = sqliteParams(q.parameters);
  return parameters === q.parameters ? q : { ...q, parameters };
};

class StoreConnection implements DatabaseConnection {
  inTransaction = false;
  /** A write ran inside the open transaction: bump again when it ends (commit makes it visible). */
  dirty = false;

  constructor(
    readonly inner: DatabaseConnection,
    private readonly state: StoreState,
    private readonly sqlite: boolean,
  ) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const q = this.sqlite ? sqliteParameters(query) : query;
    if (!isWrite(q)) {
      const result = await this.inner.executeQuery<R>(q);
      normaliseRows(result.rows, this.sqlite);
      return result;
    }
    // Bump before and after: a reader that starts in between files its result under a version
    // that the second bump retires.
    this.state.bump();
    if (this.inTransaction) this.dirty = true;
    try {
      const result = await this.inner.executeQuery<R>(q);
      normaliseRows(result.rows, this.sqlite);
      return result;
    } finally {
      this.state.bump();
    }
  }

  async *streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    const q = this.sqlite ? sqliteParameters(query) : query;
    if (isWrite(q)) this.state.bump();
    for await (const result of this.inner.streamQuery<R>(q, chunkSize)) {
      normaliseRows(result.rows, this.sqlite);
      yield result;
    }
  }

  endTransaction(): void {
    if (this.dirty) this.state.bump();
    this.inTransaction = false;
    this.dirty = false;
  }
}

const unwrap = (c: DatabaseConnection): StoreConnection => {
  if (!(c instanceof StoreConnection)) throw new Error('store driver: foreign connection');
  return c;
};

class StoreDriver implements Driver {
  constructor(
    private readonly inner: Driver,
    private readonly state: StoreState,
    private readonly sqlite: boolean,
  ) {}

  init(): Promise<void> {
    return this.inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    return new StoreConnection(await this.inner.acquireConnection(), this.state, this.sqlite);
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const c = unwrap(connection);
    await this.inner.beginTransaction(c.inner, settings);
    c.inTransaction = true;
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const c = unwrap(connection);
    try {
      await this.inner.commitTransaction(c.inner);
    } finally {
      c.endTransaction();
    }
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const c = unwrap(connection);
    try {
      await this.inner.rollbackTransaction(c.inner);
    } finally {
      c.endTransaction();
    }
  }

  async savepoint(
    connection: DatabaseConnection,
    name: string,
    compile: QueryCompiler['compileQuery'],
  ): Promise<void> {
    await this.inner.savepoint?.(unwrap(connection).inner, name, compile);
  }

  async rollbackToSavepoint(
    connection: DatabaseConnection,
    name: string,
    compile: QueryCompiler['compileQuery'],
  ): Promise<void> {
    await this.inner.rollbackToSavepoint?.(unwrap(connection).inner, name, compile);
    this.state.bump();
  }

  async releaseSavepoint(
    connection: DatabaseConnection,
    name: string,
    compile: QueryCompiler['compileQuery'],
  ): Promise<void> {
    await this.inner.releaseSavepoint?.(unwrap(connection).inner, name, compile);
  }

  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return this.inner.releaseConnection(unwrap(connection).inner);
  }

  destroy(): Promise<void> {
    return this.inner.destroy();
  }
}

/** Wraps a Kysely dialect so that its driver normalises values and bumps `state` on writes. */
export class StoreDialectWrapper implements Dialect {
  constructor(
    private readonly inner: Dialect,
    private readonly state: StoreState,
  ) {}

  createDriver(): Driver {
    return new StoreDriver(this.inner.createDriver(), this.state, this.state.dialect === 'sqlite');
  }

  createQueryCompiler(): QueryCompiler {
    return this.inner.createQueryCompiler();
  }

  createAdapter(): DialectAdapter {
    return this.inner.createAdapter();
  }

  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    // Kysely types this parameter as Kysely<any>; the introspector only runs its own queries.
    return this.inner.createIntrospector(db as Parameters<Dialect['createIntrospector']>[0]);
  }
}
