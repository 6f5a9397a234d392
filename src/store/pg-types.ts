// Type parsers for PostgreSQL so that rows read the same as from SQLite: numbers as numbers and
// timestamps as ISO strings. Passed per pool, so the global `pg.types` stay untouched.
import pg from 'pg';
import type { CustomTypesConfig } from 'pg';

const { types } = pg;
const TypeId = types.builtins;

const parseTimestamp = types.getTypeParser(TypeId.TIMESTAMPTZ, 'text');

const toNumber = (v: string): number => Number(v);

const overrides = new Map<number, (value: string) => unknown>([
  // count(*) and sum() of integers are int8; counts here stay far below 2^53.
  [TypeId.INT8, toNumber],
  [TypeId.NUMERIC, toNumber],
  // Same ISO text as SQLite stores, e.g. 2024-05-01T08:00:00.000Z.
  [TypeId.TIMESTAMPTZ, (v) => (parseTimestamp(v) as Date).toISOString()],
  // Calendar dates stay 'YYYY-MM-DD' strings: a JS Date would shift them by the time zone.
  [TypeId.DATE, (v) => v],
]);

export const pgTypeParsers: CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    overrides.get(oid) ?? types.getTypeParser(oid, format ?? 'text')) as CustomTypesConfig['getTypeParser'],
};
