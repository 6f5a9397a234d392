import { describe, expect, it } from 'vitest';
import { addMapPoint, emptyMapPoints } from '../../../../src/domain/map-points.js';
import type { Space } from '../../../../src/domain/space.js';
import { activeByTypeYear, countByPrefecture, pointsInRegion, regionPrefix } from './region-series.js';

const base = {
  nameZh: 'x',
  nameEn: null,
  status: 'active',
  closedOn: null,
  countryCode: 'CN',
  city: null,
  address: null,
  postcode: null,
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
  synthetic: true,
  profile: {},
  sources: [],
  provenance: {},
  createdAt: '',
  updatedAt: '',
  lat: 23,
  lon: 113,
} as const;
const sp = (
  id: string,
  type: Space['type'],
  region: string,
  founded: string,
  closed: string | null = null,
): Space => ({
  ...base,
  id,
  type,
  regionCode: region,
  foundedOn: founded,
  closedOn: closed,
  status: closed ? 'closed' : 'active',
  membershipPlans: [],
  equipment: [],
  services: [],
  links: [],
  profile: {},
  sources: [],
  provenance: {},
});

describe('region series', () => {
  const p = emptyMapPoints();
  addMapPoint(p, sp('a', 'fablab', '440305', '2014'));
  addMapPoint(p, sp('b', 'fablab', '440106', '2016', '2017'));
  addMapPoint(p, sp('c', 'cn_coworking', '440303', '2015'));
  addMapPoint(p, sp('d', 'cn_coworking', '110105', '2015'));

  it('finds members by code prefix', () => {
    expect(regionPrefix('440000')).toBe('44');
    expect(regionPrefix('440300')).toBe('4403');
    expect(regionPrefix('440305')).toBe('440305');
    expect(pointsInRegion(p, '44')).toEqual([0, 1, 2]);
    expect(pointsInRegion(p, '4403')).toEqual([0, 2]);
  });

  it('counts spaces active in each year by type, as the map slider does', () => {
    const s = activeByTypeYear(p, pointsInRegion(p, '44'), 2013, 2018);
    expect(s.years).toEqual([2013, 2014, 2015, 2016, 2017, 2018]);
    expect(s.byType.get('fablab')).toEqual([0, 1, 1, 2, 2, 1]);
    expect(s.byType.get('cn_coworking')).toEqual([0, 0, 1, 1, 1, 1]);
    expect(s.total).toEqual([0, 1, 2, 3, 3, 2]);
  });

  it('counts by prefecture, most first', () => {
    expect(countByPrefecture(p, pointsInRegion(p, '44'))).toEqual([
      ['440300', 2],
      ['440100', 1],
    ]);
  });
});
