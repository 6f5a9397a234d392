import type { Command } from 'commander';
import { formatIssue } from '../../domain/issue.js';
import { runIndexFiles } from '../../services/index-run.js';
import { runSensitivityFiles } from '../../services/sensitivity/index.js';
import { createRelease } from '../../services/maker-index/index.js';
import { loadConfig, openStore } from '../context.js';
import { progressBar } from '../progress.js';
import { output, packageVersion } from '../context.js';

interface RunOpts {
  idata: string;
  imeta: string;
  pipeline: string;
  out: string;
  encoding?: string;
  json?: boolean;
}

export const registerIndex = (program: Command): void => {
  const index = program
    .command('index')
    .description('the composite index (创客指数): runs, sensitivity analysis, releases');

  index
    .command('run')
    .description('run a COINr-style pipeline on iData/iMeta tables and write every stage')
    .requiredOption('--idata <file>', 'iData table (CSV or XLSX, COINr column names)')
    .requiredOption('--imeta <file>', 'iMeta table (CSV or XLSX)')
    .requiredOption('--pipeline <file>', 'pipeline spec JSON: { "steps": [ { "step": "Denominate" }, … ] }')
    .requiredOption('--out <dir>', 'output folder: <Stage>.csv, treatment.csv, results.csv, provenance.json')
    .option('--encoding <name>', 'encoding of CSV inputs, e.g. gbk (default UTF-8)')
    .option('--json', 'machine-readable report')
    .action(async (opts: RunOpts) => {
      const report = await runIndexFiles({
        idata: opts.idata,
        imeta: opts.imeta,
        pipeline: opts.pipeline,
        outDir: opts.out,
        engineVersion: packageVersion(),
        ...(opts.encoding && { encoding: opts.encoding }),
      });
      output(!!opts.json, report, () =>
        report.ok
          ? [...report.issues.map(formatIssue), `wrote ${report.files.length} file(s) to ${opts.out}`].join(
              '\n',
            )
          : [...report.issues.map(formatIssue), 'index run failed; nothing was written'].join('\n'),
      );
      if (!report.ok) process.exitCode = 1;
    });

  index
    .command('sensitivity')
    .description('uncertainty (UA) or sensitivity (SA) analysis of a pipeline, on all cores')
    .requiredOption('--idata <file>', 'iData table (CSV or XLSX)')
    .requiredOption('--imeta <file>', 'iMeta table (CSV or XLSX)')
    .requiredOption('--pipeline <file>', 'pipeline spec JSON')
    .requiredOption(
      '--spec <file>',
      'sensitivity spec JSON: type UA|SA, N, seed, target, inputs (JSON Pointers)',
    )
    .requiredOption(
      '--out <dir>',
      'output folder: rank_stats.csv, sensitivity_indices.csv (SA), provenance.json',
    )
    .option(
      '--threads <n>',
      'threads including this one (default: every core; results do not depend on it)',
      (v) => {
        const n = Number(v);
        if (!Number.isInteger(n) || n < 1 || n > 256) throw new Error(`--threads: expected 1–256, got ${v}`);
        return n;
      },
    )
    .option('--seed <n>', "override the spec's seed", (v) => {
      const n = Number(v);
      if (!Number.isInteger(n)) throw new Error(`--seed: expected an integer, got ${v}`);
      return n;
    })
    .option('--encoding <name>', 'encoding of CSV inputs, e.g. gbk (default UTF-8)')
    .option('--json', 'machine-readable report')
    .action(async (opts: RunOpts & { spec: string; threads?: number; seed?: number }) => {
      const bar = progressBar('runs', { quiet: !!opts.json });
      const t0 = performance.now();
      const report = await runSensitivityFiles({
        idata: opts.idata,
        imeta: opts.imeta,
        pipeline: opts.pipeline,
        spec: opts.spec,
        outDir: opts.out,
        engineVersion: packageVersion(),
        onProgress: (p) => bar.update(p.done, p.total),
        ...(opts.threads !== undefined && { threads: opts.threads }),
        ...(opts.seed !== undefined && { seed: opts.seed }),
        ...(opts.encoding && { encoding: opts.encoding }),
      });
      bar.stop();
      const seconds = ((performance.now() - t0) / 1000).toFixed(2);
      const { result: _result, ...summary } = report;
      output(
        !!opts.json,
        { ...summary, runs: report.result?.runs, failures: report.result?.failures, seconds },
        () =>
          report.ok
            ? [
                ...report.issues.map(formatIssue),
                `${report.result?.type} with ${report.result?.runs} runs in ${seconds} s` +
                  (report.result?.failures ? ` (${report.result.failures} failed runs)` : '') +
                  `; wrote ${report.files.join(', ')} to ${opts.out}`,
              ].join('\n')
            : [...report.issues.map(formatIssue), 'analysis failed; nothing was written'].join('\n'),
      );
      if (!report.ok) process.exitCode = 1;
    });

  index
    .command('release')
    .description(
      'recompute the 创客指数 from the registry and store it as a versioned release (same data → same release)',
    )
    .option('--years <list>', 'comma-separated years (default: every year with annual reports)')
    .option('--json', 'machine-readable report')
    .action(async (opts: { years?: string; json?: boolean }, cmd: Command) => {
      const years = opts.years?.split(',').map((y) => {
        const n = Number(y);
        if (!Number.isInteger(n) || n < 1980 || n > 2100) throw new Error(`--years: "${y}" is not a year`);
        return n;
      });
      const store = await openStore(loadConfig(cmd));
      const bar = progressBar('release', { quiet: !!opts.json });
      try {
        const { release, created } = await createRelease(store, {
          engineVersion: packageVersion(),
          ...(years && { years }),
          onProgress: (done, total) => bar.update(done, total),
        });
        bar.stop();
        output(
          !!opts.json,
          { created, release },
          () =>
            `${created ? 'created' : 'unchanged data: kept'} release ${release.id} (framework ${release.frameworkId} ${release.frameworkVersion}, data ${release.dataHash.slice(0, 12)}…)`,
        );
      } finally {
        bar.stop();
        await store.close();
      }
    });
};
