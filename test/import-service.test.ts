// The import use case end to end on a real SQLite file: real files from ../shared/data, our own exports,
// and hostile input. Every rejected import must leave the registry exactly as it was.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newSpace } from '../src/domain/space-record.js';
import type { SpaceInput } from '../src/domain/space.js';
import { loadGeoIndex } from '../src/io/geo-data.js';
import { exportSpaces } from '../src/services/export-spaces.js';
import { importFile, type ImportRequest } from '../src/services/import-spaces.js';
import { openDatabase, type Store } from '../src/store/database.js';
import { migrate } from '../src/store/migrate.js';
import { countSpaces, insertSpaces, listSpaces } from '../src/store/spaces-repo.js';
import { describeShared, sharedData } from './shared-data.js';

const geo = loadGeoIndex();
let dir: string;
let store: Store;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'makeratlas-import-'));
  store = await openDatabase(join(dir, 'r.db'));
  await migrate(store);
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const NOW = new Date('2026-06-01T00:00:00Z');
const run = (req: Omit<ImportRequest, 'now'>) => importFile({ store, geo }, { ...req, now: NOW });
const file = (name: string, content: string | Buffer) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};
const errorCodes = (r: Awaited<ReturnType<typeof run>>) =>
  r.issues.filter((i) => i.severity === 'error').map((i) => i.code);

const HEADER = 'nameZh,nameEn,type,status,countryCode,regionCode,city,lat,lon,foundedOn,sources';
const row = (name: string, lat: number, lon: number, id: string, region = '440300') =>
  `${name},,cn_coworking,active,CN,${region},深圳市,${lat},${lon},2018-05-01,test|${id}|`;

