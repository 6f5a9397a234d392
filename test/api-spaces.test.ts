import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Space } from '../src/domain/space.js';
import { startApi, type ApiHarness } from './api-harness.js';
import { describeShared, sharedData } from './shared-data.js';

let h: ApiHarness;
beforeAll(async () => {
  h = await startApi();
});
afterAll(async () => h?.close());

const get = async (url: string) => {
  const res = await h.app.inject({ method: 'GET', url });
  return { status: res.statusCode, body: res.json() as Record<string, unknown>, headers: res.headers };
};
type List = { items: Space[]; total: number; next: string | null };
const list = async (qs: string) => (await get(`/api/v1/spaces?${qs}`)).body as unknown as List;

describe('GET /healthz', () => {
  it('answers ok with the database kind', async () => {
    const r = await get('/healthz');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'ok', database: 'sqlite' });
  });
});

describe('security headers', () => {
  it('are on API answers, errors and the docs page alike', async () => {
    for (const url of ['/healthz', '/api/v1/spaces?limit=1', '/api/v1/spaces/no-such-space', '/api/docs/']) {
      const { headers } = await h.app.inject({ method: 'GET', url });
      const csp = String(headers['content-security-policy']);
      expect(csp, url).toContain("default-src 'self'");
      expect(csp, url).toContain("script-src 'self'");
      expect(headers['x-content-type-options'], url).toBe('nosniff');
      expect(headers['x-frame-options'], url).toBe('SAMEORIGIN');
      expect(headers['strict-transport-security'], url).toMatch(/max-age=\d+/);
    }
  });
});

describe('GET /api/v1/spaces', () => {
  it('pages through every space with a cursor, without duplicates or gaps', async () => {
    const first = await list('limit=100');
    expect(first.total).toBe(325); // 25 study spaces + 300 synthetic
    // The page goes out as cached bytes: same type and length as a serialised object would have.
    const raw = await h.app.inject({ method: 'GET', url: '/api/v1/spaces?limit=100' });
    expect(raw.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(Number(raw.headers['content-length'])).toBe(raw.rawPayload.length);
    const seen = new Set<string>();
    let page: List = first;
    for (let guard = 0; guard < 10; guard++) {
      for (const s of page.items) seen.add(s.id);
      if (!page.next) break;
      page = await list(`limit=100&cursor=${encodeURIComponent(page.next)}`);
    }
    expect(seen.size).toBe(325);
  });

  it('finds a space by Chinese, English, pinyin and initials', async () => {
    for (const q of ['柴火', 'Chaihuo', 'chaihuo', 'chkj']) {
      const r = await list(`q=${encodeURIComponent(q)}`);
      expect(
        r.items.map((s) => s.id),
        q,
      ).toContain('study-chaihuo-makerspace');
    }
  });

  it('filters by type, region prefix, country, synthetic flag, bbox and near', async () => {
    const hs = await list('type=hackerspace&limit=500');
    expect(hs.items.length).toBeGreaterThan(0);
    expect(hs.items.every((s) => s.type === 'hackerspace')).toBe(true);

    const gd = await list('region=44&limit=500');
    expect(gd.total).toBeGreaterThan(0);
    expect(gd.items.every((s) => s.regionCode?.startsWith('44'))).toBe(true);

    const de = await list('country=de');
    expect(de.items.map((s) => s.nameEn)).toContain('Chaos Computer Club');

    const real = await list('synthetic=false&limit=500');
    expect(real.total).toBe(25);
    expect(real.items.every((s) => !s.synthetic)).toBe(true);

    // Shenzhen: a box around the city and a 30 km circle around its centre.
    const box = await list('bbox=113.7,22.4,114.7,22.9&limit=500');
    expect(box.items.map((s) => s.id)).toContain('study-chaihuo-makerspace');
    expect(
      box.items.every((s) => s.lon! >= 113.7 && s.lon! <= 114.7 && s.lat! >= 22.4 && s.lat! <= 22.9),
    ).toBe(true);
    const near = await list('near=22.54,114.06&radius=30&sort=distance&limit=500');
    expect(near.items[0]?.id).toBe('study-chaihuo-makerspace');
  });

  it('rejects bad parameters with a JSON error naming the parameter', async () => {
    for (const [qs, field] of [
      ['limit=0', 'limit'],
      ['limit=abc', 'limit'],
      ['type=castle', 'type'],
      ['bbox=1,2,3', 'bbox'],
      ['bbox=10,10,0,0', 'bbox'],
      ['near=95,10', 'near'],
      ['sort=distance', 'distance'],
      ['cursor=not-a-cursor', 'cursor'],
    ] as const) {
      const r = await get(`/api/v1/spaces?${qs}`);
      expect(r.status, qs).toBe(400);
      expect(typeof r.body['code'], qs).toBe('string');
      expect(JSON.stringify(r.body), qs).toContain(field);
    }
  });
});

describe('GET /api/v1/spaces/{id} and its SpaceAPI document', () => {
  it('returns one space, and a JSON 404 for an unknown id', async () => {
    const ok = await get('/api/v1/spaces/study-xinchejian');
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ nameZh: '上海新车间', foundedOn: '2010-10-01' });
    const missing = await get('/api/v1/spaces/nope');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ code: 'not_found' });
  });

  describeShared('spaceapi/schema/15.json', 'SpaceAPI v15 export over HTTP', () => {
    it('serves documents that validate against the official v15 schema', async () => {
      const schema = JSON.parse(readFileSync(sharedData('spaceapi/schema/15.json'), 'utf8')) as object;
      const ajv = new Ajv({ strict: false, allErrors: true });
      addFormats.default(ajv);
      const validate = ajv.compile(schema);
      const ids = (await list('limit=40')).items.map((s) => s.id);
      for (const id of [...ids, 'study-xinchejian', 'study-techshop']) {
        const r = await get(`/api/v1/spaces/${id}/spaceapi.json`);
        expect(r.status, id).toBe(200);
        expect(validate(r.body), `${id}: ${JSON.stringify(validate.errors)}`).toBe(true);
      }
    });
  });
});

