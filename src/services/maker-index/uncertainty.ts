// Uncertainty analysis of a release: the release's own pipeline run again N times with the choices
// the framework declares uncertain (src/services/sensitivity), on the inputs rebuilt from the
// release, and the 5–95 % rank interval of every space stored with the release.
import type { RunState } from '../../engine/pipeline/state.js';
import type { RankStatsRow } from '../../engine/sensitivity/index.js';
import type { MetaRow } from '../../engine/types.js';
import type { Store } from '../../store/database.js';
import { saveRankIntervals } from '../../store/index-intervals-repo.js';
import type { IndexLevelName } from '../../store/index-repo.js';
import { runSensitivity } from '../sensitivity/index.js';
import { IndexQueryError, resolveRelease, resolveYear } from './queries.js';
import { rebuildInput } from './release-data.js';

/** What runs the analysis: src/services/sensitivity's runSensitivity, or a stand-in in tests. */
export type SensitivityRunner = (opts: {
  meta: readonly MetaRow[];
  state: RunState;
  pipelineSpec: unknown;
  sensSpec: unknown;
  threads?: number;
  useCallingThread?: boolean;
  onProgress?: (p: { done: number; total: number }) => void;
}) => Promise<{
  type: string;
  N: number;
  runs: number;
  seed: number;
  rankStats: RankStatsRow[];
  failures: number;
}>;

export interface UncertaintyOptions {
  release?: string;
  /** Only the space index has an uncertainty spec in framework v1. */
  level?: IndexLevelName;
  year?: number;
  runner?: SensitivityRunner;
  /** Worker threads; default every core. */
  threads?: number;
  /** False in a server: the workers do all the work and requests keep being served. */
  useCallingThread?: boolean;
  onProgress?: (done: number, total: number) => void;
  now?: () => Date;
}

export interface UncertaintyOutcome {
  release: string;
  level: IndexLevelName;
  year: number;
  units: number;
  runs: number;
  failures: number;
}

const finite = (v: number): number | null => (Number.isFinite(v) ? v : null);

/** Runs the framework's uncertainty analysis on a release's level and year and stores the intervals. */
export const runUncertainty = async (
  store: Store,
  opts: UncertaintyOptions = {},
): Promise<UncertaintyOutcome> => {
  const release = await resolveRelease(store, opts.release);
  const level = opts.level ?? 'space';
  const year = resolveYear(release, level, opts.year);
  const { model, input } = await rebuildInput(store, release, level, year);
  const sensSpec = model.fw.uncertainty;
  if (level !== 'space' || !sensSpec)
    throw new IndexQueryError(
      400,
      'uncertainty_unsupported',
      `framework ${model.fw.id} ${model.fw.version} declares an uncertainty analysis for the space index only`,
    );
  const runner: SensitivityRunner = opts.runner ?? runSensitivity;
  const result = await runner({
    meta: model.meta,
    state: input,
    pipelineSpec: model.fw.space.pipeline,
    sensSpec,
    ...(opts.threads !== undefined && { threads: opts.threads }),
    ...(opts.useCallingThread !== undefined && { useCallingThread: opts.useCallingThread }),
    onProgress: (p) => opts.onProgress?.(p.done, p.total),
  });
  await saveRankIntervals(
    store.db,
    {
      releaseId: release.id,
      level,
      year,
      createdAt: (opts.now?.() ?? new Date()).toISOString(),
      provenance: {
        method:
          'uncertainty analysis (src/services/sensitivity runSensitivity): rank quantiles of the index over the runs',
        spec: sensSpec,
        type: result.type,
        N: result.N,
        runs: result.runs,
        seed: result.seed,
        failures: result.failures,
      },
    },
    result.rankStats.map((r) => ({
      unitId: r.uCode,
      nominal: finite(r.Nominal),
      mean: finite(r.Mean),
      median: finite(r.Median),
      q5: finite(r.Q5),
      q95: finite(r.Q95),
    })),
  );
  return {
    release: release.id,
    level,
    year,
    units: result.rankStats.length,
    runs: result.runs,
    failures: result.failures,
  };
};
