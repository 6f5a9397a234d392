import type { Command } from 'commander';
import { openDatabase } from '../../store/database.js';
import { migrate } from '../../store/migrate.js';
import { loadConfig, output } from '../context.js';

export const registerMigrate = (program: Command): void => {
  program
    .command('migrate')
    .description('bring the database schema up to date (also done on every start)')
    .option('--json', 'machine-readable output')
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      const config = loadConfig(cmd);
      const store = await openDatabase(config.databaseUrl);
      try {
        const { applied } = await migrate(store);
        output(!!opts.json, { database: store.dialect, applied }, () =>
          applied.length
            ? `applied ${applied.length} migration(s): ${applied.join(', ')}`
            : 'database is up to date',
        );
      } finally {
        await store.close();
      }
    });
};
