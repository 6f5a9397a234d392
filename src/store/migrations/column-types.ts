// Column types per dialect, so the one migration history fits both databases. JSON is text in both
// (parsed by the store driver), timestamps are timestamptz in PostgreSQL and ISO text in SQLite.
import { PostgresAdapter, sql, type CreateTableBuilder, type Kysely } from 'kysely';
import type { StoreDialect } from '../store-state.js';

export const dialectOf = <DB>(db: Kysely<DB>): StoreDialect =>
  db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';

/** What `addColumn` accepts as a type (Kysely does not export the name). */
export type DataTypeExpression = Parameters<CreateTableBuilder<string>['addColumn']>[1];

export interface ColumnTypes {
  /** Text compared byte by byte in both databases (PostgreSQL's locale collations would reorder keys). */
  key: DataTypeExpression;
  bool: DataTypeExpression;
  float: DataTypeExpression;
  /** Exact decimal in PostgreSQL (money in 千元); SQLite keeps a double. */
  decimal: DataTypeExpression;
  timestamp: DataTypeExpression;
  date: DataTypeExpression;
  json: DataTypeExpression;
}

export const columnTypes = (dialect: StoreDialect): ColumnTypes =>
  dialect === 'postgres'
    ? {
        key: sql`text collate "C"`,
        bool: 'boolean',
        float: 'double precision',
        decimal: 'numeric',
        timestamp: 'timestamptz',
        date: 'date',
        json: 'text',
      }
    : {
        key: 'text',
        bool: 'integer',
        float: 'real',
        decimal: 'real',
        timestamp: 'text',
        date: 'text',
        json: 'text',
      };