describe('GET /api/v1/spaces.geojson', () => {
  it('is a FeatureCollection of [lon, lat] points honouring the filters', async () => {
    const r = await h.app.inject({ method: 'GET', url: '/api/v1/spaces.geojson?region=31' });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('application/geo+json');
    const fc = r.json() as {
      type: string;
      features: { geometry: { coordinates: [number, number] }; properties: { regionCode: string } }[];
    };
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features.length).toBeGreaterThan(0);
    for (const f of fc.features) {
      const [lon, lat] = f.geometry.coordinates;
      expect(lon).toBeGreaterThan(120); // Shanghai lies east of 120°E and south of 32°N
      expect(lat).toBeLessThan(32);
      expect(f.properties.regionCode.startsWith('31')).toBe(true);
    }
  });
});

describe('GET /api/v1/regions/{code}/stats', () => {
  it('counts a province by type and founding year, consistent with the list', async () => {
    const r = await get('/api/v1/regions/440000/stats');
    expect(r.status).toBe(200);
    const gd = await list('region=44&limit=1');
    const body = r.body as {
      total: number;
      nameZh: string;
      byType: { count: number }[];
      byYear: { cumulative: number }[];
    };
    expect(body.nameZh).toBe('广东省');
    expect(body.total).toBe(gd.total);
    expect(body.byType.reduce((a, b) => a + b.count, 0)).toBe(gd.total);
    expect(body.byYear.at(-1)?.cumulative).toBeLessThanOrEqual(gd.total);
  });

  it('accepts a country and rejects unknown codes', async () => {
    expect((await get('/api/v1/regions/DE/stats')).body).toMatchObject({ kind: 'country', total: 1 });
    expect((await get('/api/v1/regions/449999/stats')).status).toBe(404);
    expect((await get('/api/v1/regions/abc/stats')).status).toBe(400);
  });
});

describe('OpenAPI', () => {
  it('documents every public route with its parameters', async () => {
    const doc = (await get('/api/v1/openapi.json')).body as { paths: Record<string, unknown> };
    for (const p of [
      '/api/v1/spaces',
      '/api/v1/spaces/{id}',
      '/api/v1/spaces.geojson',
      '/api/v1/spaces/{id}/spaceapi.json',
      '/api/v1/regions/{code}/stats',
      '/healthz',
    ])
      expect(Object.keys(doc.paths)).toContain(p);
    expect((await h.app.inject({ method: 'GET', url: '/api/docs' })).statusCode).toBeLessThan(400);
  });
});
