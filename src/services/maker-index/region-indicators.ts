// Region indicators (MAKER-INDEX §4, region level) for provinces and prefectures: densities per
// resident, growth, the spread of space scores, grades, cohort survival and outcomes per resident.
import type { AnnualReport } from '../../domain/annual-report.js';
import { dayOf, yearEndDay } from '../../domain/cohort-follow-up.js';
import type { RegionIndex } from '../../domain/regions.js';
import { medianNA } from '../../engine/pipeline/numeric.js';
import type { SpaceFacts } from '../../store/index-inputs-repo.js';
import type { MakerFramework, RegionFormula, RegionFormulaParams, RegionLevel } from './framework-schema.js';
import type { IndicatorTable } from './run-year.js';

/** Active at the end of `year`: founded by then and not closed by then. Unknown founding: not counted. */
export const activeAt = (s: Pick<SpaceFacts, 'foundedOn' | 'closedOn'>, year: number): boolean => {
  const end = yearEndDay(year);
  const founded = s.foundedOn ? dayOf(s.foundedOn) : Number.NaN;
  if (!(founded <= end)) return false;
  const closed = s.closedOn ? dayOf(s.closedOn) : Number.NaN;
  return Number.isNaN(closed) || closed > end;
};

/** The level's unit a space belongs to (a county under a province acts as its own prefecture). */
export const regionUnitOf = (
  regions: RegionIndex,
  level: RegionLevel,
  code: string | null,
): string | undefined => {
  if (code === null) return undefined;
  return (level === 'province' ? regions.provinceOf(code) : regions.prefectureOf(code))?.code;
};

export interface RegionInputs {
  level: RegionLevel;
  year: number;
  spaces: readonly SpaceFacts[];
  regions: RegionIndex;
  population: ReadonlyMap<string, number>;
  /** Index score of each scored space this year. */
  spaceScores: ReadonlyMap<string, number>;
  /** Each reporting space's survival value and cohort size this year (by space id). */
  survival: ReadonlyMap<string, ReadonlyMap<string, { value: number; firms: number }>>;
  /** Reports of the year that count. */
  reports: readonly AnnualReport[];
}

interface RegionUnit {
  code: string;
  /** Spaces of the region active at the year's end. */
  active: SpaceFacts[];
  /** Active `k` years earlier, by k. */
  activeBefore: Map<number, number>;
  reports: AnnualReport[];
}

type Formula<F extends RegionFormula> = (
  u: RegionUnit,
  p: RegionFormulaParams<F>,
  inp: RegionInputs,
) => number;

const populationOf = (u: RegionUnit, inp: RegionInputs): number =>
  inp.level === 'province' ? (inp.population.get(u.code) ?? Number.NaN) : Number.NaN;

export const REGION_FORMULAS: { [F in RegionFormula]: Formula<F> } = {
  spaces_per_million: (u, p, inp) => {
    const n = p.certification
      ? u.active.filter((s) => s.certification === p.certification).length
      : u.active.length;
    const pop = populationOf(u, inp);
    return pop > 0 ? (n / pop) * 1e6 : Number.NaN;
  },
  growth: (u, p) => {
    const before = u.activeBefore.get(p.years) ?? 0;
    return before > 0 ? u.active.length / before - 1 : Number.NaN;
  },
  median_space_index: (u, _p, inp) => medianNA(u.active.map((s) => inp.spaceScores.get(s.id) ?? Number.NaN)),
  share_graded: (u, p) =>
    u.active.length > 0
      ? u.active.filter((s) => s.certificationGrade === p.grade).length / u.active.length
      : Number.NaN,
  cohort_weighted_survival: (u, p, inp) => {
    const values = inp.survival.get(p.indicator);
    let sw = 0;
    let s = 0;
    for (const space of u.active) {
      const v = values?.get(space.id);
      if (!v || Number.isNaN(v.value) || v.firms <= 0) continue;
      sw += v.firms;
      s += v.firms * v.value;
    }
    return sw > 0 ? s / sw : Number.NaN;
  },
  reports_per_population: (u, p, inp) => {
    const pop = populationOf(u, inp);
    // No counted report from the region: unknown, not zero.
    if (!(pop > 0) || u.reports.length === 0) return Number.NaN;
    let total = 0;
    for (const r of u.reports)
      for (const f of p.fields) {
        const v = r[f];
        if (typeof v === 'number' && !Number.isNaN(v)) total += v;
      }
    return (total / pop) * p.scale;
  },
};

/** The region indicator table of a level and year: regions with at least one active space. */
export const regionYearTable = (
  fw: MakerFramework,
  inp: RegionInputs,
): IndicatorTable & { raw: Float64Array[] } => {
  const units = new Map<string, RegionUnit>();
  const unitOf = (code: string): RegionUnit => {
    let u = units.get(code);
    if (!u) units.set(code, (u = { code, active: [], activeBefore: new Map(), reports: [] }));
    return u;
  };
  const lags = new Set<number>();
  for (const ind of fw.region.indicators)
    if (ind.formula === 'growth') lags.add((ind.params as RegionFormulaParams<'growth'>).years);
  const byId = new Map<string, string>();
  for (const s of inp.spaces) {
    if (s.countryCode !== 'CN') continue;
    const code = regionUnitOf(inp.regions, inp.level, s.regionCode);
    if (code === undefined) continue;
    byId.set(s.id, code);
    if (activeAt(s, inp.year)) unitOf(code).active.push(s);
  }
  // Lagged counts only for regions that exist this year.
  for (const s of inp.spaces) {
    const u = units.get(byId.get(s.id) ?? '');
    if (!u) continue;
    for (const k of lags)
      if (activeAt(s, inp.year - k)) u.activeBefore.set(k, (u.activeBefore.get(k) ?? 0) + 1);
  }
  for (const r of inp.reports) {
    const u = units.get(byId.get(r.spaceId) ?? '');
    if (u && r.year === inp.year) u.reports.push(r);
  }
  const list = [...units.values()].sort((a, b) => (a.code < b.code ? -1 : 1));
  const inds = fw.region.indicators;
  const raw = inds.map((ind) =>
    Float64Array.from(list, (u) => {
      const f = REGION_FORMULAS[ind.formula] as Formula<RegionFormula>;
      const v = f(u, ind.params as RegionFormulaParams<RegionFormula>, inp);
      return Number.isFinite(v) ? v : Number.NaN;
    }),
  );
  return {
    unitIds: list.map((u) => u.code),
    names: list.map((u) => inp.regions.regionName(u.code, 'zh') ?? u.code),
    codes: inds.map((i) => i.code),
    raw,
    values: raw.map((col, j) => (inds[j]?.transform === 'log1p' ? col.map(Math.log1p) : col)),
  };
};
