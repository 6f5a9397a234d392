// A maker-index release over a small synthetic registry, on both databases: scores, ranks (ties as
// COINr), explanations that add up for every space, rank changes, region indices, exact recomputation
// from the stored inputs, stable release ids, and all-or-nothing writes.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rankMin } from '../src/engine/pipeline/numeric.js';
import type { Store } from '../src/store/database.js';
import {
  getRelease,
  latestRelease,
  listAllUnits,
  listReleases,
  listScores,
  type IndexLevelName,
  type ReleaseRecord,
} from '../src/store/index-repo.js';
import { listReports, saveReports } from '../src/store/reports-repo.js';
import { explainSpace } from '../src/services/maker-index/explain-space.js';
import { explainUnit } from '../src/services/maker-index/explain.js';
import { loadFramework } from '../src/services/maker-index/framework.js';
import { recomputeYear, yearModel } from '../src/services/maker-index/release-data.js';
import { createRelease, ensureRelease, type ReleaseOutcome } from '../src/services/maker-index/release.js';
import { yearMatrix, column } from '../src/services/maker-index/year-matrix.js';
import { seedRegistry, syntheticRegistry, tempStore } from './maker-index-fixtures.js';
import { DIALECTS, usePostgres, useStore } from './pg-harness.js';

const postgres = usePostgres();
const registry = syntheticRegistry(300, 7);
const NOW = () => new Date('2026-01-01T00:00:00Z');
const YEARS = [2016, 2017, 2018, 2019, 2020];
const LEVELS: IndexLevelName[] = ['space', 'province', 'prefecture'];

/** Every stored score of a release, keyed level/year/unit/code, per dialect (compared at the end). */
const published = new Map<string, Map<string, [number | null, number | null, number | null]>>();
const releaseIds = new Map<string, string>();

const allScores = async (store: Store, release: ReleaseRecord) => {
  const out = new Map<string, [number | null, number | null, number | null]>();
  for (const level of LEVELS)
    for (const year of YEARS)
      for (const s of await listScores(store.db, { releaseId: release.id, level, year }))
        out.set(`${level}/${year}/${s.unitId}/${s.code}`, [s.score, s.rank, s.raw]);
  return out;
};

