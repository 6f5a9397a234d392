// Generic XLSX import (exceljs streaming reader, so a huge sheet is stopped at the row limit
// instead of being inflated whole). Cells become text and go through the same table importer as CSV.
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { InputIssue } from '../domain/issue.js';
import { sizeIssue } from './decode.js';
import { limitsOf, type ImportOptions, type ImportResult } from './import-types.js';
import { importTable, type TableRow } from './table-import.js';
import { tooManyRows } from './record-utils.js';

const isZip = (b: Uint8Array): boolean => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

const pad = (n: number): string => String(n).padStart(2, '0');

/** One cell as text, the way our CSV would hold it. */
export const cellText = (v: unknown, note: (code: string, message: string) => void): string => {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v instanceof Date) {
    // Excel dates carry no zone; exceljs reads them as UTC.
    const d = `${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())}`;
    return v.getUTCHours() || v.getUTCMinutes() || v.getUTCSeconds() ? v.toISOString() : d;
  }
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o['richText']))
      return (o['richText'] as { text?: string }[]).map((r) => r.text ?? '').join('');
    if ('formula' in o || 'sharedFormula' in o) {
      note(
        'cell.formula',
        'cell holds a formula; its last computed value was used (paste values to silence this)',
      );
      return cellText(o['result'], note);
    }
    if ('error' in o) {
      note('cell.error', `cell holds the spreadsheet error ${String(o['error'])}; read as empty`);
      return '';
    }
    if ('text' in o) return cellText(o['text'], note);
  }
  return String(v);
};

export const parseXlsx = async (input: Uint8Array, opts: ImportOptions): Promise<ImportResult> => {
  const file = opts.file;
  const tooBig = sizeIssue(input, opts);
  if (tooBig) return { records: [], issues: [tooBig] };
  if (!isZip(input)) {
    return {
      records: [],
      issues: [
        {
          severity: 'error',
          code: 'format.mismatch',
          file,
          message: 'not an XLSX workbook (no ZIP signature); if it is CSV, import it as csv',
        },
      ],
    };
  }
  const { maxRows } = limitsOf(opts);
  const issues: InputIssue[] = [];
  let header: string[] | undefined;
  const rows: TableRow[] = [];
  let tooMany = false;
  let sheets = 0;
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(input)]), {
      sharedStrings: 'cache',
      hyperlinks: 'ignore',
      styles: 'cache',
      worksheets: 'emit',
      entries: 'emit',
    });
    for await (const ws of reader) {
      if (++sheets > 1) continue; // only the first sheet is read; drained so the reader can finish
      for await (const row of ws) {
        const values = (row.values as unknown[]).slice(1);
        const r = row.number;
        const note = (code: string, message: string): void => {
          issues.push({ severity: 'warning', code, file, row: r, message });
        };
        const cells = Array.from(values, (v) => cellText(v, note));
        if (!header) {
          header = cells;
          continue;
        }
        if (rows.length >= maxRows) {
          tooMany = true;
          break;
        }
        rows.push({ row: r, cells });
      }
      if (tooMany) break;
    }
  } catch (e) {
    return {
      records: [],
      issues: [
        {
          severity: 'error',
          code: 'xlsx.malformed',
          file,
          message: `cannot read the workbook (${(e as Error).message}); the file may be cut off or not an Excel workbook; nothing was imported`,
        },
      ],
    };
  }
  if (tooMany) {
    return tooManyRows(
      [],
      file,
      `more than ${maxRows.toLocaleString('en')} data rows; split the file or raise the limit`,
    );
  }
  if (sheets > 1)
    issues.push({
      severity: 'warning',
      code: 'xlsx.extra_sheets',
      file,
      message: `the workbook has ${sheets} sheets; only the first was read`,
    });
  if (!header || header.every((h) => h.trim() === '')) {
    return {
      records: [],
      issues: [
        ...issues,
        { severity: 'error', code: 'input.empty', file, message: 'the first sheet has no header row' },
      ],
    };
  }
  const result = importTable(header, rows, opts, { format: 'xlsx', csvGuard: false });
  return { records: result.records, issues: [...issues, ...result.issues] };
};
