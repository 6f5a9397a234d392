// The repositories the index adds (reports and cohorts, jobs) and the job runner, on both databases;
// and the demo seeding of reports for synthetic spaces.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CohortFirm } from '../src/domain/cohort.js';
import { getJob } from '../src/store/jobs-repo.js';
import {
  listCohortFirms,
  listReports,
  reportYears,
  saveCohorts,
  saveReports,
} from '../src/store/reports-repo.js';
import { insertSpaces } from '../src/store/spaces-repo.js';
import { JobRunner } from '../src/services/maker-index/job-runner.js';
import { seedSyntheticReports } from '../src/services/maker-index/seed-reports.js';
import { syntheticRegistry, tempStore, type TempStore } from './maker-index-fixtures.js';
import { DIALECTS, usePostgres, useStore } from './pg-harness.js';

const postgres = usePostgres();
const registry = syntheticRegistry(120, 3);
const someSpaces = registry.spaces.slice(0, 30);
const ids = new Set(someSpaces.map((s) => s.id));
const reports = registry.reports.filter((r) => ids.has(r.spaceId));
const firms = registry.firms.filter((f) => ids.has(f.spaceId));

for (const dialect of DIALECTS) {
  describe(`reports and cohorts on ${dialect}`, () => {
    const { store } = useStore(dialect, postgres);
    beforeAll(async () => {
      await insertSpaces(store().db, someSpaces);
    });

    it('round-trips reports and cohort firms exactly', async () => {
      await saveReports(store().db, reports, '2026-01-01T00:00:00.000Z');
      await saveCohorts(store().db, firms);
      const back = await listReports(store().db);
      const key = (r: { spaceId: string; year: number }) => `${r.year}/${r.spaceId}`;
      expect(back.map(key)).toEqual(reports.map(key).sort((a, b) => (a < b ? -1 : 1)));
      const byKey = new Map(reports.map((r) => [key(r), r]));
      for (const r of back) expect(r).toEqual(byKey.get(key(r)));
      const f = await listCohortFirms(store().db);
      expect(f).toHaveLength(firms.length);
      expect(new Map(f.map((x) => [x.id, x]))).toEqual(new Map(firms.map((x) => [x.id, x])));
      expect(await reportYears(store().db, ['accepted'])).toEqual(
        [2016, 2017, 2018, 2019, 2020].filter((y) => reports.some((r) => r.year === y)),
      );
    });

    it('replaces a report of the same space and year, and filters by year, status and space', async () => {
      const r = reports[0]!;
      await saveReports(store().db, [{ ...r, mentors: 999, status: 'draft' }]);
      const [back] = await listReports(store().db, { spaceId: r.spaceId, years: [r.year] });
      expect(back).toMatchObject({ mentors: 999, status: 'draft' });
      expect(await listReports(store().db, { statuses: ['draft'] })).toHaveLength(1);
      expect((await listReports(store().db, { statuses: ['accepted'] })).length).toBe(reports.length - 1);
    });

    it('writes nothing when one report is bad (all or nothing)', async () => {
      const before = await listReports(store().db);
      const good = { ...reports[1]!, mentors: 12345 };
      await expect(
        saveReports(store().db, [good, { ...reports[2]!, spaceId: 'no-such-space' }]),
      ).rejects.toThrow();
      expect(await listReports(store().db)).toEqual(before);
      await expect(saveReports(store().db, [reports[3]!, reports[3]!])).rejects.toThrow(/appears at 0 and 1/);
      const firm: CohortFirm = { ...firms[0]!, id: 'dup' };
      await expect(saveCohorts(store().db, [firm, firm])).rejects.toThrow(/cohort_firm dup/);
    });

    it('keeps job state, progress and results', async () => {
      let tick = Date.parse('2026-01-01T00:00:00Z');
      const runner = new JobRunner(store().db, { throttleMs: 0, now: () => new Date((tick += 1000)) });
      const job = await runner.start('test.ok', async (ctx) => {
        ctx.progress(1, 3);
        ctx.progress(3, 3);
        return { answer: 42 };
      });
      expect(job).toMatchObject({ kind: 'test.ok', status: 'running', progress: 0, total: null });
      expect(runner.runningOf('test.ok')).toBe(job.id);
      await runner.wait(job.id);
      expect(runner.runningOf('test.ok')).toBeUndefined();
      expect(await getJob(store().db, job.id)).toMatchObject({
        status: 'done',
        progress: 3,
        total: 3,
        result: { answer: 42 },
        error: null,
      });
      const bad = await runner.start('test.bad', async () => {
        throw new Error('nothing to compute');
      });
      await runner.wait(bad.id);
      expect(await runner.get(bad.id)).toMatchObject({ status: 'failed', error: 'nothing to compute' });
      // A job left running by a stopped process is marked failed at start-up.
      const stale = await new JobRunner(store().db).start('test.hang', () => new Promise(() => undefined));
      expect(await new JobRunner(store().db).recoverStale()).toBe(1);
      expect(await getJob(store().db, stale.id)).toMatchObject({
        status: 'failed',
        error: expect.stringMatching(/interrupted/),
      });
    });
  });
}

describe('demo reports for synthetic spaces', () => {
  let t: TempStore;
  beforeAll(async () => {
    t = await tempStore();
    await insertSpaces(t.store.db, registry.spaces);
  });
  afterAll(async () => t.close());

  it('generates reports and cohorts for the stored synthetic spaces once', async () => {
    const out = await seedSyntheticReports(t.store, { seed: 3, now: new Date('2026-01-01T00:00:00Z') });
    expect(out).toMatchObject({ spaces: registry.spaces.length, skipped: false });
    // The stored spaces give the same figures as generating from the original inputs.
    expect(out.reports).toBe(registry.reports.length);
    expect(out.firms).toBe(registry.firms.length);
    const stored = await listReports(t.store.db);
    const byKey = new Map(registry.reports.map((r) => [`${r.year}/${r.spaceId}`, r]));
    for (const r of stored) expect(r).toEqual(byKey.get(`${r.year}/${r.spaceId}`));
    expect(await seedSyntheticReports(t.store)).toMatchObject({ skipped: true, reports: stored.length });
  });
});
