// SpaceAPI: import of v13–v15 documents (checked against the official schemas' verdicts), the v15
// export validated with ajv against ../shared/data/spaceapi/schema/15.json, the real directory, and
// a crawl against a local HTTP server.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Space } from '../src/domain/space.js';
import { parseSpaceApi, parseSpaceApiDirectory } from '../src/io/parse-spaceapi.js';
import { crawlDirectory } from '../src/io/spaceapi-crawl.js';
import { spaceApiDirectory, toSpaceApi15 } from '../src/io/write-spaceapi.js';
import { sampleSpace, sampleSpaces } from './io-fixtures/sample-spaces.js';
import { describeShared, sharedData } from './shared-data.js';

const FIXTURES = join(import.meta.dirname, 'io-fixtures', 'spaceapi');
const fixture = (name: string): Uint8Array => readFileSync(join(FIXTURES, name));
const OPTS = { baseUrl: 'https://atlas.example.cn/', logoUrl: 'https://atlas.example.cn/logo.png' };

describe('SpaceAPI import', () => {
  it('reads a v13 document', () => {
    const r = parseSpaceApi(fixture('v13.json'), { file: 'v13.json' });
    expect(r.issues).toEqual([]);
    const d = r.records[0]!.draft;
    expect(d).toMatchObject({
      nameEn: 'Example Hackspace',
      type: 'hackerspace',
      status: 'active',
      countryCode: 'DE',
      lat: 52.5321,
      lon: 13.3849,
    });
    expect(d.links).toEqual(
      expect.arrayContaining([
        { kind: 'website', url: 'https://hackspace.example.org/' },
        { kind: 'email', url: 'mailto:info@hackspace.example.org' },
        { kind: 'social', url: 'https://twitter.com/examplehack' },
        { kind: 'wiki', url: 'https://wiki.hackspace.example.org/' },
      ]),
    );
    expect(d.profile).toMatchObject({
      'spaceapi.version': 13,
      logo: 'https://hackspace.example.org/logo.png',
      'spaceapi.open': true,
      'spacefed.spacenet': false,
    });
    expect(r.records[0]!.source).toEqual({ source: 'spaceapi', sourceId: 'https://hackspace.example.org/' });
  });

  it('reads v14 plans and a country named in German; skips a plan with no equivalent interval', () => {
    const r = parseSpaceApi(fixture('v14.json'), { file: 'v14.json' });
    const d = r.records[0]!.draft;
    expect(d.countryCode).toBe('DE');
    expect(d.membershipPlans).toEqual([
      { name: 'Regular', amount: 30, currency: 'EUR', interval: 'month' },
      { name: 'Reduced', amount: 180, currency: 'EUR', interval: 'year' },
    ]);
    expect(d.profile).toMatchObject({
      timezone: 'Europe/Berlin',
      'spaceapi.open': null,
      'spaceapi.version': 14,
    });
    expect(r.issues).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'plan.interval', path: '/membership_plans/2' }),
    ]);
  });

  it('reads v15: country_code, Chinese name, quarterly plans, RMB read as CNY', () => {
    const r = parseSpaceApi(fixture('v15.json'), {
      file: 'v15.json',
      endpoint: 'https://hack.example.cn/spaceapi.json',
    });
    const d = r.records[0]!.draft;
    expect(d).toMatchObject({ nameZh: '深圳示例黑客空间', countryCode: 'CN', lat: 22.5431, lon: 114.0579 });
    expect(d.membershipPlans).toEqual([
      { name: '季度会员', amount: 600, currency: 'CNY', interval: 'quarter' },
      { name: '学生', amount: 50, currency: 'CNY', interval: 'month' },
    ]);
    expect(d.links).toContainEqual({ kind: 'spaceapi', url: 'https://hack.example.cn/spaceapi.json' });
    expect(r.records[0]!.source).toEqual({
      source: 'spaceapi',
      sourceId: 'https://hack.example.cn/',
      url: 'https://hack.example.cn/spaceapi.json',
    });
    expect(r.issues).toEqual([expect.objectContaining({ code: 'plan.currency_fixed' })]);
  });

  it('accepts the real-world "0.14" quirk with a warning and leaves swapped coordinates to validation', () => {
    const r = parseSpaceApi(fixture('quirk-0.14.json'), { file: 'q.json' });
    expect(r.records[0]!.draft).toMatchObject({ countryCode: 'NL', lat: 4.8952, lon: 52.3702 });
    expect(r.issues).toEqual([expect.objectContaining({ severity: 'warning', code: 'spaceapi.quirk' })]);
  });

  it('rejects documents that are not SpaceAPI or name no country; skips mistyped parts', () => {
    expect(parseSpaceApi(fixture('not-spaceapi.json'), { file: 'n.json' })).toEqual({
      records: [],
      issues: [expect.objectContaining({ severity: 'error', code: 'spaceapi.invalid' })],
    });
    const nc = parseSpaceApi(fixture('no-country.json'), { file: 'c.json' });
    expect(nc.records).toEqual([]);
    expect(nc.issues).toEqual([expect.objectContaining({ code: 'country.unknown', field: 'countryCode' })]);
    const withDefault = parseSpaceApi(fixture('no-country.json'), {
      file: 'c.json',
      mapping: { columns: {}, defaults: { countryCode: 'DE' } },
    });
    expect(withDefault.records[0]!.draft.countryCode).toBe('DE');
    const bt = parseSpaceApi(fixture('bad-types.json'), { file: 'b.json' });
    expect(bt.records[0]!.draft).toMatchObject({ countryCode: 'FR' });
    expect(bt.records[0]!.draft).not.toHaveProperty('lat');
    expect(bt.issues.map((i) => [i.severity, i.path])).toEqual([
      ['warning', '/location/lat'],
      ['warning', '/membership_plans/0/value'],
    ]);
    const cut = readFileSync(join(FIXTURES, 'v15.json')).subarray(0, 200);
    expect(parseSpaceApi(cut, { file: 'cut.json' }).issues[0]!.code).toBe('input.truncated');
  });
});

