import { describe, expect, it } from 'vitest';
import { firm, workedCohort } from '../../test/fixtures/cohorts.js';
import type { CohortFirm } from './cohort.js';
import { cohortFollowUp, dayOf, observedUntil, yearEndDay, type CohortIssue } from './cohort-follow-up.js';

const firms = workedCohort;

describe('dates', () => {
  it('reads full and partial dates, partial ones at the middle of their period', () => {
    expect(dayOf('1970-01-02')).toBe(1);
    expect(dayOf('2016')).toBe(Date.UTC(2016, 6, 2) / 86_400_000);
    expect(dayOf('2020')).toBe(dayOf('2020-07-02'));
    expect(dayOf('2020-02')).toBe(dayOf('2020-02-15'));
    expect(dayOf('2021-02-31')).toBeNaN();
    expect(dayOf('2021-13')).toBeNaN();
    expect(dayOf('soon')).toBeNaN();
    expect(yearEndDay(2020) - dayOf('2020-01-01')).toBe(365);
  });

  it('observes a cohort until the end of the year of its latest entry or exit', () => {
    expect(observedUntil(firms)).toBe(yearEndDay(2021));
    expect(observedUntil(firms.slice(0, 4))).toBe(yearEndDay(2020));
    expect(observedUntil([])).toBeNaN();
  });

  it('skips unreadable dates when finding the observation date', () => {
    const bad = firm('x', '2019-02-30', '2019-04-31', 'closed');
    expect(observedUntil([firms[3] as CohortFirm, bad])).toBe(yearEndDay(2020));
    expect(observedUntil([bad, firms[0] as CohortFirm])).toBe(yearEndDay(2019));
    expect(observedUntil([bad])).toBeNaN();
  });
});

describe('cohort follow-up', () => {
  it('censors everything but a closure, and counts only firms that had entered', () => {
    const f = cohortFollowUp(firms, yearEndDay(2020));
    expect(f.entered).toBe(6);
    const days = Array.from(f.years, (y) => Math.round(y * 365.25));
    expect(days).toEqual([365, 546, 1095, 547, 213, 944]);
    expect(Array.from(f.failed)).toEqual([1, 0, 0, 1, 0, 0]);
  });

  it('ends a partial-date follow-up at the middle of its period', () => {
    const f = cohortFollowUp([firm('p', '2016', '2017-01', 'closed')], yearEndDay(2020));
    expect(f.years[0]).toBeCloseTo((dayOf('2017-01-15') - dayOf('2016-07-02')) / 365.25, 12);
    expect(Array.from(f.failed)).toEqual([1]);
  });

  it('reports firms with unreadable or inverted dates and leaves them out', () => {
    const issues: CohortIssue[] = [];
    const f = cohortFollowUp(
      [
        firm('x', '2019-13-01', null, 'resident'),
        firm('y', '2019-05-01', '2019-01-01', 'closed'),
        firm('z', '2019-05-01', '2019-02-30', 'closed'),
        firms[0] as CohortFirm,
      ],
      yearEndDay(2020),
      issues,
    );
    expect(f.entered).toBe(1);
    expect(issues.map((i) => i.firmId)).toEqual(['x', 'y', 'z']);
    expect(issues[1]?.message).toMatch(/before entered_on/);
    expect(issues[2]?.message).toMatch(/exited_on "2019-02-30" is not a date/);
  });
});
