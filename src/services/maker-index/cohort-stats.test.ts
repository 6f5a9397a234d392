import { describe, expect, it } from 'vitest';
import { workedCohort } from '../../../test/fixtures/cohorts.js';
import { cohortCurve, cohortSurvival, graduationShare } from './cohort-stats.js';

const firms = workedCohort;

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
