import { Command, Option } from 'commander';
import { formatIssue } from '../../domain/issue.js';
import { FORMATS, type Format } from '../../io/formats.js';
import { loadGeoIndex } from '../../io/geo-data.js';
import { importFile, type ImportReport } from '../../services/import-spaces.js';
import { loadConfig, openStore, output } from '../context.js';
import { progressBar } from '../progress.js';

/** Most issues printed for people; --json always gets all of them. */
const MAX_PRINTED = 50;

const summary = (r: ImportReport): string => {
  const errors = r.issues.filter((i) => i.severity === 'error');
  const warnings = r.issues.length - errors.length;
  const lines = [...errors, ...r.issues.filter((i) => i.severity === 'warning')]
    .slice(0, MAX_PRINTED)
    .map(formatIssue);
  if (r.issues.length > MAX_PRINTED)
    lines.push(`… and ${r.issues.length - MAX_PRINTED} more (use --json for all)`);
  const c = r.counts;
  const verdict =
    r.status === 'rejected'
      ? `REJECTED: ${errors.length} error(s) in ${r.file}; nothing was written.`
      : r.status === 'dry_run'
        ? `dry run of ${r.file}: would create ${c.created}, update ${c.merged} (merged ${c.mergedWithinFile} duplicate(s) within the file); nothing written.`
        : `imported ${r.file}${c.rejected ? ` without ${c.rejected} invalid record(s)` : ''}: created ${c.created}, updated ${c.merged}, merged ${c.mergedWithinFile} duplicate(s) within the file (import ${r.importId}).`;
  return [
    ...lines,
    `${c.read} record(s) read, ${errors.length} error(s), ${warnings} warning(s).`,
    verdict,
  ].join('\n');
};

export const registerImport = (program: Command): void => {
  program
    .command('import')
    .description('import spaces from a file; all or nothing: any error writes nothing')
    .argument('<file>', 'the file to import')
    .addOption(new Option('--format <format>', 'input format').choices([...FORMATS]).makeOptionMandatory())
    .option('--mapping <file>', 'column mapping JSON for CSV/XLSX with other column names')
    .option('--encoding <name>', 'character encoding of the file, e.g. gbk (default: UTF-8 only)')
    .option('--dry-run', 'check and report, write nothing')
    .option(
      '--skip-invalid',
      'import the valid records and report the rejected ones (default: any error rejects the file)',
    )
    .option('--actor <name>', 'who is importing (recorded in provenance)', 'cli')
    .option('--json', 'machine-readable report')
    .action(
      async (
        file: string,
        opts: {
          format: Format;
          mapping?: string;
          encoding?: string;
          dryRun?: boolean;
          skipInvalid?: boolean;
          actor: string;
          json?: boolean;
        },
        cmd: Command,
      ) => {
        const store = await openStore(loadConfig(cmd));
        const bar = progressBar('import', { quiet: !!opts.json });
        try {
          const report = await importFile(
            { store, geo: loadGeoIndex() },
            {
              path: file,
              format: opts.format,
              actor: opts.actor,
              dryRun: !!opts.dryRun,
              skipInvalid: !!opts.skipInvalid,
              ...(opts.mapping && { mappingPath: opts.mapping }),
              ...(opts.encoding && { encoding: opts.encoding }),
            },
            (stage, done, total) => (stage === 'validate' ? bar.update(done, total) : undefined),
          );
          bar.stop();
          output(!!opts.json, report, () => summary(report));
          if (report.status === 'rejected') process.exitCode = 1;
        } finally {
          bar.stop();
          await store.close();
        }
      },
    );
};
