// Annual reports (annual_reports) and incubated firms (cohort_firms): plain functions over a Kysely
// instance or a transaction. Saving replaces what is stored under the same key, all or nothing.
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { AnnualReport } from '../domain/annual-report.js';
import type { CohortFirm } from '../domain/cohort.js';
import type { ServiceType } from '../domain/taxonomy.js';
import { insertMany, inTransaction } from './bulk-insert.js';
import { StoreInputError } from './store-error.js';
import type { AnnualReportsTable, CohortFirmsTable, Tables } from './tables.js';

type Db = Kysely<Tables>;
type ReportRow = Selectable<AnnualReportsTable>;

/** Report fields and their columns, in table order (one list, so reading and writing agree). */
const REPORT_FIELDS = [
  ['areaM2', 'area_m2'],
  ['workstations', 'workstations'],
  ['staff', 'staff'],
  ['mentors', 'mentors'],
  ['teamsServed', 'teams_served'],
  ['teamMembers', 'team_members'],
  ['startupsServed', 'startups_served'],
  ['jobs', 'jobs'],
  ['jobsFreshGraduates', 'jobs_fresh_graduates'],
  ['teamsStudents', 'teams_students'],
  ['teamsReturnees', 'teams_returnees'],
  ['teamsScientists', 'teams_scientists'],
  ['teamsExecutives', 'teams_executives'],
  ['teamsForeigners', 'teams_foreigners'],
  ['teamsFirstTime', 'teams_first_time'],
  ['financedCount', 'financed_count'],
  ['financingKCny', 'financing_k_cny'],
  ['events', 'events'],
  ['trainings', 'trainings'],
  ['validIp', 'valid_ip'],
  ['inventionPatents', 'invention_patents'],
  ['revenueKCny', 'revenue_k_cny'],
  ['serviceRevenueKCny', 'service_revenue_k_cny'],
  ['operatingCostKCny', 'operating_cost_k_cny'],
  ['subsidyKCny', 'subsidy_k_cny'],
  ['taxReliefKCny', 'tax_relief_k_cny'],
  ['listedFirms', 'listed_firms'],
] as const satisfies readonly (readonly [keyof AnnualReport, keyof AnnualReportsTable])[];

const REPORT_COLUMNS = [
  'space_id',
  'year',
  ...REPORT_FIELDS.map(([, c]) => c),
  'service_types',
  'ownership',
  'status',
  'created_at',
  'updated_at',
] as const;

const FIRM_COLUMNS = ['id', 'space_id', 'name', 'entered_on', 'exited_on', 'exit_kind', 'synthetic'] as const;

export const reportToRow = (r: AnnualReport, now: string): Insertable<AnnualReportsTable> => {
  const row: Record<string, unknown> = {
    space_id: r.spaceId,
    year: r.year,
    service_types: JSON.stringify(r.serviceTypes),
    ownership: r.ownership,
    status: r.status,
    created_at: now,
    updated_at: now,
  };
  for (const [field, column] of REPORT_FIELDS) row[column] = r[field];
  return row as unknown as Insertable<AnnualReportsTable>;
};

export const rowToReport = (row: ReportRow): AnnualReport => {
  const r: Record<string, unknown> = {
    spaceId: row.space_id,
    year: row.year,
    serviceTypes: (row.service_types ?? []) as ServiceType[],
    ownership: row.ownership,
    status: row.status,
  };
  for (const [field, column] of REPORT_FIELDS) r[field] = row[column];
  return r as unknown as AnnualReport;
};

const duplicates = <T>(items: readonly T[], key: (t: T) => string, what: string, field: string): void => {
  const seen = new Map<string, number>();
  items.forEach((t, i) => {
    const k = key(t);
    const prior = seen.get(k);
    if (prior !== undefined)
      throw new StoreInputError(
        `${what}.duplicate`,
        `${what} ${k} appears at ${prior} and ${i}`,
        `/${i}/${field}`,
      );
    seen.set(k, i);
  });
};

/** Deletes in chunks of keys (SQLite and PostgreSQL both cap bound parameters). */
const KEY_CHUNK = 500;

