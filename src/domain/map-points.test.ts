import { describe, expect, it } from 'vitest';
import { Value } from 'typebox/value';
import { compileMapFilter, countByProvince, maskOf, selectPoints } from './map-filter.js';
import { addMapPoint, emptyMapPoints, latestYearOf, MapPoints, yearOf } from './map-points.js';
import { cheapestMonthly, monthlyAmount } from './membership-price.js';
import type { Space } from './space.js';

const space = (over: Partial<Space>): Space => ({
  id: 'x',
  nameZh: '空间',
  nameEn: null,
  type: 'makerspace',
  status: 'active',
  foundedOn: null,
  closedOn: null,
  countryCode: 'CN',
  regionCode: null,
  city: null,
  address: null,
  postcode: null,
  lat: 22.5,
  lon: 114.05,
  approximate: false,
  operatorName: null,
  legalForm: null,
  ownership: null,
  areaM2: null,
  workstations: null,
  membershipPlans: [],
  equipment: [],
  services: [],
  openingHours: null,
  links: [],
  certification: 'none',
  certificationGrade: null,
  description: null,
  synthetic: false,
  profile: {},
  sources: [],
  provenance: {},
  createdAt: '2020-01-01T00:00:00Z',
  updatedAt: '2020-01-01T00:00:00Z',
  ...over,
});

describe('membership prices', () => {
  it('turns day, week, quarter and year prices into months and ignores hourly and one-off prices', () => {
    expect(monthlyAmount({ amount: 100, interval: 'day' })).toBeCloseTo(2175);
    expect(monthlyAmount({ amount: 120, interval: 'week' })).toBeCloseTo(520);
    expect(monthlyAmount({ amount: 1200, interval: 'year' })).toBeCloseTo(100);
    expect(monthlyAmount({ amount: 300, interval: 'quarter' })).toBeCloseTo(100);
    expect(monthlyAmount({ amount: 50, interval: 'hour' })).toBeNull();
    expect(monthlyAmount({ amount: 50, interval: 'once' })).toBeNull();
  });
  it('takes the cheapest plan in the currency asked for', () => {
    const plans = [
      { amount: 900, interval: 'month' as const, currency: 'CNY' },
      { amount: 30, interval: 'day' as const, currency: 'CNY' },
      { amount: 10, interval: 'month' as const, currency: 'USD' },
    ];
    expect(cheapestMonthly(plans)).toBe(653); // 30 × 21.75 = 652.5
    expect(cheapestMonthly(plans, 'USD')).toBe(10);
    expect(cheapestMonthly([{ amount: 5, interval: 'hour', currency: 'CNY' }])).toBeNull();
  });
});

describe('map points', () => {
  const p = emptyMapPoints();
  addMapPoint(
    p,
    space({
      id: 'a',
      type: 'fablab',
      foundedOn: '2012-05',
      regionCode: '440305',
      services: ['desk', 'mentoring'],
      equipment: ['3d_printing'],
      membershipPlans: [{ name: 'm', amount: 500, currency: 'CNY', interval: 'month' }],
    }),
  );
  addMapPoint(
    p,
    space({
      id: 'b',
      type: 'hackerspace',
      status: 'closed',
      foundedOn: '2014',
      closedOn: '2016-03-01',
      regionCode: '110105',
      certification: 'national',
      synthetic: true,
    }),
  );
  addMapPoint(p, space({ id: 'c', foundedOn: null, regionCode: '440106', services: ['desk'] }));
  const skipped = addMapPoint(p, space({ id: 'd', lat: null, lon: null }));
  const latest = latestYearOf(p);

  it('keeps drawable spaces only, in columns the schema accepts', () => {
    expect(skipped).toBe(false);
    expect(p.id).toEqual(['a', 'b', 'c']);
    expect(Value.Check(MapPoints, p)).toBe(true);
    expect(p.price).toEqual([500, null, null]);
    expect(latest).toBe(2016);
    expect(yearOf('1999-01-02')).toBe(1999);
    expect(yearOf(null)).toBeNull();
    expect(maskOf(['x', 'y', 'z'], ['z', 'x', 'unknown'])).toBe(0b101);
  });

  it('filters by type, status, certification and synthetic flag', () => {
    expect(selectPoints(p, { type: ['fablab', 'hackerspace'] }, latest)).toEqual([0, 1]);
    expect(selectPoints(p, { status: ['closed'] }, latest)).toEqual([1]);
    expect(selectPoints(p, { certification: ['national'] }, latest)).toEqual([1]);
    expect(selectPoints(p, { synthetic: false }, latest)).toEqual([0, 2]);
    expect(selectPoints(p, { type: [] }, latest)).toEqual([0, 1, 2]);
  });

  it('needs every service and every equipment asked for, and a known price under the ceiling', () => {
    expect(selectPoints(p, { services: ['desk'] }, latest)).toEqual([0, 2]);
    expect(selectPoints(p, { services: ['desk', 'mentoring'] }, latest)).toEqual([0]);
    expect(selectPoints(p, { equipment: ['3d_printing', 'cnc'] }, latest)).toEqual([]);
    expect(selectPoints(p, { priceMax: 500 }, latest)).toEqual([0]);
    expect(selectPoints(p, { priceMax: 499 }, latest)).toEqual([]);
  });

  it('shows a space from its founding year to its closing year, and undated spaces at the end only', () => {
    expect(selectPoints(p, { year: 2011 }, latest)).toEqual([]);
    expect(selectPoints(p, { year: 2012 }, latest)).toEqual([0]);
    expect(selectPoints(p, { year: 2015 }, latest)).toEqual([0, 1]);
    // closed in 2016: still counted in 2016, gone afterwards
    expect(compileMapFilter(p, { year: 2016 }, latest)(1)).toBe(true);
    expect(compileMapFilter(p, { year: 2017 }, 2017)(1)).toBe(false);
    expect(selectPoints(p, { year: 2016 }, latest)).toEqual([0, 1, 2]);
  });

  it('counts kept points by province', () => {
    const counts = countByProvince(p, [0, 1, 2]);
    expect(Object.fromEntries(counts)).toEqual({ '440000': 2, '110000': 1 });
  });
});