describe('CSV import: all or nothing', () => {
  it('imports a clean file and records provenance', async () => {
    const p = file(
      'ok.csv',
      [HEADER, row('南山创客工场', 22.53, 113.93, 'a'), row('福田孵化港', 22.54, 114.05, 'b')].join('\n'),
    );
    const r = await run({ path: p, format: 'csv', actor: 'tester' });
    expect(r.status).toBe('committed');
    expect(r.counts).toMatchObject({ read: 2, created: 2, rejected: 0 });
    const { items } = await listSpaces(store.db, { q: '南山' }, {});
    expect(items[0]?.provenance['nameZh']).toEqual({
      source: 'csv:ok.csv',
      at: NOW.toISOString(),
      actor: 'tester',
    });
  });

  it('rejects the whole file when one row has swapped coordinates, naming row and field', async () => {
    // Out of range once swapped (lat 114): caught while parsing.
    const p = file(
      'swapped.csv',
      [HEADER, row('南山创客工场', 22.53, 113.93, 'a'), row('福田孵化港', 114.05, 22.54, 'b')].join('\n'),
    );
    const r = await run({ path: p, format: 'csv' });
    expect(r.status).toBe('rejected');
    const out = r.issues.find((i) => i.severity === 'error');
    expect(out).toMatchObject({ file: 'swapped.csv', row: 3, field: 'lat' });
    expect(out?.message).toMatch(/swapped/);
    // In range both ways (Berlin given as 13.40, 52.52): caught by the place check.
    const berlin = file(
      'berlin.csv',
      [
        HEADER,
        'Chaos Computer Club,Chaos Computer Club,hackerspace,active,DE,,Berlin,13.4,52.52,1981,test|ccc|',
      ].join('\n'),
    );
    const b = await run({ path: berlin, format: 'csv' });
    expect(b.status).toBe('rejected');
    expect(b.issues.find((i) => i.code === 'coordinates.swapped')).toMatchObject({
      file: 'berlin.csv',
      row: 2,
    });
    expect(await countSpaces(store.db)).toBe(0);
  });

  it('imports the valid rows with skipInvalid and reports the rest', async () => {
    const p = file(
      'mixed.csv',
      [HEADER, row('南山创客工场', 22.53, 113.93, 'a'), row('福田孵化港', 39.9, 116.4, 'b')].join('\n'),
    );
    const r = await run({ path: p, format: 'csv', skipInvalid: true });
    expect(r.status).toBe('committed');
    expect(r.counts).toMatchObject({ created: 1, rejected: 1 });
    expect(errorCodes(r)).toContain('coordinates.outside_region');
    expect(await countSpaces(store.db)).toBe(1);
  });

  it('dry-run reports what would happen and writes nothing', async () => {
    const p = file('dry.csv', [HEADER, row('南山创客工场', 22.53, 113.93, 'a')].join('\n'));
    const r = await run({ path: p, format: 'csv', dryRun: true });
    expect(r).toMatchObject({ status: 'dry_run', counts: { created: 1 } });
    expect(await countSpaces(store.db)).toBe(0);
  });

  it('rejects GBK bytes, truncated quotes, wrong types and absurdly long fields, writing nothing', async () => {
    const cases: [string, Buffer | string, string][] = [
      [
        'gbk.csv',
        iconv.encode([HEADER, row('南山创客工场', 22.53, 113.93, 'a')].join('\n'), 'gbk'),
        'encoding.not_utf8',
      ],
      ['cut.csv', `${HEADER}\n"南山创客工场,,cn_coworking,active,CN,440300,深圳市,22.53,113.93`, ''],
      [
        'types.csv',
        `${HEADER}\n南山创客工场,,cn_coworking,active,CN,440300,深圳市,北纬22度,113.93,2018-05-01,test|a|`,
        '',
      ],
      [
        'long.csv',
        `${HEADER}\n${'长'.repeat(100_000)},,cn_coworking,active,CN,440300,深圳市,22.53,113.93,2018-05-01,test|a|`,
        '',
      ],
    ];
    for (const [name, content, code] of cases) {
      const r = await run({ path: file(name, content), format: 'csv' });
      expect(r.status, name).toBe('rejected');
      const errors = r.issues.filter((i) => i.severity === 'error');
      expect(errors.length, name).toBeGreaterThan(0);
      expect(
        errors.every((e) => e.file === name),
        name,
      ).toBe(true);
      if (code) expect(errorCodes(r), name).toContain(code);
    }
    expect(await countSpaces(store.db)).toBe(0);
  });

  it('merges duplicates within a file and against the registry, keeping provenance', async () => {
    const p = file(
      'dups.csv',
      [HEADER, row('南山创客工场', 22.53, 113.93, 'a'), row('南山 创客工场', 22.5305, 113.9302, 'z')].join(
        '\n',
      ),
    );
    const first = await run({ path: p, format: 'csv', actor: 'first' });
    expect(first.counts).toMatchObject({ created: 1, mergedWithinFile: 1 });
    expect(first.issues.map((i) => i.code)).toContain('duplicate.within_file');

    // Same source id again with a new field: an update, not a new space.
    const again = file(
      'again.csv',
      [`${HEADER},openingHours`, `${row('南山创客工场', 22.53, 113.93, 'a')},Mo-Fr 09:00-18:00`].join('\n'),
    );
    const second = await run({ path: again, format: 'csv', actor: 'second' });
    expect(second.counts).toMatchObject({ created: 0, merged: 1 });
    const [space] = (await listSpaces(store.db, {}, {})).items;
    expect(await countSpaces(store.db)).toBe(1);
    expect(space?.openingHours).toBe('Mo-Fr 09:00-18:00');
    expect(space?.provenance['openingHours']?.actor).toBe('second');
    expect(space?.provenance['nameZh']?.actor).toBe('first');
    expect(space?.sources.map((s) => s.sourceId).sort()).toEqual(['a', 'z']);
  });
});

