// Reads COINr's two input tables — iData (one row per unit, or per unit and Time for panels) and
// iMeta (one row per indicator, aggregate, group, denominator) — from CSV or XLSX, with COINr's
// column names, into the engine's types. Every bad cell becomes an InputIssue naming the file, the
// row (header = row 1), the column and what was expected; nothing is thrown for bad data.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import type { InputIssue } from '../domain/issue.js';
import { decodeText } from './decode.js';
import { buildFramework } from '../engine/framework.js';
import { orderLikeCoinr } from '../engine/pipeline/panel.js';
import type { RunState } from '../engine/pipeline/state.js';
import { META_TYPES, type Framework, type MetaRow, type MetaType } from '../engine/types.js';

export interface TableSource {
  /** File name, used in issues and to tell CSV from XLSX (by extension). */
  name: string;
  content: Uint8Array | string;
  /** Character encoding of CSV bytes; without it only UTF-8 is accepted (see decode.ts), e.g. 'gbk'. */
  encoding?: string;
}

export interface CoinrTables {
  meta: MetaRow[];
  /** Undefined when iMeta has errors. */
  framework: Framework | undefined;
  /** All iData rows (every Time of a panel); undefined when iData or iMeta has errors. */
  state: RunState | undefined;
  /** True when iData has a Time column with more than one value. */
  isPanel: boolean;
  issues: InputIssue[];
}

interface Table {
  header: string[];
  rows: (string | number | null)[][];
}

const MISSING = new Set(['', 'NA', 'NaN', '#N/A']);

const cellValue = (v: ExcelJS.CellValue): string | number | null => {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object') {
    if ('result' in v) return cellValue((v as { result: ExcelJS.CellValue }).result);
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v) return String((v as { text: unknown }).text);
    if ('error' in v) return null;
  }
  return String(v);
};

/** Parses CSV (UTF-8, or GBK/GB18030 with a warning) or the first worksheet of an XLSX file. */
export const readTable = async (source: TableSource, issues: InputIssue[]): Promise<Table | undefined> => {
  const file = source.name;
  if (/\.xlsx$/i.test(file)) {
    if (typeof source.content === 'string') {
      issues.push({
        severity: 'error',
        code: 'table.xlsx.text',
        file,
        message: 'an .xlsx file must be given as bytes',
      });
      return undefined;
    }
    // Loaded on first use: the server reaches this module through the index releases, which never
    // read XLSX, and exceljs would add ~30 MB to every server process.
    const { default: Excel } = await import('exceljs');
    const wb = new Excel.Workbook();
    try {
      await wb.xlsx.load(Buffer.from(source.content) as unknown as ArrayBuffer);
    } catch (e) {
      issues.push({
        severity: 'error',
        code: 'table.xlsx.invalid',
        file,
        message: `not a readable .xlsx workbook (${(e as Error).message})`,
      });
      return undefined;
    }
    const ws = wb.worksheets[0];
    if (!ws) {
      issues.push({
        severity: 'error',
        code: 'table.xlsx.empty',
        file,
        message: 'the workbook has no worksheet',
      });
      return undefined;
    }
    const all: (string | number | null)[][] = [];
    ws.eachRow({ includeEmpty: true }, (row) => {
      const vals: (string | number | null)[] = [];
      for (let c = 1; c <= ws.columnCount; c++) vals.push(cellValue(row.getCell(c).value));
      all.push(vals);
    });
    const [head, ...rows] = all;
    return {
      header: (head ?? []).map((h) => String(h ?? '').trim()),
      rows: rows.filter((r) => r.some((v) => v !== null && v !== '')),
    };
  }
  let text: string;
  if (typeof source.content === 'string') text = source.content;
  else {
    const decoded = decodeText(source.content, {
      file,
      ...(source.encoding ? { encoding: source.encoding } : {}),
    });
    issues.push(...decoded.issues);
    if (decoded.text === null) return undefined;
    text = decoded.text;
  }
  try {
    const records = parse(text, {
      bom: true,
      skip_empty_lines: true,
      relax_column_count: false,
    }) as string[][];
    const [head, ...rows] = records;
    return { header: (head ?? []).map((h) => h.trim()), rows };
  } catch (e) {
    issues.push({
      severity: 'error',
      code: 'table.csv.invalid',
      file,
      message: `not valid CSV: ${(e as Error).message}`,
    });
    return undefined;
  }
};

/** A number from a cell; NaN for a missing value; undefined when the text is not a number. */
const numberOf = (v: string | number | null): number | undefined => {
  if (v === null) return NaN;
  if (typeof v === 'number') return v;
  const t = v.trim();
  if (MISSING.has(t)) return NaN;
  const n = Number(t);
  return Number.isNaN(n) ? undefined : n;
};
const textOf = (v: string | number | null): string | null => {
  if (v === null) return null;
  const t = String(v).trim();
  return MISSING.has(t) ? null : t;
};

