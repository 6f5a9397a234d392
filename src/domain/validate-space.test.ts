import { describe, expect, it } from 'vitest';
import type { GeoLookup } from './geo.js';
import { indexRegions } from './regions.js';
import type { SpaceInput } from './space.js';
import { validateSpace } from './validate-space.js';

// A toy world: country DE is the box lat 47..55 / lon 6..15, CN is lat 18..53 / lon 73..135 with province
// 440000 south of lat 25 and 110000 north of it; ZZ has no outline.
const inBox = (lat: number, lon: number, b: [number, number, number, number]) =>
  lat >= b[0] && lat <= b[1] && lon >= b[2] && lon <= b[3];
const boxes: Record<string, [number, number, number, number]> = {
  DE: [47, 55, 6, 15],
  CN: [18, 53, 73, 135],
  '440000': [18, 25, 73, 135],
  '440300': [22.4, 22.9, 113.7, 114.7],
  '110000': [25, 53, 73, 135],
};
const geo: GeoLookup = {
  hasCountry: (c) => c in boxes,
  hasRegion: (c) => c in boxes,
  countryAt: (lat, lon) => ['DE', 'CN'].find((c) => inBox(lat, lon, boxes[c]!)),
  provinceAt: (lat, lon) => ['440000', '110000'].find((c) => inBox(lat, lon, boxes[c]!)),
  isInCountry: (lat, lon, c) => !boxes[c] || inBox(lat, lon, boxes[c]),
  isInRegion: (lat, lon, c) => !boxes[c] || inBox(lat, lon, boxes[c]),
};
const regions = indexRegions({
  vintage: 'test',
  source: 'test',
  regions: [
    { code: '110000', nameZh: '北京市', level: 'province', parent: null },
    { code: '440000', nameZh: '广东省', level: 'province', parent: null },
    { code: '440300', nameZh: '深圳市', level: 'prefecture', parent: '440000' },
    { code: '440100', nameZh: '广州市', level: 'prefecture', parent: '440000' },
    { code: '810000', nameZh: '香港特别行政区', level: 'province', parent: null },
  ],
});
const ctx = { geo, regions, where: { file: 'spaces.csv', row: 7 }, today: '2025-06-01' };
const cn: SpaceInput = { nameZh: '柴火创客空间', type: 'makerspace', status: 'active', countryCode: 'CN' };
const codes = (d: SpaceInput, c: Parameters<typeof validateSpace>[1] = ctx) =>
  validateSpace(d, c).map((i) => `${i.severity}:${i.code}`);

