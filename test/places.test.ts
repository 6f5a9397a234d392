// Place data end to end: the checked-in boundary assets through GeoIndex, the validator on real records,
// and the real data sets in ../shared/data.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { COUNTRY_CODES, countryCodeFromName } from '../src/domain/countries.js';
import type { SpaceInput } from '../src/domain/space.js';
import { validateSpace } from '../src/domain/validate-space.js';
import { loadGeoIndex } from '../src/io/geo-data.js';
import { describeShared, sharedData } from './shared-data.js';

const geo = loadGeoIndex();
const ctx = { geo, regions: geo.regions, today: '2025-06-01' };
const space = (s: Partial<SpaceInput>): SpaceInput => ({
  type: 'makerspace',
  status: 'active',
  countryCode: 'CN',
  nameZh: '空间',
  ...s,
});

describe('GeoIndex on real places', () => {
  it.each([
    ['Berlin, c-base', 52.513, 13.42, 'DE', undefined, undefined],
    ['Shenzhen, Futian', 22.54, 114.06, 'CN', '440000', '440300'],
    ['Shanghai, Xinchejian', 31.2215, 121.4453, 'CN', '310000', '310100'],
    ['Xiamen, Huandao Road coast', 24.4366, 118.1234, 'CN', '350000', '350200'],
    ['Xiamen, Gulangyu island', 24.4475, 118.0665, 'CN', '350000', '350200'],
    ['Hong Kong, Sheung Wan', 22.2866, 114.1506, 'HK', '810000', undefined],
    ['Taipei', 25.033, 121.5654, 'TW', '710000', undefined],
    ['Beijing, Haidian', 39.9593, 116.2981, 'CN', '110000', '110100'],
    ['Jiyuan (county under Henan)', 35.09, 112.6, 'CN', '410000', '419001'],
  ])('%s', (_name, lat, lon, country, province, prefecture) => {
    expect(geo.countryAt(lat, lon)).toBe(country);
    expect(geo.isInCountry(lat, lon, country)).toBe(true);
    expect(geo.provinceAt(lat, lon)).toBe(province);
    expect(geo.prefectureAt(lat, lon)).toBe(prefecture);
    if (province) expect(geo.isInRegion(lat, lon, province)).toBe(true);
  });

  it('gives no country for open sea, and no verdict for countries without an outline', () => {
    expect(geo.countryAt(30, -40)).toBeUndefined();
    const missing = COUNTRY_CODES.filter((c) => !geo.hasCountry(c));
    expect(missing.length).toBeGreaterThan(0);
    for (const c of missing) expect(geo.isInCountry(0, 0, c)).toBe(true);
  });

  it('accepts real coastal places the simplified outlines miss, and not the open strait', () => {
    const exact = loadGeoIndex({ toleranceM: 0 });
    for (const [lat, lon, province] of [
      [30.62, 122.06, '330000'], // Yangshan deep-water port, an island
      [24.4305, 118.101, '350000'], // Xiamen, Huandao Road south shore
      [29.97, 122.39, '330000'], // Zhoushan, Putuo
    ] as const) {
      expect(exact.countryAt(lat, lon)).toBeUndefined();
      expect(geo.countryAt(lat, lon)).toBe('CN');
      expect(geo.isInCountry(lat, lon, 'CN')).toBe(true);
      expect(geo.isInRegion(lat, lon, province)).toBe(true);
    }
    // The middle of the Taiwan Strait, some 80 km from either coast.
    expect(geo.isInCountry(24.0, 119.0, 'CN')).toBe(false);
    expect(geo.countryAt(24.0, 119.0)).toBeUndefined();
  });

  it('returns boxes for countries and regions', () => {
    const box = geo.bboxOf('440300');
    expect(box && box[0] < 114.06 && box[2] > 114.06 && box[1] < 22.54 && box[3] > 22.54).toBe(true);
    expect(geo.bboxOf('DE')?.[1]).toBeCloseTo(47.3, 0);
    expect(geo.bboxOf('440399')).toBeUndefined();
  });

  it('carries province facts', () => {
    const gd = geo.provinceFacts.provinces.find((p) => p.code === '440000');
    expect(gd).toMatchObject({
      nameZh: '广东省',
      nameEn: 'Guangdong',
      capital: { code: '440100', nameZh: '广州市' },
    });
    expect(gd?.population2020).toBeGreaterThan(100_000_000);
    expect(geo.provinceFacts.provinces).toHaveLength(34);
    // Each centroid and capital lies in its own province.
    for (const p of geo.provinceFacts.provinces) {
      if (p.capital)
        expect(geo.isInRegion(p.capital.coordinates[1], p.capital.coordinates[0], p.code), p.code).toBe(true);
    }
  });
});

