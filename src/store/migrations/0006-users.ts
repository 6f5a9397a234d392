// Accounts for operators, reviewers and administrators. Emails are stored lowercased by the caller.
import type { Kysely } from 'kysely';
import { columnTypes, dialectOf } from './column-types.js';

export const up = async (db: Kysely<unknown>): Promise<void> => {
  const t = columnTypes(dialectOf(db));
  await db.schema
    .createTable('users')
    .addColumn('id', t.key, (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
};
