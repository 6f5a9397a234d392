// Listing spaces on both databases: every filter, search in Chinese/English/pinyin, boxes and
// circles, every sort, keyset paging over ties, cursor errors, exports and region statistics.
// Expected answers come from a plain in-memory reference written here, or are named outright.
import { describe, expect, it } from 'vitest';
import { summaryOf, type Space } from '../src/domain/space.js';
import { haversineM } from '../src/store/geo.js';
import { countryStats, regionStats } from '../src/store/region-stats-repo.js';
import { nameText, normaliseQuery } from '../src/store/search-text.js';
import { regionRange, SPACE_SORTS, type SpaceFilter, type SpaceSort } from '../src/store/space-filter.js';
import {
  countSpaces,
  findNearby,
  getSpace,
  insertSpaces,
  iterateSpaces,
  iterateSpaceSummaries,
  listSpaceIds,
  listSpaces,
  type Db,
} from '../src/store/spaces-repo.js';
import { StoreInputError } from '../src/store/store-error.js';
import { namedSpaces, SHENZHEN_BBOX, syntheticSpaces } from './fixtures/spaces.js';
import { DIALECTS, usePostgres, useStore } from './pg-harness.js';

const postgres = usePostgres();

const ALL: Space[] = [...namedSpaces(), ...syntheticSpaces(400, 7)];

// ---- reference implementation -----------------------------------------------------------------

const inBox = (s: Space, [minLon, minLat, maxLon, maxLat]: [number, number, number, number]) =>
  s.lat !== null &&
  s.lon !== null &&
  s.lat >= minLat &&
  s.lat <= maxLat &&
  (minLon <= maxLon ? s.lon >= minLon && s.lon <= maxLon : s.lon >= minLon || s.lon <= maxLon);

const year = (s: Space) => (s.foundedOn ? Number(s.foundedOn.slice(0, 4)) : null);

const matches = (s: Space, f: SpaceFilter): boolean => {
  if (f.type && !f.type.includes(s.type)) return false;
  if (f.regionPrefix !== undefined) {
    const [lo, hi] = regionRange(f.regionPrefix);
    if (s.regionCode === null || s.regionCode < lo || s.regionCode > hi) return false;
  }
  if (f.country && s.countryCode !== f.country) return false;
  if (f.status && !f.status.includes(s.status)) return false;
  if (f.certification && !f.certification.includes(s.certification)) return false;
  if (f.q && !nameText(s.nameZh, s.nameEn).searchText.includes(normaliseQuery(f.q))) return false;
  if (f.bbox && !inBox(s, f.bbox)) return false;
  if (
    f.near &&
    (s.lat === null ||
      s.lon === null ||
      haversineM(f.near.lat, f.near.lon, s.lat, s.lon) > f.near.radiusKm * 1000)
  )
    return false;
  if (f.synthetic !== undefined && s.synthetic !== f.synthetic) return false;
  if (f.foundedBefore !== undefined && !((year(s) ?? Infinity) < f.foundedBefore)) return false;
  return true;
};

/** Both databases compare sort text byte by byte (SQLite BINARY, PostgreSQL "C"). */
const bytes = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

const keyOf = (s: Space, sort: SpaceSort, f: SpaceFilter): string | number | null => {
  switch (sort) {
    case 'name':
    case '-name':
      return nameText(s.nameZh, s.nameEn).nameSort;
    case 'founded':
    case '-founded':
      return year(s);
    case 'updated':
    case '-updated':
      return s.updatedAt;
    case 'distance':
      return haversineM(f.near?.lat ?? 0, f.near?.lon ?? 0, s.lat ?? 0, s.lon ?? 0);
    case 'id':
      return null;
  }
};

const compareKeys = (a: string | number | null, b: string | number | null): number => {
  if (a === b) return 0;
  if (a === null) return -1; // unknown founding years are the smallest key
  if (b === null) return 1;
  return typeof a === 'string' && typeof b === 'string' ? bytes(a, b) : (a as number) - (b as number);
};

const expected = (f: SpaceFilter, sort: SpaceSort = 'id'): string[] => {
  const dir = sort.startsWith('-') ? -1 : 1;
  return ALL.filter((s) => matches(s, f))
    .map((s) => ({ id: s.id, k: keyOf(s, sort, f) }))
    .sort((a, b) => dir * (compareKeys(a.k, b.k) || bytes(a.id, b.id)))
    .map((x) => x.id);
};

const sorted = (ids: string[]) => [...ids].sort(bytes);

const codeOf = async (p: Promise<unknown>): Promise<string> => {
  try {
    await p;
  } catch (e) {
    if (e instanceof StoreInputError) return e.code;
    throw e;
  }
  return 'no error';
};

/** Every page of a listing, following `next`; checks the total on each page. */
const allPages = async (db: Db, f: SpaceFilter, sort: SpaceSort, limit: number): Promise<string[]> => {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (let guard = 0; guard < 1000; guard++) {
    const page = await listSpaces(db, f, { sort, limit, ...(cursor !== undefined && { cursor }) });
    expect(page.items.length).toBeLessThanOrEqual(limit);
    ids.push(...page.items.map((s) => s.id));
    if (page.next === null) return ids;
    expect(page.items.length).toBe(limit);
    cursor = page.next;
  }
  throw new Error('paging did not end');
};