describe('validateSpace with the real GeoIndex', () => {
  it('accepts consistent records in Shenzhen, Shanghai, Xiamen, Hong Kong and Berlin', () => {
    expect(validateSpace(space({ lat: 22.54, lon: 114.06, regionCode: '440300' }), ctx)).toEqual([]);
    expect(validateSpace(space({ lat: 31.2215, lon: 121.4453, regionCode: '310104' }), ctx)).toEqual([]);
    expect(validateSpace(space({ lat: 24.4366, lon: 118.1234, regionCode: '350203' }), ctx)).toEqual([]);
    expect(
      validateSpace(space({ countryCode: 'HK', lat: 22.2866, lon: 114.1506, regionCode: '810000' }), ctx),
    ).toEqual([]);
    expect(
      validateSpace(space({ countryCode: 'DE', nameEn: 'c-base', lat: 52.513, lon: 13.42 }), ctx),
    ).toEqual([]);
  });

  it('detects swapped coordinates in China and in Germany', () => {
    expect(validateSpace(space({ lat: 114.06, lon: 22.54 }), ctx).map((i) => i.code)).toEqual([
      'coordinates.swapped',
    ]);
    expect(
      validateSpace(space({ countryCode: 'DE', lat: 13.42, lon: 52.513 }), ctx).map((i) => i.code),
    ).toEqual(['coordinates.swapped']);
  });

  it('flags a Beijing point claiming Guangdong', () => {
    const issues = validateSpace(space({ lat: 39.9593, lon: 116.2981, regionCode: '440000' }), ctx);
    expect(issues.map((i) => i.code)).toEqual(['coordinates.outside_region']);
    expect(issues[0]?.message).toContain('北京市 (110000)');
  });

  it('flags a Berlin point filed under China, naming Germany', () => {
    const [issue] = validateSpace(space({ lat: 52.513, lon: 13.42 }), ctx);
    expect(issue).toMatchObject({ code: 'coordinates.outside_country' });
    expect(issue?.message).toContain('Germany (DE)');
  });
});

describeShared('fablabs-io-2024', 'fablabs.io labs against the country outlines', () => {
  it('finds almost every geocoded lab inside its stated country', () => {
    type Lab = {
      geocoding: { latitude: string | number; longitude: string | number } | null;
      region: { country: string };
    };
    const labs = JSON.parse(
      readFileSync(sharedData('fablabs-io-2024/preliminary_iop_okw_fac_source_01.json'), 'utf8'),
    ) as Lab[];
    const located = labs.filter((l) => l.geocoding && l.region.country);
    const outside = located.filter(
      (l) =>
        !geo.isInCountry(Number(l.geocoding?.latitude), Number(l.geocoding?.longitude), l.region.country),
    );
    console.log(
      `fablabs.io: ${located.length} geocoded labs, ${outside.length} outside their stated country`,
    );
    expect(located.length).toBeGreaterThan(2000);
    // Known bad geocodes exist in the source (e.g. labs at (0, 0)); the outlines must not add more than a few.
    expect(outside.length / located.length).toBeLessThan(0.03);
  });
});

describeShared('hackerspaces-timeline-2016', 'hackerspaces.org country names', () => {
  it('maps every country name but the joke "Best Korea" to an ISO code', () => {
    const rows = parse(
      readFileSync(sharedData('hackerspaces-timeline-2016/hackerspaces_active_2016-12.csv')),
      { columns: true },
    ) as { country: string }[];
    const names = [...new Set(rows.map((r) => r.country).filter((c) => c !== ''))];
    const unknown = names.filter((n) => countryCodeFromName(n) === undefined);
    expect(names.length).toBeGreaterThan(80);
    expect(unknown).toEqual(['Best Korea']);
  });
});
