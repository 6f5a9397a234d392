// Reads COINr's own tables of the ASEM example (../shared/data/coinr-asem) for the diagnostics parity
// tests, so that these tests depend only on COINr's stage files and not on our pipeline.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { expect } from 'vitest';
import type { Dataset, Framework, MetaRow, MetaType } from '../src/engine/types.js';
import { sharedData } from './shared-data.js';

export const ASEM = 'coinr-asem';

/** A CSV of ../shared/data/coinr-asem as a header and string rows ("" and "NA" kept as written). */
export const readTable = (rel: string): { header: string[]; rows: string[][] } => {
  const records = parse(readFileSync(sharedData(`${ASEM}/${rel}`), 'utf8'), {
    relax_column_count: false,
  }) as string[][];
  const [header, ...rows] = records;
  if (!header) throw new Error(`${rel} is empty`);
  return { header, rows };
};

/** A table as objects keyed by header. */
export const readRecords = (rel: string): Record<string, string>[] => {
  const { header, rows } = readTable(rel);
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
};

/** A COINr data set CSV (uCode + numeric columns) as a Dataset; empty or NA cells become NaN. */
export const readDataset = (rel: string): Dataset => {
  const { header, rows } = readTable(rel);
  const codes = header.slice(1);
  return {
    uCodes: rows.map((r) => r[0] as string),
    iCodes: codes,
    cols: codes.map((_, j) => Float64Array.from(rows, (r) => num(r[j + 1]))),
  };
};

/** ASEM iMeta as MetaRows, in file order. */
export const readMeta = (): MetaRow[] =>
  readRecords('inputs/ASEM_iMeta.csv').map((r) => {
    const level = num(r.Level);
    const target = num(r.Target);
    const row: MetaRow = {
      iCode: r.iCode ?? '',
      iName: r.iName ?? '',
      level,
      parent: r.Parent ? r.Parent : null,
      direction: r.Direction === '-1' ? -1 : 1,
      weight: num(r.Weight),
      type: (r.Type ?? 'Other') as MetaType,
      extra: {},
    };
    if (r.Unit) row.unit = r.Unit;
    if (!Number.isNaN(target)) row.target = target;
    if (r.Denominator) row.denominator = r.Denominator;
    return row;
  });

/**
 * A Framework over the ASEM iMeta with only what the diagnostics read (meta and maxLevel), so these
 * tests do not wait on the pipeline's framework builder.
 */
export const asemFramework = (): Framework => {
  const meta = readMeta();
  const structural = meta.filter((m) => m.type === 'Indicator' || m.type === 'Aggregate');
  const byCode = new Map(meta.map((m) => [m.iCode, m]));
  const maxLevel = Math.max(...structural.map((m) => m.level));
  return {
    meta,
    maxLevel,
    indicators: () => meta.filter((m) => m.type === 'Indicator'),
    atLevel: (l) => structural.filter((m) => m.level === l),
    childrenOf: (c) => structural.filter((m) => m.parent === c),
    levelOf: (c) => byCode.get(c)?.level ?? Number.NaN,
    get: (c) => byCode.get(c),
    groupCodes: () => meta.filter((m) => m.type === 'Group').map((m) => m.iCode),
    denominatorCodes: () => meta.filter((m) => m.type === 'Denominator').map((m) => m.iCode),
  };
};

/** A number cell of a reference table: empty and "NA" are missing. */
export const num = (s: string | undefined): number =>
  s === undefined || s === '' || s === 'NA' ? Number.NaN : Number(s);

/** Asserts agreement within 1e-9, relative to the expected value when it exceeds 1; NaN only matches NaN. */
export const expectClose = (actual: number, expected: number, what: string): void => {
  if (Number.isNaN(expected)) {
    expect(actual, what).toBeNaN();
    return;
  }
  const tol = 1e-9 * Math.max(1, Math.abs(expected));
  expect(Math.abs(actual - expected), `${what}: got ${actual}, expected ${expected}`).toBeLessThanOrEqual(
    tol,
  );
};
