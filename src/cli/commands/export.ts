import { Command, Option } from 'commander';
import { CERTIFICATIONS, SPACE_TYPES, STATUSES } from '../../domain/taxonomy.js';
import { publicUrlOf } from '../../server/config.js';
import { EXPORT_FORMATS, exportSpaces, type ExportFormat } from '../../services/export-spaces.js';
import type { SpaceFilter } from '../../store/space-filter.js';
import { loadConfig, openStore, output } from '../context.js';
import { progressBar } from '../progress.js';

interface ExportOpts {
  format: ExportFormat;
  out?: string;
  type?: string[];
  region?: string;
  country?: string;
  status?: string[];
  certification?: string[];
  synthetic?: boolean;
  json?: boolean;
}

export const registerExport = (program: Command): void => {
  program
    .command('export')
    .description(
      'export spaces: CSV (UTF-8 with BOM), XLSX, JSON, GeoJSON, or a folder of SpaceAPI v15 documents',
    )
    .addOption(
      new Option('--format <format>', 'output format').choices([...EXPORT_FORMATS]).makeOptionMandatory(),
    )
    .option('--out <path>', 'output file (a folder for spaceapi); default: standard output')
    .addOption(new Option('--type <type...>', 'only these types').choices([...SPACE_TYPES]))
    .option('--region <prefix>', 'GB/T 2260 code prefix, e.g. 44 or 4403')
    .option('--country <iso2>', 'ISO 3166-1 alpha-2 country')
    .addOption(new Option('--status <status...>', 'only these statuses').choices([...STATUSES]))
    .addOption(new Option('--certification <level...>', 'only these levels').choices([...CERTIFICATIONS]))
    .option('--synthetic <bool>', 'true: only synthetic records; false: only real ones', (v) => v === 'true')
    .option('--json', 'print a machine-readable summary (needs --out)')
    .action(async (opts: ExportOpts, cmd: Command) => {
      if (opts.region && !/^\d{2,6}$/.test(opts.region))
        throw new Error('--region: expected 2 to 6 digits of a GB/T 2260 code');
      if (opts.country && !/^[A-Za-z]{2}$/.test(opts.country))
        throw new Error('--country: expected an ISO 3166-1 alpha-2 code');
      const filter = {
        ...(opts.type && { type: opts.type }),
        ...(opts.region && { regionPrefix: opts.region }),
        ...(opts.country && { country: opts.country.toUpperCase() }),
        ...(opts.status && { status: opts.status }),
        ...(opts.certification && { certification: opts.certification }),
        ...(opts.synthetic !== undefined && { synthetic: opts.synthetic }),
      } as SpaceFilter;
      const config = loadConfig(cmd);
      const store = await openStore(config);
      const bar = progressBar('export', { quiet: !!opts.json || !opts.out });
      try {
        const result = await exportSpaces(store, {
          format: opts.format,
          filter,
          out: opts.out ?? process.stdout,
          baseUrl: publicUrlOf(config),
          onProgress: (n) => bar.update(n),
        });
        bar.stop();
        if (opts.out)
          output(
            !!opts.json,
            result,
            () => `wrote ${result.written} space(s) as ${result.format} to ${result.out}`,
          );
      } finally {
        bar.stop();
        await store.close();
      }
    });
};
