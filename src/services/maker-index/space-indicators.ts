// Space indicators: each framework indicator names a formula; this is the table of formulas, and the
// computation of one year's indicator table (COINr's iData, column-major) from store rows.
import OpeningHours from 'opening_hours';
import type { AnnualReport } from '../../domain/annual-report.js';
import type { CohortFirm } from '../../domain/cohort.js';
import { dayOf, yearEndDay, YEAR_DAYS, type CohortIssue } from '../../domain/cohort-follow-up.js';
import type { SpaceFacts } from '../../store/index-inputs-repo.js';
import { cohortSurvival, graduationShare } from './cohort-stats.js';
import type { FormulaParams, MakerFramework, SpaceFormula, Transform } from './framework-schema.js';

export interface SpaceContext {
  space: SpaceFacts;
  report: AnnualReport;
  /** The space's incubated firms (all years). */
  firms: readonly CohortFirm[];
  year: number;
  /** Collects problems found in cohort rows (bad or inverted dates). */
  issues: CohortIssue[];
}

type Formula<F extends SpaceFormula> = (ctx: SpaceContext, p: FormulaParams<F>) => number;

/** Σ of the present fields; NaN when all are missing. `max` instead of Σ for overlapping counts. */
const combine = (
  r: AnnualReport,
  fields: readonly (keyof AnnualReport)[],
  how: 'sum' | 'max' = 'sum',
): number => {
  let out = Number.NaN;
  for (const f of fields) {
    const v = r[f];
    if (typeof v !== 'number' || Number.isNaN(v)) continue;
    out = Number.isNaN(out) ? v : how === 'sum' ? out + v : Math.max(out, v);
  }
  return out;
};

/** Months per plan interval; plans billed by the hour, day, session or once are not memberships. */
const MONTHS: Readonly<Record<string, number>> = { week: 12 / 52, month: 1, quarter: 3, year: 12 };

const hoursCache = new Map<string, number>();
/** Hours open in the week from `weekStart` (local midnight); NaN for a value the library rejects. */
export const weeklyHours = (value: string, weekStart: string): number => {
  const key = `${weekStart}\u0000${value}`;
  const hit = hoursCache.get(key);
  if (hit !== undefined) return hit;
  let hours = Number.NaN;
  const [y, m, d] = weekStart.split('-').map(Number) as [number, number, number];
  try {
    // No place is given, so rules for public or school holidays cannot apply: pick a week without them.
    const oh = new OpeningHours(value, null, 0);
    const [open] = oh.getOpenDuration(new Date(y, m - 1, d), new Date(y, m - 1, d + 7));
    hours = open / 3_600_000;
  } catch {
    hours = Number.NaN;
  }
  if (hoursCache.size > 10_000) hoursCache.clear();
  hoursCache.set(key, hours);
  return hours;
};

export const SPACE_FORMULAS: { [F in SpaceFormula]: Formula<F> } = {
  ratio: ({ report }, p) => {
    const num = combine(report, p.num, p.combine);
    const den = combine(report, p.den);
    if (!(den > 0) || Number.isNaN(num)) return Number.NaN;
    const v = (num / den) * (p.scale ?? 1);
    return p.cap === undefined ? v : Math.min(v, p.cap);
  },
  sum: ({ report }, p) => combine(report, p.fields),
  service_breadth: ({ space, report }, p) => {
    const offered = new Set<string>([...space.services, ...report.serviceTypes]);
    return p.services.filter((s) => offered.has(s)).length;
  },
  equipment_count: ({ space }) => new Set(space.equipment).size,
  km_survival: ({ firms, year, issues }, p) =>
    cohortSurvival(firms, year, p.years, p.minFirms, issues).survival,
  graduation_share: ({ firms, year }, p) => graduationShare(firms, year, p.windowYears, p.minExits),
  min_monthly_price: ({ space }, p) => {
    let best = Number.NaN;
    for (const plan of space.membershipPlans) {
      const months = MONTHS[plan.interval];
      if (plan.currency !== p.currency || months === undefined) continue;
      const perMonth = plan.amount / months;
      if (Number.isNaN(best) || perMonth < best) best = perMonth;
    }
    return best;
  },
  weekly_hours: ({ space }, p) =>
    space.openingHours ? weeklyHours(space.openingHours, p.weekStart) : Number.NaN,
  operating_margin: ({ report }) => {
    const rev = report.revenueKCny;
    const cost = report.operatingCostKCny;
    return rev !== null && cost !== null && rev > 0 ? (rev - cost) / rev : Number.NaN;
  },
  years_in_operation: ({ space, year }) => {
    const founded = space.foundedOn ? dayOf(space.foundedOn) : Number.NaN;
    const years = (yearEndDay(year) - founded) / YEAR_DAYS;
    return years >= 0 ? years : Number.NaN;
  },
};

