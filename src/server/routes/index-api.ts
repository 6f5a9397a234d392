// The maker index (创客指数) API: frameworks, releases, space and region rankings, explanations, rank
// intervals, the matrix for live what-if weights, and background jobs that compute releases.
import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Store } from '../../store/database.js';
import { getRelease } from '../../store/index-repo.js';
import {
  explainSpace,
  IndexQueryError,
  indexInputs,
  JobRunner,
  listFrameworks,
  MakerFramework,
  rankIntervals,
  regionScores,
  releasesView,
  releaseSummary,
  releaseTables,
  resolveRelease,
  resolveYear,
  spaceScores,
  startReleaseJob,
  startUncertaintyJob,
  type JobRecord,
  type SensitivityRunner,
} from '../../services/maker-index/index.js';
import {
  IndexInputs,
  IndexLevelSchema,
  JobView,
  RankIntervals,
  RegionLevelSchema,
  RegionScoreList,
  ReleaseDetail,
  ReleaseList,
  SpaceExplanation,
  SpaceScoreList,
  UnitSortSchema,
} from '../../domain/index-api-types.js';
import { ApiError, ErrorBody, notFound } from '../errors.js';

export interface IndexRouteDeps {
  store: Store;
  /** Engine version recorded in new releases (package.json "version"). */
  version: string;
  /** Runs release and uncertainty jobs; default one runner for this plugin. */
  jobs?: JobRunner;
  /** Run the uncertainty analysis after each new release computed through the API (default true). */
  uncertaintyAfterRelease?: boolean;
  /** Stand-in for src/services/sensitivity (tests). */
  sensitivityRunner?: SensitivityRunner;
  /** Worker threads for uncertainty analyses (default: every core). */
  threads?: number;
}

const Year = Type.Integer({ minimum: 1900, maximum: 2100 });
const ReleaseId = Type.String({
  pattern: '^[A-Za-z0-9_.:-]{1,100}$',
  description: 'release id; default the latest',
});
const Region = Type.String({
  pattern: '^\\d{1,6}$',
  description: 'GB/T 2260 code prefix: 44 (Guangdong), 4403 (Shenzhen)…',
});
const IdParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9_.:-]+$' }),
});
const JobAccepted = Type.Object({ job: JobView });
const errors = { 400: ErrorBody, 404: ErrorBody, 409: ErrorBody };

/** Service errors to API errors; anything else goes to the app's error handler. */
const toApiError = (e: unknown): unknown =>
  e instanceof IndexQueryError
    ? new ApiError(e.status, e.code, e.message)
    : e instanceof Error && e.name === 'ReleaseDataError'
      ? new ApiError(409, 'release_invalid', e.message)
      : e;

const guard = async <T>(f: () => Promise<T>): Promise<T> => {
  try {
    return await f();
  } catch (e) {
    throw toApiError(e);
  }
};

const jobView = (j: JobRecord) => ({ ...j, result: j.result ?? null });

