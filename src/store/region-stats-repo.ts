// Counts of spaces in a region (GB/T 2260 prefix) or a country: by type, status, certification and
// founding year, for region profiles and the statistics dashboards.
import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import { regionRange } from './space-filter.js';
import { StoreInputError } from './store-error.js';
import type { Tables } from './tables.js';

export interface RegionStats {
  total: number;
  byType: { type: string; count: number }[];
  byStatus: { status: string; count: number }[];
  byCertification: { certification: string; count: number }[];
  /**
   * Spaces founded each year, every year from the first to the last present (zeros included), and
   * the running total founded up to that year (closures are not subtracted).
   */
  byYear: { year: number; count: number; cumulative: number }[];
  /** Spaces whose founding year is unknown (in total but not in byYear). */
  foundedUnknown: number;
}

type Where = (eb: ExpressionBuilder<Tables, 'spaces'>) => Expression<SqlBool>;

const countBy = async <C extends 'type' | 'status' | 'certification'>(
  db: Kysely<Tables>,
  where: Where,
  column: C,
): Promise<{ value: string; count: number }[]> => {
  const rows = await db
    .selectFrom('spaces')
    .select([sql<string>`${sql.ref(column)}`.as('v'), (eb) => eb.fn.countAll<number>().as('n')])
    .where(where)
    .groupBy(column)
    .orderBy(sql`count(*)`, 'desc')
    .orderBy(column)
    .execute();
  return rows.map((r) => ({ value: r.v, count: Number(r.n) }));
};

const stats = async (db: Kysely<Tables>, where: Where): Promise<RegionStats> => {
  const years = await db
    .selectFrom('spaces')
    .select(['founded_year', (eb) => eb.fn.countAll<number>().as('n')])
    .where(where)
    .groupBy('founded_year')
    .orderBy('founded_year')
    .execute();
  const [byType, byStatus, byCertification] = await Promise.all([
    countBy(db, where, 'type'),
    countBy(db, where, 'status'),
    countBy(db, where, 'certification'),
  ]);
  let foundedUnknown = 0;
  const perYear = new Map<number, number>();
  for (const r of years) {
    if (r.founded_year === null) foundedUnknown += Number(r.n);
    else perYear.set(r.founded_year, Number(r.n));
  }
  const byYear: RegionStats['byYear'] = [];
  const known = [...perYear.keys()];
  if (known.length > 0) {
    let cumulative = 0;
    for (let y = Math.min(...known); y <= Math.max(...known); y++) {
      const count = perYear.get(y) ?? 0;
      cumulative += count;
      byYear.push({ year: y, count, cumulative });
    }
  }
  const total = byType.reduce((s, r) => s + r.count, 0);
  return {
    total,
    byType: byType.map((r) => ({ type: r.value, count: r.count })),
    byStatus: byStatus.map((r) => ({ status: r.value, count: r.count })),
    byCertification: byCertification.map((r) => ({ certification: r.value, count: r.count })),
    byYear,
    foundedUnknown,
  };
};

/** Statistics for the spaces whose region code starts with `codePrefix` ('44', '4403', '440305'). */
export const regionStats = async (db: Kysely<Tables>, codePrefix: string): Promise<RegionStats> => {
  if (!/^\d{1,6}$/.test(codePrefix)) {
    throw new StoreInputError(
      'region.invalid',
      `region: expected 1 to 6 digits of a GB/T 2260 code, got "${codePrefix}"`,
      '/region',
    );
  }
  const [lo, hi] = regionRange(codePrefix);
  return stats(db, (eb) => eb.and([eb('region_code', '>=', lo), eb('region_code', '<=', hi)]));
};

/** Statistics for the spaces in an ISO 3166-1 alpha-2 country. */
export const countryStats = async (db: Kysely<Tables>, country: string): Promise<RegionStats> => {
  if (!/^[A-Za-z]{2}$/.test(country)) {
    throw new StoreInputError(
      'country.invalid',
      `country: expected an ISO 3166-1 alpha-2 code, got "${country}"`,
      '/country',
    );
  }
  return stats(db, (eb) => eb('country_code', '=', country.toUpperCase()));
};
