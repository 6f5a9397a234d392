import type { Command } from 'commander';
import { serve } from '../../server/server.js';
import { placeNames } from '../../server/place-names.js';
import { seedIfEmpty } from '../../services/seed-demo.js';
import {
  ensureReleaseInBackground,
  JobRunner,
  seedSyntheticReports,
} from '../../services/maker-index/index.js';
import { loadConfig, openStore, packageVersion } from '../context.js';
import { progressBar } from '../progress.js';

const port = (v: string): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`--port: expected 0–65535, got ${v}`);
  return n;
};

export const registerServe = (program: Command): void => {
  program
    .command('serve')
    .description('serve the API and the web app')
    .option('--port <n>', 'port (env PORT, default 8080)', port)
    .option('--host <host>', 'interface (env HOST, default 127.0.0.1)')
    .option('--seed-if-empty', 'load the demo data when the database has no spaces')
    .action(async (opts: { port?: number; host?: string; seedIfEmpty?: boolean }, cmd: Command) => {
      const config = loadConfig(cmd, {
        ...(opts.port !== undefined && { port: opts.port }),
        ...(opts.host && { host: opts.host }),
      });
      const store = await openStore(config);
      if (opts.seedIfEmpty) {
        const bar = progressBar('seeding demo data');
        const seeded = await seedIfEmpty(store, {
          ...(config.syntheticCount !== undefined && { synthetic: config.syntheticCount }),
          onProgress: (d, t) => bar.update(d, t),
        });
        bar.stop();
        if (seeded)
          console.error(`seeded ${seeded.study} study spaces and ${seeded.synthetic} synthetic spaces`);
      }
      const version = packageVersion();
      const jobs = new JobRunner(store.db);
      // Jobs left running by a stopped process are marked failed (one server per database on SQLite).
      if (store.dialect === 'sqlite') await jobs.recoverStale();
      if (opts.seedIfEmpty) {
        // The demo's synthetic spaces get their annual reports and cohorts, and the index a first release,
        // computed in the background so the server answers at once.
        await seedSyntheticReports(store);
        const { job } = await ensureReleaseInBackground(store, jobs, { engineVersion: version });
        if (job) console.error(`computing the first index release in the background (job ${job.id})`);
      }
      await serve({ store, config, version, regions: placeNames(), jobs });
    });
};
