// Survival of a space's incubated firms, with the engine's Kaplan–Meier estimator and the index's
// own follow-up rules (src/domain/cohort-follow-up.ts): a closure is a failure; graduating, moving,
// being acquired or still being resident are censored; a partial date stands for the middle of its
// period.
import { cohortFollowUp, observedUntil } from '../../../../src/domain/cohort-follow-up.js';
import type { CohortFirm } from '../../../../src/domain/cohort.js';
import { kaplanMeier, survivalAt, type KmCurve } from '../../../../src/engine/survival.js';

export interface CohortCurves {
  asOf: number;
  all: KmCurve;
  /** One curve per year of entry. */
  byEntryYear: { year: number; curve: KmCurve }[];
}

export const cohortCurves = (firms: readonly CohortFirm[]): CohortCurves => {
  const asOf = observedUntil(firms);
  const all = cohortFollowUp(firms, asOf);
  const groups = new Map<number, CohortFirm[]>();
  for (const f of firms) {
    const y = Number(f.enteredOn.slice(0, 4));
    if (!Number.isFinite(y)) continue;
    groups.set(y, [...(groups.get(y) ?? []), f]);
  }
  return {
    asOf,
    all: kaplanMeier(all.years, all.failed),
    byEntryYear: [...groups.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([year, fs]) => {
        const f = cohortFollowUp(fs, asOf);
        return { year, curve: kaplanMeier(f.years, f.failed) };
      }),
  };
};

/** S(t) at whole years 0…max (NaN beyond the follow-up), for charts and tables. */
export const yearlySurvival = (curve: KmCurve, maxYears: number): number[] =>
  Array.from({ length: maxYears + 1 }, (_, t) => (t === 0 && curve.n > 0 ? 1 : survivalAt(curve, t)));
