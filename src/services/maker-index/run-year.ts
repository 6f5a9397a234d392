// One level and year through the engine: indicator table → iData/iMeta in memory → the framework's
// pipeline (compilePipeline/run) → results (computeResults). Indicators too sparse that year are
// left out of the year's iMeta first, so their siblings' weights are renormalised.
import { computeResults, compilePipeline, stagesOf, type IndexResults } from '../../engine/pipeline/index.js';
import type { RunState } from '../../engine/pipeline/state.js';
import type { Dataset, Framework, MetaRow } from '../../engine/types.js';
import { engineFramework, metaRows, type IndexLevel } from './framework.js';
import type { MakerFramework } from './framework-schema.js';

/** COINr's iData, column-major: the units of one level and year and their indicator values. */
export interface IndicatorTable {
  unitIds: readonly string[];
  names: readonly string[];
  /** Group label per unit (spaces: the type), for group imputation. */
  groups?: readonly (string | null)[];
  codes: readonly string[];
  /** Values the pipeline reads (after any framework transform); NaN = missing. */
  values: readonly Float64Array[];
}

export interface YearRun {
  level: IndexLevel;
  year: number;
  /** The year's iMeta (only the indicators used that year) and the engine framework built from it. */
  meta: MetaRow[];
  framework: Framework;
  /** The pipeline's input (COINr's Raw). */
  input: RunState;
  /** Indicators used, and those left out for low coverage (share of units with a value). */
  included: string[];
  excluded: { code: string; coverage: number }[];
  /** Units removed by the Screen step. */
  screenedOut: string[];
  /** Indicator values after Normalise (the values aggregated), for the scored units. */
  normalised: Dataset;
  /** The Aggregated data set: normalised indicators plus pillars and the index. */
  aggregated: Dataset;
  results: IndexResults;
}

const coverage = (col: Float64Array): number => {
  if (col.length === 0) return 0;
  let n = 0;
  for (const v of col) if (!Number.isNaN(v)) n++;
  return n / col.length;
};

export const runYear = (
  fw: MakerFramework,
  level: IndexLevel,
  year: number,
  table: IndicatorTable,
): YearRun => {
  const spec = level === 'space' ? fw.space : fw.region;
  const allowed = new Set(
    metaRows(fw, level)
      .filter((r) => r.type === 'Indicator')
      .map((r) => r.iCode),
  );
  const included: string[] = [];
  const excluded: { code: string; coverage: number }[] = [];
  table.codes.forEach((code, j) => {
    if (!allowed.has(code)) return;
    const c = coverage(table.values[j] as Float64Array);
    if (c >= spec.minCoverage && c > 0) included.push(code);
    else excluded.push({ code, coverage: c });
  });
  const meta = metaRows(fw, level, new Set(included));
  const framework = engineFramework(meta);
  const position = new Map(table.codes.map((c, j) => [c, j] as const));
  const uCodes = [...table.unitIds];
  const groups: Record<string, (string | null)[]> = {};
  if (level === 'space') groups[fw.space.groupColumn] = [...(table.groups ?? uCodes.map(() => null))];
  const input: RunState = {
    data: {
      uCodes,
      iCodes: framework.indicators().map((r) => r.iCode),
      cols: framework.indicators().map((r) => table.values[position.get(r.iCode) as number] as Float64Array),
    },
    units: {
      uCodes,
      uNames: [...table.names],
      groups,
      denominators: { uCodes, iCodes: [], cols: [] },
    },
  };
  const pipeline = compilePipeline(spec.pipeline, framework);
  const run = pipeline.run(input);
  const stages = stagesOf(run);
  const aggregated = stages.Aggregated;
  const normalised = stages.Normalised;
  if (!aggregated || !normalised)
    throw new Error(`the ${level} pipeline must end with Normalise and Aggregate steps`);
  const kept = new Set(aggregated.uCodes);
  return {
    level,
    year,
    meta,
    framework,
    input,
    included,
    excluded,
    screenedOut: uCodes.filter((u) => !kept.has(u)),
    normalised,
    aggregated,
    results: computeResults(aggregated, framework),
  };
};
