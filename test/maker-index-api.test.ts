// The index API through app.inject(): a Fastify instance with the index plugin and the app's error
// handler, over a seeded SQLite registry with a published release.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { frameworkOf } from '../src/engine/framework.js';
import { compilePipeline, stagesOf } from '../src/engine/pipeline/index.js';
import type { MetaRow } from '../src/engine/types.js';
import { indexRoutes } from '../src/server/routes/index-api.js';
import { installErrorHandler } from '../src/server/errors.js';
import { JobRunner } from '../src/services/maker-index/job-runner.js';
import { createRelease } from '../src/services/maker-index/release.js';
import { runIndexFiles } from '../src/services/index-run.js';
import type { SensitivityRunner } from '../src/services/maker-index/uncertainty.js';
import { seedRegistry, syntheticRegistry, tempStore, type TempStore } from './maker-index-fixtures.js';

let t: TempStore;
let app: FastifyInstance;
let jobs: JobRunner;
let releaseId: string;
const registry = syntheticRegistry(300, 11);

type Json = Record<string, unknown>;
const get = async (url: string) => {
  const res = await app.inject({ method: 'GET', url });
  return { status: res.statusCode, body: res.json() as Json };
};
const getJson = async <T = Json>(url: string): Promise<{ status: number; body: T }> => {
  const res = await app.inject({ method: 'GET', url });
  return { status: res.statusCode, body: res.json() as T };
};

beforeAll(async () => {
  t = await tempStore();
  await seedRegistry(t.store, registry);
  releaseId = (await createRelease(t.store, { engineVersion: 'test' })).release.id;
  jobs = new JobRunner(t.store.db, { throttleMs: 0 });
  app = Fastify({
    ajv: { customOptions: { coerceTypes: 'array', removeAdditional: false, allErrors: false } },
  });
  installErrorHandler(app);
  await app.register(
    indexRoutes({ store: t.store, version: 'test', jobs, threads: 1, uncertaintyAfterRelease: false }),
    {
      prefix: '/api/v1',
    },
  );
  await app.ready();
}, 120_000);

afterAll(async () => {
  await jobs?.drain();
  await app?.close();
  await t?.close();
});

interface SpaceItem {
  id: string;
  regionCode: string | null;
  score: number | null;
  rank: number | null;
  rankPrev: number | null;
  rankChange: number | null;
  pillars: { code: string; score: number | null }[];
}
interface SpaceList {
  release: string;
  year: number;
  total: number;
  next: string | null;
  pillars: { code: string; weight: number }[];
  items: SpaceItem[];
}

describe('frameworks and releases', () => {
  it('lists the framework files', async () => {
    const { status, body } = await getJson<{
      items: { id: string; version: string; space: { pillars: unknown[] } }[];
    }>('/api/v1/index/frameworks');
    expect(status).toBe(200);
    expect(body.items.map((f) => `${f.id}@${f.version}`)).toContain('makeratlas-maker-index@1.0.0');
    expect(body.items[0]?.space.pillars).toHaveLength(5);
  });

  it('lists releases with their coverage, and one release with provenance', async () => {
    const list = await getJson<{ latest: string; items: { id: string; coverage: { level: string }[] }[] }>(
      '/api/v1/index/releases',
    );
    expect(list.body.latest).toBe(releaseId);
    expect(new Set(list.body.items[0]?.coverage.map((c) => c.level))).toEqual(
      new Set(['space', 'province', 'prefecture']),
    );
    const one = await getJson<{ provenance: { framework: { id: string } } }>(
      `/api/v1/index/releases/${releaseId}`,
    );
    expect(one.body.provenance.framework.id).toBe('makeratlas-maker-index');
    expect((await get('/api/v1/index/releases/mi-nope')).status).toBe(404);
  });
});

