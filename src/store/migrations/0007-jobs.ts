// Long-running work (imports, index runs, crawls) and its progress, readable by any app instance.
import type { Kysely } from 'kysely';
import { columnTypes, dialectOf } from './column-types.js';

export const up = async (db: Kysely<unknown>): Promise<void> => {
  const t = columnTypes(dialectOf(db));
  await db.schema
    .createTable('jobs')
    .addColumn('id', t.key, (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('progress', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('total', 'integer')
    .addColumn('result', t.json)
    .addColumn('error', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('jobs_status').on('jobs').columns(['status', 'created_at']).execute();
};
