// Generic CSV import. Row numbers are the spreadsheet's: header = 1, blank lines count.
// papaparse rather than csv-parse: on our 100,000-row export it parses ~5x faster here
// (about 0.5 s vs 2.5 s for 35 MB), which is most of the import time.
import Papa from 'papaparse';
import type { InputIssue } from '../domain/issue.js';
import { decodeText } from './decode.js';
import type { ImportOptions, ImportResult } from './import-types.js';
import { tableImporter, type TableImporter } from './table-import.js';

/** The delimiter of the header line: ',' (ours), ';' (European Excel) or tab. */
export const sniffDelimiter = (text: string): string => {
  const end = text.indexOf('\n');
  const line = end < 0 ? text : text.slice(0, end);
  let best = ',';
  let bestCount = 0;
  for (const d of [',', ';', '\t']) {
    let n = 0;
    let quoted = false;
    for (const ch of line) {
      if (ch === '"') quoted = !quoted;
      else if (ch === d && !quoted) n++;
    }
    if (n > bestCount) [best, bestCount] = [d, n];
  }
  return best;
};

/**
 * The record separator, from the end of the header line. papaparse guesses by counting, which goes
 * wrong for files like Nesta's: CRLF between records but hundreds of bare CRs inside quoted cells.
 */
export const sniffNewline = (text: string): '\r\n' | '\n' | '\r' => {
  const lf = text.indexOf('\n');
  const cr = text.indexOf('\r');
  if (cr >= 0 && (lf < 0 || cr < lf)) return cr + 1 === lf ? '\r\n' : '\r';
  return '\n';
};

const isZip = (b: Uint8Array): boolean => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

const csvErrorIssue = (err: Papa.ParseError, file: string): InputIssue => {
  const at = err.row !== undefined && err.row !== null ? ` (row ${err.row + 1})` : '';
  if (err.code === 'MissingQuotes') {
    return {
      severity: 'error',
      code: 'input.truncated',
      file,
      message: `a quoted cell is never closed${at}: the file looks cut off, or a cell has a stray double quote; nothing was imported`,
    };
  }
  return {
    severity: 'error',
    code: 'csv.malformed',
    file,
    message: `not valid CSV${at}: ${err.message}; nothing was imported`,
  };
};

/**
 * A file cut mid-row parses "fine" into a short last row; without a final line break that is what a
 * truncated upload looks like, so it is refused rather than half-imported.
 */
const truncatedRowIssue = (
  header: string[],
  last: string[],
  row: number,
  text: string,
  file: string,
): InputIssue | undefined =>
  last.length < header.length && !/[\r\n]$/.test(text)
    ? {
        severity: 'error',
        code: 'input.truncated',
        file,
        message: `the last row (row ${row}) has ${last.length} of ${header.length} cells and the file does not end with a line break: it looks cut off; nothing was imported`,
      }
    : undefined;

/** Parses a whole (small) CSV text into rows; a malformed file is one error issue and no rows. */
export const readCsvRows = (text: string, file: string): { rows?: string[][]; issues: InputIssue[] } => {
  const parsed = Papa.parse<string[]>(text, {
    delimiter: sniffDelimiter(text),
    newline: sniffNewline(text),
    skipEmptyLines: false,
    header: false,
  });
  const err = parsed.errors[0];
  if (err) return { issues: [csvErrorIssue(err, file)] };
  const rows = parsed.data;
  const [header, last] = [rows[0], rows[rows.length - 1]];
  const truncated =
    rows.length > 1 && header && last ? truncatedRowIssue(header, last, rows.length, text, file) : undefined;
  return truncated ? { issues: [truncated] } : { rows, issues: [] };
};

export const parseCsv = (input: Uint8Array, opts: ImportOptions): ImportResult => {
  const file = opts.file;
  if (isZip(input)) {
    return {
      records: [],
      issues: [
        {
          severity: 'error',
          code: 'format.mismatch',
          file,
          message: 'this is a ZIP/XLSX file, not CSV: import it as xlsx',
        },
      ],
    };
  }
  const decoded = decodeText(input, opts);
  if (decoded.text === null) return { records: [], issues: decoded.issues };
  const text = decoded.text;
  let header: string[] | undefined;
  let importer: TableImporter | undefined;
  // Each row is held back by one, so the last one can be checked for truncation before it is read.
  let pending: { row: number; cells: string[] } | undefined;
  let rowNo = 0;
  let csvError: Papa.ParseError | undefined;
  Papa.parse<string[]>(text, {
    delimiter: sniffDelimiter(text),
    newline: sniffNewline(text),
    skipEmptyLines: false,
    header: false,
    step: (res, parser) => {
      rowNo++;
      if (res.errors.length) {
        csvError = res.errors[0];
        parser.abort();
        return;
      }
      if (!header) {
        header = res.data;
        importer = tableImporter(header, opts, { format: 'csv', csvGuard: true });
        return;
      }
      if (pending && !importer!.push(pending.row, pending.cells)) parser.abort();
      pending = { row: rowNo, cells: res.data };
    },
  });
  const fail = (issue: InputIssue): ImportResult => ({ records: [], issues: [...decoded.issues, issue] });
  if (csvError) return fail(csvErrorIssue(csvError, file));
  if (!header || !importer || header.every((h) => h.trim() === '')) {
    return fail({ severity: 'error', code: 'input.empty', file, message: 'the file has no header row' });
  }
  if (pending) {
    const truncated = truncatedRowIssue(header, pending.cells, pending.row, text, file);
    if (truncated) return fail(truncated);
    importer.push(pending.row, pending.cells);
  }
  const result = importer.finish();
  return { records: result.records, issues: [...decoded.issues, ...result.issues] };
};
