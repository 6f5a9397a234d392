// CSV export: UTF-8 with a BOM (so Excel shows Chinese correctly), our columns, CRLF line ends, and
// every text cell that a spreadsheet would run as a formula neutralised (see formula-guard.ts).
import { stringify } from 'csv-stringify/sync';
import type { Space } from '../domain/space.js';
import { guardCell } from './formula-guard.js';
import { encodeCell, SPACE_COLUMNS, SPACE_FIELDS } from './space-columns.js';

export type SpaceSource = Iterable<Space> | AsyncIterable<Space>;

const BOM = '\uFEFF';
const BATCH = 500;

/** The cells of one space, in `SPACE_COLUMNS` order, before the formula guard. */
export const spaceRow = (s: Space): string[] => [
  s.id,
  ...SPACE_FIELDS.map((f) => encodeCell(f, s[f])),
  s.createdAt,
  s.updatedAt,
];

const lines = (rows: string[][]): string =>
  stringify(
    rows.map((r) => r.map(guardCell)),
    { record_delimiter: '\r\n' },
  );

/** CSV text in chunks (BOM + header first), for streaming to a response or a file. */
export async function* csvChunks(spaces: SpaceSource): AsyncGenerator<string> {
  yield BOM + lines([[...SPACE_COLUMNS]]);
  let batch: string[][] = [];
  for await (const s of spaces) {
    batch.push(spaceRow(s));
    if (batch.length >= BATCH) {
      yield lines(batch);
      batch = [];
    }
  }
  if (batch.length) yield lines(batch);
}

/** The whole CSV file as bytes. */
export const writeCsv = async (spaces: SpaceSource): Promise<Uint8Array> => {
  const parts: string[] = [];
  for await (const c of csvChunks(spaces)) parts.push(c);
  return new TextEncoder().encode(parts.join(''));
};
