import { describe, expect, it } from 'vitest';
import type { AnnualReport } from '../../domain/annual-report.js';
import { indexRegions, type RegionRow } from '../../domain/regions.js';
import type { SpaceFacts } from '../../store/index-inputs-repo.js';
import { loadFramework } from './framework.js';
import { activeAt, regionUnitOf, regionYearTable, type RegionInputs } from './region-indicators.js';

const fw = loadFramework();
const r = (code: string, nameZh: string, level: RegionRow['level'], parent: string | null): RegionRow => ({
  code,
  nameZh,
  level,
  parent,
});
const regions = indexRegions({
  vintage: 'test',
  source: 'test',
  regions: [
    r('440000', '广东省', 'province', null),
    r('440100', '广州市', 'prefecture', '440000'),
    r('440106', '天河区', 'county', '440100'),
    r('440300', '深圳市', 'prefecture', '440000'),
    r('440305', '南山区', 'county', '440300'),
    r('110000', '北京市', 'province', null),
    r('110100', '北京市', 'prefecture', '110000'),
    r('110101', '东城区', 'county', '110100'),
  ],
});

const space = (
  id: string,
  regionCode: string,
  foundedOn: string,
  over: Partial<SpaceFacts> = {},
): SpaceFacts => ({
  id,
  nameZh: id,
  nameEn: null,
  type: 'cn_coworking',
  status: 'active',
  countryCode: 'CN',
  regionCode,
  foundedOn,
  closedOn: null,
  certification: 'none',
  certificationGrade: null,
  equipment: [],
  services: [],
  membershipPlans: [],
  openingHours: null,
  ...over,
});

const spaces = [
  space('s1', '440305', '2015-03-01', { certification: 'national', certificationGrade: 'A' }),
  space('s2', '440106', '2018-05-01', { certification: 'provincial' }),
  space('s3', '440305', '2016-01-01', { closedOn: '2019-06-01' }),
  space('s4', '110101', '2010', { certification: 'national', certificationGrade: 'B' }),
  space('s5', '440305', '2020-02-01'),
  space('s6', '440305', '2012-01-01', { countryCode: 'DE' }),
];

const report = (spaceId: string, over: Partial<AnnualReport>): AnnualReport =>
  ({ spaceId, year: 2019, status: 'accepted', serviceTypes: [], ...over }) as AnnualReport;

const inputs = (level: RegionInputs['level']): RegionInputs => ({
  level,
  year: 2019,
  spaces,
  regions,
  population: new Map([
    ['440000', 2_000_000],
    ['110000', 1_000_000],
  ]),
  spaceScores: new Map([
    ['s1', 60],
    ['s2', 40],
    ['s4', 70],
  ]),
  survival: new Map([
    [
      'ip_survival2y',
      new Map([
        ['s1', { value: 0.8, firms: 10 }],
        ['s2', { value: 0.5, firms: 30 }],
        ['s4', { value: Number.NaN, firms: 2 }],
      ]),
    ],
  ]),
  reports: [
    report('s1', { teamsServed: 10, startupsServed: 5, jobs: 100, financingKCny: 1000 }),
    report('s2', { teamsServed: 20, startupsServed: null, jobs: 50, financingKCny: null }),
  ],
});

const valuesOf = (t: ReturnType<typeof regionYearTable>, unit: string) =>
  Object.fromEntries(t.codes.map((c, j) => [c, (t.raw[j] as Float64Array)[t.unitIds.indexOf(unit)]]));

describe('region indicators', () => {
  it('counts spaces active at the end of the year', () => {
    expect(activeAt(spaces[0] as SpaceFacts, 2019)).toBe(true);
    expect(activeAt(spaces[2] as SpaceFacts, 2019)).toBe(false);
    expect(activeAt(spaces[2] as SpaceFacts, 2018)).toBe(true);
    expect(activeAt(spaces[4] as SpaceFacts, 2019)).toBe(false);
    expect(activeAt(space('x', '440305', ''), 2019)).toBe(false);
  });

  it('places spaces in provinces and prefectures', () => {
    expect(regionUnitOf(regions, 'province', '440305')).toBe('440000');
    expect(regionUnitOf(regions, 'prefecture', '440305')).toBe('440300');
    expect(regionUnitOf(regions, 'prefecture', '110101')).toBe('110100');
    expect(regionUnitOf(regions, 'prefecture', null)).toBeUndefined();
  });

  it('computes the province indicators by hand', () => {
    const t = regionYearTable(fw, inputs('province'));
    expect(t.unitIds).toEqual(['110000', '440000']);
    expect(t.names).toEqual(['北京市', '广东省']);
    const gd = valuesOf(t, '440000');
    expect(gd['r_spaces_pm']).toBe(1);
    expect(gd['r_national_pm']).toBe(0.5);
    // 2016: s1 and s3 active; 2019: s1 and s2.
    expect(gd['r_growth3']).toBe(0);
    expect(gd['r_median_index']).toBe(50);
    expect(gd['r_grade_a']).toBe(0.5);
    expect(gd['r_survival']).toBeCloseTo((10 * 0.8 + 30 * 0.5) / 40, 15);
    expect(gd['r_teams_10k']).toBeCloseTo((35 / 2_000_000) * 10_000, 15);
    expect(gd['r_jobs_10k']).toBeCloseTo((150 / 2_000_000) * 10_000, 15);
    expect(gd['r_financing_10k']).toBeCloseTo((1000 / 2_000_000) * 10_000, 15);
    const bj = valuesOf(t, '110000');
    expect(bj['r_spaces_pm']).toBe(1);
    expect(bj['r_grade_a']).toBe(0);
    expect(bj['r_median_index']).toBe(70);
    expect(bj['r_survival']).toBeNaN();
    expect(bj['r_teams_10k']).toBeNaN();
  });

  it('has no per-resident figures for prefectures (no population table)', () => {
    const t = regionYearTable(fw, inputs('prefecture'));
    expect(t.unitIds).toEqual(['110100', '440100', '440300']);
    const sz = valuesOf(t, '440300');
    expect(sz['r_spaces_pm']).toBeNaN();
    expect(sz['r_median_index']).toBe(60);
    expect(sz['r_grade_a']).toBe(1);
    // 2016: s1 and s3 in Shenzhen; 2019: s1 only.
    expect(sz['r_growth3']).toBe(-0.5);
    // Guangzhou had no space in 2016: growth undefined.
    expect(valuesOf(t, '440100')['r_growth3']).toBeNaN();
  });
});
