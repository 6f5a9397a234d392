// Survival of a space's incubated firms, with the engine's Kaplan–Meier estimator and the same
// conventions as the index (src/services/maker-index/cohort-stats.ts): a closure is a failure;
// graduating, moving, being acquired or still being resident are censored; a partial date stands
// for the middle of its period.
import type { CohortFirm } from '../../../../src/domain/cohort.js';
import { kaplanMeier, survivalAt, type KmCurve } from '../../../../src/engine/survival.js';

const DAY_MS = 86_400_000;
const YEAR_DAYS = 365.25;

export const dayOf = (date: string): number => {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (!m) return Number.NaN;
  const y = Number(m[1]);
  if (m[2] === undefined) return Date.UTC(y, 6, 2) / DAY_MS;
  const mo = Number(m[2]) - 1;
  if (m[3] === undefined) return Date.UTC(y, mo, 15) / DAY_MS;
  return Date.UTC(y, mo, Number(m[3])) / DAY_MS;
};

/** The observation date: the end of the year of the latest entry or exit in the cohort. */
export const observedUntil = (firms: readonly CohortFirm[]): number => {
  let last = Number.NaN;
  for (const f of firms) {
    for (const d of [f.enteredOn, f.exitedOn]) {
      if (d === null) continue;
      const day = dayOf(d);
      if (!(day <= last)) last = day;
    }
  }
  return Number.isNaN(last) ? last : Date.UTC(new Date(last * DAY_MS).getUTCFullYear(), 11, 31) / DAY_MS;
};

export const followUp = (firms: readonly CohortFirm[], asOfDay: number) => {
  const years: number[] = [];
  const failed: number[] = [];
  for (const f of firms) {
    const entered = dayOf(f.enteredOn);
    if (Number.isNaN(entered) || entered > asOfDay) continue;
    const exited = f.exitedOn === null ? Number.NaN : dayOf(f.exitedOn);
    if (exited < entered) continue;
    const left = !Number.isNaN(exited) && exited <= asOfDay && f.exitKind !== 'resident';
    years.push(((left ? exited : asOfDay) - entered) / YEAR_DAYS);
    failed.push(left && f.exitKind === 'closed' ? 1 : 0);
  }
  return { years, failed };
};

export interface CohortCurves {
  asOf: number;
  all: KmCurve;
  /** One curve per year of entry. */
  byEntryYear: { year: number; curve: KmCurve }[];
}

export const cohortCurves = (firms: readonly CohortFirm[]): CohortCurves => {
  const asOf = observedUntil(firms);
  const all = followUp(firms, asOf);
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
        const f = followUp(fs, asOf);
        return { year, curve: kaplanMeier(f.years, f.failed) };
      }),
  };
};

/** S(t) at whole years 0…max (NaN beyond the follow-up), for charts and tables. */
export const yearlySurvival = (curve: KmCurve, maxYears: number): number[] =>
  Array.from({ length: maxYears + 1 }, (_, t) => (t === 0 && curve.n > 0 ? 1 : survivalAt(curve, t)));
