// Cohort statistics of one space at the end of a year: Kaplan–Meier survival of its incubated firms
// (a closure is a failure; graduation, moving, acquisition and still being resident are censored at
// that date) and the share of graduations among exits.
import type { CohortFirm } from '../../domain/cohort.js';
import { kaplanMeier, survivalAt, type KmCurve } from '../../engine/survival.js';

const DAY_MS = 86_400_000;
export const YEAR_DAYS = 365.25;

/**
 * Day number (days since 1970-01-01, UTC) of a full or partial ISO date. A partial date stands for
 * the middle of its period (YYYY → 2 July, YYYY-MM → the 15th), which halves the worst error.
 * NaN when the text is not a date.
 */
export const dayOf = (date: string): number => {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (!m) return Number.NaN;
  const y = Number(m[1]);
  if (m[2] === undefined) return Date.UTC(y, 6, 2) / DAY_MS;
  const mo = Number(m[2]) - 1;
  if (mo < 0 || mo > 11) return Number.NaN;
  if (m[3] === undefined) return Date.UTC(y, mo, 15) / DAY_MS;
  const t = Date.UTC(y, mo, Number(m[3]));
  // Date.UTC rolls 31 February over into March: refuse instead.
  return new Date(t).getUTCDate() === Number(m[3]) ? t / DAY_MS : Number.NaN;
};

/** Day number of 31 December of a year (the observation date of that year's index). */
export const yearEndDay = (year: number): number => Date.UTC(year, 11, 31) / DAY_MS;

export interface CohortIssue {
  firmId: string;
  message: string;
}

/** Follow-up of a space's firms observed at `asOfDay`: durations in years and failure flags. */
export const cohortFollowUp = (
  firms: readonly CohortFirm[],
  asOfDay: number,
  issues?: CohortIssue[],
): { years: Float64Array; failed: Uint8Array; entered: number } => {
  const years: number[] = [];
  const failed: number[] = [];
  for (const f of firms) {
    const entered = dayOf(f.enteredOn);
    if (Number.isNaN(entered)) {
      issues?.push({ firmId: f.id, message: `entered_on "${f.enteredOn}" is not a date` });
      continue;
    }
    if (entered > asOfDay) continue;
    const exited = f.exitedOn === null ? Number.NaN : dayOf(f.exitedOn);
    if (f.exitedOn !== null && Number.isNaN(exited)) {
      issues?.push({ firmId: f.id, message: `exited_on "${f.exitedOn}" is not a date` });
      continue;
    }
    if (exited < entered) {
      issues?.push({ firmId: f.id, message: `exited_on ${f.exitedOn} is before entered_on ${f.enteredOn}` });
      continue;
    }
    const left = !Number.isNaN(exited) && exited <= asOfDay && f.exitKind !== 'resident';
    years.push(((left ? exited : asOfDay) - entered) / YEAR_DAYS);
    failed.push(left && f.exitKind === 'closed' ? 1 : 0);
  }
  return { years: Float64Array.from(years), failed: Uint8Array.from(failed), entered: years.length };
};

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