/**
 * Stores reports, replacing any stored for the same space and year. All or nothing: one bad report
 * (e.g. an unknown space id) leaves the table as it was.
 */
export const saveReports = async (
  db: Db,
  reports: readonly AnnualReport[],
  now = new Date().toISOString(),
): Promise<void> => {
  duplicates(reports, (r) => `${r.spaceId}/${r.year}`, 'report', 'year');
  await inTransaction(db, async (trx) => {
    const bySpace = new Map<string, number[]>();
    for (const r of reports) bySpace.set(r.spaceId, [...(bySpace.get(r.spaceId) ?? []), r.year]);
    for (const [spaceId, years] of bySpace) {
      for (let k = 0; k < years.length; k += KEY_CHUNK)
        await trx
          .deleteFrom('annual_reports')
          .where('space_id', '=', spaceId)
          .where('year', 'in', years.slice(k, k + KEY_CHUNK))
          .execute();
    }
    const rows = reports.map((r) => {
      const row = reportToRow(r, now) as Record<string, unknown>;
      return REPORT_COLUMNS.map((c) => row[c] ?? null);
    });
    await insertMany(trx, 'annual_reports', REPORT_COLUMNS, rows);
  });
};

/** Stores incubated firms, replacing any stored under the same id. All or nothing. */
export const saveCohorts = async (db: Db, firms: readonly CohortFirm[]): Promise<void> => {
  duplicates(firms, (f) => f.id, 'cohort_firm', 'id');
  await inTransaction(db, async (trx) => {
    const ids = firms.map((f) => f.id);
    for (let k = 0; k < ids.length; k += KEY_CHUNK)
      await trx
        .deleteFrom('cohort_firms')
        .where('id', 'in', ids.slice(k, k + KEY_CHUNK))
        .execute();
    const rows = firms.map((f) => [
      f.id,
      f.spaceId,
      f.name,
      f.enteredOn,
      f.exitedOn,
      f.exitKind,
      f.synthetic,
    ]);
    await insertMany(trx, 'cohort_firms', FIRM_COLUMNS, rows);
  });
};

export interface ReportQuery {
  /** Only these years (default all). */
  years?: readonly number[];
  /** Only these statuses (default all). */
  statuses?: readonly AnnualReport['status'][];
  spaceId?: string;
}

/** Reports ordered by year, then space id. */
export const listReports = async (db: Db, q: ReportQuery = {}): Promise<AnnualReport[]> => {
  let query = db.selectFrom('annual_reports').selectAll();
  if (q.years) query = query.where('year', 'in', q.years.length ? [...q.years] : [-1]);
  if (q.statuses) query = query.where('status', 'in', q.statuses.length ? [...q.statuses] : ['draft']);
  if (q.spaceId !== undefined) query = query.where('space_id', '=', q.spaceId);
  const rows = await query.orderBy('year').orderBy('space_id').execute();
  return rows.map(rowToReport);
};

/** Years that have at least one report with one of `statuses`, ascending. */
export const reportYears = async (
  db: Db,
  statuses?: readonly AnnualReport['status'][],
): Promise<number[]> => {
  let query = db.selectFrom('annual_reports').select('year').distinct();
  if (statuses) query = query.where('status', 'in', statuses.length ? [...statuses] : ['draft']);
  const rows = await query.orderBy('year').execute();
  return rows.map((r) => r.year);
};

const rowToFirm = (r: Selectable<CohortFirmsTable>): CohortFirm => ({
  id: r.id,
  spaceId: r.space_id,
  name: r.name,
  enteredOn: r.entered_on,
  exitedOn: r.exited_on,
  // A firm without an exit kind has not left: resident (the column allows null, the domain does not).
  exitKind: r.exit_kind ?? 'resident',
  synthetic: r.synthetic,
});

/** Incubated firms (of one space, or all), ordered by space, entry date and id. */
export const listCohortFirms = async (db: Db, spaceId?: string): Promise<CohortFirm[]> => {
  let query = db.selectFrom('cohort_firms').selectAll();
  if (spaceId !== undefined) query = query.where('space_id', '=', spaceId);
  const rows = await query.orderBy('space_id').orderBy('entered_on').orderBy('id').execute();
  return rows.map(rowToFirm);
};
