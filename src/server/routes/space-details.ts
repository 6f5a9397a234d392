// What the web app's profile and statistics pages show beyond the registry record: a space's annual
// reports and incubated firms (its survival curve is computed from them in the browser with the
// engine's Kaplan–Meier), and national or regional outcome totals summed from the annual reports.
import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { sql } from 'kysely';
import { Type } from 'typebox';
import { AnnualReport, REPORT_STATUSES } from '../../domain/annual-report.js';
import { CohortFirm } from '../../domain/cohort.js';
import { regionRange } from '../../store/space-filter.js';
import { listCohortFirms, listReports } from '../../store/reports-repo.js';
import { getSpace } from '../../store/spaces-repo.js';
import type { AppDeps } from '../app.js';
import { ErrorBody, notFound } from '../errors.js';

const IdParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9_.:-]+$' }),
});

/** Summed fields: counts and amounts whose national total means something. */
const SUMS = [
  ['teamsServed', 'teams_served'],
  ['startupsServed', 'startups_served'],
  ['jobs', 'jobs'],
  ['financedCount', 'financed_count'],
  ['financingKCny', 'financing_k_cny'],
  ['events', 'events'],
  ['trainings', 'trainings'],
  ['validIp', 'valid_ip'],
  ['mentors', 'mentors'],
  ['revenueKCny', 'revenue_k_cny'],
  ['subsidyKCny', 'subsidy_k_cny'],
] as const;

const OutcomeYear = Type.Object({
  year: Type.Integer(),
  reports: Type.Integer({ description: 'reports summed' }),
  ...Object.fromEntries(
    SUMS.map(([k]) => [k, Type.Number({ description: 'sum over the reports (money in 千元)' })]),
  ),
});

const Outcomes = Type.Object({
  region: Type.Union([Type.String(), Type.Null()]),
  statuses: Type.Array(Type.Enum(REPORT_STATUSES)),
  years: Type.Array(OutcomeYear),
});

export const spaceDetailRoutes =
  ({ store }: AppDeps): FastifyPluginAsync =>
  async (plain) => {
    const app = plain.withTypeProvider<TypeBoxTypeProvider>();

    app.get(
      '/spaces/:id/reports',
      {
        schema: {
          summary: "A space's annual reports, by year",
          tags: ['spaces'],
          params: IdParams,
          response: { 200: Type.Object({ items: Type.Array(AnnualReport) }), 404: ErrorBody },
        },
      },
      async (req) => {
        if (!(await getSpace(store.db, req.params.id))) throw notFound('space', req.params.id);
        return { items: await listReports(store.db, { spaceId: req.params.id }) };
      },
    );

    app.get(
      '/spaces/:id/cohorts',
      {
        schema: {
          summary: 'The firms a space incubates, with entry and exit dates (for survival curves)',
          tags: ['spaces'],
          params: IdParams,
          response: { 200: Type.Object({ items: Type.Array(CohortFirm) }), 404: ErrorBody },
        },
      },
      async (req) => {
        if (!(await getSpace(store.db, req.params.id))) throw notFound('space', req.params.id);
        return { items: await listCohortFirms(store.db, req.params.id) };
      },
    );

    app.get(
      '/stats/outcomes',
      {
        schema: {
          summary: 'Outcome totals from annual reports per year (teams, jobs, financing, events, IP)',
          description: 'Nationwide, or for a GB/T 2260 prefix (44 Guangdong, 4403 Shenzhen).',
          tags: ['regions'],
          querystring: Type.Object({
            region: Type.Optional(Type.String({ pattern: '^\\d{2,6}$' })),
            status: Type.Optional(
              Type.Array(Type.Enum(REPORT_STATUSES), {
                description: 'report statuses (default submitted, accepted)',
              }),
            ),
          }),
          response: { 200: Outcomes, 400: ErrorBody },
        },
      },
      async (req) => {
        const statuses = req.query.status?.length ? req.query.status : (['submitted', 'accepted'] as const);
        const region = req.query.region ?? null;
        let q = store.db
          .selectFrom('annual_reports as r')
          .select((eb) => [
            'r.year as year',
            eb.fn.countAll<number>().as('reports'),
            ...SUMS.map(([k, c]) => sql<number>`coalesce(sum(${sql.ref(`r.${c}`)}), 0)`.as(k)),
          ])
          .where('r.status', 'in', [...statuses]);
        if (region) {
          const [from, to] = regionRange(region);
          q = q
            .innerJoin('spaces as s', 's.id', 'r.space_id')
            .where('s.region_code', '>=', from)
            .where('s.region_code', '<=', to);
        }
        const rows = await q.groupBy('r.year').orderBy('r.year').execute();
        return {
          region,
          statuses: [...statuses],
          years: rows.map((r) => {
            const row = r as unknown as Record<string, unknown>;
            return {
              year: Number(row.year),
              reports: Number(row.reports),
              ...Object.fromEntries(SUMS.map(([k]) => [k, Number(row[k])])),
            } as { year: number; reports: number } & Record<(typeof SUMS)[number][0], number>;
          }),
        };
      },
    );
  };