// ---- the suite ----------------------------------------------------------------------------------

for (const dialect of DIALECTS) {
  describe(`listing spaces on ${dialect}`, () => {
    const { store } = useStore(dialect, postgres);
    const db = () => store().db;

    it('loads the fixture registry', async () => {
      await insertSpaces(db(), ALL);
      expect(await countSpaces(db())).toBe(ALL.length);
    });

    const filters: [string, SpaceFilter][] = [
      ['type', { type: ['hackerspace', 'fablab'] }],
      ['province prefix', { regionPrefix: '44' }],
      ['prefecture prefix', { regionPrefix: '4403' }],
      ['a full prefecture code means the prefecture', { regionPrefix: '440300' }],
      ['county code', { regionPrefix: '440305' }],
      ['country', { country: 'DE' }],
      ['lowercase country', { country: 'de' }],
      ['status', { status: ['closed', 'planned'] }],
      ['certification', { certification: ['national', 'provincial'] }],
      ['synthetic', { synthetic: false }],
      ['founded before', { foundedBefore: 2012 }],
      ['bbox', { bbox: SHENZHEN_BBOX }],
      ['bbox across the antimeridian', { bbox: [170, -30, -170, 0] }],
      ['near', { near: { lat: 22.6, lon: 114.05, radiusKm: 12 } }],
      [
        'combined',
        { type: ['makerspace', 'cn_coworking'], regionPrefix: '44', status: ['active'], synthetic: true },
      ],
    ];
    for (const [name, f] of filters) {
      it(`filters by ${name}`, async () => {
        const want = expected({ ...f, ...(f.country && { country: f.country.toUpperCase() }) });
        expect(want.length, 'the fixture must make this filter select something').toBeGreaterThan(0);
        expect(want.length, 'and leave something out').toBeLessThan(ALL.length);
        expect(await listSpaceIds(db(), f)).toEqual(sorted(want));
        const page = await listSpaces(db(), f, { limit: 500, sort: 'id' });
        expect(page.total).toBe(want.length);
        expect(page.items.map((s) => s.id)).toEqual(sorted(want));
      });
    }

    it('finds names in Chinese, English, pinyin and pinyin initials', async () => {
      const q = async (text: string) => sorted(await listSpaceIds(db(), { q: text }));
      expect(await q('柴火')).toEqual(['n-chaihuo', 'n-chaihuo-xw']);
      expect(await q('chaihuo')).toEqual(['n-chaihuo', 'n-chaihuo-xw']);
      expect(await q('Chaihuo')).toEqual(['n-chaihuo', 'n-chaihuo-xw']);
      expect(await q('CHAIHUO maker')).toEqual(['n-chaihuo']);
      expect(await q('chx')).toEqual(['n-chaihuo-xw']);
      expect(await q('chckkj')).toEqual(['n-chaihuo']);
      expect(await q('xin che jian')).toEqual(['n-xinchejian']);
      expect(await q('chongqing changan')).toEqual(['n-cq']);
      expect(await q('深圳湾')).toEqual(['n-szbay']);
      // LIKE wildcards in a query are plain characters.
      expect(await q('0%')).toEqual(['n-percent']);
      expect(await q('r_l')).toEqual(['n-percent']);
      expect(await q('%')).toEqual(['n-percent']);
      expect(await q('nothing like this')).toEqual([]);
      // A query of only spaces, and empty lists, filter nothing.
      expect((await listSpaces(db(), { q: '   ' })).total).toBe(ALL.length);
      expect((await listSpaces(db(), { type: [], status: [], certification: [] })).total).toBe(ALL.length);
    });

    it('finds spaces near a point, nearest first', async () => {
      const near = { lat: 22.54, lon: 113.95, radiusKm: 3 };
      const want = expected({ near }, 'distance');
      expect(want.slice(0, 2)).toEqual(['n-chaihuo-xw', 'n-szbay']);
      const page = await listSpaces(db(), { near }, { sort: 'distance', limit: 500 });
      expect(page.items.map((s) => s.id)).toEqual(want);
      const nearby = await findNearby(db(), near.lat, near.lon, near.radiusKm * 1000);
      expect(nearby.map((s) => s.id)).toEqual(want);
      // A circle over the antimeridian: Suva (178.44) and Apia (-171.76) are 1,150 km apart.
      const pacific = await findNearby(db(), -16, -178, 1_000_000);
      expect(sorted(pacific.map((s) => s.id))).toEqual(['n-fiji', 'n-samoa']);
    });

    for (const sort of SPACE_SORTS) {
      it(`pages through sort=${sort} without gaps or repeats, ties included`, async () => {
        const f: SpaceFilter = sort === 'distance' ? { near: { lat: 22.6, lon: 114, radiusKm: 40 } } : {};
        const want = expected(f, sort);
        const got = await allPages(db(), f, sort, 7);
        expect(new Set(got).size).toBe(got.length);
        expect(got).toEqual(want);
      });
    }

    it('orders twins (same name, year, place) by id and pages across them', async () => {
      const twins = await allPages(db(), { q: 'twin lab' }, '-founded', 2);
      expect(twins).toEqual([
        'n-twin-g',
        'n-twin-f',
        'n-twin-e',
        'n-twin-d',
        'n-twin-c',
        'n-twin-b',
        'n-twin-a',
      ]);
    });

    it('rejects bad cursors, sorts, limits and filters with typed errors', async () => {
      const first = await listSpaces(db(), {}, { sort: 'name', limit: 5 });
      expect(first.next).not.toBeNull();
      const list = (f: SpaceFilter, p: Parameters<typeof listSpaces>[2]) => listSpaces(db(), f, p);
      expect(await codeOf(list({}, { cursor: 'garbage!' }))).toBe('cursor.invalid');
      expect(await codeOf(list({}, { cursor: Buffer.from('[1,2]').toString('base64url') }))).toBe(
        'cursor.invalid',
      );
      expect(await codeOf(list({}, { sort: '-name', cursor: first.next ?? '' }))).toBe(
        'cursor.sort_mismatch',
      );
      expect(await codeOf(list({}, { sort: 'distance' }))).toBe('sort.needs_near');
      expect(await codeOf(list({}, { limit: 0 }))).toBe('page.invalid');
      expect(await codeOf(list({}, { limit: 501 }))).toBe('page.invalid');
      expect(await codeOf(list({}, { sort: 'size' as SpaceSort }))).toBe('page.invalid');
      expect(await codeOf(list({ bbox: [0, 10, 1, 5] }, {}))).toBe('filter.invalid');
      expect(await codeOf(list({ regionPrefix: '44a' }, {}))).toBe('filter.invalid');
      expect(await codeOf(list({ near: { lat: 0, lon: 0, radiusKm: 0 } }, {}))).toBe('filter.invalid');
      expect(await codeOf(list({ colour: 'red' } as SpaceFilter, {}))).toBe('filter.invalid');
      const e = await list({ type: ['spaceship' as 'fablab'] }, {}).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(StoreInputError);
      expect((e as StoreInputError).field).toBe('/filter/type/0');
    });

    it('streams an export in batches, in id order, with whole spaces', async () => {
      const f: SpaceFilter = { regionPrefix: '44' };
      const seen: Space[] = [];
      for await (const s of iterateSpaces(db(), f, 7)) seen.push(s);
      expect(seen.map((s) => s.id)).toEqual(sorted(expected(f)));
      const one = seen.find((s) => s.id === 'n-chaihuo');
      expect(one).toStrictEqual(await getSpace(db(), 'n-chaihuo'));
      expect(one).toStrictEqual(ALL.find((s) => s.id === 'n-chaihuo'));
    });

    it('streams summaries in batches, each equal to the summary of the whole space', async () => {
      const f: SpaceFilter = { regionPrefix: '44' };
      const seen = [];
      for await (const s of iterateSpaceSummaries(db(), f, 7)) seen.push(s);
      expect(seen.map((s) => s.id)).toEqual(sorted(expected(f)));
      for (const s of seen) expect(s).toStrictEqual(summaryOf(ALL.find((x) => x.id === s.id)!));
    });

    it('counts a region by type, status, certification and founding year', async () => {
      const inRegion = ALL.filter((s) => matches(s, { regionPrefix: '44' }));
      const stats = await regionStats(db(), '44');
      expect(stats.total).toBe(inRegion.length);
      const count = (key: (s: Space) => string) => {
        const m = new Map<string, number>();
        for (const s of inRegion) m.set(key(s), (m.get(key(s)) ?? 0) + 1);
        return m;
      };
      expect(new Map(stats.byType.map((r) => [r.type, r.count]))).toEqual(count((s) => s.type));
      expect(new Map(stats.byStatus.map((r) => [r.status, r.count]))).toEqual(count((s) => s.status));
      expect(new Map(stats.byCertification.map((r) => [r.certification, r.count]))).toEqual(
        count((s) => s.certification),
      );
      const years = inRegion.map(year).filter((y): y is number => y !== null);
      expect(stats.foundedUnknown).toBe(inRegion.length - years.length);
      expect(stats.byYear[0]?.year).toBe(Math.min(...years));
      expect(stats.byYear.at(-1)?.year).toBe(Math.max(...years));
      for (const r of stats.byYear) {
        expect(r.count).toBe(years.filter((y) => y === r.year).length);
        expect(r.cumulative).toBe(years.filter((y) => y <= r.year).length);
      }
      const de = await countryStats(db(), 'de');
      expect(de.total).toBe(ALL.filter((s) => s.countryCode === 'DE').length);
      expect(de.byYear.find((r) => r.year === 1981)?.count).toBe(1);
      expect(await codeOf(regionStats(db(), 'Guangdong'))).toBe('region.invalid');
      expect((await regionStats(db(), '65')).total).toBe(0);
    });
  });
}
