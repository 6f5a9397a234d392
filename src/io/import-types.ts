import type { InputIssue } from '../domain/issue.js';
import type { SourceRef, SpaceInput } from '../domain/space.js';
import type { ColumnMapping } from './mapping.js';

/** One space read from a file: a draft that passes `SpaceInput`, and where in the file it came from. */
export interface ImportedRecord {
  draft: SpaceInput;
  /** 1-based row for tables, header = row 1 (so the first data row is 2). */
  row?: number;
  /** JSON Pointer for JSON-shaped input. */
  path?: string;
  /** The record's identity in its source, used for de-duplication across imports. */
  source: SourceRef;
}

/** What every importer returns. Any `error` issue means the caller should write nothing. */
export interface ImportResult {
  records: ImportedRecord[];
  issues: InputIssue[];
}

/** Limits against hostile or mistaken input; each has a default in `DEFAULT_LIMITS`. */
export interface ImportLimits {
  /** Largest input accepted, in bytes. */
  maxBytes: number;
  /** Most data rows (or array items / features) accepted in one file. */
  maxRows: number;
}

export const DEFAULT_LIMITS: ImportLimits = {
  maxBytes: 256 * 1024 * 1024,
  maxRows: 250_000,
};

export interface ImportOptions {
  /** File name shown in every issue. */
  file: string;
  /** Column mapping for CSV/XLSX with foreign headers; its `defaults` fill missing fields in every format. */
  mapping?: ColumnMapping;
  /** ISO timestamp treated as "now" (planned vs active by date); importers never read the clock. */
  now?: string;
  /**
   * Character encoding of the bytes. Without it only UTF-8 is accepted and anything else is
   * reported (`encoding.not_utf8`); give e.g. 'gbk' to decode a GBK/GB18030 export.
   */
  encoding?: string;
  limits?: Partial<ImportLimits>;
}

export const limitsOf = (opts: ImportOptions): ImportLimits => ({ ...DEFAULT_LIMITS, ...opts.limits });
