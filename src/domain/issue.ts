/**
 * A problem found in input. Parsers and validators return these instead of throwing, so one run
 * can report every bad row at once; an import with any `error` writes nothing.
 */
export interface InputIssue {
  severity: 'error' | 'warning';
  /** Stable machine code, e.g. `coordinates.swapped`, `currency.unknown`. */
  code: string;
  file?: string;
  /** 1-based data row for tables (header = row 1), or undefined for documents. */
  row?: number;
  /** JSON Pointer for JSON-shaped input. */
  path?: string;
  field?: string;
  /** What was found and what was expected, in plain words. */
  message: string;
}

export const formatIssue = (i: InputIssue): string => {
  const where = [
    i.file,
    i.row !== undefined ? `row ${i.row}` : undefined,
    i.path || undefined,
    i.field && `field ${i.field}`,
  ]
    .filter(Boolean)
    .join(', ');
  return `${i.severity}: ${where ? where + ': ' : ''}${i.message} [${i.code}]`;
};
