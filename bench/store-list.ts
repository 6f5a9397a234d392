// Store benchmark: bulk insert of 100,000 spaces, then per-call cost of the list queries the public
// API serves most (first page, a city bounding box, the next page, search, near). Baseline: the same
// first-page and bbox SQL run as raw prepared better-sqlite3 statements, the floor for any layer.
//
//   npx tsx bench/store-list.ts            SQLite in a temporary folder
//   npx tsx bench/store-list.ts --pg       also PostgreSQL (DATABASE_URL_PG or embedded)
//   npx tsx bench/store-list.ts --n 20000  another registry size
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase, type Store } from '../src/store/database.js';
import { migrate } from '../src/store/migrate.js';
import type { SpaceFilter, SpacePage } from '../src/store/space-filter.js';
import { countSpaces, insertSpaces, listSpaces } from '../src/store/spaces-repo.js';
import { CITIES, SHENZHEN_BBOX, syntheticSpaces } from '../test/fixtures/spaces.js';
import { startPostgres } from '../test/pg-harness.js';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const N = Number(arg('--n') ?? 100_000);
const WITH_PG = process.argv.includes('--pg');

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

const row = (label: string, t: Timing, baseline?: Timing) =>
  console.log(
    `  ${label.padEnd(38)} mean ${ms(t.mean)}  p50 ${ms(t.p50)}  p99 ${ms(t.p99)}` +
      (baseline ? `  ×${(t.mean / baseline.mean).toFixed(2)} of raw` : ''),
  );

/** City-sized boxes (0.5° × 0.4°) around each city, shifted a little per call so totals are not memoised. */
const movingBox = (i: number): [number, number, number, number] => {
  const c = CITIES[i % CITIES.length] ?? CITIES[0];
  const d = ((i * 7919) % 1000) / 10_000;
  return [c[3] - 0.25 + d, c[2] - 0.2 + d, c[3] + 0.25 + d, c[2] + 0.2 + d];
};

const run = async (store: Store, label: string, rawPath?: string) => {
  console.log(`\n${label}: ${N.toLocaleString('en')} spaces`);
  await migrate(store);
  let t = performance.now();
  const spaces = syntheticSpaces(N, 42);
  console.log(`  generate fixtures                      ${ms(performance.now() - t)}`);
  t = performance.now();
  await insertSpaces(store.db, spaces);
  console.log(`  insertSpaces (one call, all rows)      ${ms(performance.now() - t)}`);
  t = performance.now();
  const total = await countSpaces(store.db);
  console.log(`  countSpaces, cold                      ${ms(performance.now() - t)}  (${total})`);

  const list = (filter: SpaceFilter, page: SpacePage = {}) => listSpaces(store.db, filter, page);
  const calls = 2000;

  let raw: { first: Timing; bbox: Timing } | undefined;
  if (rawPath) {
    const db = new Database(rawPath, { readonly: true });
    const first = db.prepare('select * from spaces order by name_sort, id limit 51');
    const bbox = db.prepare(
      'select * from spaces where lat >= ? and lat <= ? and lon >= ? and lon <= ? order by name_sort, id limit 51',
    );
    const [a, b, c, d] = SHENZHEN_BBOX;
    raw = {
      first: await time(calls, () => first.all().map((r) => JSON.parse((r as { links: string }).links))),
      bbox: await time(calls, () =>
        bbox.all(b, d, a, c).map((r) => JSON.parse((r as { links: string }).links)),
      ),
    };
    db.close();
    row('raw SQL: first page (baseline)', raw.first);
    row('raw SQL: Shenzhen bbox (baseline)', raw.bbox);
  }

  const first = await list({});
  row('list limit=50 (default sort name)', await time(calls, () => list({})), raw?.first);
  row('list limit=50, next page (cursor)', await time(calls, () => list({}, { cursor: first.next ?? '' })));
  const sz = await list({ bbox: SHENZHEN_BBOX });
  console.log(`  Shenzhen bbox holds ${sz.total} spaces`);
  row('list bbox Shenzhen', await time(calls, () => list({ bbox: SHENZHEN_BBOX })), raw?.bbox);
  row('list bbox moving (total not memoised)', await time(500, (i) => list({ bbox: movingBox(i + 1000) })));
  row('list type+status filter', await time(calls, () => list({ type: ['fablab'], status: ['active'] })));
  row(
    'list region 4403, sort -founded',
    await time(calls, () => list({ regionPrefix: '4403' }, { sort: '-founded' })),
  );
  row('list q=chuangke (pinyin, scan)', await time(200, () => list({ q: 'chuangke' })));
  row(
    'list near Shenzhen 5 km, sort distance',
    await time(500, () => list({ near: { lat: 22.6, lon: 114.05, radiusKm: 5 } }, { sort: 'distance' })),
  );
};

const dir = mkdtempSync(join(tmpdir(), 'makeratlas-bench-'));
try {
  const path = join(dir, 'bench.sqlite');
  const sqlite = await openDatabase(path);
  try {
    await run(sqlite, 'SQLite', path);
  } finally {
    await sqlite.close();
  }
  if (WITH_PG) {
    const server = await startPostgres();
    const store = await openDatabase(server.url);
    try {
      await run(store, 'PostgreSQL');
    } finally {
      await store.close();
      await server.stop();
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