const sharedJson = (rel: string): unknown => JSON.parse(readFileSync(sharedData(rel), 'utf8'));

describeShared('spaceapi/schema', 'SpaceAPI against the official schemas', () => {
  const ajv = new Ajv({ strict: false, allErrors: true });
  const validators: Record<number, ValidateFunction> = {};
  beforeAll(() => {
    for (const v of [13, 14, 15])
      validators[v] = ajv.compile(sharedJson(`spaceapi/schema/${v}.json`) as object);
  });

  it('our fixtures are what the official schemas say they are', () => {
    const doc = (f: string) => JSON.parse(readFileSync(join(FIXTURES, f), 'utf8')) as unknown;
    expect(validators[13]!(doc('v13.json'))).toBe(true);
    expect(validators[14]!(doc('v14.json'))).toBe(true);
    expect(validators[15]!(doc('v15.json'))).toBe(true);
    // The quirk the official validator rejects, which we accept with a warning.
    expect(validators[14]!(doc('quirk-0.14.json'))).toBe(false);
    expect(validators[15]!(doc('bad-types.json'))).toBe(false);
    expect(validators[15]!(doc('not-spaceapi.json'))).toBe(false);
    for (const f of readdirSync(FIXTURES)) expect(f.endsWith('.json')).toBe(true);
  });

  const edge = (over: Partial<Space>): Space => ({ ...sampleSpace(1), ...over });
  const cases: Space[] = [
    ...sampleSpaces(300, 21),
    edge({ lat: null, lon: null, address: null, links: [], membershipPlans: [], nameZh: null, nameEn: null }),
    edge({
      status: 'closed',
      links: [
        { kind: 'social', url: 'https://chaos.social/@maker' },
        { kind: 'other', url: 'irc://irc.libera.chat/#x' },
      ],
    }),
    edge({
      status: 'planned',
      membershipPlans: [
        { name: '次卡', amount: 30, currency: 'CNY', interval: 'session' },
        { name: '入会费', amount: 100, currency: 'CNY', interval: 'once' },
      ],
    }),
    edge({ profile: { logo: 'https://own.example/logo.svg', timezone: 'Asia/Shanghai' } }),
  ];

  it(`every exported v15 document validates (${cases.length} spaces: with/without coordinates, plans, links)`, () => {
    const failures = cases
      .map((s) => ({ id: s.id, doc: toSpaceApi15(s, OPTS) }))
      .filter(({ doc }) => !validators[15]!(doc))
      .map(({ id }) => `${id}: ${ajv.errorsText(validators[15]!.errors)}`);
    expect(failures).toEqual([]);
    expect(cases.some((s) => s.lat === null) && cases.some((s) => s.lat !== null)).toBe(true);
  });

  it('maps contact, state, plans and links the way the spec reads them', () => {
    const [closed, planned, withLogo] = cases.slice(-3) as [Space, Space, Space];
    const c = toSpaceApi15(closed, OPTS);
    expect(c['state']).toEqual({ open: false, message: 'this space has closed' });
    expect(c['contact']).toEqual({ mastodon: '@maker@chaos.social', irc: 'irc://irc.libera.chat/#x' });
    const p = toSpaceApi15(planned, OPTS);
    expect(p['membership_plans']).toEqual([
      { name: '次卡', value: 30, currency: 'CNY', billing_interval: 'other', description: 'per session' },
      { name: '入会费', value: 100, currency: 'CNY', billing_interval: 'other', description: 'one-time fee' },
    ]);
    const l = toSpaceApi15(withLogo, OPTS);
    expect(l['logo']).toBe('https://own.example/logo.svg');
    expect((l['location'] as Record<string, unknown>)['timezone']).toBe('Asia/Shanghai');
    const active = toSpaceApi15({ ...withLogo, status: 'active' }, OPTS);
    expect(active['state']).not.toHaveProperty('open');
  });

  it('an exported document imports back to the same identity, place and plans', () => {
    const s = {
      ...sampleSpace(2),
      status: 'active' as const,
      membershipPlans: [{ name: 'Monthly', amount: 30, currency: 'EUR', interval: 'month' as const }],
    };
    const r = parseSpaceApi(new TextEncoder().encode(JSON.stringify(toSpaceApi15(s, OPTS))), {
      file: 'x.json',
    });
    const d = r.records[0]!.draft;
    expect([d.nameZh, d.countryCode, d.lat, d.lon, d.address]).toEqual([
      s.nameZh,
      s.countryCode,
      s.lat,
      s.lon,
      s.address,
    ]);
    expect(d.membershipPlans).toEqual(s.membershipPlans);
  });

  it('a directory of our spaces has unique names', () => {
    const spaces = [sampleSpace(0), { ...sampleSpace(0), id: 'other' }, sampleSpace(2)];
    const dir = spaceApiDirectory(spaces, (s) => `https://atlas.example.cn/api/spaces/${s.id}/spaceapi.json`);
    expect(Object.keys(dir)).toHaveLength(3);
  });
});

