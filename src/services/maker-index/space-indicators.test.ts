import { describe, expect, it } from 'vitest';
import type { AnnualReport } from '../../domain/annual-report.js';
import type { CohortFirm } from '../../domain/cohort.js';
import type { SpaceFacts } from '../../store/index-inputs-repo.js';
import { loadFramework } from './framework.js';
import type { SpaceIndicator } from './framework-schema.js';
import { spaceIndicatorValue, spaceYearTable, weeklyHours, type SpaceContext } from './space-indicators.js';

const fw = loadFramework();
const ind = (code: string): SpaceIndicator => {
  const found = fw.space.indicators.find((i) => i.code === code);
  if (!found) throw new Error(`no indicator ${code}`);
  return found;
};

/** A report with every figure blank. */
const report = (over: Partial<AnnualReport> = {}): AnnualReport => ({
  spaceId: 's1',
  year: 2019,
  areaM2: null,
  workstations: null,
  staff: null,
  mentors: null,
  teamsServed: null,
  teamMembers: null,
  startupsServed: null,
  jobs: null,
  jobsFreshGraduates: null,
  teamsStudents: null,
  teamsReturnees: null,
  teamsScientists: null,
  teamsExecutives: null,
  teamsForeigners: null,
  teamsFirstTime: null,
  financedCount: null,
  financingKCny: null,
  events: null,
  trainings: null,
  validIp: null,
  inventionPatents: null,
  revenueKCny: null,
  serviceRevenueKCny: null,
  operatingCostKCny: null,
  subsidyKCny: null,
  taxReliefKCny: null,
  serviceTypes: [],
  listedFirms: null,
  ownership: null,
  status: 'accepted',
  ...over,
});

const space = (over: Partial<SpaceFacts> = {}): SpaceFacts => ({
  id: 's1',
  nameZh: '测试空间',
  nameEn: null,
  type: 'cn_coworking',
  status: 'active',
  countryCode: 'CN',
  regionCode: '440305',
  foundedOn: '2015-01-01',
  closedOn: null,
  certification: 'none',
  certificationGrade: null,
  equipment: [],
  services: [],
  membershipPlans: [],
  openingHours: null,
  ...over,
});

const ctx = (
  over: {
    report?: Partial<AnnualReport>;
    space?: Partial<SpaceFacts>;
    firms?: CohortFirm[];
    year?: number;
  } = {},
): SpaceContext => ({
  space: space(over.space),
  report: report(over.report),
  firms: over.firms ?? [],
  year: over.year ?? 2019,
  issues: [],
});

const value = (code: string, c: SpaceContext): number => spaceIndicatorValue(ind(code), c);

describe('ratio indicators', () => {
  it('divides the numerator by the teams and startups served, scaled', () => {
    expect(value('sc_mentors', ctx({ report: { mentors: 6, teamsServed: 20, startupsServed: 10 } }))).toBe(2);
    expect(value('sc_staff', ctx({ report: { staff: 3, teamsServed: 20, startupsServed: 10 } }))).toBe(1);
    expect(value('ip_jobs', ctx({ report: { jobs: 75, teamsServed: 20, startupsServed: 10 } }))).toBe(2.5);
    expect(value('ip_ip', ctx({ report: { validIp: 8, startupsServed: 20 } }))).toBe(4);
  });

  it('is missing, not zero, when the denominator is zero or blank', () => {
    expect(value('sc_mentors', ctx({ report: { mentors: 6, teamsServed: 0, startupsServed: 0 } }))).toBeNaN();
    expect(value('sc_mentors', ctx({ report: { mentors: 6 } }))).toBeNaN();
    expect(value('ip_financing', ctx({ report: { financingKCny: 500, financedCount: 0 } }))).toBeNaN();
    expect(value('ip_financing', ctx({ report: { financingKCny: 500, financedCount: 4 } }))).toBe(125);
  });

  it('is missing when the numerator is blank, and skips a blank part of the denominator', () => {
    expect(value('sc_mentors', ctx({ report: { teamsServed: 20 } }))).toBeNaN();
    expect(value('sc_mentors', ctx({ report: { mentors: 4, teamsServed: 20 } }))).toBe(2);
  });

  it('takes the larger of overlapping founder counts, capped at 1', () => {
    expect(
      value('os_founders', ctx({ report: { teamsStudents: 5, teamsFirstTime: 12, teamsServed: 20 } })),
    ).toBe(0.6);
    expect(
      value('os_founders', ctx({ report: { teamsStudents: 30, teamsFirstTime: 25, teamsServed: 20 } })),
    ).toBe(1);
    expect(value('os_founders', ctx({ report: { teamsStudents: 4, teamsServed: 20 } }))).toBe(0.2);
  });

  it('computes shares of revenue and the operating margin', () => {
    const r = { revenueKCny: 200, serviceRevenueKCny: 50, operatingCostKCny: 150, subsidyKCny: 20 };
    expect(value('su_service_revenue', ctx({ report: r }))).toBe(0.25);
    expect(value('su_margin', ctx({ report: r }))).toBe(0.25);
    expect(value('su_subsidy', ctx({ report: r }))).toBe(0.1);
    expect(value('su_margin', ctx({ report: { revenueKCny: 0, operatingCostKCny: 10 } }))).toBeNaN();
    expect(value('su_margin', ctx({ report: { revenueKCny: 100, operatingCostKCny: 130 } }))).toBeCloseTo(
      -0.3,
      15,
    );
  });
});