describe('validateSpace', () => {
  it('accepts a consistent record', () => {
    expect(
      validateSpace({ ...cn, lat: 22.54, lon: 114.06, regionCode: '440300', foundedOn: '2011' }, ctx),
    ).toEqual([]);
  });

  it('reports schema errors with field, file and row, and stops there', () => {
    const issues = validateSpace({ ...cn, countryCode: 'china' } as SpaceInput, ctx);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      severity: 'error',
      file: 'spaces.csv',
      row: 7,
      field: 'countryCode',
      path: '/countryCode',
    });
    expect(validateSpace({ ...cn, lat: 91, lon: 120 }, ctx)[0]).toMatchObject({
      code: 'coordinates.out_of_range',
      field: 'lat',
    });
    // Swapped would be (0, 91): valid, but not in China.
    expect(validateSpace({ ...cn, lat: 91, lon: 0 }, ctx)[0]).toMatchObject({
      code: 'coordinates.out_of_range',
      field: 'lat',
    });
    expect(validateSpace({ ...cn, lat: 91, lon: 0 }, {})[0]).toMatchObject({
      code: 'coordinates.swapped',
      field: 'lat',
    });
  });

  it('skips only the schema check when the caller vouches for the draft', () => {
    const checked = { ...ctx, schemaChecked: true };
    // A well-typed draft gets exactly the same semantic issues either way.
    const draft: SpaceInput = { ...cn, countryCode: 'XX', lat: 0, lon: 0, closedOn: '2010' };
    expect(validateSpace(draft, checked)).toEqual(validateSpace(draft, ctx));
    expect(codes(draft, checked)).toEqual([
      'error:country.unknown',
      'warning:coordinates.null_island',
      'warning:status.closed_date_but_open',
    ]);
    // Unset, a draft the schema refuses is still refused.
    expect(codes({ ...cn, countryCode: 'china' } as SpaceInput, { ...ctx, schemaChecked: false })).toEqual([
      'error:schema.pattern',
    ]);
  });

  it('detects swapped coordinates, in range or not', () => {
    expect(codes({ ...cn, lat: 114.06, lon: 22.54 })).toEqual(['error:coordinates.swapped']);
    const de: SpaceInput = { ...cn, countryCode: 'DE', lat: 13.4, lon: 52.52 };
    const [issue] = validateSpace(de, ctx);
    expect(issue).toMatchObject({ code: 'coordinates.swapped', field: 'lat' });
    expect(issue?.message).toContain('(lat 52.52, lon 13.4) is inside');
  });

  it('flags points outside the stated country, naming where they are', () => {
    const [issue] = validateSpace({ ...cn, lat: 52.52, lon: 13.4 }, ctx);
    expect(issue).toMatchObject({ severity: 'error', code: 'coordinates.outside_country' });
    expect(issue?.message).toContain('Germany (DE)');
  });

  it('only warns for points in no mapped country, or in a territory of the stated country', () => {
    expect(codes({ ...cn, countryCode: 'DE', lat: 60, lon: 0 })).toEqual(['warning:coordinates.unmapped']);
    const hk = {
      ...geo,
      countryAt: () => 'HK',
      isInCountry: (_a: number, _b: number, c: string) => c === 'HK',
    };
    expect(codes({ ...cn, lat: 22.28, lon: 114.16 }, { ...ctx, geo: hk })).toEqual([
      'warning:coordinates.in_territory',
    ]);
  });

  it('skips the country check when the country has no outline', () => {
    expect(validateSpace({ ...cn, countryCode: 'TV', lat: -8.52, lon: 179.2 }, ctx)).toEqual([]);
  });

  it('flags a Beijing point claiming Guangdong, and a prefecture that disagrees as a warning', () => {
    const [issue] = validateSpace({ ...cn, lat: 39.9, lon: 116.4, regionCode: '440000' }, ctx);
    expect(issue).toMatchObject({
      severity: 'error',
      code: 'coordinates.outside_region',
      field: 'regionCode',
    });
    expect(issue?.message).toContain('北京市 (110000)');
    expect(codes({ ...cn, lat: 23.13, lon: 113.26, regionCode: '440300' })).toEqual([
      'warning:coordinates.outside_prefecture',
    ]);
    expect(
      codes({ ...cn, lat: 23.13, lon: 113.26, regionCode: '440300' }, { ...ctx, prefectureCheck: 'off' }),
    ).toEqual([]);
  });

  it('checks region codes: known, Chinese countries only, matching the country', () => {
    expect(codes({ ...cn, regionCode: '440399' })).toEqual(['error:region.unknown']);
    expect(codes({ ...cn, countryCode: 'DE', regionCode: '110000' })).toEqual(['error:region.not_allowed']);
    expect(codes({ ...cn, regionCode: '810000' })).toEqual(['error:region.country_mismatch']);
    expect(codes({ ...cn, countryCode: 'HK', regionCode: '810000' })).toEqual([]);
    expect(codes({ ...cn, countryCode: 'XX' })).toEqual(['error:country.unknown']);
  });

  it('wants lat and lon together and warns about (0, 0)', () => {
    expect(codes({ ...cn, lat: 22.5 })).toEqual(['error:coordinates.incomplete']);
    expect(codes({ ...cn, lat: 0, lon: 0 })).toEqual(['warning:coordinates.null_island']);
  });

  it('rejects RMB and accepts CNY, pointing at the plan', () => {
    const plan = { name: '月卡', amount: 300, interval: 'month' as const };
    const [issue] = validateSpace(
      {
        ...cn,
        membershipPlans: [
          { ...plan, currency: 'CNY' },
          { ...plan, currency: 'RMB' },
        ],
      },
      ctx,
    );
    expect(issue).toMatchObject({ code: 'currency.unknown', path: '/membershipPlans/1/currency' });
    expect(issue?.message).toContain('use "CNY"');
    expect(validateSpace({ ...cn, membershipPlans: [{ ...plan, currency: 'CNY' }] }, ctx)).toEqual([]);
  });

  it('checks dates and status', () => {
    expect(codes({ ...cn, foundedOn: '2016-05', closedOn: '2015', status: 'closed' })).toEqual([
      'error:dates.closed_before_founded',
    ]);
    expect(codes({ ...cn, foundedOn: '2015', closedOn: '2015-03', status: 'closed' })).toEqual([]); // same year: fine
    expect(codes({ ...cn, foundedOn: '2027' })).toEqual(['error:dates.founded_in_future']);
    expect(codes({ ...cn, foundedOn: '2027', status: 'planned' })).toEqual([]);
    expect(codes({ ...cn, foundedOn: '2027' }, { ...ctx, today: undefined })).toEqual([]);
    expect(codes({ ...cn, status: 'closed' })).toEqual(['warning:status.closed_without_date']);
    expect(codes({ ...cn, closedOn: '2020' })).toEqual(['warning:status.closed_date_but_open']);
  });

  it('parses opening hours with the opening_hours library', () => {
    expect(codes({ ...cn, openingHours: 'Mo-Fr 09:00-18:00; Sa 10:00-16:00' })).toEqual([]);
    expect(codes({ ...cn, openingHours: '周一至周五 9:00-18:00' })).toEqual(['error:opening_hours.invalid']);
    expect(codes({ ...cn, openingHours: 'Mo-Fr 9-18' })).toEqual(['warning:opening_hours.style']);
  });

  it('wants a name in at least one language', () => {
    expect(codes({ ...cn, nameZh: '  ' })).toEqual(['error:name.missing']);
    expect(codes({ ...cn, nameZh: null, nameEn: 'Chaihuo Makerspace' })).toEqual([]);
  });

  it('runs without geo data, checking what it can', () => {
    expect(codes({ ...cn, lat: 52.52, lon: 13.4 }, {})).toEqual([]);
    expect(codes({ ...cn, regionCode: '440399' }, {})).toEqual([]);
  });
});