describeShared('spaceapi/directory.json', 'SpaceAPI directory (real file)', () => {
  it('lists 245 endpoints, all http(s)', () => {
    const r = parseSpaceApiDirectory(readFileSync(sharedData('spaceapi/directory.json')), {
      file: 'directory.json',
    });
    expect(r.issues).toEqual([]);
    expect(r.endpoints).toHaveLength(245);
    expect(r.endpoints.filter((e) => e.url.startsWith('https://'))).toHaveLength(215);
    expect(r.endpoints[0]).toEqual({ name: '/dev/hack', url: 'https://devhack.net/spaceapi.json' });
  });

  it('reports entries that are not URLs', () => {
    const r = parseSpaceApiDirectory(
      new TextEncoder().encode('{"a": "https://a.example/x", "b": 5, "c": "ftp://x"}'),
      { file: 'd.json' },
    );
    expect(r.endpoints).toEqual([{ name: 'a', url: 'https://a.example/x' }]);
    expect(r.issues.map((i) => i.path)).toEqual(['/b', '/c']);
  });
});

describe('SpaceAPI crawl against a local server', () => {
  let server: Server;
  let base = '';
  const timers = new Set<NodeJS.Timeout>();
  beforeAll(async () => {
    server = createServer((req, res) => {
      const send = (status: number, body: string | Uint8Array) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(body);
      };
      switch (req.url) {
        case '/v13':
          return send(200, fixture('v13.json'));
        case '/v15':
          return send(200, fixture('v15.json'));
        case '/missing':
          return send(404, '{"error":"not found"}');
        case '/broken':
          return send(200, '{"api": "0.13", "space": ');
        case '/notspace':
          return send(200, fixture('not-spaceapi.json'));
        case '/huge':
          return send(200, `{"pad": "${'x'.repeat(300_000)}"}`);
        case '/slow': {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.write('{"api": "0.13",');
          const t = setTimeout(() => res.end('"space": "late"}'), 5_000);
          timers.add(t);
          return;
        }
        default:
          return send(500, 'oops');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    for (const t of timers) clearTimeout(t);
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('reports per endpoint: ok, http error, timeout, invalid JSON, invalid document, too large, network error', async () => {
    const names = ['v13', 'v15', 'missing', 'broken', 'notspace', 'huge', 'slow', 'error'];
    const endpoints = [
      ...names.map((n) => ({ name: n, url: `${base}/${n}` })),
      { name: 'closed-port', url: 'http://127.0.0.1:9/x' },
    ];
    const progress: number[] = [];
    const results = await crawlDirectory(endpoints, {
      fetch,
      concurrency: 3,
      timeoutMs: 800,
      maxBytes: 100_000,
      onProgress: (done) => progress.push(done),
    });
    expect(results.map((r) => [r.name, r.status, r.httpStatus])).toEqual([
      ['v13', 'ok', undefined],
      ['v15', 'ok', undefined],
      ['missing', 'http_error', 404],
      ['broken', 'invalid_json', undefined],
      ['notspace', 'invalid_document', undefined],
      ['huge', 'too_large', undefined],
      ['slow', 'timeout', undefined],
      ['error', 'http_error', 500],
      ['closed-port', 'network_error', undefined],
    ]);
    expect(results[0]!.records[0]!.draft).toMatchObject({ nameEn: 'Example Hackspace', countryCode: 'DE' });
    expect(results[1]!.records[0]!.source).toEqual({
      source: 'spaceapi',
      sourceId: 'https://hack.example.cn/',
      url: `${base}/v15`,
    });
    expect(results[3]!.message).toContain('ends before it is complete');
    expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});
