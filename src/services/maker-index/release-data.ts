// Reading a stored release back: its framework (kept whole in the provenance), what each level and
// year used, and the pipeline input rebuilt from the stored raw values, so any published number can
// be recomputed from the release alone (MAKER-INDEX §5).
import type { RunState } from '../../engine/pipeline/state.js';
import type { Framework, MetaRow } from '../../engine/types.js';
import { listAllUnits, listScores, type IndexLevelName, type ReleaseRecord } from '../../store/index-repo.js';
import type { Store } from '../../store/database.js';
import type { MakerFramework } from './framework-schema.js';
import { engineFramework, metaRows, parseFramework } from './framework.js';
import { runYear, type YearRun } from './run-year.js';
import { applyTransform } from './space-indicators.js';

export class ReleaseDataError extends Error {
  override readonly name = 'ReleaseDataError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

// Releases never change: the checked framework is kept per release (checking compiles pipelines).
const frameworkCache = new Map<string, MakerFramework>();
const FRAMEWORK_CACHE = 32;

/** The framework a release was computed with (checked again: the provenance is plain JSON). */
export const releaseFramework = (release: ReleaseRecord): MakerFramework => {
  const key = `${release.id}\u0000${release.createdAt}`;
  const hit = frameworkCache.get(key);
  if (hit) return hit;
  const doc = (release.provenance['framework'] as { document?: unknown } | undefined)?.document;
  const { framework, issues } = parseFramework(doc, `release ${release.id}`);
  if (!framework)
    throw new ReleaseDataError(
      'release.framework',
      `release ${release.id} carries no valid framework: ${issues[0]?.message ?? 'missing'}`,
    );
  if (frameworkCache.size >= FRAMEWORK_CACHE)
    frameworkCache.delete(frameworkCache.keys().next().value as string);
  frameworkCache.set(key, framework);
  return framework;
};

export interface PartInfo {
  units: number;
  scored: number;
  screenedOut: string[];
  indicators: string[];
  excluded: { code: string; coverage: number }[];
  imputed: Record<string, number>;
}

/** What the release recorded for a level and year; undefined when it has no such part. */
export const partInfo = (
  release: ReleaseRecord,
  level: IndexLevelName,
  year: number,
): PartInfo | undefined => {
  const years = release.provenance['years'] as Record<string, Record<string, PartInfo>> | undefined;
  return years?.[String(year)]?.[level];
};

export interface YearModel {
  fw: MakerFramework;
  meta: MetaRow[];
  framework: Framework;
  info: PartInfo;
}

/** The iMeta and engine framework of a level and year of a release. */
export const yearModel = (release: ReleaseRecord, level: IndexLevelName, year: number): YearModel => {
  const info = partInfo(release, level, year);
  if (!info)
    throw new ReleaseDataError('release.year', `release ${release.id} has no ${level} index for ${year}`);
  const fw = releaseFramework(release);
  const meta = metaRows(fw, level, new Set(info.indicators));
  return { fw, meta, framework: engineFramework(meta), info };
};

/**
 * The pipeline input (COINr's iData: every unit of the year, screened-out ones too) rebuilt from the
 * stored raw values, with the framework's transforms applied, in unit id order.
 */
export const rebuildInput = async (
  store: Store,
  release: ReleaseRecord,
  level: IndexLevelName,
  year: number,
): Promise<{ model: YearModel; input: RunState; groups: (string | null)[] }> => {
  const model = yearModel(release, level, year);
  const spec = level === 'space' ? model.fw.space : model.fw.region;
  const units = await listAllUnits(store.db, release.id, level, year);
  const codes = model.framework.indicators().map((r) => r.iCode);
  const scores = await listScores(store.db, { releaseId: release.id, level, year, codes });
  const row = new Map(units.map((u, i) => [u.unitId, i] as const));
  const col = new Map(codes.map((c, j) => [c, j] as const));
  const cols = codes.map(() => new Float64Array(units.length).fill(Number.NaN));
  for (const s of scores) {
    const i = row.get(s.unitId);
    const j = col.get(s.code);
    if (i === undefined || j === undefined || s.raw === null) continue;
    (cols[j] as Float64Array)[i] = s.raw;
  }
  const transforms = new Map(spec.indicators.map((ind) => [ind.code, ind.transform] as const));
  const values = cols.map((c, j) => c.map((x) => applyTransform(x, transforms.get(codes[j] as string))));
  const uCodes = units.map((u) => u.unitId);
  const groups = units.map((u) => u.group);
  return {
    model,
    groups,
    input: {
      data: { uCodes, iCodes: codes, cols: values },
      units: {
        uCodes,
        uNames: units.map((u) => u.name ?? u.unitId),
        groups: level === 'space' ? { [model.fw.space.groupColumn]: groups } : {},
        denominators: { uCodes, iCodes: [], cols: [] },
      },
    },
  };
};

/** Runs a level and year of a release again from its stored inputs (for checks and analyses). */
export const recomputeYear = async (
  store: Store,
  release: ReleaseRecord,
  level: IndexLevelName,
  year: number,
): Promise<YearRun> => {
  const { model, input, groups } = await rebuildInput(store, release, level, year);
  return runYear(model.fw, level, year, {
    unitIds: input.data.uCodes,
    names: input.units.uNames,
    groups,
    codes: input.data.iCodes,
    values: input.data.cols,
  });
};
