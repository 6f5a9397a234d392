// Brings a store's schema to the latest migration. Safe to call on every start.
import { Migrator } from 'kysely';
import type { Store } from './database.js';
import { MIGRATIONS } from './migrations/index.js';

export class MigrationError extends Error {
  override readonly name = 'MigrationError';
  constructor(
    readonly migration: string | undefined,
    override readonly cause: unknown,
  ) {
    super(
      `migration ${migration ?? '(setup)'} failed: ${cause instanceof Error ? cause.message : String(cause)}`,
    );
  }
}

/** Applies pending migrations in order; returns the names applied by this call. */
export const migrate = async (store: Store): Promise<{ applied: string[] }> => {
  const migrator = new Migrator({
    db: store.db,
    provider: { getMigrations: async () => ({ ...MIGRATIONS }) },
  });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error !== undefined) {
    throw new MigrationError(results.find((r) => r.status === 'Error')?.migrationName, error);
  }
  return { applied: results.filter((r) => r.status === 'Success').map((r) => r.migrationName) };
};
