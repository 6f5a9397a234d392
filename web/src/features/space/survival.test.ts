import { describe, expect, it } from 'vitest';
import type { CohortFirm } from '../../../../src/domain/cohort.js';
import { cohortCurves, yearlySurvival } from './survival.js';

const firm = (
  id: string,
  enteredOn: string,
  exitedOn: string | null,
  exitKind: CohortFirm['exitKind'],
): CohortFirm => ({
  id,
  spaceId: 's',
  name: id,
  enteredOn,
  exitedOn,
  exitKind,
  synthetic: true,
});

describe('cohort survival', () => {
  const firms = [
    firm('a', '2016-01-01', '2017-01-01', 'closed'), // failed after ~1 year
    firm('b', '2016-01-01', '2018-01-01', 'graduated'), // censored after ~2 years
    firm('c', '2016-01-01', null, 'resident'), // censored at the observation date
    firm('d', '2018-01-01', '2019-01-01', 'closed'),
  ];

  it('estimates survival with the engine (Kaplan–Meier)', () => {
    const c = cohortCurves(firms);
    // observed until the end of the latest year in the cohort (the follow-up rules: src/domain)
    expect(c.asOf).toBe(Date.UTC(2019, 11, 31) / 86_400_000);
    // d closes after 365 days (4 at risk → 3/4), a after 366 (3 at risk → 3/4 · 2/3 = 1/2);
    // b (graduated) and c (resident) are censored and never lower the curve.
    const s = yearlySurvival(c.all, 3);
    expect(s[0]).toBe(1);
    expect(s[1]).toBeCloseTo(0.75, 12);
    expect(s[2]).toBeCloseTo(0.5, 12);
    expect(s[3]).toBeCloseTo(0.5, 12);
    expect(c.byEntryYear.map((g) => g.year)).toEqual([2016, 2018]);
    // the 2018 cohort's only firm closed after 365 days: nothing is known at one full year
    const late = c.byEntryYear[1]!.curve;
    expect(late.events).toBe(1);
    expect(yearlySurvival(late, 2)[1]).toBeNaN();
  });
});
