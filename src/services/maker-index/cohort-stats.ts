// Cohort statistics of one space at the end of a year: Kaplan–Meier survival of its incubated firms
// (a closure is a failure; graduation, moving, acquisition and still being resident are censored at
// that date) and the share of graduations among exits. The follow-up rules themselves (dates,
// censoring) are the domain's, shared with the web app: src/domain/cohort-follow-up.ts.
import type { CohortFirm } from '../../domain/cohort.js';
import { cohortFollowUp, dayOf, yearEndDay, type CohortIssue } from '../../domain/cohort-follow-up.js';
import { kaplanMeier, survivalAt, type KmCurve } from '../../engine/survival.js';

/** The Kaplan–Meier curve of a space's firms as observed at the end of `year`. */
export const cohortCurve = (firms: readonly CohortFirm[], year: number, issues?: CohortIssue[]): KmCurve => {
  const f = cohortFollowUp(firms, yearEndDay(year), issues);
  return kaplanMeier(f.years, f.failed);
};

/**
 * Survival at `horizonYears` of the firms that entered by the end of `year`; NaN with fewer than
 * `minFirms` firms or when no firm was followed that long.
 */
export const cohortSurvival = (
  firms: readonly CohortFirm[],
  year: number,
  horizonYears: number,
  minFirms: number,
  issues?: CohortIssue[],
): { survival: number; firms: number } => {
  const curve = cohortCurve(firms, year, issues);
  return { survival: curve.n < minFirms ? Number.NaN : survivalAt(curve, horizonYears), firms: curve.n };
};

/**
 * Graduations ÷ exits among firms that left during the `windowYears` years ending with `year`
 * (resident firms have not left). NaN with fewer than `minExits` exits.
 */
export const graduationShare = (
  firms: readonly CohortFirm[],
  year: number,
  windowYears: number,
  minExits: number,
): number => {
  const to = yearEndDay(year);
  const from = yearEndDay(year - windowYears);
  let exits = 0;
  let graduated = 0;
  for (const f of firms) {
    if (f.exitedOn === null || f.exitKind === 'resident') continue;
    const d = dayOf(f.exitedOn);
    if (!(d > from && d <= to)) continue;
    exits++;
    if (f.exitKind === 'graduated') graduated++;
  }
  return exits < minExits ? Number.NaN : graduated / exits;
};