describe('counts and profile indicators', () => {
  it('adds events and trainings, ignoring a blank one', () => {
    expect(value('sc_events', ctx({ report: { events: 10, trainings: 5 } }))).toBe(15);
    expect(value('sc_events', ctx({ report: { events: 10 } }))).toBe(10);
    expect(value('sc_events', ctx())).toBeNaN();
  });

  it('counts professional services from the profile and the report, and equipment categories', () => {
    const c = ctx({
      space: { services: ['desk', 'mentoring', 'legal'], equipment: ['cnc', 'cnc', '3d_printing'] },
      report: { serviceTypes: ['financing', 'mentoring'] },
    });
    expect(value('sc_services', c)).toBe(3);
    expect(value('sc_equipment', c)).toBe(2);
  });

  it('finds the cheapest membership per month in CNY, leaving out day passes and other currencies', () => {
    const plans = [
      { amount: 1200, currency: 'CNY', interval: 'year' },
      { amount: 300, currency: 'CNY', interval: 'month' },
      { amount: 50, currency: 'CNY', interval: 'day' },
      { amount: 10, currency: 'USD', interval: 'month' },
    ];
    expect(value('os_price', ctx({ space: { membershipPlans: plans } }))).toBe(100);
    expect(
      value(
        'os_price',
        ctx({ space: { membershipPlans: [{ amount: 260, currency: 'CNY', interval: 'week' }] } }),
      ),
    ).toBeCloseTo((260 * 52) / 12, 10);
    expect(value('os_price', ctx())).toBeNaN();
  });

  it('measures opening hours per week with the opening_hours library', () => {
    expect(weeklyHours('Mo-Fr 09:00-18:00', '2019-06-03')).toBe(45);
    expect(weeklyHours('24/7', '2019-06-03')).toBe(168);
    expect(weeklyHours('Mo-Su 10:00-22:00; Tu off', '2019-06-03')).toBe(72);
    expect(weeklyHours('not hours', '2019-06-03')).toBeNaN();
    expect(value('os_hours', ctx({ space: { openingHours: null } }))).toBeNaN();
  });

  it('counts years in operation to the end of the year', () => {
    expect(value('su_age', ctx({ space: { foundedOn: '2015-01-01' }, year: 2016 }))).toBeCloseTo(
      730 / 365.25,
      12,
    );
    expect(value('su_age', ctx({ space: { foundedOn: '2017' }, year: 2016 }))).toBeNaN();
    expect(value('su_age', ctx({ space: { foundedOn: null } }))).toBeNaN();
  });

  it('measures two-year survival from the cohort', () => {
    const firm = (
      id: string,
      enteredOn: string,
      exitedOn: string | null,
      exitKind: CohortFirm['exitKind'],
    ): CohortFirm => ({
      id,
      spaceId: 's1',
      name: id,
      enteredOn,
      exitedOn,
      exitKind,
      synthetic: true,
    });
    // Five firms from 2016; one closed after a year, one after three years: S(2y) = 4/5.
    const firms = [
      firm('a', '2016-01-01', '2017-01-01', 'closed'),
      firm('b', '2016-01-01', '2019-01-01', 'closed'),
      firm('c', '2016-01-01', null, 'resident'),
      firm('d', '2016-01-01', null, 'resident'),
      firm('e', '2016-01-01', '2018-06-01', 'graduated'),
    ];
    expect(value('ip_survival2y', ctx({ firms, year: 2019 }))).toBe(0.8);
    // Four firms are below minFirms (5).
    expect(value('ip_survival2y', ctx({ firms: firms.slice(1), year: 2019 }))).toBeNaN();
  });
});

describe('spaceYearTable', () => {
  it('takes counted reports of the year, in id order, and applies the transforms', () => {
    const spaces = new Map([
      ['b', space({ id: 'b', nameZh: null, nameEn: 'B space', type: 'cn_coworking' })],
      ['a', space({ id: 'a', type: 'cn_training_mentoring', regionCode: '110101' })],
    ]);
    const reports = [
      report({ spaceId: 'b', events: 9, trainings: 0 }),
      report({ spaceId: 'a', events: 3, trainings: 1 }),
      report({ spaceId: 'a', year: 2018, events: 100 }),
      report({ spaceId: 'c', events: 1 }),
      { ...report({ spaceId: 'b', year: 2019 }), status: 'draft' as const },
    ];
    const t = spaceYearTable(fw, 2019, spaces, reports.slice(0, 4), new Map());
    expect(t.unitIds).toEqual(['a', 'b']);
    expect(t.names).toEqual(['测试空间', 'B space']);
    expect(t.groups).toEqual(['cn_training_mentoring', 'cn_coworking']);
    expect(t.regionCodes).toEqual(['110101', '440305']);
    const j = t.codes.indexOf('sc_events');
    expect(Array.from(t.raw[j] as Float64Array)).toEqual([4, 9]);
    expect(Array.from(t.values[j] as Float64Array)).toEqual([Math.log1p(4), Math.log1p(9)]);
    const drafts = spaceYearTable(fw, 2019, spaces, [reports[4] as AnnualReport], new Map());
    expect(drafts.unitIds).toEqual([]);
  });
});
