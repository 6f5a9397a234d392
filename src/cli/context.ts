import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { configFromEnv, type Config } from '../server/config.js';
import { openDatabase, type Store } from '../store/database.js';
import { migrate } from '../store/migrate.js';

/** package.json sits two folders above dist/src/cli and one above src/cli (tsx); look in both. */
export const packageVersion = (): string => {
  for (const rel of ['../../../package.json', '../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(rel, import.meta.url), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (pkg.name === 'makeratlas' && pkg.version) return pkg.version;
    } catch {
      // try the next location
    }
  }
  return '0.0.0';
};

/** Config from the environment, with the global --database flag taking precedence. */
export const loadConfig = (cmd: Command, overrides: Partial<Config> = {}): Config => {
  const globals = cmd.optsWithGlobals<{ database?: string }>();
  return configFromEnv(process.env, {
    ...(globals.database && { databaseUrl: globals.database }),
    ...overrides,
  });
};

/** Open the database and bring its schema up to date: every command runs on a migrated store. */
export const openStore = async (config: Config): Promise<Store> => {
  const store = await openDatabase(config.databaseUrl);
  await migrate(store);
  return store;
};

/** Print for people, or one JSON document for scripts (`--json`). */
export const output = (json: boolean, value: unknown, human: () => string): void => {
  process.stdout.write(json ? JSON.stringify(value, null, 2) + '\n' : human() + '\n');
};
