import type { Command } from 'commander';
import { seedDemo } from '../../services/seed-demo.js';
import { loadConfig, openStore, output } from '../context.js';
import { progressBar } from '../progress.js';

const count = (v: string): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 1_000_000)
    throw new Error(`--synthetic: expected an integer 0–1,000,000, got ${v}`);
  return n;
};

export const registerSeed = (program: Command): void => {
  program
    .command('seed')
    .description(
      "load the study's spaces and a synthetic demonstration sample (records already present are skipped)",
    )
    .option('--synthetic <n>', 'size of the synthetic sample (0 for none)', count)
    .option('--no-study', "skip the seed study's spaces")
    .option('--seed <n>', 'random seed of the synthetic sample', count, 1)
    .option('--json', 'machine-readable report')
    .action(
      async (opts: { synthetic?: number; study: boolean; seed: number; json?: boolean }, cmd: Command) => {
        const store = await openStore(loadConfig(cmd));
        const bar = progressBar('seed', { quiet: !!opts.json });
        try {
          const report = await seedDemo(store, {
            study: opts.study,
            seed: opts.seed,
            ...(opts.synthetic !== undefined && { synthetic: opts.synthetic }),
            onProgress: (done, total) => bar.update(done, total),
          });
          bar.stop();
          output(
            !!opts.json,
            report,
            () =>
              `seeded ${report.study} study space(s) and ${report.synthetic} synthetic space(s); ${report.skipped} already present`,
          );
        } finally {
          bar.stop();
          await store.close();
        }
      },
    );
};
