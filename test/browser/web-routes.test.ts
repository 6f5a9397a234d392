// The server side of the web app, through inject (no browser): the map's point columns and
// clusters agree with the shared filter, caching headers, bad input, a space's reports and cohorts,
// outcome totals, and the SPA fallback when the app is built and when it is not.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectPoints } from '../../src/domain/map-filter.js';
import type { MapPoints } from '../../src/domain/map-points.js';
import { buildApp, type App } from '../../src/server/app.js';
import { configFromEnv } from '../../src/server/config.js';
import { placeNames } from '../../src/server/place-names.js';
import { seedSyntheticReports } from '../../src/services/maker-index/index.js';
import { seedDemo } from '../../src/services/seed-demo.js';
import { openDatabase, type Store } from '../../src/store/database.js';
import { listReports } from '../../src/store/reports-repo.js';
import { migrate } from '../../src/store/migrate.js';

describe('web app routes', () => {
  let dir: string;
  let store: Store;
  let app: App;
  let webRoot: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'makeratlas-web-routes-'));
    webRoot = join(dir, 'web');
    mkdirSync(join(webRoot, 'assets'), { recursive: true });
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(join(webRoot, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    writeFileSync(join(webRoot, 'assets', 'app-abcdefgh.js'), 'console.log(1)');
    const config = configFromEnv({}, { databaseUrl: join(dir, 'routes.db'), port: 0 });
    store = await openDatabase(config.databaseUrl);
    await migrate(store);
    await seedDemo(store, { synthetic: 400, seed: 3, now: new Date('2026-01-15T08:00:00Z') });
    await seedSyntheticReports(store, { seed: 3, now: new Date('2026-01-15T08:00:00Z') });
    app = await buildApp({ store, config, version: 'test', regions: placeNames(), webRoot });
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const points = async (): Promise<{ total: number; latestYear: number; points: MapPoints }> =>
    (await app.inject({ url: '/api/v1/map/points' })).json();

  it('sends every space with coordinates as columns of equal length, gzipped on request, with an ETag', async () => {
    const { total, latestYear, points: p } = await points();
    expect(total).toBe(p.id.length);
    expect(total).toBeGreaterThan(400);
    for (const col of [p.lon, p.lat, p.type, p.status, p.founded, p.price, p.services, p.region, p.nameZh]) {
      expect(col).toHaveLength(total);
    }
    expect(latestYear).toBeGreaterThanOrEqual(2020);
    const gz = await app.inject({ url: '/api/v1/map/points', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    const etag = gz.headers.etag as string;
    expect(
      (await app.inject({ url: '/api/v1/map/points', headers: { 'if-none-match': etag } })).statusCode,
    ).toBe(304);
    const limited = (await app.inject({ url: '/api/v1/map/points?limit=10' })).json();
    expect(limited).toEqual({ total, latestYear, points: null });
  });

  it('clusters on the server with exactly the filter the browser applies', async () => {
    const { latestYear, points: p } = await points();
    const filter = { type: ['cn_coworking', 'cn_integrated_ecosystem'] as const, year: 2018 };
    const expected = selectPoints(p, { type: [...filter.type], year: filter.year }, latestYear);
    const res = await app.inject({
      url: '/api/v1/map/clusters?bbox=70,15,140,55&zoom=3&type=cn_coworking&type=cn_integrated_ecosystem&year=2018',
    });
    expect(res.statusCode).toBe(200);
    const body = res.json() as {
      total: number;
      provinces: Record<string, number>;
      features: { properties: { cluster: boolean; point_count?: number } }[];
    };
    expect(body.total).toBe(expected.length);
    expect(Object.values(body.provinces).reduce((a, b) => a + b, 0)).toBe(
      expected.filter((i) => p.region[i] !== null).length,
    );
    // every kept point in China's box is in exactly one cluster or single feature
    const inBox = expected.filter(
      (i) => p.lon[i]! >= 70 && p.lon[i]! <= 140 && p.lat[i]! >= 15 && p.lat[i]! <= 55,
    );
    const drawn = body.features.reduce(
      (s, f) => s + (f.properties.cluster ? f.properties.point_count! : 1),
      0,
    );
    expect(drawn).toBe(inBox.length);
  });

  it('refuses a bbox with min above max and unknown filter values', async () => {
    const bad = await app.inject({ url: '/api/v1/map/clusters?bbox=140,15,70,55&zoom=3' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'invalid_request' });
    expect(bad.json().message).toContain('bbox');
    const badType = await app.inject({ url: '/api/v1/map/clusters?bbox=70,15,140,55&zoom=3&type=castle' });
    expect(badType.statusCode).toBe(400);
  });

  it('gives the client its configuration', async () => {
    expect((await app.inject({ url: '/api/v1/config' })).json()).toEqual({ version: 'test', tileUrl: null });
  });

  it("lists a space's reports and cohort firms, and 404s an unknown space", async () => {
    const { points: p } = await points();
    const id = p.id[p.synthetic.indexOf(1)]!;
    const reports = (await app.inject({ url: `/api/v1/spaces/${id}/reports` })).json() as {
      items: { year: number }[];
    };
    expect(reports.items.length).toBeGreaterThan(0);
    expect(reports.items.map((r) => r.year)).toEqual([...reports.items.map((r) => r.year)].sort());
    const cohorts = (await app.inject({ url: `/api/v1/spaces/${id}/cohorts` })).json() as {
      items: unknown[];
    };
    expect(Array.isArray(cohorts.items)).toBe(true);
    const missing = await app.inject({ url: '/api/v1/spaces/no-such-space/cohorts' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'not_found' });
  });

  it('sums outcomes from the counted reports, nationwide and for a region', async () => {
    const all = await listReports(store.db, { statuses: ['submitted', 'accepted'] });
    const body = (await app.inject({ url: '/api/v1/stats/outcomes' })).json() as {
      years: { year: number; reports: number; teamsServed: number; jobs: number }[];
    };
    for (const y of body.years) {
      const rows = all.filter((r) => r.year === y.year);
      expect(y.reports).toBe(rows.length);
      expect(y.teamsServed).toBe(rows.reduce((s, r) => s + (r.teamsServed ?? 0), 0));
      expect(y.jobs).toBe(rows.reduce((s, r) => s + (r.jobs ?? 0), 0));
    }
    expect(body.years.reduce((s, y) => s + y.reports, 0)).toBe(all.length);
    const gd = (await app.inject({ url: '/api/v1/stats/outcomes?region=44' })).json() as {
      years: { reports: number }[];
    };
    const gdReports = gd.years.reduce((s, y) => s + y.reports, 0);
    expect(gdReports).toBeGreaterThan(0);
    expect(gdReports).toBeLessThan(all.length);
    expect((await app.inject({ url: '/api/v1/stats/outcomes?region=4x' })).statusCode).toBe(400);
  });

  it('answers page paths with the app, files as files, and missing assets and API paths with JSON 404s', async () => {
    for (const path of ['/', '/rankings?level=province', '/spaces/study-xinchejian', '/regions/440000']) {
      const res = await app.inject({ url: path });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('<div id="root"></div>');
      expect(res.headers['cache-control']).toBe('no-cache');
    }
    const asset = await app.inject({ url: '/assets/app-abcdefgh.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toContain('immutable');
    expect((await app.inject({ url: '/favicon.svg' })).headers['content-type']).toContain('image/svg+xml');
    expect((await app.inject({ url: '/assets/missing-12345678.js' })).statusCode).toBe(404);
    const api = await app.inject({ url: '/api/v1/nothing-here' });
    expect(api.statusCode).toBe(404);
    expect(api.json()).toMatchObject({ code: 'route_not_found' });
    // POST is not a page
    expect((await app.inject({ method: 'POST', url: '/rankings' })).statusCode).toBe(404);
  });

  it('says how to build the app when it is not built', async () => {
    const bare = await buildApp({
      store,
      config: configFromEnv({}, { databaseUrl: join(dir, 'routes.db') }),
      version: 'test',
      regions: placeNames(),
      webRoot: join(dir, 'not-built'),
    });
    try {
      const res = await bare.inject({ url: '/map' });
      expect(res.statusCode).toBe(503);
      expect(res.body).toContain('npm run build:web');
      expect((await bare.inject({ url: '/api/v1/config' })).statusCode).toBe(200);
    } finally {
      await bare.close();
    }
  });
});
