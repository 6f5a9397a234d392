// Maker-index release benchmark on the demo registry: the synthetic sample (default 9,000 spaces,
// 2016–2020 reports and cohorts) in a fresh SQLite file, then one release (read → hash → compute →
// write), and the reads the API serves from it. Baseline: the engine runs alone (the compute phase),
// so the ratio shows what reading and writing the store add.
//
//   npx tsx bench/maker-index-release.ts [spaces]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { explainSpace } from '../src/services/maker-index/explain-space.js';
import { indexInputs, regionScores, spaceScores } from '../src/services/maker-index/queries.js';
import { createRelease } from '../src/services/maker-index/release.js';
import { seedSyntheticReports } from '../src/services/maker-index/seed-reports.js';
import { seedDemo } from '../src/services/seed-demo.js';
import { openDatabase } from '../src/store/database.js';
import { listAllUnits } from '../src/store/index-repo.js';
import { migrate } from '../src/store/migrate.js';

const n = Number(process.argv[2] ?? 9000);
const dir = mkdtempSync(join(tmpdir(), 'makeratlas-bench-index-'));
const ms = (t0: number) => performance.now() - t0;
const cpuMs = (c: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(c);
  return (u.user + u.system) / 1000;
};

try {
  const store = await openDatabase(join(dir, 'bench.db'));
  await migrate(store);
  let t0 = performance.now();
  await seedDemo(store, { synthetic: n, seed: 1, study: false });
  const seeded = await seedSyntheticReports(store, { seed: 1 });
  console.log(
    `registry: ${n} spaces, ${seeded.reports} reports, ${seeded.firms} cohort firms seeded in ${(ms(t0) / 1000).toFixed(1)} s`,
  );

  const marks: { what: string; at: number }[] = [];
  t0 = performance.now();
  const cpu = process.cpuUsage();
  const out = await createRelease(store, {
    engineVersion: 'bench',
    onProgress: (_d, _t, what) => marks.push({ what, at: performance.now() }),
  });
  const total = ms(t0);
  const cpuTotal = cpuMs(cpu);
  const firstCompute = marks[0]?.at ?? t0;
  const lastCompute = [...marks].reverse().find((m) => m.what !== 'writing')?.at ?? t0;
  const readHash = firstCompute - t0;
  const compute = lastCompute - firstCompute;
  const write = t0 + total - lastCompute;
  const units = await Promise.all(
    [2016, 2017, 2018, 2019, 2020].map((y) => listAllUnits(store.db, out.release.id, 'space', y)),
  );
  const unitYears = units.reduce((s, u) => s + u.length, 0);
  console.log(`release ${out.release.id}: ${unitYears} space-years, 5 years × 3 levels`);
  console.log(
    `  total ${(total / 1000).toFixed(2)} s wall, ${(cpuTotal / 1000).toFixed(2)} s CPU; ` +
      `read+hash+first year ${(readHash / 1000).toFixed(2)} s, compute (engine) ${(compute / 1000).toFixed(2)} s, ` +
      `write ${(write / 1000).toFixed(2)} s`,
  );
  console.log(`  ratio total / engine-only baseline: ${(total / Math.max(1, compute)).toFixed(1)}x`);

  const time = async (label: string, f: () => Promise<unknown>, runs: number) => {
    await f();
    const t = performance.now();
    for (let i = 0; i < runs; i++) await f();
    console.log(`  ${label}: ${(ms(t) / runs).toFixed(1)} ms per call (warm, ${runs} calls)`);
  };
  const ids = (units[4] ?? []).map((u) => u.unitId);
  let k = 0;
  console.log('reads:');
  await time('spaces page (50, by rank)', () => spaceScores(store, { year: 2020 }), 50);
  await time(
    'explain one space',
    () => explainSpace(store, { spaceId: ids[k++ % ids.length] as string, year: 2020 }),
    100,
  );
  await time('regions (province)', () => regionScores(store, { level: 'province', year: 2020 }), 50);
  await time('inputs (space, with indicators)', () => indexInputs(store, { level: 'space', year: 2020 }), 10);
  const json = JSON.stringify(await indexInputs(store, { level: 'space', year: 2020 }));
  console.log(`  inputs payload: ${(json.length / 1e6).toFixed(2)} MB for ${ids.length} spaces`);
  await store.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
