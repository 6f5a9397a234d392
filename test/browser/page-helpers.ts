// Fixtures and helpers of the browser tests: a space with hostile text, what the map has drawn,
// and waits (Playwright's assertions come with its own runner; with vitest we poll ourselves).
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { Space } from '../../src/domain/space.js';
import { newSpace } from '../../src/domain/space-record.js';

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1440, height: 900 };

export const HOSTILE_NAME = '<script>window.__xss=1</script>创客<b>实验室</b>';
export const HOSTILE_DESCRIPTION = '<img src=x onerror="window.__xss=2">说明文字';

/** A real (not synthetic) space in Shenzhen whose every text field tries to inject markup or script. */
export const hostileSpace = (): Space =>
  newSpace(
    {
      nameZh: HOSTILE_NAME,
      nameEn: '<svg onload=alert(1)>',
      type: 'makerspace',
      status: 'active',
      countryCode: 'CN',
      regionCode: '440305',
      city: '深圳市<i>南山</i>',
      lat: 22.5405,
      lon: 113.9345,
      description: HOSTILE_DESCRIPTION,
      links: [
        { kind: 'website', url: 'javascript:window.__xss=3' },
        { kind: 'website', url: 'https://example.org/space' },
      ],
      openingHours: 'Mo-Fr 09:00-18:00',
      membershipPlans: [{ name: '<b>工位</b>', amount: 800, currency: 'CNY', interval: 'month' }],
      services: ['desk', 'tools', 'mentoring'],
      equipment: ['3d_printing', 'electronics'],
    },
    { id: 'test-hostile', at: '2026-01-15T08:00:00Z', source: 'test', actor: 'test' },
  );

export const visible = (l: Locator, timeout = 15_000) => l.waitFor({ state: 'visible', timeout });
export const textOf = async (l: Locator) => ((await l.textContent()) ?? '').trim();
export const pollText = (l: Locator, timeout = 15_000) => expect.poll(() => textOf(l), { timeout });

/** What the map has rendered, read with maplibre's queryRenderedFeatures (the page exposes the map). */
export const renderedMap = (page: Page) =>
  page.evaluate(() => {
    const map = window.makeratlasMap;
    if (!map) return null;
    const points = map.queryRenderedFeatures({ layers: ['points'] });
    const clusters = map.queryRenderedFeatures({ layers: ['clusters'] });
    const provinces = map.queryRenderedFeatures({ layers: ['provinces-fill'] });
    return {
      points: points.length,
      pointTypes: [...new Set(points.map((f) => f.properties?.t as string))],
      clusters: clusters.length,
      clustered: clusters.reduce((s, f) => s + Number(f.properties?.point_count ?? 0), 0),
      /** Choropleth classes drawn (-1: no data). */
      classes: [...new Set(provinces.map((f) => (f.state as { c?: number }).c ?? -1))].sort((a, b) => a - b),
      provinces: new Set(provinces.map((f) => f.properties?.code as string)).size,
    };
  });

/** The number of spaces the map page says it shows ("2020年：显示 1,234 个空间…"). */
export const mapSummaryNumber = async (page: Page): Promise<number> => {
  const text = (await page.getByTestId('map-summary').textContent()) ?? '';
  const m = /显示\s*([\d,]+)/.exec(text) ?? /showing\s*([\d,]+)/.exec(text);
  return Number((m?.[1] ?? 'NaN').replace(/,/g, ''));
};
