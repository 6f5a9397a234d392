// Computing a release in memory: every year's space index, then the region indices that build on it,
// and the rows to store (units with rank changes, and every score, rank and raw value). Nothing here
// touches the database, so a failure anywhere leaves nothing behind.
import type { AnnualReport } from '../../domain/annual-report.js';
import type { CohortFirm } from '../../domain/cohort.js';
import type { CohortIssue } from '../../domain/cohort-follow-up.js';
import type { SpaceFacts } from '../../store/index-inputs-repo.js';
import type { IndexScore, IndexUnit } from '../../store/index-repo.js';
import type { MakerFramework, RegionLevel } from './framework-schema.js';
import type { IndexLevel } from './framework.js';
import type { RegionData } from './region-data.js';
import { regionYearTable } from './region-indicators.js';
import { runYear, type IndicatorTable, type YearRun } from './run-year.js';
import { spaceYearTable } from './space-indicators.js';

export interface ReleaseInputs {
  spaces: readonly SpaceFacts[];
  /** Reports of the counted statuses. */
  reports: readonly AnnualReport[];
  firms: readonly CohortFirm[];
  regionData: RegionData;
}

/** One level and year: the indicator table (with values before transforms) and the engine run. */
export interface LevelYear {
  level: IndexLevel;
  year: number;
  table: IndicatorTable & { raw: readonly Float64Array[]; regionCodes?: readonly (string | null)[] };
  run: YearRun;
}

export interface ComputedRelease {
  years: number[];
  levels: IndexLevel[];
  parts: LevelYear[];
  cohortIssues: CohortIssue[];
}

export type ProgressFn = (done: number, total: number, what: string) => void;

const byKey = <T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> => {
  const out = new Map<string, T[]>();
  for (const t of items) {
    const k = key(t);
    const list = out.get(k);
    if (list) list.push(t);
    else out.set(k, [t]);
  }
  return out;
};

/** Scores of the index code by unit, from a run's results. */
export const indexScores = (run: YearRun): Map<string, number> => {
  const j = run.results.codes.indexOf(run.results.sortCode);
  const col = run.results.scores[j] as Float64Array;
  return new Map(run.results.uCodes.map((u, i) => [u, col[i] as number] as const));
};

export const computeRelease = (
  fw: MakerFramework,
  inputs: ReleaseInputs,
  years: readonly number[],
  onProgress: ProgressFn = () => undefined,
): ComputedRelease => {
  const spaces = new Map(inputs.spaces.map((s) => [s.id, s] as const));
  const firmsBySpace = byKey(inputs.firms, (f) => f.spaceId);
  const reportsByYear = byKey(inputs.reports, (r) => String(r.year));
  const regionLevels = fw.region.levels as RegionLevel[];
  const total = years.length * (1 + regionLevels.length);
  let done = 0;
  const parts: LevelYear[] = [];
  const cohortIssues: CohortIssue[] = [];
  const survivalCodes = fw.space.indicators.filter((i) => i.formula === 'km_survival').map((i) => i.code);
  for (const year of years) {
    const reports = reportsByYear.get(String(year)) ?? [];
    const table = spaceYearTable(fw, year, spaces, reports, firmsBySpace, cohortIssues);
    const run = runYear(fw, 'space', year, table);
    parts.push({ level: 'space', year, table, run });
    onProgress(++done, total, `space index ${year}`);
    const survival = new Map(
      survivalCodes.map((code) => {
        const col = table.raw[table.codes.indexOf(code)] as Float64Array;
        const byId = new Map(
          table.unitIds.map(
            (id, i) => [id, { value: col[i] as number, firms: table.cohortSizes[i] as number }] as const,
          ),
        );
        return [code, byId] as const;
      }),
    );
    for (const level of regionLevels) {
      const rt = regionYearTable(fw, {
        level,
        year,
        spaces: inputs.spaces,
        regions: inputs.regionData.regions,
        population: inputs.regionData.population,
        spaceScores: indexScores(run),
        survival,
        reports,
      });
      if (rt.unitIds.length > 0) parts.push({ level, year, table: rt, run: runYear(fw, level, year, rt) });
      onProgress(++done, total, `${level} index ${year}`);
    }
  }
  return { years: [...years], levels: ['space', ...regionLevels], parts, cohortIssues };
};