for (const dialect of DIALECTS) {
  describe(`maker-index release on ${dialect}`, () => {
    const { store } = useStore(dialect, postgres);
    let out: ReleaseOutcome;

    beforeAll(async () => {
      await seedRegistry(store(), registry);
      out = await createRelease(store(), { engineVersion: 'test', now: NOW });
      published.set(dialect, await allScores(store(), out.release));
      releaseIds.set(dialect, out.release.id);
    }, 180_000);

    it('publishes a release of every year and level with its provenance', async () => {
      expect(out.created).toBe(true);
      const r = out.release;
      expect(r.id).toMatch(/^mi-[0-9a-f]{16}$/);
      expect([r.yearFrom, r.yearTo]).toEqual([2016, 2020]);
      expect(r.dataHash).toMatch(/^[0-9a-f]{64}$/);
      expect(await getRelease(store().db, r.id)).toEqual(r);
      const p = r.provenance as {
        framework: { id: string; version: string; document: unknown };
        engine: { version: string };
        data: { sha256: string; counts: Record<string, number> };
        years: Record<string, Record<string, { scored: number; indicators: string[] }>>;
      };
      expect(p.framework).toMatchObject({ id: 'makeratlas-maker-index', version: '1.0.0' });
      expect(p.framework.document).toEqual(loadFramework());
      expect(p.engine.version).toBe('test');
      expect(p.data.sha256).toBe(r.dataHash);
      expect(p.data.counts).toEqual({
        spaces: registry.spaces.length,
        reports: registry.reports.length,
        firms: registry.firms.length,
      });
      for (const y of YEARS)
        for (const l of LEVELS) expect(p.years[String(y)]?.[l]?.scored).toBeGreaterThan(0);
      // Survival needs two years of follow-up: not in 2016, in 2020.
      expect(p.years['2016']?.['space']?.indicators).not.toContain('ip_survival2y');
      expect(p.years['2020']?.['space']?.indicators).toContain('ip_survival2y');
    });

    it('scores in [0, 100] and ranks every code like COINr (higher is better, ties share the lowest rank)', async () => {
      let ties = 0;
      for (const level of LEVELS)
        for (const year of YEARS) {
          const m = await yearMatrix(store(), out.release, level, year);
          const scored = m.units.map((u, i) => ({ u, i })).filter(({ u }) => u.rank !== null);
          expect(scored.length).toBeGreaterThan(0);
          for (const code of m.codes) {
            const s = column(m, 'score', code);
            const rk = column(m, 'rank', code);
            const xs = Float64Array.from(scored, ({ i }) => s[i] as number);
            const expected = rankMin(xs, true);
            scored.forEach(({ i }, k) => {
              const v = s[i] as number;
              if (Number.isNaN(v)) return;
              expect(v).toBeGreaterThanOrEqual(0);
              expect(v).toBeLessThanOrEqual(100);
              // Independently: 1 + the number of strictly better units.
              const better = xs.filter((x) => x > v).length;
              expect(rk[i]).toBe(better + 1);
              expect(rk[i]).toBe(expected[k]);
            });
            ties += xs.length - new Set(xs).size;
          }
          // The unit table agrees with the index column.
          for (const { u, i } of scored) expect(u.score).toBe(column(m, 'score', 'Index')[i]);
        }
      expect(ties).toBeGreaterThan(0);
    });

    it('explains every space of every year: contributions add up to the score within 1e-9', async () => {
      let checked = 0;
      for (const year of YEARS) {
        const { framework } = yearModel(out.release, 'space', year);
        const m = await yearMatrix(store(), out.release, 'space', year);
        m.units.forEach((u, i) => {
          if (u.score === null) return;
          const values = new Map(
            framework.indicators().map((r) => [r.iCode, column(m, 'score', r.iCode)[i] as number]),
          );
          const ex = explainUnit(framework, values);
          expect(Math.abs(ex.total - u.score)).toBeLessThanOrEqual(1e-9);
          checked++;
        });
      }
      expect(checked).toBe(registry.reports.length);
      // Through the service, for every space of the last year.
      const units = await listAllUnits(store().db, out.release.id, 'space', 2020);
      for (const u of units) {
        const ex = await explainSpace(store(), { spaceId: u.unitId, year: 2020 });
        expect(Math.abs(ex.check.difference)).toBeLessThanOrEqual(1e-9);
        const pillarSum = ex.pillars.reduce((s, p) => s + p.contribution, 0);
        expect(Math.abs(pillarSum - (ex.score as number))).toBeLessThanOrEqual(1e-9);
        expect(ex.indicators.filter((i) => i.pillar === 'SZ').every((i) => i.effectiveWeight === 0)).toBe(
          true,
        );
        expect(ex.strengths.length).toBe(3);
        expect(ex.weaknesses.length).toBe(3);
        expect(ex.strengths[0]!.rank).toBeLessThanOrEqual(ex.weaknesses[2]!.rank);
      }
    });

    it('records the rank change since the year before', async () => {
      let compared = 0;
      for (const level of LEVELS) {
        let prev = new Map<string, number | null>();
        for (const year of YEARS) {
          const units = await listAllUnits(store().db, out.release.id, level, year);
          for (const u of units) {
            const before = prev.get(u.unitId) ?? null;
            expect(u.rankPrev).toBe(year === 2016 ? null : before);
            if (u.rank !== null && before !== null) {
              expect(u.rankChange).toBe(before - u.rank);
              compared++;
            } else expect(u.rankChange).toBeNull();
          }
          prev = new Map(units.map((u) => [u.unitId, u.rank]));
        }
      }
      expect(compared).toBeGreaterThan(100);
    });

    it('ranks provinces and prefectures on indicators built from their spaces', async () => {
      for (const year of YEARS) {
        const spaces = await listAllUnits(store().db, out.release.id, 'space', year);
        const provinces = await yearMatrix(store(), out.release, 'province', year);
        expect(provinces.units.length).toBeGreaterThan(10);
        expect(provinces.units.every((u) => /^\d{2}0000$/.test(u.unitId))).toBe(true);
        const ranks = provinces.units.map((u) => u.rank).filter((r): r is number => r !== null);
        expect(Math.min(...ranks)).toBe(1);
        provinces.units.forEach((p, i) => {
          const scores = spaces
            .filter((s) => s.regionCode?.startsWith(p.unitId.slice(0, 2)) && s.score !== null)
            .map((s) => s.score as number)
            .sort((a, b) => a - b);
          const mid = scores.length / 2;
          const median =
            scores.length % 2
              ? scores[Math.floor(mid)]
              : ((scores[mid - 1] as number) + (scores[mid] as number)) / 2;
          expect(column(provinces, 'raw', 'r_median_index')[i]).toBeCloseTo(median ?? Number.NaN, 12);
        });
        const prefectures = await listAllUnits(store().db, out.release.id, 'prefecture', year);
        expect(prefectures.every((u) => /^\d{6}$/.test(u.unitId) && !u.unitId.endsWith('0000'))).toBe(true);
      }
    });

    it('recomputes every published number exactly from the inputs stored with the release', async () => {
      for (const level of LEVELS)
        for (const year of YEARS) {
          const run = await recomputeYear(store(), out.release, level, year);
          const m = await yearMatrix(store(), out.release, level, year);
          run.results.codes.forEach((code, j) => {
            const s = column(m, 'score', code);
            const r = column(m, 'rank', code);
            run.results.uCodes.forEach((u, k) => {
              const i = m.row.get(u) as number;
              expect(s[i]).toBe(run.results.scores[j]![k]);
              expect(r[i]).toBe(run.results.ranks[j]![k]);
            });
          });
        }
    });

    it('gives the same release for the same inputs, and ensureRelease serves it', async () => {
      const again = await createRelease(store(), { engineVersion: 'test', now: NOW });
      expect(again).toEqual({ release: out.release, created: false });
      expect((await ensureRelease(store(), { engineVersion: 'test' }))?.id).toBe(out.release.id);
      // Another engine version is another release.
      const other = await createRelease(store(), { engineVersion: 'test-2', years: [2019, 2020], now: NOW });
      expect(other.created).toBe(true);
      expect(other.release.id).not.toBe(out.release.id);
    });

    it('leaves no partial release when writing fails part-way', async () => {
      const before = (await listReleases(store().db)).map((r) => r.id);
      const count = async (table: 'index_scores' | 'index_releases') =>
        Number(
          (await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(store().db))
            .rows[0]?.n,
        );
      const scoresBefore = await count('index_scores');
      if (dialect === 'sqlite') {
        await sql`create trigger fail_2019 before insert on index_scores when new.year = 2019
          begin select raise(abort, 'disk full (simulated)'); end`.execute(store().db);
      } else {
        await sql`create function fail_2019() returns trigger language plpgsql as $$
          begin if new.year = 2019 then raise exception 'disk full (simulated)'; end if; return new; end $$`.execute(
          store().db,
        );
        await sql`create trigger fail_2019 before insert on index_scores for each row execute function fail_2019()`.execute(
          store().db,
        );
      }
      try {
        await expect(createRelease(store(), { engineVersion: 'test-3', now: NOW })).rejects.toThrow(
          /disk full/,
        );
      } finally {
        await sql`drop trigger fail_2019${dialect === 'postgres' ? sql` on index_scores` : sql``}`.execute(
          store().db,
        );
      }
      expect((await listReleases(store().db)).map((r) => r.id)).toEqual(before);
      expect(await count('index_scores')).toBe(scoresBefore);
      const units = await sql<{
        n: number;
      }>`select count(*) as n from index_units where release_id not in (${sql.join(before)})`.execute(
        store().db,
      );
      expect(Number(units.rows[0]?.n)).toBe(0);
    });

    it('leaves no release when the computation fails', async () => {
      const fw = loadFramework();
      // The geometric mean refuses the zeros that min-max normalisation produces.
      (fw.space.pipeline as { steps: Record<string, unknown>[] }).steps[5] = {
        step: 'Aggregate',
        f_ag: 'a_gmean',
      };
      const before = await listReleases(store().db);
      await expect(createRelease(store(), { engineVersion: 'test-4', framework: fw })).rejects.toThrow(
        /a_gmean/,
      );
      expect(await listReleases(store().db)).toEqual(before);
    });

    it('makes a new release when a report changes', async () => {
      const [first] = await listReports(store().db, { years: [2020] });
      await saveReports(store().db, [{ ...first!, mentors: (first!.mentors ?? 0) + 7 }]);
      const next = await createRelease(store(), {
        engineVersion: 'test',
        now: () => new Date('2026-02-01T00:00:00Z'),
      });
      expect(next.created).toBe(true);
      expect(next.release.dataHash).not.toBe(out.release.dataHash);
      expect((await latestRelease(store().db))?.id).toBe(next.release.id);
    });
  });
}

describe('both databases', () => {
  it('publish the same release: same inputs hash and identical numbers', () => {
    // The id digests the data hash: equal ids mean both databases handed over identical inputs.
    expect(releaseIds.get('postgres')).toBe(releaseIds.get('sqlite'));
    const a = published.get('sqlite');
    const b = published.get('postgres');
    expect(a?.size).toBeGreaterThan(1000);
    expect(b?.size).toBe(a?.size);
    for (const [k, v] of a ?? []) expect(b?.get(k)).toEqual(v);
  });
});

describe('ensureRelease on an empty registry', () => {
  let t: Awaited<ReturnType<typeof tempStore>>;
  beforeAll(async () => {
    t = await tempStore();
  });
  afterAll(async () => t.close());
  it('computes nothing and says so', async () => {
    expect(await ensureRelease(t.store, { engineVersion: 'test' })).toBeUndefined();
    await expect(createRelease(t.store, { engineVersion: 'test' })).rejects.toThrow(/no annual reports/);
  });
});
