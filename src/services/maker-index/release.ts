// Index releases: framework version + data snapshot (content hash) + engine version (MAKER-INDEX §5).
// createRelease reads the inputs, computes every level and year in memory, and writes the release in
// one transaction; the same inputs, framework and engine give the same release id, so recomputing an
// unchanged registry returns the release already published.
import { createHash, type Hash } from 'node:crypto';
import type { Store } from '../../store/database.js';
import { listSpaceFacts } from '../../store/index-inputs-repo.js';
import { getRelease, insertRelease, latestRelease, type ReleaseRecord } from '../../store/index-repo.js';
import { listCohortFirms, listReports } from '../../store/reports-repo.js';
import {
  computeRelease,
  partSummary,
  releaseRows,
  type ProgressFn,
  type ReleaseInputs,
} from './compute-release.js';
import type { MakerFramework } from './framework-schema.js';
import { loadFramework } from './framework.js';
import { loadRegionData, type RegionData } from './region-data.js';

export interface ReleaseOptions {
  /** The engine version to record (package.json "version"). */
  engineVersion: string;
  /** Default: data/frameworks/maker-index-v1.json. */
  framework?: MakerFramework;
  /** Years to compute; default every year with a counted report. */
  years?: readonly number[];
  regionData?: RegionData;
  onProgress?: ProgressFn;
  /** Clock for created_at (tests pin it). */
  now?: () => Date;
}

export interface ReleaseOutcome {
  release: ReleaseRecord;
  /** False when an identical release (same id) was already published and is returned instead. */
  created: boolean;
}

export class ReleaseInputError extends Error {
  override readonly name = 'ReleaseInputError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** JSON with object keys sorted at every depth, so equal records always give equal text. */
export const canonicalJson = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );

/**
 * Feeds records as JSON lines. The repositories build every record with the same key order, so
 * plain JSON is already canonical for them (and 4x faster than sorting keys: ~0.3 s for 190k records).
 */
const feed = (hash: Hash, records: readonly object[]): void => {
  for (const r of records) {
    hash.update(JSON.stringify(r));
    hash.update('\n');
  }
};

/**
 * SHA-256 of the inputs: the registry fields read, the counted reports and the cohort firms, each
 * sorted by key; and of each part alone. Population and the region table ship with the code.
 */
export const hashInputs = (inputs: ReleaseInputs): { dataHash: string; parts: Record<string, string> } => {
  const parts: Record<string, string> = {};
  const all = createHash('sha256');
  const sorted: [string, object[]][] = [
    ['spaces', [...inputs.spaces].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))],
    [
      'reports',
      [...inputs.reports].sort(
        (a, b) => a.year - b.year || (a.spaceId < b.spaceId ? -1 : a.spaceId > b.spaceId ? 1 : 0),
      ),
    ],
    ['firms', [...inputs.firms].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))],
  ];
  for (const [name, records] of sorted) {
    const h = createHash('sha256');
    feed(h, records);
    parts[name] = h.digest('hex');
    all.update(`${name}:${parts[name]}\n`);
  }
  return { dataHash: all.digest('hex'), parts };
};

/** Reads everything a release needs from the store. */
export const readReleaseInputs = async (
  store: Store,
  fw: MakerFramework,
  regionData: RegionData,
): Promise<ReleaseInputs> => {
  const [spaces, reports, firms] = await Promise.all([
    listSpaceFacts(store.db),
    listReports(store.db, { statuses: fw.space.reportStatuses }),
    listCohortFirms(store.db),
  ]);
  return { spaces, reports, firms, regionData };
};

/** The release id: a digest of what determines every number in it. */
export const releaseIdOf = (
  fw: MakerFramework,
  dataHash: string,
  engineVersion: string,
  years: readonly number[],
): string =>
  `mi-${sha256(JSON.stringify([fw.id, fw.version, sha256(canonicalJson(fw)), dataHash, engineVersion, years])).slice(0, 16)}`;

/**
 * Computes and publishes a release. Throws ReleaseInputError when there is nothing to compute; any
 * failure leaves the store without a partial release.
 */
export const createRelease = async (store: Store, opts: ReleaseOptions): Promise<ReleaseOutcome> => {
  const fw = opts.framework ?? loadFramework();
  const regionData = opts.regionData ?? loadRegionData();
  const inputs = await readReleaseInputs(store, fw, regionData);
  const available = [...new Set(inputs.reports.map((r) => r.year))].sort((a, b) => a - b);
  const years = opts.years ? [...opts.years].sort((a, b) => a - b) : available;
  const missing = years.filter((y) => !available.includes(y));
  if (years.length === 0 || missing.length > 0) {
    throw new ReleaseInputError(
      'release.no_reports',
      years.length === 0
        ? `no annual reports with status ${fw.space.reportStatuses.join(' or ')}: nothing to compute an index from`
        : `no annual reports for ${missing.join(', ')} (years with reports: ${available.join(', ') || 'none'})`,
    );
  }
  const { dataHash, parts } = hashInputs(inputs);
  const id = releaseIdOf(fw, dataHash, opts.engineVersion, years);
  const existing = await getRelease(store.db, id);
  if (existing) return { release: existing, created: false };

  // Progress: each level and year computed, then each written.
  const levels = 1 + fw.region.levels.length;
  let steps = years.length * levels * 2;
  const computed = computeRelease(fw, inputs, years, (done, _total, what) =>
    opts.onProgress?.(done, steps, what),
  );
  steps = years.length * levels + computed.parts.length;
  const summary: Record<string, Record<string, ReturnType<typeof partSummary>>> = {};
  for (const p of computed.parts) (summary[String(p.year)] ??= {})[p.level] = partSummary(p);
  const release: ReleaseRecord = {
    id,
    frameworkId: fw.id,
    frameworkVersion: fw.version,
    yearFrom: years[0] as number,
    yearTo: years[years.length - 1] as number,
    dataHash,
    engineVersion: opts.engineVersion,
    createdAt: (opts.now?.() ?? new Date()).toISOString(),
    status: 'published',
    provenance: {
      framework: { id: fw.id, version: fw.version, sha256: sha256(canonicalJson(fw)), document: fw },
      engine: { name: 'makeratlas', version: opts.engineVersion },
      data: {
        sha256: dataHash,
        parts,
        counts: { spaces: inputs.spaces.length, reports: inputs.reports.length, firms: inputs.firms.length },
        population: regionData.populationSource,
        regions: `data/regions/cn-regions.json (vintage ${regionData.regions.vintage})`,
      },
      years: summary,
      cohortIssues: {
        count: computed.cohortIssues.length,
        first: computed.cohortIssues.slice(0, 20),
      },
      recompute:
        'makeratlas index release (same registry, framework and engine version give this release id)',
    },
  };
  const progress = opts.onProgress;
  const written = years.length * levels;
  function* reporting() {
    let k = 0;
    for (const part of releaseRows(computed)) {
      yield part;
      progress?.(written + ++k, steps, 'writing');
    }
  }
  await insertRelease(store.db, release, reporting());
  return { release, created: true };
};

/**
 * The release to serve: the latest published one, or a new one computed now when there is none and
 * the registry has reports. Undefined when there is nothing to compute.
 */
export const ensureRelease = async (
  store: Store,
  opts: ReleaseOptions,
): Promise<ReleaseRecord | undefined> => {
  const latest = await latestRelease(store.db);
  if (latest) return latest;
  try {
    return (await createRelease(store, opts)).release;
  } catch (e) {
    if (e instanceof ReleaseInputError && e.code === 'release.no_reports') return undefined;
    throw e;
  }
};