const META_COLUMNS: Record<string, string> = {
  Level: 'level',
  iCode: 'iCode',
  iName: 'iName',
  Direction: 'direction',
  Weight: 'weight',
  Parent: 'parent',
  Type: 'type',
  Unit: 'unit',
  Target: 'target',
  Denominator: 'denominator',
};

/** Parses iMeta rows into MetaRow[] (problems go to `issues`). */
export const metaFromTable = (t: Table, file: string, issues: InputIssue[]): MetaRow[] => {
  const col = (name: string) => t.header.indexOf(name);
  for (const req of ['iCode', 'Level', 'Direction', 'Weight', 'Parent', 'Type']) {
    if (col(req) < 0)
      issues.push({
        severity: 'error',
        code: 'imeta.column.missing',
        file,
        field: req,
        message: `iMeta has no "${req}" column (COINr's iMeta needs iCode, iName, Level, Direction, Weight, Parent, Type)`,
      });
  }
  if (issues.some((i) => i.code === 'imeta.column.missing')) return [];
  return t.rows.map((cells, r) => {
    const row = r + 2;
    const get = (name: string) => (col(name) >= 0 ? (cells[col(name)] ?? null) : null);
    const bad = (field: string, message: string) =>
      issues.push({ severity: 'error', code: 'imeta.value.invalid', file, row, field, message });
    const typeText = textOf(get('Type'));
    let type: MetaType = 'Other';
    if (typeText === null || !(META_TYPES as readonly string[]).includes(typeText))
      bad('Type', `Type must be one of ${META_TYPES.join(', ')}; got ${JSON.stringify(typeText ?? '')}`);
    else type = typeText as MetaType;
    const structural = type === 'Indicator' || type === 'Aggregate';
    const num = (field: string, fallback: number): number => {
      const n = numberOf(get(field));
      if (n === undefined) bad(field, `${field} must be a number; got ${JSON.stringify(get(field))}`);
      else if (Number.isNaN(n) && structural) bad(field, `${field} is required for Type ${type}`);
      return n === undefined || Number.isNaN(n) ? fallback : n;
    };
    const iCode = textOf(get('iCode')) ?? '';
    const level = structural ? num('Level', NaN) : NaN;
    const direction = structural ? num('Direction', 1) : 1;
    const weight = structural ? num('Weight', 1) : 1;
    const target = numberOf(get('Target'));
    if (target === undefined) bad('Target', `Target must be a number; got ${JSON.stringify(get('Target'))}`);
    const extra: Record<string, string | number> = {};
    t.header.forEach((h, k) => {
      if (h in META_COLUMNS || h === '') return;
      const v = cells[k] ?? null;
      if (v === null || v === '') return;
      const n = numberOf(v);
      extra[h] = n !== undefined && !Number.isNaN(n) ? n : String(v);
    });
    const m: MetaRow = {
      iCode,
      iName: textOf(get('iName')) ?? iCode,
      level,
      parent: textOf(get('Parent')),
      direction: direction === -1 ? -1 : 1,
      weight,
      type,
      extra,
    };
    if (structural && direction !== 1 && direction !== -1)
      bad('Direction', `Direction must be 1 or -1; got ${direction}`);
    const unit = textOf(get('Unit'));
    if (unit !== null) m.unit = unit;
    if (target !== undefined && !Number.isNaN(target)) m.target = target;
    const denom = textOf(get('Denominator'));
    if (denom !== null) m.denominator = denom;
    return m;
  });
};

