// Calendar days for synthetic records, as ISO dates. Day numbers (days since 1970-01-01, UTC) keep
// date arithmetic to integers; formatting is cached because cohorts format ~10^5 dates over a few
// thousand distinct days.
const DAY_MS = 86_400_000;

export const yearStartDay = (year: number): number => Date.UTC(year, 0, 1) / DAY_MS;
export const daysInYear = (year: number): number => yearStartDay(year + 1) - yearStartDay(year);

const cache = new Map<number, string>();
export const isoOfDay = (day: number): string => {
  let s = cache.get(day);
  if (s === undefined) {
    s = new Date(day * DAY_MS).toISOString().slice(0, 10);
    cache.set(day, s);
  }
  return s;
};

/** Day number of an ISO date (YYYY, YYYY-MM or YYYY-MM-DD; missing parts are the first). */
export const dayOfIso = (iso: string): number => {
  const [y = NaN, m = 1, d = 1] = iso.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / DAY_MS;
};

/** The day at fraction u ∈ [0, 1) of a year, as an ISO date. */
export const dayInYear = (year: number, u: number): string =>
  isoOfDay(yearStartDay(year) + Math.floor(u * daysInYear(year)));
