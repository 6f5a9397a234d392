// Export the registry (or a filtered part of it) in an open format, streaming so 100,000 spaces never
// sit in memory at once.
import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Space } from '../domain/space.js';
import { csvChunks } from '../io/write-csv.js';
import { geoJsonChunks, type GeoJsonStats } from '../io/write-geojson.js';
import { jsonChunks } from '../io/write-json.js';
import { spaceApiDirectory, toSpaceApi15 } from '../io/write-spaceapi.js';
import { writeXlsxTo } from '../io/write-xlsx.js';
import type { Store } from '../store/database.js';
import type { SpaceFilter } from '../store/space-filter.js';
import { iterateSpaces } from '../store/spaces-repo.js';

export const EXPORT_FORMATS = ['csv', 'xlsx', 'json', 'geojson', 'spaceapi'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportResult {
  format: ExportFormat;
  written: number;
  /** GeoJSON leaves out spaces without coordinates. */
  skippedNoCoordinates?: number;
  out: string;
}

/** Counts spaces as they stream past. */
async function* counted(
  spaces: AsyncIterable<Space>,
  counter: { n: number },
  onProgress?: (n: number) => void,
) {
  for await (const s of spaces) {
    counter.n++;
    if (onProgress && counter.n % 1000 === 0) onProgress(counter.n);
    yield s;
  }
}

/**
 * Writes `format` to `out` (a file path, or a stream such as stdout). SpaceAPI writes a folder: one v15 document
 * per space (`<id>.json`) and `directory.json` mapping names to those documents' URLs under `baseUrl`.
 */
export const exportSpaces = async (
  store: Store,
  opts: {
    format: ExportFormat;
    filter?: SpaceFilter;
    out: string | Writable;
    baseUrl: string;
    onProgress?: (written: number) => void;
  },
): Promise<ExportResult> => {
  const counter = { n: 0 };
  const spaces = counted(iterateSpaces(store.db, opts.filter ?? {}), counter, opts.onProgress);
  const outName = typeof opts.out === 'string' ? opts.out : '-';

  if (opts.format === 'spaceapi') {
    if (typeof opts.out !== 'string') throw new Error('spaceapi export writes a folder: give --out <dir>');
    await mkdir(opts.out, { recursive: true });
    const written: Space[] = [];
    const endpoint = (s: Space) =>
      `${opts.baseUrl.replace(/\/+$/, '')}/api/v1/spaces/${encodeURIComponent(s.id)}/spaceapi.json`;
    for await (const s of spaces) {
      await writeFile(
        join(opts.out, `${s.id}.json`),
        JSON.stringify(toSpaceApi15(s, { baseUrl: opts.baseUrl }), null, 2),
      );
      // Keep only what the directory needs, not the whole record.
      written.push({ id: s.id, nameZh: s.nameZh, nameEn: s.nameEn, city: s.city } as Space);
    }
    await writeFile(
      join(opts.out, 'directory.json'),
      JSON.stringify(spaceApiDirectory(written, endpoint), null, 2),
    );
    return { format: opts.format, written: counter.n, out: outName };
  }

  const sink = typeof opts.out === 'string' ? createWriteStream(opts.out) : opts.out;
  if (opts.format === 'xlsx') {
    await writeXlsxTo(spaces, sink);
    return { format: opts.format, written: counter.n, out: outName };
  }
  const stats: GeoJsonStats = { written: 0, omitted: 0 };
  const chunks =
    opts.format === 'csv'
      ? csvChunks(spaces)
      : opts.format === 'json'
        ? jsonChunks(spaces)
        : geoJsonChunks(spaces, stats);
  await pipeline(Readable.from(chunks), sink, { end: typeof opts.out === 'string' });
  return {
    format: opts.format,
    written: counter.n,
    ...(opts.format === 'geojson' && { skippedNoCoordinates: stats.omitted }),
    out: outName,
  };
};
