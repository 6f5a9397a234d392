// The import formats and one entry point that dispatches to each parser.
import type { ImportOptions, ImportResult } from './import-types.js';
import { parseCsv } from './parse-csv.js';
import { parseFablabs } from './parse-fablabs.js';
import { parseGeoJson } from './parse-geojson.js';
import { parseHackerspaces } from './parse-hackerspaces.js';
import { parseJson } from './parse-json.js';
import { parseNesta } from './parse-nesta.js';
import { parseSpaceApi } from './parse-spaceapi.js';

export const FORMATS = [
  'csv',
  'xlsx',
  'json',
  'geojson',
  'spaceapi',
  'fablabs',
  'hackerspaces',
  'nesta',
] as const;
export type Format = (typeof FORMATS)[number];

type Parser = (input: Uint8Array, opts: ImportOptions) => ImportResult | Promise<ImportResult>;

const PARSERS: Record<Format, Parser> = {
  csv: parseCsv,
  // Loaded when needed: its workbook library takes ~0.3 s to load, a quarter of a CLI start.
  xlsx: async (input, opts) => (await import('./parse-xlsx.js')).parseXlsx(input, opts),
  json: parseJson,
  geojson: parseGeoJson,
  spaceapi: parseSpaceApi,
  fablabs: parseFablabs,
  hackerspaces: parseHackerspaces,
  nesta: parseNesta,
};

export const isFormat = (s: string): s is Format => (FORMATS as readonly string[]).includes(s);

/** Parses a file in the given format. Never throws for bad input: problems come back as issues. */
export const parseFile = async (
  format: Format,
  bytes: Uint8Array,
  opts: ImportOptions,
): Promise<ImportResult> => {
  try {
    return await PARSERS[format](bytes, opts);
  } catch (e) {
    // A parser bug must not take the caller down with it; report it like any other failure.
    return {
      records: [],
      issues: [
        {
          severity: 'error',
          code: 'import.failed',
          file: opts.file,
          message: `the ${format} importer failed: ${(e as Error).message}`,
        },
      ],
    };
  }
};
