// The firms a space incubates, with entry and exit, so survival is measured rather than declared.
import { sql, type Kysely } from 'kysely';
import { columnTypes, dialectOf } from './column-types.js';

export const up = async (db: Kysely<unknown>): Promise<void> => {
  const t = columnTypes(dialectOf(db));
  await db.schema
    .createTable('cohort_firms')
    .addColumn('id', t.key, (c) => c.primaryKey())
    .addColumn('space_id', t.key, (c) => c.notNull().references('spaces.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('entered_on', t.date, (c) => c.notNull())
    .addColumn('exited_on', t.date)
    .addColumn('exit_kind', 'text', (c) =>
      c.check(sql`exit_kind in ('graduated', 'resident', 'closed', 'moved', 'acquired')`),
    )
    .addColumn('synthetic', t.bool, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('cohort_firms_space').on('cohort_firms').column('space_id').execute();
};
