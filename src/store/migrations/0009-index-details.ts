// What a maker-index release needs beyond one score per code: the raw indicator values (so the
// release's inputs can be downloaded and every number recomputed), one row per scored unit with its
// name, region, group and rank change at release time, and the rank intervals of an uncertainty
// analysis.
import type { Kysely } from 'kysely';
import { columnTypes, dialectOf } from './column-types.js';

export const up = async (db: Kysely<unknown>): Promise<void> => {
  const t = columnTypes(dialectOf(db));
  await db.schema.alterTable('index_scores').addColumn('raw', t.float).execute();

  await db.schema
    .createTable('index_units')
    .addColumn('release_id', t.key, (c) => c.notNull().references('index_releases.id').onDelete('cascade'))
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('unit_id', t.key, (c) => c.notNull())
    .addColumn('name', 'text')
    .addColumn('region_code', t.key)
    .addColumn('grp', 'text')
    .addColumn('score', t.float)
    .addColumn('rank', 'integer')
    .addColumn('rank_prev', 'integer')
    .addColumn('rank_change', 'integer')
    .addPrimaryKeyConstraint('index_units_pk', ['release_id', 'level', 'year', 'unit_id'])
    .execute();
  await db.schema
    .createIndex('index_units_rank')
    .on('index_units')
    .columns(['release_id', 'level', 'year', 'rank', 'unit_id'])
    .execute();
  await db.schema
    .createIndex('index_units_unit')
    .on('index_units')
    .columns(['level', 'unit_id', 'release_id'])
    .execute();

  await db.schema
    .createTable('index_uncertainty_runs')
    .addColumn('release_id', t.key, (c) => c.notNull().references('index_releases.id').onDelete('cascade'))
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('provenance', t.json, (c) => c.notNull())
    .addPrimaryKeyConstraint('index_uncertainty_runs_pk', ['release_id', 'level', 'year'])
    .execute();

  await db.schema
    .createTable('index_rank_intervals')
    .addColumn('release_id', t.key, (c) => c.notNull().references('index_releases.id').onDelete('cascade'))
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('unit_id', t.key, (c) => c.notNull())
    .addColumn('nominal', t.float)
    .addColumn('mean', t.float)
    .addColumn('median', t.float)
    .addColumn('q5', t.float)
    .addColumn('q95', t.float)
    .addPrimaryKeyConstraint('index_rank_intervals_pk', ['release_id', 'level', 'year', 'unit_id'])
    .execute();
};
