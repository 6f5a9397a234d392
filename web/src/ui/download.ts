// CSV (UTF-8 with a BOM, so Excel opens Chinese text correctly) and XLSX downloads of a table.
// Both libraries load only when someone downloads.
import { fileName, toMatrix, type TableData } from './table-data.js';

const save = (blob: Blob, name: string): void => {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
};

/** CSV text with a BOM; cells that a spreadsheet would run as formulas are quoted with a leading '. */
export const csvText = async (t: TableData): Promise<string> => {
  const Papa = (await import('papaparse')).default;
  const { header, body } = toMatrix(t);
  return '\uFEFF' + Papa.unparse({ fields: header, data: body }, { escapeFormulae: true, newline: '\r\n' });
};

export const downloadCsv = async (base: string, t: TableData): Promise<void> => {
  save(new Blob([await csvText(t)], { type: 'text/csv;charset=utf-8' }), fileName(base, 'csv'));
};

export const downloadXlsx = async (base: string, t: TableData, sheet = 'data'): Promise<void> => {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'MakerAtlas';
  // Sheet names: at most 31 characters, none of []:*?/\
  const ws = wb.addWorksheet(sheet.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'data');
  const { header, body } = toMatrix(t);
  ws.addRow(header).font = { bold: true };
  // Text is written as text: exceljs never evaluates it, and a leading "=" stays a string.
  for (const row of body) ws.addRow(row.map((c) => (c === null ? null : c)));
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  t.columns.forEach((c, i) => {
    ws.getColumn(i + 1).width = Math.min(40, Math.max(8, c.label.length * 2 + 2));
  });
  const buf = await wb.xlsx.writeBuffer();
  save(
    new Blob([buf], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
    fileName(base, 'xlsx'),
  );
};
