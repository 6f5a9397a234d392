// The public web app in a real browser, as a new visitor uses it: a real server on a seeded SQLite
// registry with an index release, headless Chromium drawing the map with WebGL. Every page is
// visited, screenshots are saved at desktop and phone widths into test-output/screenshots/.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import {
  DESKTOP,
  HOSTILE_DESCRIPTION,
  HOSTILE_NAME,
  hostileSpace,
  mapSummaryNumber,
  PHONE,
  pollText,
  renderedMap,
  textOf,
  visible,
} from './page-helpers.js';
import {
  ensureWebBuild,
  hasChromium,
  launchBrowser,
  screenshotPath,
  startWebServer,
  type WebServer,
} from './harness.js';

if (!hasChromium()) {
  if (process.env.CI === 'true')
    throw new Error('CI needs Chromium at /usr/bin/chromium for the browser tests');
  console.warn('skipped the browser tests: /usr/bin/chromium is not installed (apt-get install -y chromium)');
}

describe.skipIf(!hasChromium() && process.env.CI !== 'true')('web app in Chromium', () => {
  let server: WebServer;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    await ensureWebBuild();
    server = await startWebServer({ synthetic: 1500, extraSpaces: [hostileSpace()] });
    browser = await launchBrowser({ viewport: DESKTOP });
    context = browser.context;
    page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('dialog', (d) => {
      pageErrors.push(`dialog opened: ${d.message()}`);
      void d.dismiss();
    });
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const go = async (path: string) => {
    await page.goto(server.url + path);
    await page.waitForLoadState('networkidle');
  };

  /** Screenshots at desktop and phone width (the page is reloaded at each size). */
  const shoot = async (name: string, path: string, ready: string) => {
    for (const [size, viewport] of [
      ['desktop', DESKTOP],
      ['phone', PHONE],
    ] as const) {
      await page.setViewportSize(viewport);
      await go(path);
      await page.waitForSelector(ready, { timeout: 30_000 });
      await page.waitForTimeout(600); // chart animations settle
      await page.screenshot({
        path: screenshotPath(`${name}-${size}`),
        fullPage: size === 'desktop' || name !== 'map',
      });
    }
    await page.setViewportSize(DESKTOP);
  };

  const mapCounts = () => renderedMap(page);
  const summaryNumber = () => mapSummaryNumber(page);

  it('serves the app for page paths, assets with long caching, and JSON 404s for unknown API paths', async () => {
    const html = await fetch(`${server.url}/regions/440000?year=2019`);
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toMatch(/text\/html/);
    const body = await html.text();
    expect(body).toContain('<div id="root"></div>');
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(body)?.[1];
    expect(script).toBeDefined();
    const asset = await fetch(server.url + script, { headers: { 'accept-encoding': 'gzip' } });
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    const api404 = await fetch(`${server.url}/api/v1/no-such-thing`);
    expect(api404.status).toBe(404);
    expect(await api404.json()).toMatchObject({ code: 'route_not_found' });
    expect((await fetch(`${server.url}/assets/missing-abcdefgh.js`)).status).toBe(404);
    const boundaries = await fetch(`${server.url}/assets/boundaries/cn-provinces.geojson`);
    expect(boundaries.status).toBe(200);
    expect(((await boundaries.json()) as { features: unknown[] }).features.length).toBe(34);
    const config = (await (await fetch(`${server.url}/api/v1/config`)).json()) as { tileUrl: unknown };
    expect(config.tileUrl).toBeNull();
  });

  it('draws every space as a point or cluster over the province choropleth', async () => {
    await go('/');
    await page.waitForSelector('[data-testid="map"][data-drawn="true"]', { timeout: 60_000 });
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await expect.poll(async () => (await mapCounts())?.clusters ?? 0, { timeout: 15_000 }).toBeGreaterThan(0);
    const c = (await mapCounts())!;
    expect(c.clustered + c.points).toBeGreaterThan(500);
    // 31 mainland provinces + HK, MO, TW drawn; counts fall in several colour classes
    expect(c.provinces).toBeGreaterThanOrEqual(30);
    expect(c.classes.filter((k) => k >= 0).length).toBeGreaterThanOrEqual(3);
    // cluster counts are written on the map as labels
    expect(await page.locator('.cluster-label').count()).toBeGreaterThan(0);
    // the canvas is not blank: its pixels vary (sea, land, provinces, points)
    const colours = await page.evaluate(() => {
      const canvas = window.makeratlasMap!.getCanvas();
      const copy = document.createElement('canvas');
      copy.width = 200;
      copy.height = 120;
      const ctx = copy.getContext('2d')!;
      ctx.drawImage(canvas, 0, 0, 200, 120);
      const data = ctx.getImageData(0, 0, 200, 120).data;
      const seen = new Set<string>();
      for (let i = 0; i < data.length; i += 4)
        seen.add(`${data[i]! >> 4},${data[i + 1]! >> 4},${data[i + 2]! >> 4}`);
      return seen.size;
    });
    expect(colours).toBeGreaterThan(8);
    await shoot('map', '/', '[data-testid="map"][data-drawn="true"]');
  });

  it('filters by type through the URL and shows only that type', async () => {
    await go('/');
    await page.waitForSelector('[data-testid="map"][data-drawn="true"]', { timeout: 60_000 });
    const all = await summaryNumber();
    await page.getByRole('checkbox', { name: /联合办公型/ }).check();
    await expect.poll(() => summaryNumber()).toBeLessThan(all);
    expect(page.url()).toContain('type=cn_coworking');
    const coworking = await summaryNumber();
    expect(coworking).toBeGreaterThan(0);
    // zoom into the Pearl River Delta, where single points show, and look at what is drawn
    await page.evaluate(() => window.makeratlasMap!.jumpTo({ center: [113.6, 22.9], zoom: 9 }));
    await expect.poll(async () => (await mapCounts())?.points ?? 0, { timeout: 15_000 }).toBeGreaterThan(0);
    expect((await mapCounts())!.pointTypes).toEqual(['cn_coworking']);
    // the same view opens from the link alone
    const shared = page.url();
    await page.goto('about:blank');
    await page.goto(shared);
    await page.waitForSelector('[data-testid="map"][data-drawn="true"]', { timeout: 60_000 });
    expect(await summaryNumber()).toBe(coworking);
    expect(await page.getByRole('checkbox', { name: /联合办公型/ }).isChecked()).toBe(true);
  });

  it('keeps both of two quick filter clicks (each applies to the URL as it is then)', async () => {
    await go('/');
    await page.waitForSelector('[data-testid="map"][data-drawn="true"]', { timeout: 60_000 });
    // A slow CPU keeps the first click's re-filter running when the second click lands.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 50 });
    try {
      await page.getByRole('checkbox', { name: /联合办公型/ }).click();
      await page.getByRole('checkbox', { name: /投资促进型/ }).click();
    } finally {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
      await cdp.detach();
    }
    await expect
      .poll(() => new URL(page.url()).searchParams.get('type')?.split(',').sort())
      .toEqual(['cn_coworking', 'cn_investment_promotion']);
    for (const name of [/联合办公型/, /投资促进型/])
      await expect.poll(() => page.getByRole('checkbox', { name }).isChecked()).toBe(true);
  });

  it('replays growth with the time slider and switches the choropleth metric', async () => {
    await go('/');
    await page.waitForSelector('[data-testid="map"][data-drawn="true"]', { timeout: 60_000 });
    const now = await summaryNumber();
    const slider = page.locator('#map-year');
    await slider.focus();
    await slider.fill('2014');
    await expect.poll(() => summaryNumber()).toBeLessThan(now);
    expect(page.url()).toContain('year=2014');
    const early = await summaryNumber();
    await slider.fill('2017');
    await expect.poll(() => summaryNumber()).toBeGreaterThan(early);
    await page.getByRole('radio', { name: '每百万人空间数' }).check();
    expect(page.url()).toContain('metric=density');
    await pollText(page.locator('.map-legend-title')).toBe('每百万常住人口空间数');
    await expect
      .poll(async () => (await mapCounts())?.classes.filter((k) => k >= 0).length ?? 0)
      .toBeGreaterThanOrEqual(2);
  });

  it('opens a popup on a point, built as text, and follows it to the profile', async () => {
    await go('/?at=13.00/22.5405/113.9345');
    await page.waitForSelector('[data-testid="map"][data-drawn="true"]', { timeout: 60_000 });
    await expect.poll(async () => (await mapCounts())?.points ?? 0, { timeout: 15_000 }).toBeGreaterThan(0);
    // the point nearest the centre of the view: the hostile space the link points at
    const at = await page.evaluate(() => {
      const map = window.makeratlasMap!;
      const c = map.project(map.getCenter());
      const near = map
        .queryRenderedFeatures({ layers: ['points'] })
        .map((f) => map.project((f.geometry as unknown as { coordinates: [number, number] }).coordinates))
        .sort((a, b) => Math.hypot(a.x - c.x, a.y - c.y) - Math.hypot(b.x - c.x, b.y - c.y))[0]!;
      const r = map.getCanvas().getBoundingClientRect();
      return { x: r.left + near.x, y: r.top + near.y };
    });
    await page.mouse.click(at.x, at.y);
    const popup = page.locator('.maplibregl-popup');
    await visible(popup);
    await pollText(popup.locator('.popup-title')).toBe(HOSTILE_NAME);
    expect(await popup.locator('script, b, img').count()).toBe(0);
    await popup.getByRole('link').click();
    await page.waitForURL(/\/spaces\/test-hostile$/);
  });

  it('clusters on the server when asked and still draws the choropleth', async () => {
    await go('/?clusters=server');
    await page.waitForSelector('[data-testid="map"][data-mode="server"][data-drawn="true"]', {
      timeout: 60_000,
    });
    await expect.poll(async () => (await mapCounts())?.clusters ?? 0, { timeout: 15_000 }).toBeGreaterThan(0);
    const c = (await mapCounts())!;
    expect(c.classes.filter((k) => k >= 0).length).toBeGreaterThanOrEqual(3);
  });

  it('renders a stored <script> name and description as text on the profile', async () => {
    await go('/spaces/test-hostile');
    await pollText(page.getByTestId('space-name')).toBe(HOSTILE_NAME);
    await pollText(page.getByTestId('space-description')).toBe(HOSTILE_DESCRIPTION);
    expect(await page.locator('main script, main img[src="x"]').count()).toBe(0);
    // the javascript: link is shown as text, the https one is a link
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
    expect(await page.locator('a[href="https://example.org/space"]').count()).toBe(1);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    // opening hours are read and judged (open or closed) in the space's time zone
    await expect
      .poll(() => page.locator('[data-testid="opening-hours"] .open-now').getAttribute('data-state'))
      .toMatch(/^(open|closed)$/);
  });

  it('shows a scored space with its radar, contributions that add up, survival and provenance', async () => {
    const top = (await (await fetch(`${server.url}/api/v1/index/spaces?limit=1`)).json()) as {
      items: { id: string }[];
    };
    const id = top.items[0]!.id;
    await go(`/spaces/${id}`);
    await expect
      .poll(() => page.getByTestId('space-radar').getAttribute('data-ready'), { timeout: 20_000 })
      .toBe('true');
    const rows = page.getByTestId('contributions').locator('tbody tr');
    expect(await rows.count()).toBeGreaterThan(5);
    await pollText(page.getByTestId('index-score')).toMatch(/^\d/);
    await pollText(page.getByTestId('space-index')).toContain('等于指数得分');
    await pollText(page.getByTestId('space-survival')).toContain('两年存活率');
    await pollText(page.getByTestId('provenance')).toContain('synthetic');
    await visible(page.locator('.badge-synthetic').first());
    // the radar really drew: its canvas has coloured pixels
    const inked = await page.evaluate(() => {
      const c = document.querySelector('[data-testid="space-radar"] canvas') as HTMLCanvasElement | null;
      if (!c) return 0;
      const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 0; i < d.length; i += 4) if (d[i + 3]! > 0 && (d[i]! < 200 || d[i + 2]! < 200)) n++;
      return n;
    });
    expect(inked).toBeGreaterThan(200);
    await shoot('space', `/spaces/${id}`, '[data-testid="space-radar"][data-ready="true"]');
  });

  it('re-ranks live when a pillar weight moves, and downloads the table as CSV and XLSX', async () => {
    await go('/rankings');
    const table = page.getByTestId('ranking-table');
    await visible(table.locator('tbody tr').first(), 30_000);
    const order = () =>
      table
        .locator('tbody tr')
        .evaluateAll((trs) => trs.slice(0, 10).map((tr) => tr.getAttribute('data-unit')));
    // with the framework weights the live ranking is the published one
    const published = (await (await fetch(`${server.url}/api/v1/index/spaces?limit=10`)).json()) as {
      items: { id: string }[];
    };
    const before = await order();
    expect(before).toEqual(published.items.map((s) => s.id));
    // openness to the maximum, incubation performance to zero
    await page.locator('input[data-pillar="OS"]').fill('100');
    await page.locator('input[data-pillar="IP"]').fill('0');
    await expect.poll(order).not.toEqual(before);
    expect(page.url()).toMatch(/w=[^&]*OS%3A1/);
    await visible(page.locator('th', { hasText: '权重调整后变化' }));
    const ms = await page.evaluate(() => window.makeratlasRerank?.ms ?? -1);
    expect(ms).toBeGreaterThanOrEqual(0);

    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载 CSV' }).click(),
    ]);
    const text = readFileSync((await csv.path())!, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.split('\r\n')[0]).toContain('名次');
    expect(text.split('\r\n').length).toBeGreaterThan(100);
    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载 XLSX' }).click(),
    ]);
    const bytes = readFileSync((await xlsx.path())!);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);

    await page.getByRole('button', { name: '恢复默认权重' }).click();
    await expect.poll(order).toEqual(before);
    await shoot('rankings', '/rankings', '[data-testid="ranking-table"] tbody tr');
    await shoot('rankings-provinces', '/rankings?level=province', '[data-testid="ranking-table"] tbody tr');
  });

  it('finds explained matches for a hardware founder in Shenzhen on a small budget', async () => {
    await go('/finder');
    await page.getByLabel('在哪里').fill('深圳市（广东省）');
    await page.getByLabel('范围').selectOption('25');
    await page.getByRole('radio', { name: '做原型/样机' }).check();
    await page.getByRole('checkbox', { name: '工具设备' }).check();
    await page.getByRole('checkbox', { name: '创业导师' }).check();
    await page.getByLabel('每月预算').fill('1000');
    await page.getByRole('button', { name: '查找' }).click();
    const matches = page.getByTestId('finder-match');
    await visible(matches.first(), 20_000);
    expect(page.url()).toMatch(/place=440300.*budget=1000|budget=1000.*place=440300/);
    expect(await matches.count()).toBeGreaterThan(2);
    const first = matches.first();
    for (const kind of ['distance', 'price', 'needs', 'stage', 'index']) {
      expect(await first.locator(`[data-kind="${kind}"]`).count()).toBe(1);
    }
    expect(await textOf(first.locator('[data-kind="distance"]'))).toContain('公里');
    expect(await textOf(first.locator('[data-kind="needs"]'))).toContain('工具设备');
    expect(await textOf(first.locator('[data-kind="price"]'))).toMatch(/预算|价格/);
    // scored spaces show their Maker Index score among the reasons
    const indexReasons = await matches.locator('[data-kind="index"]').allTextContents();
    expect(indexReasons.some((r) => /创客指数 \d/.test(r))).toBe(true);
    await visible(page.getByTestId('finder-map').locator('.finder-pin').first());
    await shoot(
      'finder',
      new URL(page.url()).pathname + new URL(page.url()).search,
      '[data-testid="finder-match"]',
    );
  });

  it('finds spaces near the visitor with their permission', async () => {
    await context.grantPermissions(['geolocation'], { origin: server.url });
    await context.setGeolocation({ latitude: 22.543, longitude: 114.058 });
    await go('/finder');
    await page.getByRole('button', { name: '使用我的位置' }).click();
    await visible(page.getByTestId('finder-match').first(), 20_000);
    expect(page.url()).toContain('near=22.5430%2C114.0580');
  });

  it('profiles a region, shows statistics with table views, and compares', async () => {
    await go('/regions/440000');
    await pollText(page.getByTestId('region-total')).toMatch(/\d/);
    await visible(page.getByTestId('region-by-year'), 20_000);
    await shoot('region', '/regions/440000', '[data-testid="region-by-year"] [data-ready="true"]');

    await go('/stats');
    const growth = page.getByTestId('stats-growth');
    await growth.getByRole('button', { name: '表格' }).click();
    expect(await growth.locator('tbody tr').count()).toBeGreaterThanOrEqual(10);
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      growth.getByRole('button', { name: '下载 CSV' }).click(),
    ]);
    expect(readFileSync((await csv.path())!, 'utf8').split('\r\n')[0]).toBe(
      '\uFEFF年份,在营空间,新成立,关闭,同比增长',
    );
    await visible(page.getByTestId('stats-outcomes').locator('tbody tr').first());
    await shoot('stats', '/stats', '[data-testid="stats-growth"] [data-ready="true"]');

    await go('/compare?spaces=test-hostile,study-chaihuo-makerspace&regions=440000,310000');
    await expect.poll(() => page.getByTestId('compare-spaces').locator('thead th').count()).toBe(3);
    await expect.poll(() => page.getByTestId('compare-regions').locator('thead th').count()).toBe(3);
    await pollText(page.getByTestId('compare-spaces')).toContain(HOSTILE_NAME);
    await shoot(
      'compare',
      '/compare?spaces=test-hostile,study-chaihuo-makerspace&regions=440000,310000',
      '[data-testid="compare-regions"]',
    );
  });

  it('switches to English and back, keeping the choice across pages', async () => {
    await go('/stats');
    await page.getByRole('button', { name: 'English' }).click();
    await visible(page.getByRole('link', { name: 'Statistics' }));
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await go('/finder');
    await pollText(page.getByRole('heading', { level: 1 })).toBe('Find the right maker space');
    await shoot('finder-en', '/finder?place=440300&needs=tools', '[data-testid="finder-match"]');
    await page.getByRole('button', { name: '中文' }).click();
    await visible(page.getByRole('link', { name: '统计' }));
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
  });

  it('draws raster tiles under the boundaries when a tile URL is configured', async () => {
    // A 1×1 PNG from a stand-in tile server on the same origin (the app's CSP allows self and https).
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
      'base64',
    );
    const tiled = await startWebServer({
      synthetic: 50,
      release: false,
      tileUrl: '/test-tiles/{z}/{x}/{y}.png',
      extraRoutes: async (app) => {
        app.get('/test-tiles/:z/:x/:y', async (_req, reply) => reply.type('image/png').send(png));
      },
    });
    try {
      const requested: string[] = [];
      const onRequest = (r: { url(): string }) => {
        if (r.url().includes('/test-tiles/')) requested.push(r.url());
      };
      page.on('request', onRequest);
      await page.goto(tiled.url + '/');
      await page.waitForSelector('[data-testid="map"][data-drawn="true"]', { timeout: 60_000 });
      page.off('request', onRequest);
      expect(requested.length).toBeGreaterThan(0);
      expect(await page.evaluate(() => window.makeratlasMap!.getLayer('tiles')?.type)).toBe('raster');
    } finally {
      await tiled.close();
    }
  });

  it('answers unknown pages and unknown spaces with helpful messages, and raised no page errors', async () => {
    await go('/no/such/page');
    await pollText(page.getByRole('heading', { level: 1 })).toBe('页面不存在');
    await go('/spaces/no-such-space');
    await pollText(page.getByRole('alert')).toContain('没有找到');
    expect(pageErrors).toEqual([]);
  });
});
