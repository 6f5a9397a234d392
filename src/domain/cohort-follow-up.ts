// How a space's incubated firms are followed up, for survival analysis: the durations from entry to
// exit or to the observation date, and which of them ended in a failure. A closure is a failure;
// graduating, moving, being acquired or still being resident are censored. The index (services) and
// the web app's survival chart both use these rules, so they give the same numbers.
import type { CohortFirm } from './cohort.js';

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

/**
 * The observation date of a cohort on its own (no index year given): the end of the year of its
 * latest entry or exit. Unreadable dates are skipped; NaN when no date is readable.
 */
export const observedUntil = (firms: readonly CohortFirm[]): number => {
  let last = Number.NaN;
  for (const f of firms) {
    for (const d of [f.enteredOn, f.exitedOn]) {
      if (d === null) continue;
      const day = dayOf(d);
      if (day > last || Number.isNaN(last)) last = day;
    }
  }
  return Number.isNaN(last) ? last : yearEndDay(new Date(last * DAY_MS).getUTCFullYear());
};

export interface CohortIssue {
  firmId: string;
  message: string;
}

/**
 * Follow-up of a cohort observed at `asOfDay`: durations in years and failure flags, one per firm
 * that had entered by then. Firms with an unreadable date, or an exit before their entry, are left
 * out and reported in `issues`.
 */
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
