import type { Command } from 'commander';
import { formatIssue } from '../../domain/issue.js';
import { runIndexFiles } from '../../services/index-run.js';
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
};
