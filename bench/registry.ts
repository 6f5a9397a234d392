// Registry benchmark (issue: import 100,000 rows ≤ 10 s; list and bbox ≥ 3,000 req/s with p99 ≤ 25 ms on one
// process; server RSS ≤ 300 MB with 100,000 spaces). Baselines measured in the same run: a raw better-sqlite3
// insert of the same rows for the import, and a bare Fastify hello-world for the HTTP load.
//
//   npm run bench                  (all benchmarks)
//   node dist/bench/registry.js    (this one, after npm run build)   --n 100000 --seconds 10
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import Database from 'better-sqlite3';
import { newSpace } from '../src/domain/space-record.js';
import { loadGeoIndex } from '../src/io/geo-data.js';
import { csvChunks } from '../src/io/write-csv.js';
import { importFile } from '../src/services/import-spaces.js';
import { generateSyntheticAtScale } from '../src/services/synthetic/index.js';
import { openDatabase } from '../src/store/database.js';
import { migrate } from '../src/store/migrate.js';
import { fmt, freePort, load, memoryOf, repoRoot, startProcess, stop, type Load } from './lib.js';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
};
const N = arg('--n', 100_000);
const SECONDS = arg('--seconds', 10);

const root = repoRoot();

const seconds = async <T>(fn: () => Promise<T> | T): Promise<[T, number]> => {
  const t = performance.now();
  const v = await fn();
  return [v, (performance.now() - t) / 1000];
};

/** City-sized boxes (about 0.5° × 0.4°) in big Chinese cities. */
const CITY_BOXES = [
  [113.8, 22.45, 114.3, 22.85], // Shenzhen
  [121.2, 31.0, 121.7, 31.4], // Shanghai
  [116.1, 39.7, 116.6, 40.1], // Beijing
  [113.1, 22.9, 113.6, 23.3], // Guangzhou
  [120.0, 30.1, 120.4, 30.4], // Hangzhou
  [118.6, 31.9, 119.0, 32.2], // Nanjing
  [103.9, 30.5, 104.3, 30.8], // Chengdu
  [114.1, 30.4, 114.5, 30.7], // Wuhan
] as const;

const dir = mkdtempSync(join(tmpdir(), 'makeratlas-bench-'));
try {
  console.log(`registry benchmark: ${fmt(N)} synthetic spaces`);
  const at = new Date().toISOString();
  const [spaces, genS] = await seconds(() =>
    generateSyntheticAtScale(N, { seed: 11 }).map((s, i) =>
      newSpace(s, { id: `b${i}`, at, source: 'bench', actor: 'bench' }),
    ),
  );
  const csv = join(dir, 'spaces.csv');
  await pipeline(Readable.from(csvChunks(spaces)), createWriteStream(csv));
  console.log(`  generated and wrote the CSV in ${genS.toFixed(1)} s`);

  // Baseline: the same rows as JSON text into a bare table with one prepared statement in one transaction.
  const raw = new Database(join(dir, 'raw.db'));
  raw.pragma('journal_mode = WAL');
  raw.exec('create table t (id text primary key, doc text)');
  const ins = raw.prepare('insert into t values (?, ?)');
  const [, rawS] = await seconds(() =>
    raw.transaction(() => spaces.forEach((s) => ins.run(s.id, JSON.stringify(s))))(),
  );
  raw.close();

  const dbPath = join(dir, 'registry.db');
  const store = await openDatabase(dbPath);
  await migrate(store);
  const geo = loadGeoIndex();
  const [report, importS] = await seconds(() =>
    importFile({ store, geo }, { path: csv, format: 'csv', actor: 'bench' }),
  );
  await store.close();
  if (report.status !== 'committed' || report.counts.created !== N)
    throw new Error(
      `import failed: ${report.status}, ${JSON.stringify(report.counts)}, ${JSON.stringify(report.issues.slice(0, 3))}`,
    );

  console.log('\n  import of 100,000 CSV rows (parse, validate, de-duplicate, insert; target ≤ 10 s)');
  console.log(`    makeratlas import     ${importS.toFixed(2)} s   (${fmt(N / importS)} rows/s)`);
  console.log(`    baseline raw insert   ${rawS.toFixed(2)} s   ratio ${(importS / rawS).toFixed(1)}×`);

  // HTTP: the real server process on the imported registry, and bare Fastify, loaded one after the other.
  const helloPort = await freePort();
  const hello = await startProcess(
    [join(root, 'dist/bench/hello-server.js'), String(helloPort)],
    {},
    `http://127.0.0.1:${helloPort}/`,
  );
  const base = await load(`http://127.0.0.1:${helloPort}`, ['/'], SECONDS);
  await stop(hello);

  const port = await freePort();
  const server = await startProcess(
    [join(root, 'bin/makeratlas.js'), 'serve'],
    { DATABASE_URL: dbPath, PORT: String(port), LOG_LEVEL: 'warn' },
    `http://127.0.0.1:${port}/healthz`,
  );
  const url = `http://127.0.0.1:${port}`;
  const list = await load(url, ['/api/v1/spaces?limit=50'], SECONDS);
  const bbox = await load(
    url,
    CITY_BOXES.map((b) => `/api/v1/spaces?limit=50&bbox=${b.join(',')}`),
    SECONDS,
  );
  const mem = memoryOf(server.pid!);
  await stop(server);

  const line = (label: string, l: Load) =>
    console.log(
      `    ${label.padEnd(22)} ${fmt(l.reqPerSec).padStart(7)} req/s  p50 ${fmt(l.p50)} ms  p99 ${fmt(l.p99)} ms` +
        `  ratio to bare Fastify ${(l.reqPerSec / base.reqPerSec).toFixed(2)}` +
        (l.errors || l.non2xx ? `  errors ${l.errors} non-2xx ${l.non2xx}` : ''),
    );
  console.log(
    `\n  HTTP over ${fmt(N)} spaces, one server process, 10 connections, ${SECONDS} s each (target ≥ 3,000 req/s, p99 ≤ 25 ms)`,
  );
  console.log(
    `    ${'bare Fastify (base)'.padEnd(22)} ${fmt(base.reqPerSec).padStart(7)} req/s  p50 ${fmt(base.p50)} ms  p99 ${fmt(base.p99)} ms`,
  );
  line('GET /spaces?limit=50', list);
  line('GET /spaces?bbox=city', bbox);
  console.log(
    `\n  server memory after the load: RSS ${fmt(mem.rssMb)} MB, peak ${fmt(mem.peakMb)} MB (target ≤ 300 MB)`,
  );
  if (list.non2xx || bbox.non2xx) process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
