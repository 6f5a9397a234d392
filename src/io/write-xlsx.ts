// XLSX export with exceljs's streaming writer: the same columns as the CSV, numbers stored as
// numbers, everything else as text cells (an XLSX text cell is never run as a formula, so no guard).
import { PassThrough, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Space } from '../domain/space.js';
import { encodeCell, FIELD_KINDS, SPACE_COLUMNS, SPACE_FIELDS } from './space-columns.js';
import type { SpaceSource } from './write-csv.js';

const NUMERIC = new Set(SPACE_FIELDS.filter((f) => ['number', 'integer'].includes(FIELD_KINDS[f].kind)));

const rowValues = (s: Space): (string | number | null)[] => [
  s.id,
  ...SPACE_FIELDS.map((f) => {
    const v = s[f];
    if (NUMERIC.has(f)) return typeof v === 'number' ? v : null;
    const text = encodeCell(f, v);
    return text === '' ? null : text;
  }),
  s.createdAt,
  s.updatedAt,
];

/** Streams the workbook into `out` (a file or an HTTP response). */
export const writeXlsxTo = async (spaces: SpaceSource, out: Writable): Promise<void> => {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useSharedStrings: false,
    useStyles: false,
  });
  const ws = wb.addWorksheet('spaces');
  ws.addRow([...SPACE_COLUMNS]).commit();
  for await (const s of spaces) ws.addRow(rowValues(s)).commit();
  ws.commit();
  await wb.commit();
};

/** The whole workbook as bytes. */
export const writeXlsx = async (spaces: SpaceSource): Promise<Uint8Array> => {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    sink.on('end', resolve);
    sink.on('error', reject);
  });
  await writeXlsxTo(spaces, sink);
  await ended;
  return new Uint8Array(Buffer.concat(chunks));
};
