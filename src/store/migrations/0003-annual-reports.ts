// The yearly statistics a space files (national statistics survey, CHINA-FACTS §3). Money in 千元.
import { sql, type Kysely } from 'kysely';
import { columnTypes, dialectOf } from './column-types.js';

const COUNTS = [
  'workstations',
  'staff',
  'mentors',
  'teams_served',
  'team_members',
  'startups_served',
  'jobs',
  'jobs_fresh_graduates',
  'teams_students',
  'teams_returnees',
  'teams_scientists',
  'teams_executives',
  'teams_foreigners',
  'teams_first_time',
  'financed_count',
  'events',
  'trainings',
  'valid_ip',
  'invention_patents',
  'listed_firms',
] as const;

const MONEY_K_CNY = [
  'financing_k_cny',
  'revenue_k_cny',
  'service_revenue_k_cny',
  'operating_cost_k_cny',
  'subsidy_k_cny',
  'tax_relief_k_cny',
] as const;

export const up = async (db: Kysely<unknown>): Promise<void> => {
  const t = columnTypes(dialectOf(db));
  let table = db.schema
    .createTable('annual_reports')
    .addColumn('space_id', t.key, (c) => c.notNull().references('spaces.id').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('area_m2', t.decimal);
  for (const name of COUNTS) table = table.addColumn(name, 'integer');
  for (const name of MONEY_K_CNY) table = table.addColumn(name, t.decimal);
  await table
    .addColumn('service_types', t.json)
    .addColumn('ownership', 'text')
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('draft')
        .check(sql`status in ('draft', 'submitted', 'accepted')`),
    )
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('annual_reports_pk', ['space_id', 'year'])
    .execute();
  await db.schema.createIndex('annual_reports_year').on('annual_reports').column('year').execute();
};
