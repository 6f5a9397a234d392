// The store on both databases: migrations, values that survive the round trip exactly, writes and
// their errors, source ids, imports, and the memo invalidation that keeps totals cheap and true.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Space } from '../src/domain/space.js';
import { openDatabase } from '../src/store/database.js';
import { getImport, listImports, recordImport, type ImportRecord } from '../src/store/imports-repo.js';
import { migrate } from '../src/store/migrate.js';
import { MIGRATIONS } from '../src/store/migrations/index.js';
import {
  countSpaces,
  deleteSpace,
  findBySourceIds,
  getSpace,
  insertSpaces,
  listSpaces,
  sourceKey,
  updateSpace,
} from '../src/store/spaces-repo.js';
import { StoreInputError } from '../src/store/store-error.js';
import { dataVersion } from '../src/store/store-state.js';
import { fullSpace, makeSpace, syntheticSpaces } from './fixtures/spaces.js';
import { DIALECTS, usePostgres, useStore } from './pg-harness.js';

const postgres = usePostgres();

const errorCode = async (p: Promise<unknown>): Promise<string> => {
  try {
    await p;
  } catch (e) {
    if (e instanceof StoreInputError) return e.code;
    throw e;
  }
  return 'no error';
};

/** Waits until `check` passes (for notifications from another connection), at most 5 s. */
const eventually = async (check: () => Promise<boolean>): Promise<void> => {
  for (let i = 0; i < 100; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('condition not met within 5 s');
};

for (const dialect of DIALECTS) {
  describe(`store on ${dialect}`, () => {
    const { store, url } = useStore(dialect, postgres);
    const db = () => store().db;

    it('reports its dialect and runs every migration once', async () => {
      expect(store().dialect).toBe(dialect);
      // useStore already migrated: a second run applies nothing, on a second connection too.
      expect(await migrate(store())).toEqual({ applied: [] });
      const other = await openDatabase(url());
      try {
        expect(await migrate(other)).toEqual({ applied: [] });
      } finally {
        await other.close();
      }
      const names = await db()
        .selectFrom(sql`kysely_migration`.as('m'))
        .select(sql<string>`name`.as('name'))
        .orderBy('name')
        .execute();
      expect(names.map((r) => r.name)).toEqual(Object.keys(MIGRATIONS).sort());
      for (const table of [
        'spaces',
        'space_source_ids',
        'imports',
        'annual_reports',
        'cohort_firms',
        'index_releases',
        'index_scores',
        'users',
        'jobs',
      ] as const) {
        const row = await db()
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow();
        expect(row.n, table).toBe(0);
      }
    });

    it('gives back every field of a space exactly: JSON, numbers, booleans, nulls, Unicode', async () => {
      const full = fullSpace();
      const bare = makeSpace({
        nameEn: null,
        nameZh: '最小',
        lat: null,
        lon: null,
        regionCode: null,
        city: null,
      });
      await insertSpaces(db(), [full, bare]);
      expect(await getSpace(db(), full.id)).toStrictEqual(full);
      expect(await getSpace(db(), bare.id)).toStrictEqual(bare);
      expect(await getSpace(db(), 'no-such-id')).toBeUndefined();
    });

    it('gives back every field exactly from a bulk write too (array-bound on PostgreSQL)', async () => {
      // Strings that an array literal must escape: quotes, backslashes, braces, commas, the word NULL.
      const awkward = ['NULL', 'null', '', ' ', 'a,b', '{x}', '"q"', 'back\\slash', 'tab\there', '🛠️ 创客'];
      const spaces = Array.from({ length: 260 }, (_, i) => {
        const text = awkward[i % awkward.length]!;
        return i % 2
          ? fullSpace({
              address: text,
              description: `${text}\n${i}`,
              postcode: null,
              approximate: i % 3 === 0,
              sources: [{ source: 'bulk-test', sourceId: `row-${i}` }],
            })
          : makeSpace({ nameZh: `批量 ${text}`, nameEn: null, lat: null, lon: null, workstations: i });
      });
      await insertSpaces(db(), spaces);
      for (const s of spaces) expect(await getSpace(db(), s.id)).toStrictEqual(s);
      // The tests below count what they wrote themselves.
      for (const s of spaces) await deleteSpace(db(), s.id);
    });

    it('stores timestamps in one canonical form', async () => {
      const s = makeSpace({ createdAt: '2024-05-01T10:00:00+02:00', updatedAt: '2024-05-01T08:00:00Z' });
      await insertSpaces(db(), [s]);
      const got = await getSpace(db(), s.id);
      expect(got?.createdAt).toBe('2024-05-01T08:00:00.000Z');
      expect(got?.updatedAt).toBe('2024-05-01T08:00:00.000Z');
      expect(await errorCode(insertSpaces(db(), [makeSpace({ updatedAt: 'yesterday' })]))).toBe(
        'space.invalid',
      );
    });

    it('returns numbers, booleans and parsed JSON from any query, as SQLite and PostgreSQL alike', async () => {
      const row = await db()
        .selectFrom('spaces')
        .select((eb) => [
          eb.fn.countAll().as('n'),
          eb.fn.sum('workstations').as('ws'),
          eb.fn.max('area_m2').as('area'),
          sql<number>`avg(lat)`.as('avg_lat'),
        ])
        .executeTakeFirstOrThrow();
      expect(typeof row.n).toBe('number');
      expect(typeof row.ws).toBe('number');
      expect(row.area).toBe(1234.56);
      expect(typeof row.avg_lat).toBe('number');
      const flags = await db().selectFrom('spaces').select(['approximate', 'synthetic', 'links']).execute();
      for (const f of flags) {
        expect(typeof f.approximate).toBe('boolean');
        expect(typeof f.synthetic).toBe('boolean');
        expect(Array.isArray(f.links)).toBe(true);
      }
      const n = await db().selectFrom('spaces').select('id').where('synthetic', '=', true).execute();
      expect(n.length).toBe(1);
    });

    it('refuses repeated ids and source ids, and then writes nothing', async () => {
      const before = await countSpaces(db());
      const a = makeSpace({ sources: [{ source: 'fablabs.io', sourceId: 'dup-1' }] });
      expect(await errorCode(insertSpaces(db(), [a, { ...makeSpace(), id: a.id }]))).toBe(
        'space.duplicate_id',
      );
      expect(
        await errorCode(
          insertSpaces(db(), [a, makeSpace({ sources: [{ source: 'fablabs.io', sourceId: 'dup-1' }] })]),
        ),
      ).toBe('source.duplicate');
      await insertSpaces(db(), [a]);
      // An id already stored, in a batch with a valid space: neither is kept.
      const fresh = makeSpace();
      const dup = await insertSpaces(db(), [fresh, { ...makeSpace(), id: a.id }]).catch((e: unknown) => e);
      expect(dup).toMatchObject({ code: 'space.duplicate_id', field: '/1/id' });
      expect((dup as Error).message).toContain(a.id);
      expect(await getSpace(db(), fresh.id)).toBeUndefined();
      const thief = makeSpace({ sources: [{ source: 'fablabs.io', sourceId: 'dup-1' }] });
      expect(await errorCode(insertSpaces(db(), [thief]))).toBe('source.conflict');
      expect(await getSpace(db(), thief.id)).toBeUndefined();
      expect(await countSpaces(db())).toBe(before + 1);
    });

    it('bulk-loads 10,000+ spaces with the indexes rebuilt, or changes nothing on failure', async () => {
      const indexes = async () => {
        const q =
          dialect === 'sqlite'
            ? sql<{
                name: string;
              }>`select name from sqlite_master where type = 'index' and tbl_name = 'spaces'`
            : sql<{ name: string }>`select indexname as name from pg_indexes where tablename = 'spaces'`;
        return (await q.execute(db())).rows.map((r) => r.name).sort();
      };
      const before = await indexes();
      expect(before).toContain('spaces_lat_lon');
      const count = await countSpaces(db());
      const existing = (await listSpaces(db(), {}, { limit: 1 })).items[0];
      const batch = syntheticSpaces(10_000, 3, 'bulk');
      // The last row has a latitude the database refuses, after 9,999 rows went in without indexes.
      const failing = [...batch.slice(0, -1), { ...batch[9_999]!, lat: 95 }];
      expect(await errorCode(insertSpaces(db(), failing))).toBe('space.invalid');
      expect(await countSpaces(db())).toBe(count);
      expect(await indexes()).toEqual(before);
      expect(await errorCode(updateSpace(db(), { ...batch[0]!, id: existing?.id ?? '', lon: -181 }))).toBe(
        'space.invalid',
      );

      await insertSpaces(db(), batch);
      expect(await countSpaces(db())).toBe(count + 10_000);
      expect(await indexes()).toEqual(before);
      expect(await getSpace(db(), batch[1234]!.id)).toStrictEqual(batch[1234]);
      const found = await findBySourceIds(db(), [batch[9_999]!.sources[0]!]);
      expect([...found.values()]).toEqual([batch[9_999]!.id]);
      await db().deleteFrom('spaces').where('id', 'like', 'bulk-%').execute();
      expect(await countSpaces(db())).toBe(count);
    });

    it('finds spaces by source id, and follows updates and deletes', async () => {
      const s = makeSpace({
        sources: [
          { source: 'hackerspaces.org', sourceId: 'Metalab' },
          { source: 'spaceapi', sourceId: 'https://metalab.at/spaceapi.json' },
        ],
      });
      await insertSpaces(db(), [s]);
      const refs = [
        { source: 'hackerspaces.org', sourceId: 'Metalab' },
        { source: 'spaceapi', sourceId: 'https://metalab.at/spaceapi.json' },
        { source: 'hackerspaces.org', sourceId: 'metalab' },
        { source: 'nowhere', sourceId: 'x' },
      ];
      const found = await findBySourceIds(db(), refs);
      expect([...found.entries()].sort()).toEqual(
        [
          [sourceKey('hackerspaces.org', 'Metalab'), s.id],
          [sourceKey('spaceapi', 'https://metalab.at/spaceapi.json'), s.id],
        ].sort(),
      );

      const moved: Space = {
        ...s,
        nameEn: 'Metalab Wien',
        sources: [{ source: 'hackerspaces.org', sourceId: 'metalab' }],
      };
      expect(await updateSpace(db(), moved)).toBe(true);
      expect(await getSpace(db(), s.id)).toStrictEqual(moved);
      const after = await findBySourceIds(db(), refs);
      expect([...after.entries()]).toEqual([[sourceKey('hackerspaces.org', 'metalab'), s.id]]);

      const other = makeSpace({ sources: [{ source: 'hackerspaces.org', sourceId: 'other' }] });
      await insertSpaces(db(), [other]);
      const stealing = {
        ...other,
        nameEn: 'changed',
        sources: [{ source: 'hackerspaces.org', sourceId: 'metalab' }],
      };
      expect(await errorCode(updateSpace(db(), stealing))).toBe('source.conflict');
      expect(await getSpace(db(), other.id)).toStrictEqual(other);

      expect(await updateSpace(db(), makeSpace())).toBe(false);
      expect(await deleteSpace(db(), s.id)).toBe(true);
      expect(await deleteSpace(db(), s.id)).toBe(false);
      expect((await findBySourceIds(db(), refs)).size).toBe(0);
    });

    it('keeps totals and pages true after every write (memo invalidation)', async () => {
      const lab = (over: Partial<Space> = {}) => makeSpace({ type: 'community_lab', ...over });
      const filter = { type: ['community_lab' as const] };
      const total0 = (await listSpaces(db(), filter)).total;
      const v0 = dataVersion(db());

      const a = lab();
      await insertSpaces(db(), [a]);
      expect(dataVersion(db())).toBeGreaterThan(v0);
      expect((await listSpaces(db(), filter)).total).toBe(total0 + 1);
      expect(await countSpaces(db(), filter)).toBe(total0 + 1);

      await updateSpace(db(), { ...a, type: 'fablab' });
      const page = await listSpaces(db(), filter);
      expect(page.total).toBe(total0);
      expect(page.items.map((s) => s.id)).not.toContain(a.id);

      await updateSpace(db(), { ...a, type: 'fablab', nameEn: 'Renamed Lab' });
      expect((await listSpaces(db(), { type: ['fablab'] })).items.find((s) => s.id === a.id)?.nameEn).toBe(
        'Renamed Lab',
      );

      // Inside a transaction the count sees its own rows; a rollback leaves the memo untouched.
      await db()
        .transaction()
        .execute(async (trx) => {
          await insertSpaces(trx, [lab(), lab()]);
          expect(await countSpaces(trx, filter)).toBe(total0 + 2);
          throw new Error('roll back');
        })
        .catch((e: unknown) => {
          if (!(e instanceof Error) || e.message !== 'roll back') throw e;
        });
      expect((await listSpaces(db(), filter)).total).toBe(total0);

      await deleteSpace(db(), a.id);
      expect(await countSpaces(db(), { type: ['fablab'] })).toBe(
        (await db().selectFrom('spaces').select('id').where('type', '=', 'fablab').execute()).length,
      );
    });

    it('hears writes made by another connection or process', async () => {
      const filter = { type: ['accelerator' as const] };
      const before = (await listSpaces(db(), filter)).total;
      const other = await openDatabase(url());
      try {
        await insertSpaces(other.db, [makeSpace({ type: 'accelerator' })]);
      } finally {
        await other.close();
      }
      // SQLite sees it at once (PRAGMA data_version); PostgreSQL once the NOTIFY arrives.
      await eventually(async () => (await listSpaces(db(), filter)).total === before + 1);
      expect(await countSpaces(db(), filter)).toBe(before + 1);
    });

    it('hands out frozen pages, so one caller cannot change what the next one reads', async () => {
      const page = await listSpaces(db(), {});
      const first = page.items[0];
      expect(first).toBeDefined();
      expect(Object.isFrozen(first)).toBe(true);
      expect(() => {
        (first as Space).nameEn = 'mutated';
      }).toThrow(TypeError);
      expect(() => first?.links.push({ kind: 'other', url: 'x' })).toThrow(TypeError);
      // getSpace gives a private copy that may be changed.
      const own = await getSpace(db(), first?.id ?? '');
      if (own) own.nameEn = 'mine';
      expect((await listSpaces(db(), {})).items[0]?.nameEn).toBe(first?.nameEn);
    });

    it('records import runs with their issues', async () => {
      const run: ImportRecord = {
        id: 'imp-1',
        at: '2024-06-01T12:00:00.000Z',
        actor: 'admin@example.org',
        file: 'spaces.csv',
        format: 'csv',
        counts: { rows: 3, inserted: 2, rejected: 1 },
        dryRun: true,
        status: 'dry_run',
        issues: [
          {
            severity: 'error',
            code: 'coordinates.swapped',
            file: 'spaces.csv',
            row: 3,
            field: 'lat',
            message: 'lat 113.9 is outside ±90',
          },
        ],
      };
      await recordImport(db(), run);
      await recordImport(db(), {
        ...run,
        id: 'imp-2',
        at: '2024-06-02T12:00:00.000Z',
        dryRun: false,
        status: 'committed',
        issues: [],
      });
      expect(await getImport(db(), 'imp-1')).toStrictEqual(run);
      expect((await listImports(db())).map((r) => r.id)).toEqual(['imp-2', 'imp-1']);
      expect(
        await errorCode(recordImport(db(), { ...run, id: 'imp-3', status: 'weird' as 'committed' })),
      ).toBe('import.invalid');
    });
  });
}

describe('SQLite files', () => {
  const tmp = () => mkdtempSync(join(tmpdir(), 'makeratlas-pages-'));

  it('are created with 16 KiB pages, in WAL mode', async () => {
    const dir = tmp();
    try {
      const store = await openDatabase(join(dir, 'new.db'));
      await migrate(store);
      const page = await sql<{ page_size: number }>`pragma page_size`.execute(store.db);
      const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(store.db);
      await store.close();
      expect(page.rows[0]?.page_size).toBe(16384);
      expect(mode.rows[0]?.journal_mode).toBe('wal');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('made before keep their page size and their rows', async () => {
    const dir = tmp();
    try {
      const path = join(dir, 'old.db');
      const old = new Database(path);
      old.pragma('page_size = 4096');
      old.pragma('journal_mode = WAL');
      old.close();
      const first = await openDatabase(path);
      await migrate(first);
      await insertSpaces(first.db, [makeSpace({ id: 'kept' })]);
      await first.close();
      const again = await openDatabase(path);
      const page = await sql<{ page_size: number }>`pragma page_size`.execute(again.db);
      expect(page.rows[0]?.page_size).toBe(4096);
      expect((await getSpace(again.db, 'kept'))?.id).toBe('kept');
      await again.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
