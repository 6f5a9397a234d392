// Store benchmark: bulk insert of 100,000 spaces, then the per-call cost of the list queries the
// public API serves (first page, next page, a city bounding box, filters, search, near), memoised
// and with the memo off. Baseline: first-page and bbox SQL as raw prepared better-sqlite3
// statements (rows only, no total): what a naive single query costs.
//
//   npx tsx bench/store-list.ts            SQLite in a temporary folder
//   npx tsx bench/store-list.ts --pg       also PostgreSQL (DATABASE_URL_PG or embedded)
//   npx tsx bench/store-list.ts --n 20000  another registry size
//   npx tsx bench/store-list.ts --analyze  run ANALYZE first (planner statistics), to compare plans
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { sql } from 'kysely';
import { openDatabase, type Store } from '../src/store/database.js';
import { migrate } from '../src/store/migrate.js';
import { countSpaces, insertSpaces, listSpaces } from '../src/store/spaces-repo.js';
import { CITIES, SHENZHEN_BBOX, syntheticSpaces } from '../test/fixtures/spaces.js';
import { startPostgres } from '../test/pg-harness.js';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const N = Number(arg('--n') ?? 100_000);
const WITH_PG = process.argv.includes('--pg');
const ANALYZE = process.argv.includes('--analyze');

const ms = (x: number) => `${x.toFixed(3)} ms`;

interface Timing {
  mean: number;
  p50: number;
  p99: number;
}

const time = async (calls: number, fn: (i: number) => Promise<unknown> | unknown): Promise<Timing> => {
  for (let i = 0; i < Math.min(50, calls); i++) await fn(i); // warm-up: JIT, statement cache
  const t: number[] = [];
  for (let i = 0; i < calls; i++) {
    const s = performance.now();
    await fn(i);
    t.push(performance.now() - s);
  }
  t.sort((a, b) => a - b);
  const at = (q: number) => t[Math.min(t.length - 1, Math.floor(q * t.length))] ?? NaN;
  return { mean: t.reduce((a, b) => a + b, 0) / t.length, p50: at(0.5), p99: at(0.99) };
};

const row = (label: string, t: Timing) =>
  console.log(`    ${label.padEnd(34)} mean ${ms(t.mean)}  p50 ${ms(t.p50)}  p99 ${ms(t.p99)}`);

/** City-sized boxes (0.5° × 0.4°) around each city, shifted a little per call so totals are not memoised. */
const movingBox = (i: number): [number, number, number, number] => {
  const c = CITIES[i % CITIES.length] ?? CITIES[0];
  const d = ((i * 7919) % 1000) / 10_000;
  return [c[3] - 0.25 + d, c[2] - 0.2 + d, c[3] + 0.25 + d, c[2] + 0.2 + d];
};

interface Shape {
  label: string;
  calls: number;
  call: (db: Store['db'], i: number) => Promise<unknown>;
}

const shapes = (firstNext: string): Shape[] => [
  { label: 'limit=50 (default sort: name)', calls: 2000, call: (db) => listSpaces(db, {}) },
  {
    label: 'limit=50, second page (cursor)',
    calls: 2000,
    call: (db) => listSpaces(db, {}, { cursor: firstNext }),
  },
  { label: 'bbox Shenzhen', calls: 2000, call: (db) => listSpaces(db, { bbox: SHENZHEN_BBOX }) },
  {
    label: 'bbox moving, each call new',
    calls: 500,
    call: (db, i) => listSpaces(db, { bbox: movingBox(i + 1000) }),
  },
  {
    label: 'type + status',
    calls: 1000,
    call: (db) => listSpaces(db, { type: ['fablab'], status: ['active'] }),
  },
  {
    label: 'region 4403, sort -founded',
    calls: 1000,
    call: (db) => listSpaces(db, { regionPrefix: '4403' }, { sort: '-founded' }),
  },
  { label: 'q=chuangke (pinyin)', calls: 200, call: (db) => listSpaces(db, { q: 'chuangke' }) },
  { label: 'q=zzz (no match: full scan)', calls: 50, call: (db) => listSpaces(db, { q: 'zzz' }) },
  {
    label: 'near 5 km, sort distance',
    calls: 500,
    call: (db) => listSpaces(db, { near: { lat: 22.6, lon: 114.05, radiusKm: 5 } }, { sort: 'distance' }),
  },
];

const run = async (url: string, label: string, rawPath?: string) => {
  console.log(
    `\n${label}: ${N.toLocaleString('en')} spaces (load average ${loadavg()[0]?.toFixed(1)} on ${cpus().length} cores)`,
  );
  const store = await openDatabase(url);
  const cold = await openDatabase(url, { memo: false });
  try {
    await migrate(store);
    let t = performance.now();
    const spaces = syntheticSpaces(N, 42);
    console.log(`  generate fixtures: ${ms(performance.now() - t)}`);
    t = performance.now();
    const cpu = process.cpuUsage();
    await insertSpaces(store.db, spaces);
    const used = process.cpuUsage(cpu);
    console.log(
      `  insertSpaces, one call: ${ms(performance.now() - t)} wall, ${ms((used.user + used.system) / 1000)} CPU`,
    );
    t = performance.now();
    const total = await countSpaces(cold.db);
    console.log(`  countSpaces, not memoised: ${ms(performance.now() - t)} (${total})`);
    console.log(
      `  bbox Shenzhen holds ${(await listSpaces(store.db, { bbox: SHENZHEN_BBOX })).total} spaces`,
    );

    if (rawPath) {
      const db = new Database(rawPath, { readonly: true });
      const first = db.prepare('select * from spaces order by name_sort, id limit 51');
      const bbox = db.prepare(
        'select * from spaces where lat >= ? and lat <= ? and lon >= ? and lon <= ? order by name_sort, id limit 51',
      );
      const [a, b, c, d] = SHENZHEN_BBOX;
      const parse = (rows: unknown[]) =>
        rows.map((r) => JSON.parse((r as { links: string }).links) as unknown);
      console.log('  baseline: raw better-sqlite3, one statement, rows only (no total)');
      row('first page', await time(1000, () => parse(first.all())));
      row('bbox Shenzhen', await time(200, () => parse(bbox.all(b, d, a, c))));
      db.close();
    }

    if (ANALYZE) await sql`analyze`.execute(store.db);
    const next = (await listSpaces(store.db, {})).next ?? '';
    console.log('  listSpaces, memoised (a repeated request after the first):');
    for (const s of shapes(next)) row(s.label, await time(s.calls, (i) => s.call(store.db, i)));
    console.log('  listSpaces, memo off (every call runs its queries: ids page, rows, count):');
    for (const s of shapes(next)) row(s.label, await time(Math.ceil(s.calls / 4), (i) => s.call(cold.db, i)));
  } finally {
    await cold.close();
    await store.close();
  }
};

const dir = mkdtempSync(join(tmpdir(), 'makeratlas-bench-'));
try {
  const path = join(dir, 'bench.sqlite');
  await run(path, 'SQLite', path);
  if (WITH_PG) {
    const server = await startPostgres();
    try {
      await run(server.url, 'PostgreSQL');
    } finally {
      await server.stop();
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
