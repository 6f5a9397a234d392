import { Command, Option } from 'commander';
import { packageVersion } from './context.js';

const program = new Command('makeratlas')
  .description('MakerAtlas 众创地图: registry, open data and maker index of maker spaces')
  .version(packageVersion())
  .addOption(new Option('--database <url>', 'SQLite file path or postgres:// URL').env('DATABASE_URL'))
  .showHelpAfterError();

type Register = (program: Command) => void;

/**
 * Each command's module, loaded on demand: together they load the web server, the index engine and
 * the workbook library, about 0.6 s of a start that `import` or `migrate` does not need.
 */
const COMMANDS: Record<string, () => Promise<Register>> = {
  serve: async () => (await import('./commands/serve.js')).registerServe,
  migrate: async () => (await import('./commands/migrate.js')).registerMigrate,
  import: async () => (await import('./commands/import.js')).registerImport,
  export: async () => (await import('./commands/export.js')).registerExport,
  seed: async () => (await import('./commands/seed.js')).registerSeed,
  index: async () => (await import('./commands/index-cmd.js')).registerIndex,
};

// Exactly one command name among the arguments is the command; anything else (help, no command,
// a file or option value that happens to be a command name) registers them all, as before.
const named = Object.keys(COMMANDS).filter((name) => process.argv.slice(2).includes(name));
const registers = await Promise.all(
  (named.length === 1 ? named : Object.keys(COMMANDS)).map((name) => COMMANDS[name]!()),
);
for (const register of registers) register(program);

program.parseAsync(process.argv).catch((err: unknown) => {
  console.error(`makeratlas: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(process.exitCode && process.exitCode !== 0 ? process.exitCode : 1);
});
