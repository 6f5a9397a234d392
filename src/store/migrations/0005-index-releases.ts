// Published runs of the maker index and their scores, kept so any ranking can be recomputed.
import { sql, type Kysely } from 'kysely';
import { columnTypes, dialectOf } from './column-types.js';

export const up = async (db: Kysely<unknown>): Promise<void> => {
  const t = columnTypes(dialectOf(db));
  await db.schema
    .createTable('index_releases')
    .addColumn('id', t.key, (c) => c.primaryKey())
    .addColumn('framework_id', 'text', (c) => c.notNull())
    .addColumn('framework_version', 'text', (c) => c.notNull())
    .addColumn('year_from', 'integer', (c) => c.notNull())
    .addColumn('year_to', 'integer', (c) => c.notNull())
    .addColumn('data_hash', 'text', (c) => c.notNull())
    .addColumn('engine_version', 'text', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('provenance', t.json, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('index_scores')
    .addColumn('release_id', t.key, (c) => c.notNull().references('index_releases.id').onDelete('cascade'))
    .addColumn('level', 'text', (c) => c.notNull().check(sql`level in ('space', 'province', 'prefecture')`))
    .addColumn('unit_id', t.key, (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('i_code', 'text', (c) => c.notNull())
    .addColumn('score', t.float)
    .addColumn('rank', 'integer')
    .addPrimaryKeyConstraint('index_scores_pk', ['release_id', 'level', 'unit_id', 'year', 'i_code'])
    .execute();
  await db.schema
    .createIndex('index_scores_unit')
    .on('index_scores')
    .columns(['level', 'unit_id', 'year'])
    .execute();
};
