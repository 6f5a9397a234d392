import { describe, expect, it } from 'vitest';
import type { CohortFirm } from '../../domain/cohort.js';
import { cohortCurve, cohortSurvival, graduationShare } from './cohort-stats.js';

const firm = (
  id: string,
  enteredOn: string,
  exitedOn: string | null,
  exitKind: CohortFirm['exitKind'],
): CohortFirm => ({ id, spaceId: 's', name: id, enteredOn, exitedOn, exitKind, synthetic: false });

// Worked by hand, observed at 2020-12-31 (durations in days):
//   E entered 2020-06-01, resident           213 censored
//   A 2018-01-01 → closed 2019-01-01         365 failure
//   B 2018-01-01 → graduated 2019-07-01      546 censored
//   D 2019-01-01 → closed 2020-07-01         547 failure
//   G 2018-06-01 → closed 2021-02-01         944 censored (still in the space at the end of 2020)
//   C 2018-01-01, resident                  1095 censored
//   F entered 2021-03-01                     not yet in the cohort
// KM: at 365, 5 at risk, 1 fails → 4/5; at 547, 3 at risk, 1 fails → 4/5 · 2/3 = 8/15.
const firms = [
  firm('A', '2018-01-01', '2019-01-01', 'closed'),
  firm('B', '2018-01-01', '2019-07-01', 'graduated'),
  firm('C', '2018-01-01', null, 'resident'),
  firm('D', '2019-01-01', '2020-07-01', 'closed'),
  firm('E', '2020-06-01', null, 'resident'),
  firm('F', '2021-03-01', null, 'resident'),
  firm('G', '2018-06-01', '2021-02-01', 'closed'),
];

describe('cohort survival', () => {
  it('gives the hand-worked Kaplan–Meier survival', () => {
    const c = cohortCurve(firms, 2020);
    const failures = c.steps.filter((s) => s.events > 0);
    expect(failures.map((s) => s.atRisk)).toEqual([5, 3]);
    expect(failures[0]?.survival).toBeCloseTo(4 / 5, 15);
    expect(failures[1]?.survival).toBeCloseTo(8 / 15, 15);
    const r = cohortSurvival(firms, 2020, 2, 5);
    expect(r.firms).toBe(6);
    expect(r.survival).toBeCloseTo(8 / 15, 15);
    expect(cohortSurvival(firms, 2020, 1, 5).survival).toBe(4 / 5);
    expect(cohortSurvival(firms, 2020, 2, 7).survival).toBeNaN();
  });

  it('says nothing beyond the longest follow-up', () => {
    // At the end of 2019 the longest follow-up is C's 729 days: under two years.
    const r = cohortSurvival(firms, 2019, 2, 1);
    expect(r.firms).toBe(5);
    expect(r.survival).toBeNaN();
  });
});

describe('graduation share', () => {
  it('counts the exits of the window ending with the year', () => {
    // Exits in 2018–2020: A closed, B graduated, D closed (G leaves in 2021).
    expect(graduationShare(firms, 2020, 3, 1)).toBe(1 / 3);
    expect(graduationShare(firms, 2020, 1, 1)).toBe(0);
    expect(graduationShare(firms, 2020, 3, 4)).toBeNaN();
    expect(graduationShare(firms, 2021, 1, 1)).toBe(0);
  });
});