export const indexRoutes =
  (deps: IndexRouteDeps): FastifyPluginAsync =>
  async (plain) => {
    const app = plain.withTypeProvider<TypeBoxTypeProvider>();
    const { store } = deps;
    const jobs = deps.jobs ?? new JobRunner(store.db);
    let frameworks: MakerFramework[] | undefined;
    const uncertaintyOpts = {
      ...(deps.sensitivityRunner && { runner: deps.sensitivityRunner }),
      ...(deps.threads !== undefined && { threads: deps.threads }),
      // The server keeps answering requests: workers do the analysis.
      useCallingThread: false,
    };

    app.get(
      '/index/frameworks',
      {
        schema: {
          summary: 'Index frameworks 指数框架 (pillars, indicators, weights, formulas, pipeline)',
          tags: ['index'],
          response: { 200: Type.Object({ items: Type.Array(MakerFramework) }) },
        },
      },
      async () => ({ items: (frameworks ??= listFrameworks()) }),
    );

    app.get(
      '/index/releases',
      {
        schema: {
          summary: 'Published index releases, newest first',
          tags: ['index'],
          response: { 200: ReleaseList },
        },
      },
      async () => releasesView(store),
    );

    app.get(
      '/index/releases/:id',
      {
        schema: {
          summary: 'One release with its provenance (framework, data hash, engine version, per-year details)',
          tags: ['index'],
          params: IdParams,
          response: { 200: ReleaseDetail, 404: ErrorBody },
        },
      },
      async (req) => {
        const r = await getRelease(store.db, req.params.id);
        if (!r) throw notFound('index release', req.params.id);
        return { ...(await releaseSummary(store, r)), provenance: r.provenance };
      },
    );

    app.get(
      '/index/releases/:id/:file',
      {
        schema: {
          summary: 'A release’s inputs as COINr tables (iData, iMeta) and its pipeline spec',
          description:
            'Recompute any published number: `makeratlas index run --idata idata.csv --imeta imeta.csv --pipeline pipeline.json --out DIR`.',
          tags: ['index'],
          params: Type.Object({
            id: IdParams.properties.id,
            file: Type.Enum(['idata.csv', 'imeta.csv', 'pipeline.json'] as const),
          }),
          querystring: Type.Object({ level: Type.Optional(IndexLevelSchema), year: Type.Optional(Year) }),
          response: {
            200: Type.Unknown({ description: 'CSV text, or the pipeline spec (JSON)' }),
            404: ErrorBody,
          },
        },
      },
      async (req, reply) =>
        guard(async () => {
          const release = await resolveRelease(store, req.params.id);
          const level = req.query.level ?? 'space';
          const year = resolveYear(release, level, req.query.year);
          const tables = await releaseTables(store, release, level, year);
          const { file } = req.params;
          if (file === 'pipeline.json') return tables.pipeline;
          reply
            .type('text/csv; charset=utf-8')
            .header('content-disposition', `attachment; filename="${release.id}-${level}-${year}-${file}"`);
          return file === 'idata.csv' ? tables.idata : tables.imeta;
        }),
    );

    app.post(
      '/index/releases',
      {
        schema: {
          summary: 'Recompute the index as a new release (a background job)',
          description:
            'Returns the job; poll GET /api/v1/jobs/{id}. The same registry, framework and engine give the same release id, ' +
            'so an unchanged registry returns the release already published.',
          tags: ['index'],
          body: Type.Optional(
            Type.Object(
              { years: Type.Optional(Type.Array(Year, { minItems: 1, maxItems: 50, uniqueItems: true })) },
              { additionalProperties: false },
            ),
          ),
          response: { 202: JobAccepted, 400: ErrorBody },
        },
      },
      async (req, reply) => {
        const job = await startReleaseJob(store, jobs, {
          engineVersion: deps.version,
          ...(req.body?.years && { years: req.body.years }),
          uncertainty: deps.uncertaintyAfterRelease === false ? false : uncertaintyOpts,
        });
        return reply.code(202).send({ job: jobView(job) });
      },
    );

    app.get(
      '/index/spaces',
      {
        schema: {
          summary: 'Space ranking of a year: scores, ranks, pillar scores, rank change',
          tags: ['index'],
          querystring: Type.Object({
            year: Type.Optional(Year),
            region: Type.Optional(Region),
            release: Type.Optional(ReleaseId),
            sort: Type.Optional(UnitSortSchema),
            limit: Type.Optional(
              Type.Integer({
                minimum: 1,
                maximum: 100_000,
                default: 50,
                description: 'page size; a large one lists the whole year',
              }),
            ),
            cursor: Type.Optional(
              Type.String({ maxLength: 1000, description: 'the `next` value of the previous page' }),
            ),
          }),
          response: { 200: SpaceScoreList, ...errors },
        },
      },
      async (req) => guard(() => spaceScores(store, req.query)),
    );

    app.get(
      '/index/spaces/:id/explain',
      {
        schema: {
          summary: 'Why a space scores what it does: contributions of every indicator, strengths, weaknesses',
          description:
            'Each indicator contributes effectiveWeight × normalised value; the contributions add up to the score ' +
            '(check.difference is the float rounding). Default year: the last year the space was scored.',
          tags: ['index'],
          params: IdParams,
          querystring: Type.Object({ year: Type.Optional(Year), release: Type.Optional(ReleaseId) }),
          response: { 200: SpaceExplanation, ...errors },
        },
      },
      async (req) => guard(() => explainSpace(store, { spaceId: req.params.id, ...req.query })),
    );

    app.get(
      '/index/regions',
      {
        schema: {
          summary: 'Region index of a year (provinces or prefectures), best first',
          tags: ['index'],
          querystring: Type.Object({
            level: Type.Optional(RegionLevelSchema),
            year: Type.Optional(Year),
            release: Type.Optional(ReleaseId),
          }),
          response: { 200: RegionScoreList, ...errors },
        },
      },
      async (req) => guard(() => regionScores(store, { ...req.query, level: req.query.level ?? 'province' })),
    );

    app.get(
      '/index/uncertainty',
      {
        schema: {
          summary: 'Rank intervals (5–95 %) from the uncertainty analysis of a release',
          description: '404 no_uncertainty until an analysis of that release, level and year has run.',
          tags: ['index'],
          querystring: Type.Object({
            level: Type.Optional(IndexLevelSchema),
            year: Type.Optional(Year),
            release: Type.Optional(ReleaseId),
          }),
          response: { 200: RankIntervals, ...errors },
        },
      },
      async (req) => guard(() => rankIntervals(store, { ...req.query, level: req.query.level ?? 'space' })),
    );

    app.post(
      '/index/uncertainty',
      {
        schema: {
          summary: 'Run the uncertainty analysis of a release (a background job)',
          tags: ['index'],
          body: Type.Optional(
            Type.Object(
              { release: Type.Optional(ReleaseId), year: Type.Optional(Year) },
              { additionalProperties: false },
            ),
          ),
          response: { 202: JobAccepted, ...errors },
        },
      },
      async (req, reply) =>
        guard(async () => {
          const job = await startUncertaintyJob(store, jobs, {
            ...uncertaintyOpts,
            ...(req.body?.release && { release: req.body.release }),
            ...(req.body?.year !== undefined && { year: req.body.year }),
          });
          return reply.code(202).send({ job: jobView(job) });
        }),
    );

    app.get(
      '/index/inputs',
      {
        schema: {
          summary: 'Normalised pillar and indicator values with the framework weights, as column arrays',
          description:
            'For live what-if weights: the browser re-aggregates these with the engine (a_amean) to rank under other weights.',
          tags: ['index'],
          querystring: Type.Object({
            level: Type.Optional(IndexLevelSchema),
            year: Type.Optional(Year),
            release: Type.Optional(ReleaseId),
            indicators: Type.Optional(
              Type.Boolean({ default: true, description: 'include the indicator matrix' }),
            ),
          }),
          response: { 200: IndexInputs, ...errors },
        },
      },
      async (req) => guard(() => indexInputs(store, { ...req.query, level: req.query.level ?? 'space' })),
    );

    app.get(
      '/jobs/:id',
      {
        schema: {
          summary: 'A background job: status, progress, result or error',
          tags: ['jobs'],
          params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) }),
          response: { 200: JobView, 404: ErrorBody },
        },
      },
      async (req) => {
        const job = await jobs.get(req.params.id);
        if (!job) throw notFound('job', req.params.id);
        return jobView(job);
      },
    );
  };
