// One row per import run (committed, dry run or rejected), with its counts and every issue found.
import type { Kysely } from 'kysely';
import { columnTypes, dialectOf } from './column-types.js';

export const up = async (db: Kysely<unknown>): Promise<void> => {
  const t = columnTypes(dialectOf(db));
  await db.schema
    .createTable('imports')
    .addColumn('id', t.key, (c) => c.primaryKey())
    .addColumn('at', t.timestamp, (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('file', 'text')
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('counts', t.json, (c) => c.notNull())
    .addColumn('dry_run', t.bool, (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('issues', t.json, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('imports_at').on('imports').columns(['at', 'id']).execute();
};