describe('export → import round trip', () => {
  it('re-imports our own CSV, XLSX, JSON and GeoJSON exports into an empty registry with the same content', async () => {
    const inputs: SpaceInput[] = [
      {
        nameZh: '上海新车间',
        nameEn: 'XinCheJian',
        type: 'hackerspace',
        status: 'active',
        countryCode: 'CN',
        regionCode: '310100',
        lat: 31.23,
        lon: 121.47,
        foundedOn: '2010-10-01',
        membershipPlans: [{ name: '会员', amount: 100, currency: 'CNY', interval: 'month' }],
        equipment: ['3d_printing'],
        services: ['events'],
        links: [{ kind: 'website', url: 'https://xinchejian.com' }],
        sources: [{ source: 'test', sourceId: 'x' }],
        description: '=cmd|"/c calc"!A1',
      },
      {
        nameEn: 'Metalab',
        type: 'hackerspace',
        status: 'active',
        countryCode: 'AT',
        lat: 48.21,
        lon: 16.36,
        sources: [{ source: 'test', sourceId: 'm' }],
        profile: { members: 120 },
      },
    ];
    await insertSpaces(
      store.db,
      inputs.map((s, i) => newSpace(s, { id: `s${i}`, at: NOW.toISOString(), source: 'test', actor: 't' })),
    );
    for (const format of ['csv', 'xlsx', 'json', 'geojson'] as const) {
      const out = join(dir, `out.${format}`);
      await exportSpaces(store, { format, out, baseUrl: 'http://x' });
      const target = await openDatabase(join(dir, `${format}.db`));
      await migrate(target);
      const r = await importFile({ store: target, geo }, { path: out, format, now: NOW });
      expect(r.status, `${format}: ${JSON.stringify(r.issues)}`).toBe('committed');
      const back = (await listSpaces(target.db, {}, { sort: 'name' })).items;
      const orig = (await listSpaces(store.db, {}, { sort: 'name' })).items;
      const strip = ({
        id: _i,
        provenance: _p,
        createdAt: _c,
        updatedAt: _u,
        ...rest
      }: (typeof back)[number]) => rest;
      expect(back.map(strip), format).toEqual(orig.map(strip));
      await target.close();
    }
  });
});

describeShared('hackerspaces-timeline-2016', 'real files from ../shared/data', () => {
  it('hackerspaces.org: strict import rejects the file; --skip-invalid imports the rest; a re-import adds nothing', async () => {
    const path = sharedData('hackerspaces-timeline-2016/hackerspaces_active_2016-12.csv');
    const strict = await run({ path, format: 'hackerspaces' });
    expect(strict.status).toBe('rejected');
    expect(
      strict.issues.some(
        (i) => i.severity === 'error' && i.row !== undefined && /Best Korea/.test(i.message),
      ),
    ).toBe(true);
    expect(await countSpaces(store.db)).toBe(0);

    const lenient = await run({ path, format: 'hackerspaces', skipInvalid: true });
    expect(lenient.status).toBe('committed');
    const n = await countSpaces(store.db);
    expect(n).toBe(lenient.counts.created);
    expect(n).toBeGreaterThan(1000);

    const again = await run({ path, format: 'hackerspaces', skipInvalid: true });
    expect(again.counts.created).toBe(0);
    expect(await countSpaces(store.db)).toBe(n);
  });

  it('fablabs.io and Nesta files import with skipInvalid and keep profile fields', async () => {
    const fab = await run({
      path: sharedData('fablabs-io-2024/preliminary_iop_okw_fac_source_01.json'),
      format: 'fablabs',
      skipInvalid: true,
    });
    expect(fab.status).toBe('committed');
    expect(fab.counts.created).toBeGreaterThan(2000);
    const nesta = await run({
      path: sharedData('nesta-uk-makerspaces-2015/ukmakerspacesidentifiabledata.csv'),
      format: 'nesta',
      skipInvalid: true,
    });
    expect(nesta.status).toBe('committed');
    expect(nesta.counts.created + nesta.counts.merged).toBeGreaterThan(80);
    const uk = (await listSpaces(store.db, { country: 'GB', q: 'hackspace' }, { limit: 500 })).items;
    expect(uk.some((s) => Object.keys(s.profile).length > 3)).toBe(true);
  });
});
