import { describe, expect, it } from 'vitest';
import { selectPoints } from '../../../../src/domain/map-filter.js';
import { addMapPoint, emptyMapPoints } from '../../../../src/domain/map-points.js';
import type { Space } from '../../../../src/domain/space.js';
import { mix, nationalSeries } from './stats-series.js';

const sp = (
  id: string,
  founded: string,
  closed: string | null,
  cert: Space['certification'],
  region: string | null = '440305',
): Space =>
  ({
    id,
    nameZh: id,
    nameEn: null,
    type: 'makerspace',
    status: closed ? 'closed' : 'active',
    foundedOn: founded,
    closedOn: closed,
    countryCode: 'CN',
    regionCode: region,
    city: null,
    address: null,
    postcode: null,
    lat: 22.5,
    lon: 114,
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
    certification: cert,
    certificationGrade: null,
    description: null,
    synthetic: true,
    profile: {},
    sources: [],
    provenance: {},
    createdAt: '',
    updatedAt: '',
  }) as Space;

describe('national series', () => {
  const p = emptyMapPoints();
  addMapPoint(p, sp('a', '2014', null, 'national'));
  addMapPoint(p, sp('b', '2015', '2016', 'none'));
  addMapPoint(p, sp('c', '2016', null, 'none'));
  addMapPoint(p, sp('d', '2015', null, 'none', null)); // abroad: no region code

  it('counts active, founded and closed per year with growth', () => {
    const rows = nationalSeries(p, 2014, 2017);
    expect(rows.map(({ growth: _, ...r }) => r)).toEqual([
      { year: 2014, active: 1, founded: 1, closed: 0 },
      { year: 2015, active: 2, founded: 1, closed: 0 },
      { year: 2016, active: 3, founded: 1, closed: 1 },
      { year: 2017, active: 2, founded: 0, closed: 0 },
    ]);
    expect(rows[0]?.growth).toBeNull();
    expect(rows[1]?.growth).toBeCloseTo(1, 12);
    expect(rows[2]?.growth).toBeCloseTo(0.5, 12);
    expect(rows[3]?.growth).toBeCloseTo(-1 / 3, 12);
  });

  it('tallies a mix by a code column', () => {
    const kept = selectPoints(p, { year: 2016 }, 2017);
    expect(mix(p, kept, 'certification')).toEqual([
      ['none', 3],
      ['national', 1],
    ]);
  });
});
