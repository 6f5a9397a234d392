import { Command, Option } from 'commander';
import { registerServe } from './commands/serve.js';
import { registerMigrate } from './commands/migrate.js';
import { registerImport } from './commands/import.js';
import { registerExport } from './commands/export.js';
import { registerSeed } from './commands/seed.js';
import { registerIndex } from './commands/index-cmd.js';
import { packageVersion } from './context.js';

const program = new Command('makeratlas')
  .description('MakerAtlas 众创地图: registry, open data and maker index of maker spaces')
  .version(packageVersion())
  .addOption(new Option('--database <url>', 'SQLite file path or postgres:// URL').env('DATABASE_URL'))
  .showHelpAfterError();

registerServe(program);
registerMigrate(program);
registerImport(program);
registerExport(program);
registerSeed(program);
registerIndex(program);

program.parseAsync(process.argv).catch((err: unknown) => {
  console.error(`makeratlas: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(process.exitCode && process.exitCode !== 0 ? process.exitCode : 1);
});