export const applyTransform = (x: number, t: Transform | undefined): number =>
  t === 'log1p' ? Math.log1p(x) : x;

/** One raw indicator value (before the transform); NaN = missing. */
export const spaceIndicatorValue = (
  ind: MakerFramework['space']['indicators'][number],
  ctx: SpaceContext,
): number => {
  const f = SPACE_FORMULAS[ind.formula] as Formula<SpaceFormula>;
  const v = f(ctx, ind.params as FormulaParams<SpaceFormula>);
  return Number.isFinite(v) ? v : Number.NaN;
};

/** One year's indicator table: units in id order, indicator columns in framework order. */
export interface SpaceYearTable {
  year: number;
  unitIds: string[];
  names: string[];
  groups: (string | null)[];
  regionCodes: (string | null)[];
  /** Firms that had entered each space by the year's end (weights of the region survival). */
  cohortSizes: Float64Array;
  codes: string[];
  /** Values before the transform (what explanations show). */
  raw: Float64Array[];
  /** Values after the transform (what the pipeline reads). */
  values: Float64Array[];
}

export const displayName = (s: Pick<SpaceFacts, 'id' | 'nameZh' | 'nameEn'>): string =>
  s.nameZh ?? s.nameEn ?? s.id;

/**
 * Indicator table of one year: one unit per space with a report that year (of a counted status).
 * `firmsBySpace` holds each space's incubated firms.
 */
export const spaceYearTable = (
  fw: MakerFramework,
  year: number,
  spaces: ReadonlyMap<string, SpaceFacts>,
  reports: readonly AnnualReport[],
  firmsBySpace: ReadonlyMap<string, readonly CohortFirm[]>,
  issues: CohortIssue[] = [],
): SpaceYearTable => {
  const statuses = new Set<string>(fw.space.reportStatuses);
  const rows = reports
    .filter((r) => r.year === year && statuses.has(r.status) && spaces.has(r.spaceId))
    .sort((a, b) => (a.spaceId < b.spaceId ? -1 : a.spaceId > b.spaceId ? 1 : 0));
  const inds = fw.space.indicators;
  const raw = inds.map(() => new Float64Array(rows.length));
  const cohortSizes = new Float64Array(rows.length);
  const yearEnd = yearEndDay(year);
  rows.forEach((report, i) => {
    const space = spaces.get(report.spaceId) as SpaceFacts;
    const firms = firmsBySpace.get(space.id) ?? [];
    const ctx: SpaceContext = { space, report, firms, year, issues };
    inds.forEach((ind, j) => ((raw[j] as Float64Array)[i] = spaceIndicatorValue(ind, ctx)));
    let entered = 0;
    for (const f of firms) if (dayOf(f.enteredOn) <= yearEnd) entered++;
    cohortSizes[i] = entered;
  });
  return {
    year,
    unitIds: rows.map((r) => r.spaceId),
    names: rows.map((r) => displayName(spaces.get(r.spaceId) as SpaceFacts)),
    groups: rows.map((r) => spaces.get(r.spaceId)?.type ?? null),
    regionCodes: rows.map((r) => spaces.get(r.spaceId)?.regionCode ?? null),
    cohortSizes,
    codes: inds.map((i) => i.code),
    raw,
    values: raw.map((col, j) => col.map((x) => applyTransform(x, inds[j]?.transform))),
  };
};