/** Parses iData rows against the framework (indicator, group and denominator columns). */
export const stateFromTable = (
  t: Table,
  fw: Framework,
  file: string,
  issues: InputIssue[],
): { state: RunState | undefined; isPanel: boolean } => {
  const col = new Map(t.header.map((h, k) => [h, k] as const));
  const err = (code: string, message: string, row?: number, field?: string) =>
    issues.push({
      severity: 'error',
      code,
      file,
      ...(row !== undefined ? { row } : {}),
      ...(field ? { field } : {}),
      message,
    });
  if (!col.has('uCode')) err('idata.column.missing', 'iData has no "uCode" column', undefined, 'uCode');
  const indicators = fw.indicators().map((r) => r.iCode);
  for (const c of indicators)
    if (!col.has(c))
      err(
        'idata.indicator.missing',
        `iData has no column for indicator "${c}" (named in iMeta)`,
        undefined,
        c,
      );
  const denomCodes = [
    ...new Set([
      ...fw.denominatorCodes(),
      ...fw.indicators().flatMap((r) => (r.denominator ? [r.denominator] : [])),
    ]),
  ];
  for (const d of fw.indicators()) {
    if (d.denominator && !col.has(d.denominator))
      err(
        'idata.denominator.missing',
        `iData has no column "${d.denominator}", the Denominator of "${d.iCode}"`,
        undefined,
        d.denominator,
      );
  }
  const groupCodes = [
    ...new Set([
      ...fw.groupCodes().filter((g) => col.has(g)),
      ...t.header.filter((h) => h.endsWith('_group')),
    ]),
  ];
  const known = new Set([
    'uCode',
    'uName',
    'Time',
    ...indicators,
    ...denomCodes,
    ...groupCodes,
    ...fw.meta.map((r) => r.iCode),
  ]);
  for (const h of t.header) {
    if (!known.has(h))
      issues.push({
        severity: 'warning',
        code: 'idata.column.unknown',
        file,
        field: h,
        message: `column "${h}" is not in iMeta; it is ignored`,
      });
  }
  if (issues.some((i) => i.severity === 'error')) return { state: undefined, isPanel: false };

  const n = t.rows.length;
  const uCodes: string[] = [];
  const uNames: string[] = [];
  const time = col.has('Time') ? new Float64Array(n) : undefined;
  const numeric = (code: string): Float64Array => {
    const k = col.get(code) as number;
    return Float64Array.from(t.rows, (cells, r) => {
      const v = numberOf(cells[k] ?? null);
      if (v === undefined) {
        err(
          'idata.value.invalid',
          `"${code}" must be a number or empty (missing); got ${JSON.stringify(cells[k])}`,
          r + 2,
          code,
        );
        return NaN;
      }
      return v;
    });
  };
  const seen = new Map<string, number>();
  t.rows.forEach((cells, r) => {
    const u = textOf(cells[col.get('uCode') as number] ?? null);
    if (u === null) err('idata.ucode.missing', 'uCode is empty', r + 2, 'uCode');
    const name = col.has('uName') ? textOf(cells[col.get('uName') as number] ?? null) : null;
    uCodes.push(u ?? '');
    uNames.push(name ?? u ?? '');
    if (time) {
      const v = numberOf(cells[col.get('Time') as number] ?? null);
      if (v === undefined || Number.isNaN(v))
        err(
          'idata.time.invalid',
          `Time must be a number (a year); got ${JSON.stringify(cells[col.get('Time') as number])}`,
          r + 2,
          'Time',
        );
      time[r] = v ?? NaN;
    }
    const key = `${u}\u0000${time ? time[r] : ''}`;
    if (u !== null && seen.has(key))
      err(
        'idata.ucode.duplicate',
        `uCode "${u}"${time ? ` (Time ${time[r]})` : ''} also on row ${seen.get(key)}`,
        r + 2,
        'uCode',
      );
    else seen.set(key, r + 2);
  });
  const cols = indicators.map(numeric);
  const denomPresent = denomCodes.filter((d) => col.has(d));
  const denominators = { uCodes, iCodes: denomPresent, cols: denomPresent.map(numeric) };
  const groups: Record<string, (string | null)[]> = {};
  for (const g of groupCodes) groups[g] = t.rows.map((cells) => textOf(cells[col.get(g) as number] ?? null));
  if (issues.some((i) => i.severity === 'error')) return { state: undefined, isPanel: false };
  const isPanel = time !== undefined && new Set(time).size > 1;
  // Rows in COINr's order: new_coin() sorts by uCode (by Time, then uCode, for panels).
  return {
    state: orderLikeCoinr({
      data: { uCodes, iCodes: indicators, cols },
      units: { uCodes, uNames, groups, denominators, ...(time ? { time } : {}) },
    }),
    isPanel,
  };
};

/** Reads iData and iMeta (CSV or XLSX) into a framework and a run state. */
export const readCoinrTables = async (idata: TableSource, imeta: TableSource): Promise<CoinrTables> => {
  const issues: InputIssue[] = [];
  const metaTable = await readTable(imeta, issues);
  const meta = metaTable ? metaFromTable(metaTable, imeta.name, issues) : [];
  const metaOk = metaTable !== undefined && !issues.some((i) => i.severity === 'error');
  const built = metaOk ? buildFramework(meta, imeta.name) : { framework: undefined, issues: [] };
  issues.push(...built.issues);
  const dataTable = await readTable(idata, issues);
  if (!built.framework || !dataTable)
    return { meta, framework: built.framework, state: undefined, isPanel: false, issues };
  const { state, isPanel } = stateFromTable(dataTable, built.framework, idata.name, issues);
  return { meta, framework: built.framework, state, isPanel, issues };
};

/** Reads iData and iMeta from files. */
export const readCoinrFiles = async (idataPath: string, imetaPath: string): Promise<CoinrTables> => {
  const [a, b] = await Promise.all([readFile(idataPath), readFile(imetaPath)]);
  return readCoinrTables(
    { name: basename(idataPath), content: a },
    { name: basename(imetaPath), content: b },
  );
};