/** Ranks of the index code by unit. */
const indexRanks = (run: YearRun): Map<string, number> => {
  const j = run.results.codes.indexOf(run.results.sortCode);
  const col = run.results.ranks[j] as Float64Array;
  return new Map(run.results.uCodes.map((u, i) => [u, col[i] as number] as const));
};

const orNull = (v: number | undefined): number | null => (v === undefined || Number.isNaN(v) ? null : v);

/**
 * The rows of one level and year: a unit row each (screened-out units too, without a score), and a
 * score row per unit and code: aggregates for scored units; indicators (normalised score, rank, raw
 * value before transforms) for every unit, so the release's inputs can be rebuilt from the rows.
 */
export const partRows = (
  part: LevelYear,
  previous: LevelYear | undefined,
): { units: IndexUnit[]; scores: IndexScore[] } => {
  const { run, table, level, year } = part;
  const res = run.results;
  const row = new Map(res.uCodes.map((u, i) => [u, i] as const));
  const ranks = indexRanks(run);
  const prevRanks = previous ? indexRanks(previous.run) : new Map<string, number>();
  const score = indexScores(run);
  const aggregateCodes = run.meta.filter((m) => m.type === 'Aggregate').map((m) => m.iCode);
  const applicable = new Set([...run.included, ...run.excluded.map((e) => e.code)]);
  const resCol = new Map(res.codes.map((c, j) => [c, j] as const));
  const units: IndexUnit[] = [];
  const scores: IndexScore[] = [];
  table.unitIds.forEach((unitId, u) => {
    const rank = orNull(ranks.get(unitId));
    const rankPrev = orNull(prevRanks.get(unitId));
    units.push({
      level,
      year,
      unitId,
      name: table.names[u] ?? null,
      regionCode: level === 'space' ? (table.regionCodes?.[u] ?? null) : unitId,
      group: table.groups?.[u] ?? null,
      score: orNull(score.get(unitId)),
      rank,
      rankPrev,
      rankChange: rank !== null && rankPrev !== null ? rankPrev - rank : null,
    });
    const i = row.get(unitId);
    if (i !== undefined) {
      for (const code of aggregateCodes) {
        const j = resCol.get(code) as number;
        scores.push({
          level,
          year,
          unitId,
          code,
          score: orNull((res.scores[j] as Float64Array)[i]),
          rank: orNull((res.ranks[j] as Float64Array)[i]),
          raw: null,
        });
      }
    }
    table.codes.forEach((code, k) => {
      if (!applicable.has(code)) return;
      const j = resCol.get(code);
      scores.push({
        level,
        year,
        unitId,
        code,
        score: i === undefined || j === undefined ? null : orNull((res.scores[j] as Float64Array)[i]),
        rank: i === undefined || j === undefined ? null : orNull((res.ranks[j] as Float64Array)[i]),
        raw: orNull((table.raw[k] as Float64Array)[u]),
      });
    });
  });
  return { units, scores };
};

/** Rows of every part, one part at a time (a release has about a million score rows). */
export function* releaseRows(
  computed: ComputedRelease,
): Generator<{ units: IndexUnit[]; scores: IndexScore[] }> {
  const last = new Map<IndexLevel, LevelYear>();
  for (const part of computed.parts) {
    const prev = last.get(part.level);
    yield partRows(part, prev && prev.year === part.year - 1 ? prev : undefined);
    last.set(part.level, part);
  }
}

/** What a release says about each level and year, for its provenance. */
export const partSummary = (part: LevelYear) => {
  const imputed: Record<string, number> = {};
  part.run.included.forEach((code) => {
    const col = part.table.values[part.table.codes.indexOf(code)] as Float64Array;
    let n = 0;
    for (const v of col) if (Number.isNaN(v)) n++;
    if (n > 0) imputed[code] = n;
  });
  return {
    units: part.table.unitIds.length,
    scored: part.run.results.uCodes.length,
    screenedOut: part.run.screenedOut,
    indicators: part.run.included,
    excluded: part.run.excluded,
    imputed,
  };
};