describe('recomputing a release from its downloadable inputs', () => {
  for (const [level, year] of [
    ['space', 2020],
    ['province', 2018],
  ] as const) {
    it(`reproduces every ${level} score of ${year} with \`makeratlas index run\``, async () => {
      const dir = await mkdtemp(join(tmpdir(), 'makeratlas-recompute-'));
      try {
        for (const file of ['idata.csv', 'imeta.csv', 'pipeline.json']) {
          const res = await app.inject({
            url: `/api/v1/index/releases/${releaseId}/${file}?level=${level}&year=${year}`,
          });
          expect(res.statusCode).toBe(200);
          await writeFile(join(dir, file), res.body);
        }
        const report = await runIndexFiles({
          idata: join(dir, 'idata.csv'),
          imeta: join(dir, 'imeta.csv'),
          pipeline: join(dir, 'pipeline.json'),
          outDir: join(dir, 'out'),
          engineVersion: 'test',
        });
        expect(report.issues.filter((i) => i.severity === 'error')).toEqual([]);
        const rows = parse(await readFile(join(dir, 'out', 'results.csv'), 'utf8'), {
          columns: true,
        }) as Record<string, string>[];
        const published =
          level === 'space'
            ? (await getJson<SpaceList>(`/api/v1/index/spaces?year=${year}&limit=100000`)).body.items.map(
                (i) => ({
                  id: i.id,
                  score: i.score,
                  rank: i.rank,
                }),
              )
            : (
                await getJson<{ items: { code: string; score: number | null; rank: number | null }[] }>(
                  `/api/v1/index/regions?level=${level}&year=${year}`,
                )
              ).body.items.map((i) => ({ id: i.code, score: i.score, rank: i.rank }));
        const ranked = published.filter((p) => p.rank !== null);
        expect(rows).toHaveLength(ranked.length);
        const byId = new Map(rows.map((r) => [r['uCode'], r]));
        for (const p of ranked) {
          expect(Number(byId.get(p.id)?.['Index'])).toBe(p.score);
          expect(Number(byId.get(p.id)?.['Rank'])).toBe(p.rank);
        }
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });
  }

  it('refuses a release or year it does not have', async () => {
    expect((await get('/api/v1/index/releases/mi-nope/idata.csv')).status).toBe(404);
    expect((await get(`/api/v1/index/releases/${releaseId}/idata.csv?year=2001`)).status).toBe(404);
  });
});

describe('space rankings', () => {
  it('pages the ranking of a year with pillar scores and rank changes', async () => {
    const first = await getJson<SpaceList>('/api/v1/index/spaces?year=2020&limit=40');
    expect(first.status).toBe(200);
    expect(first.body.release).toBe(releaseId);
    expect(first.body.items).toHaveLength(40);
    expect(first.body.pillars.map((p) => p.code)).toEqual(['SC', 'IP', 'OS', 'SU', 'SZ']);
    const ranks = first.body.items.map((i) => i.rank as number);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(ranks[0]).toBe(1);
    expect(first.body.items[0]?.pillars.every((p) => typeof p.score === 'number')).toBe(true);
    expect(first.body.items.some((i) => i.rankChange !== null)).toBe(true);
    const all: SpaceItem[] = [...first.body.items];
    let next = first.body.next;
    while (next) {
      const page = await getJson<SpaceList>(`/api/v1/index/spaces?year=2020&limit=40&cursor=${next}`);
      all.push(...page.body.items);
      next = page.body.next;
    }
    expect(all).toHaveLength(first.body.total);
    expect(new Set(all.map((i) => i.id)).size).toBe(all.length);
    const scores = all.map((i) => i.score as number);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('filters by region and sorts by rank change', async () => {
    const gd = await getJson<SpaceList>('/api/v1/index/spaces?region=44&limit=500');
    expect(gd.body.items.length).toBeGreaterThan(0);
    expect(gd.body.items.every((i) => i.regionCode?.startsWith('44'))).toBe(true);
    const climbers = await getJson<SpaceList>('/api/v1/index/spaces?sort=rank_change&limit=20');
    const changes = climbers.body.items.map((i) => i.rankChange as number);
    expect(changes).toEqual([...changes].sort((a, b) => b - a));
    expect(changes[0]).toBeGreaterThan(0);
  });

  it('refuses a cursor of another query, a year the release lacks, and bad parameters', async () => {
    const page = await getJson<SpaceList>('/api/v1/index/spaces?limit=5');
    const reused = await get(`/api/v1/index/spaces?limit=5&region=44&cursor=${page.body.next}`);
    expect(reused.status).toBe(400);
    expect(reused.body['code']).toBe('invalid_cursor');
    expect((await get('/api/v1/index/spaces?cursor=garbage')).body['code']).toBe('invalid_cursor');
    const year = await get('/api/v1/index/spaces?year=2012');
    expect(year.status).toBe(404);
    expect(year.body['code']).toBe('no_year');
    const bad = await get('/api/v1/index/spaces?sort=fastest');
    expect(bad.status).toBe(400);
    expect(bad.body['code']).toBe('invalid_request');
  });
});

describe('explain', () => {
  it('explains a score with contributions that add up, strengths and weaknesses', async () => {
    const top = await getJson<SpaceList>('/api/v1/index/spaces?year=2019&limit=1');
    const id = top.body.items[0]?.id as string;
    const { status, body } = await getJson<{
      year: number;
      score: number;
      rank: number;
      indicators: {
        code: string;
        contribution: number;
        effectiveWeight: number;
        normalised: number | null;
        raw: number | null;
      }[];
      pillars: { code: string; contribution: number }[];
      strengths: { code: string }[];
      check: { difference: number; contributionSum: number };
    }>(`/api/v1/index/spaces/${id}/explain?year=2019`);
    expect(status).toBe(200);
    expect(body.rank).toBe(1);
    const sum = body.indicators.reduce((s, i) => s + i.contribution, 0);
    expect(Math.abs(sum - body.score)).toBeLessThan(1e-9);
    expect(Math.abs(body.check.difference)).toBeLessThan(1e-9);
    const weights = body.indicators.reduce((s, i) => s + i.effectiveWeight, 0);
    expect(weights).toBeCloseTo(1, 12);
    expect(body.strengths.length).toBeGreaterThan(0);
  });

  it('says why there is nothing to explain', async () => {
    const unknown = await get('/api/v1/index/spaces/no-such-space/explain');
    expect(unknown.status).toBe(404);
    expect(unknown.body['code']).toBe('not_scored');
    expect(unknown.body['message']).toMatch(/no-such-space/);
  });
});

describe('regions', () => {
  it('ranks provinces with pillar and indicator values', async () => {
    const { status, body } = await getJson<{
      level: string;
      items: { code: string; rank: number | null; indicators: { code: string; raw: number | null }[] }[];
      indicators: { code: string }[];
    }>('/api/v1/index/regions?level=province&year=2020');
    expect(status).toBe(200);
    expect(body.items[0]?.rank).toBe(1);
    expect(body.indicators.map((i) => i.code)).toContain('r_spaces_pm');
    expect(body.items.every((i) => /^\d{2}0000$/.test(i.code))).toBe(true);
    const pref = await getJson<{ indicators: { code: string }[] }>('/api/v1/index/regions?level=prefecture');
    expect(pref.body.indicators.map((i) => i.code)).not.toContain('r_spaces_pm');
    expect((await get('/api/v1/index/regions?level=county')).status).toBe(400);
  });
});

describe('inputs for what-if weights', () => {
  it('gives column arrays from which the engine recomputes the index', async () => {
    const { body } = await getJson<{
      units: string[];
      index: { code: string; values: (number | null)[] };
      pillars: { codes: string[]; weights: number[]; values: (number | null)[][] };
      indicators: { codes: string[]; parents: string[]; weights: number[]; values: (number | null)[][] };
    }>('/api/v1/index/inputs?year=2020');
    const n = body.units.length;
    expect(body.pillars.values.every((c) => c.length === n)).toBe(true);
    // Re-aggregate the normalised indicators with the engine, as the browser does.
    const meta: MetaRow[] = [
      {
        iCode: 'Index',
        iName: 'Index',
        level: 3,
        parent: null,
        direction: 1,
        weight: 1,
        type: 'Aggregate',
        extra: {},
      },
      ...body.pillars.codes.map((c, k): MetaRow => ({
        iCode: c,
        iName: c,
        level: 2,
        parent: 'Index',
        direction: 1,
        weight: body.pillars.weights[k] as number,
        type: 'Aggregate',
        extra: {},
      })),
      ...body.indicators.codes.map((c, k): MetaRow => ({
        iCode: c,
        iName: c,
        level: 1,
        parent: body.indicators.parents[k] as string,
        direction: 1,
        weight: body.indicators.weights[k] as number,
        type: 'Indicator',
        extra: {},
      })),
    ];
    const fw = frameworkOf(meta);
    const cols = body.indicators.values.map((c) => Float64Array.from(c, (v) => v ?? Number.NaN));
    const agg = stagesOf(
      compilePipeline({ steps: [{ step: 'Aggregate', f_ag: 'a_amean' }] }, fw).run({
        data: { uCodes: body.units, iCodes: body.indicators.codes, cols },
        units: {
          uCodes: body.units,
          uNames: body.units,
          groups: {},
          denominators: { uCodes: body.units, iCodes: [], cols: [] },
        },
      }),
    ).Aggregated!;
    const index = agg.cols[agg.iCodes.indexOf('Index')] as Float64Array;
    body.index.values.forEach((v, i) =>
      expect(Math.abs((v as number) - (index[i] as number))).toBeLessThan(1e-9),
    );
    // Other weights move the ranking: that is what the page shows.
    const light = await getJson<{ indicators: unknown }>('/api/v1/index/inputs?year=2020&indicators=false');
    expect(light.body.indicators).toBeNull();
  });
});

describe('uncertainty and jobs', () => {
  it('has no rank intervals before an analysis', async () => {
    const res = await get('/api/v1/index/uncertainty');
    expect(res.status).toBe(404);
    expect(res.body['code']).toBe('no_uncertainty');
    expect(res.body['message']).toMatch(/POST \/api\/v1\/index\/uncertainty/);
  });

  it('runs the release’s uncertainty analysis as a job and serves the 5–95 % rank intervals', async () => {
    const post = await app.inject({ method: 'POST', url: '/api/v1/index/uncertainty', payload: {} });
    expect(post.statusCode).toBe(202);
    const job = (post.json() as { job: { id: string; status: string } }).job;
    expect(job.status).toBe('running');
    await jobs.wait(job.id);
    const done = await getJson<{ status: string; progress: number; total: number; result: { runs: number } }>(
      `/api/v1/jobs/${job.id}`,
    );
    expect(done.body.status).toBe('done');
    expect(done.body.progress).toBe(done.body.total);
    expect(done.body.result.runs).toBe(200);
    const { status, body } = await getJson<{
      items: { unitId: string; nominal: number; q5: number; median: number; q95: number }[];
      analysis: { N: number };
    }>('/api/v1/index/uncertainty?level=space');
    expect(status).toBe(200);
    expect(body.analysis.N).toBe(200);
    const ranks = await getJson<SpaceList>('/api/v1/index/spaces?limit=1000');
    const stored = new Map(ranks.body.items.map((i) => [i.id, i.rank]));
    expect(body.items).toHaveLength(ranks.body.items.length);
    for (const r of body.items) {
      // The analysis ran the release's own pipeline on its stored inputs: nominal = published rank.
      expect(r.nominal).toBe(stored.get(r.unitId));
      expect(r.q5).toBeLessThanOrEqual(r.median);
      expect(r.median).toBeLessThanOrEqual(r.q95);
    }
    expect(body.items.some((r) => r.q95 > r.q5)).toBe(true);
  }, 120_000);

  it('recomputes a release as a job: same inputs, same release', async () => {
    const post = await app.inject({ method: 'POST', url: '/api/v1/index/releases', payload: {} });
    expect(post.statusCode).toBe(202);
    const id = (post.json() as { job: { id: string } }).job.id;
    await jobs.wait(id);
    const job = await getJson<{ status: string; result: { release: string; created: boolean } }>(
      `/api/v1/jobs/${id}`,
    );
    expect(job.body).toMatchObject({ status: 'done', result: { release: releaseId, created: false } });
  }, 120_000);

  it('reports a failed job with its error, and unknown jobs as 404', async () => {
    const post = await app.inject({
      method: 'POST',
      url: '/api/v1/index/releases',
      payload: { years: [2031] },
    });
    const id = (post.json() as { job: { id: string } }).job.id;
    await jobs.wait(id);
    const job = await getJson<{ status: string; error: string }>(`/api/v1/jobs/${id}`);
    expect(job.body.status).toBe('failed');
    expect(job.body.error).toMatch(/no annual reports for 2031/);
    expect((await get('/api/v1/jobs/nope')).status).toBe(404);
    const badBody = await app.inject({
      method: 'POST',
      url: '/api/v1/index/releases',
      payload: { years: ['x'] },
    });
    expect(badBody.statusCode).toBe(400);
  });
});

describe('a stand-in sensitivity runner', () => {
  it('is what the plugin calls when given one', async () => {
    const calls: number[] = [];
    const runner: SensitivityRunner = async (opts) => {
      calls.push(opts.state.data.uCodes.length);
      return {
        type: 'UA',
        N: 3,
        runs: 3,
        seed: 1,
        failures: 0,
        rankStats: opts.state.data.uCodes.map((u, i) => ({
          uCode: u,
          Nominal: i + 1,
          Mean: i + 1,
          Median: i + 1,
          Q5: i + 1,
          Q95: i + 2,
        })),
      };
    };
    const local = Fastify();
    installErrorHandler(local);
    const runner2 = new JobRunner(t.store.db, { throttleMs: 0 });
    await local.register(
      indexRoutes({ store: t.store, version: 'test', jobs: runner2, sensitivityRunner: runner }),
      {
        prefix: '/api/v1',
      },
    );
    const post = await local.inject({
      method: 'POST',
      url: '/api/v1/index/uncertainty',
      payload: { year: 2018 },
    });
    await runner2.wait((post.json() as { job: { id: string } }).job.id);
    expect(calls).toHaveLength(1);
    const res = await local.inject({ url: '/api/v1/index/uncertainty?year=2018' });
    expect((res.json() as { analysis: { N: number } }).analysis.N).toBe(3);
    await local.close();
  });
});
