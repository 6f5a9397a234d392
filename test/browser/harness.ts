// A real MakerAtlas server for browser tests and the web benchmark: the built web app, a temporary
// SQLite registry with the study's spaces, a synthetic sample, their annual reports and cohorts and
// an index release (with its uncertainty analysis), listening on a free port; and headless Chromium
// with the flags that let WebGL render here (docs: ENGINEERING.md).
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import type { BrowserContext } from 'playwright-core';
import { chromium } from 'playwright-core';
import type { Space } from '../../src/domain/space.js';
import { buildApp, type App } from '../../src/server/app.js';
import { configFromEnv } from '../../src/server/config.js';
import { placeNames } from '../../src/server/place-names.js';
import { createRelease, runUncertainty, seedSyntheticReports } from '../../src/services/maker-index/index.js';
import { seedDemo } from '../../src/services/seed-demo.js';
import { openDatabase, type Store } from '../../src/store/database.js';
import { migrate } from '../../src/store/migrate.js';
import { insertSpaces } from '../../src/store/spaces-repo.js';

/** What the web app exposes on window for tests and the benchmark (see web/src/features). */
declare global {
  interface Window {
    makeratlasMap?: import('maplibre-gl').Map;
    makeratlasRerank?: { ms: number; units: number };
  }
}

/** The repository: the folder above this file holding package.json (also when compiled into dist/). */
const findRepo = (): string => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('package.json not found above test/browser/harness');
    dir = up;
  }
  return dir;
};

export const REPO = findRepo();
export const SCREENSHOTS = join(REPO, 'test-output', 'screenshots');
export const CHROMIUM = '/usr/bin/chromium';

/** The flags that render WebGL (SwiftShader) in headless Chromium on this kind of machine. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const newest = (path: string): number => {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let m = 0;
  for (const name of readdirSync(path))
    if (name !== 'dist' && name !== 'node_modules') m = Math.max(m, newest(join(path, name)));
  return m;
};

/**
 * The web app built for tests, in test-output/web-dist: never web/dist, which `npm start` or a
 * developer may be rebuilding at the same moment. Rebuilt when missing or older than its sources
 * (the app, the domain and engine it imports, the build config, the boundary data); the build goes
 * to a fresh folder that then replaces the old one, so a reader never sees half a build.
 */
export const TEST_WEB_ROOT = join(REPO, 'test-output', 'web-dist');

export const ensureWebBuild = async (): Promise<'built' | 'fresh'> => {
  const index = join(TEST_WEB_ROOT, 'index.html');
  const sources = Math.max(
    newest(join(REPO, 'web')),
    newest(join(REPO, 'src', 'domain')),
    newest(join(REPO, 'src', 'engine')),
    newest(join(REPO, 'vite.config.ts')),
    newest(join(REPO, 'data', 'boundaries')),
  );
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return 'fresh';
  const staging = `${TEST_WEB_ROOT}-${process.pid}-${Date.now()}`;
  const { build } = await import('vite');
  // vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  await build({
    mode: 'production',
    configFile: join(REPO, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: staging, emptyOutDir: true },
  }).finally(() => {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  });
  rmSync(TEST_WEB_ROOT, { recursive: true, force: true });
  renameSync(staging, TEST_WEB_ROOT);
  return 'built';
};

export interface WebServer {
  url: string;
  app: App;
  store: Store;
  release: string | undefined;
  close(): Promise<void>;
}

export interface WebServerOptions {
  /** Size of the synthetic sample (default 1,500: enough for every page, quick to seed). */
  synthetic?: number;
  /** Extra spaces stored before the release (e.g. hostile names). */
  extraSpaces?: Space[];
  /** Compute the index release (default true) and its uncertainty analysis (default true). */
  release?: boolean;
  uncertainty?: boolean;
  /** Optional raster tile URL for the map. */
  tileUrl?: string;
  /** Routes to add before listening (e.g. a stand-in tile server on the same origin). */
  extraRoutes?: (app: App) => Promise<void>;
}

export const startWebServer = async (opts: WebServerOptions = {}): Promise<WebServer> => {
  const dir = mkdtempSync(join(tmpdir(), 'makeratlas-web-'));
  const config = configFromEnv(
    {},
    { databaseUrl: join(dir, 'web.db'), port: 0, ...(opts.tileUrl && { tileUrl: opts.tileUrl }) },
  );
  const store = await openDatabase(config.databaseUrl);
  await migrate(store);
  await seedDemo(store, {
    synthetic: opts.synthetic ?? 1500,
    seed: 1,
    now: new Date('2026-01-15T08:00:00Z'),
  });
  if (opts.extraSpaces?.length) await insertSpaces(store.db, opts.extraSpaces);
  let release: string | undefined;
  if (opts.release !== false) {
    await seedSyntheticReports(store, { seed: 1, now: new Date('2026-01-15T08:00:00Z') });
    release = (
      await createRelease(store, { engineVersion: 'test', now: () => new Date('2026-01-15T09:00:00Z') })
    ).release.id;
    if (opts.uncertainty !== false) await runUncertainty(store, { release, threads: 1 });
  }
  const app = await buildApp({
    store,
    config,
    version: 'test',
    regions: placeNames(),
    webRoot: TEST_WEB_ROOT,
  });
  await opts.extraRoutes?.(app);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    store,
    release,
    async close() {
      await app.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

export const hasChromium = (): boolean => existsSync(CHROMIUM);

/** A fresh browser profile (persistent context, as ENGINEERING.md prescribes) in a temporary folder. */
export const launchBrowser = async (
  opts: { viewport?: { width: number; height: number }; locale?: string } = {},
): Promise<{ context: BrowserContext; close(): Promise<void> }> => {
  const profile = mkdtempSync(join(tmpdir(), 'makeratlas-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: opts.viewport ?? { width: 1440, height: 900 },
    locale: opts.locale ?? 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    acceptDownloads: true,
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
};

export const screenshotPath = (name: string): string => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return join(SCREENSHOTS, `${name}.png`);
};
