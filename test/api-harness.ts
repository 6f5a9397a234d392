// A real app on a real SQLite file, seeded with the study's spaces and a small synthetic sample,
// exercised through Fastify's inject (no sockets).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp, type App } from '../src/server/app.js';
import { configFromEnv } from '../src/server/config.js';
import { placeNames } from '../src/server/place-names.js';
import { seedDemo } from '../src/services/seed-demo.js';
import { openDatabase, type Store } from '../src/store/database.js';
import { migrate } from '../src/store/migrate.js';

export interface ApiHarness {
  app: App;
  store: Store;
  dir: string;
  close(): Promise<void>;
}

export const startApi = async (opts: { synthetic?: number } = {}): Promise<ApiHarness> => {
  const dir = mkdtempSync(join(tmpdir(), 'makeratlas-api-'));
  const config = configFromEnv({}, { databaseUrl: join(dir, 'test.db'), port: 0 });
  const store = await openDatabase(config.databaseUrl);
  await migrate(store);
  await seedDemo(store, { synthetic: opts.synthetic ?? 300, seed: 7, now: new Date('2026-01-01T00:00:00Z') });
  const app = await buildApp({ store, config, version: 'test', regions: placeNames() });
  return {
    app,
    store,
    dir,
    async close() {
      await app.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};
