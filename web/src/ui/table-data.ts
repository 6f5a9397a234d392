// A table as data: the same rows feed the HTML table, the chart and the CSV/XLSX downloads, so what
// is downloaded is exactly what is shown (raw numbers, not formatted text).

export type Cell = string | number | null;

export interface Column {
  key: string;
  label: string;
  numeric?: boolean;
  /** Decimal places when shown (downloads keep full precision). */
  digits?: number;
  /** A share in [0, 1], shown as a percentage (downloads keep the share). */
  percent?: boolean;
}

export interface TableData {
  columns: Column[];
  rows: Record<string, Cell>[];
}

/** Header row and body rows in column order: the shape of CSV and XLSX. */
export const toMatrix = (t: TableData): { header: string[]; body: Cell[][] } => ({
  header: t.columns.map((c) => c.label),
  body: t.rows.map((r) => t.columns.map((c) => r[c.key] ?? null)),
});

/** A safe file name: letters (any script), digits, dot, dash and underscore; the rest become "_". */
export const fileName = (base: string, ext: string): string =>
  `${base.replace(/[^\p{L}\p{N}._-]+/gu, '_').replace(/^_+|_+$/g, '') || 'table'}.${ext}`;
