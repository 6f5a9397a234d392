// PostgreSQL only: tell every app instance when spaces change (at commit), so their memoised totals
// expire. SQLite needs nothing: PRAGMA data_version already reveals other connections' commits.
import { sql, type Kysely } from 'kysely';
import { dialectOf } from './column-types.js';

export const up = async (db: Kysely<unknown>): Promise<void> => {
  if (dialectOf(db) !== 'postgres') return;
  await sql`
    create function makeratlas_notify_data() returns trigger language plpgsql as $$
    begin
      perform pg_notify('makeratlas_data', tg_table_name);
      return null;
    end $$`.execute(db);
  for (const table of ['spaces', 'space_source_ids']) {
    await sql`
      create trigger ${sql.id(`${table}_notify`)}
      after insert or update or delete or truncate on ${sql.table(table)}
      for each statement execute function makeratlas_notify_data()`.execute(db);
  }
};
