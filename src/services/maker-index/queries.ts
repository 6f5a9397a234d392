// Reading releases for the API: release lists, space and region rankings of a year, the compact
// matrix the web app re-aggregates for what-if weights, and stored rank intervals.
import type { Store } from '../../store/database.js';
import { getRankIntervals } from '../../store/index-intervals-repo.js';
import {
  getRelease,
  latestRelease,
  listReleases,
  listScores,
  listUnits,
  releaseCoverage,
  type IndexLevelName,
  type ReleaseRecord,
  type UnitSort,
} from '../../store/index-repo.js';
import type {
  IndexInputs,
  RankIntervals,
  RegionScoreList,
  ReleaseSummary,
  SpaceScoreList,
} from '../../domain/index-api-types.js';
import type { MakerFramework, RegionLevel } from './framework-schema.js';
import { partInfo, releaseFramework, yearModel } from './release-data.js';
import { column, yearMatrix } from './year-matrix.js';

/** A request the index cannot answer; `status` is the HTTP status the API gives it. */
export class IndexQueryError extends Error {
  override readonly name = 'IndexQueryError';
  constructor(
    readonly status: 400 | 404 | 409 | 503,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The named release, or the latest one. */
export const resolveRelease = async (store: Store, id?: string): Promise<ReleaseRecord> => {
  const release = id ? await getRelease(store.db, id) : await latestRelease(store.db);
  if (!release)
    throw id
      ? new IndexQueryError(404, 'not_found', `index release ${id} does not exist`)
      : new IndexQueryError(
          404,
          'no_release',
          'no index release has been published yet: run `makeratlas index release` or POST /api/v1/index/releases',
        );
  return release;
};

/** The year asked for, or the release's last year; an error for a year the release lacks. */
export const resolveYear = (release: ReleaseRecord, level: IndexLevelName, year?: number): number => {
  const y = year ?? release.yearTo;
  if (!partInfo(release, level, y))
    throw new IndexQueryError(
      404,
      'no_year',
      `release ${release.id} has no ${level} index for ${y} (it covers ${release.yearFrom}–${release.yearTo})`,
    );
  return y;
};

export const releaseSummary = async (store: Store, r: ReleaseRecord): Promise<ReleaseSummary> => ({
  id: r.id,
  frameworkId: r.frameworkId,
  frameworkVersion: r.frameworkVersion,
  yearFrom: r.yearFrom,
  yearTo: r.yearTo,
  dataHash: r.dataHash,
  engineVersion: r.engineVersion,
  createdAt: r.createdAt,
  status: r.status,
  coverage: await releaseCoverage(store.db, r.id),
});

export const releasesView = async (
  store: Store,
): Promise<{ items: ReleaseSummary[]; latest: string | null }> => {
  const releases = await listReleases(store.db);
  return {
    items: await Promise.all(releases.map((r) => releaseSummary(store, r))),
    latest: releases[0]?.id ?? null,
  };
};

const pillarsOf = (fw: MakerFramework, level: IndexLevelName, included: readonly string[]) => {
  const spec = level === 'space' ? fw.space : fw.region;
  const used = new Set(spec.indicators.filter((i) => included.includes(i.code)).map((i) => i.pillar));
  return spec.pillars.filter((p) => used.has(p.code));
};

const nan = (v: number | undefined): number | null => (v === undefined || Number.isNaN(v) ? null : v);

// Paging: a release never changes, so an offset is a stable position. The cursor also carries the
// query it belongs to, so a cursor reused with other filters is refused instead of skipping rows.
const encodeCursor = (offset: number, key: string): string =>
  Buffer.from(JSON.stringify({ o: offset, k: key })).toString('base64url');
const decodeCursor = (cursor: string, key: string): number => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const c = parsed as { o?: unknown; k?: unknown } | undefined;
  if (!c || typeof c.o !== 'number' || !Number.isInteger(c.o) || c.o < 0)
    throw new IndexQueryError(400, 'invalid_cursor', 'cursor: not a cursor returned by this endpoint');
  if (c.k !== key)
    throw new IndexQueryError(400, 'invalid_cursor', 'cursor: it belongs to a query with other parameters');
  return c.o;
};

export interface SpaceScoreQuery {
  release?: string;
  year?: number;
  region?: string;
  sort?: UnitSort;
  limit?: number;
  cursor?: string;
}

/** A page of the space ranking of a year, with pillar scores and rank changes. */
export const spaceScores = async (store: Store, q: SpaceScoreQuery): Promise<SpaceScoreList> => {
  const release = await resolveRelease(store, q.release);
  const year = resolveYear(release, 'space', q.year);
  const { fw, info } = yearModel(release, 'space', year);
  const sort = q.sort ?? 'rank';
  const limit = q.limit ?? 50;
  const key = JSON.stringify([release.id, year, q.region ?? null, sort, limit]);
  const offset = q.cursor ? decodeCursor(q.cursor, key) : 0;
  const { units, total } = await listUnits(store.db, {
    releaseId: release.id,
    level: 'space',
    year,
    ...(q.region !== undefined && { regionPrefix: q.region }),
    sort,
    offset,
    limit,
  });
  const pillars = pillarsOf(fw, 'space', info.indicators);
  const scores = await listScores(store.db, {
    releaseId: release.id,
    level: 'space',
    year,
    unitIds: units.map((u) => u.unitId),
    codes: pillars.map((p) => p.code),
  });
  const byUnit = new Map<string, Map<string, { score: number | null; rank: number | null }>>();
  for (const s of scores) {
    const m = byUnit.get(s.unitId) ?? new Map();
    m.set(s.code, { score: s.score, rank: s.rank });
    byUnit.set(s.unitId, m);
  }
  return {
    release: release.id,
    year,
    total,
    next: offset + units.length < total ? encodeCursor(offset + units.length, key) : null,
    pillars: pillars.map((p) => ({ code: p.code, nameZh: p.nameZh, nameEn: p.nameEn, weight: p.weight })),
    items: units.map((u) => ({
      id: u.unitId,
      name: u.name,
      regionCode: u.regionCode,
      type: u.group,
      score: u.score,
      rank: u.rank,
      rankPrev: u.rankPrev,
      rankChange: u.rankChange,
      pillars: pillars.map((p) => ({
        code: p.code,
        score: byUnit.get(u.unitId)?.get(p.code)?.score ?? null,
        rank: byUnit.get(u.unitId)?.get(p.code)?.rank ?? null,
      })),
    })),
  };
};

/** Every region of a level and year, best first, with pillar and indicator values. */
export const regionScores = async (
  store: Store,
  q: { release?: string; level: RegionLevel; year?: number },
): Promise<RegionScoreList> => {
  const release = await resolveRelease(store, q.release);
  const year = resolveYear(release, q.level, q.year);
  const { fw, info } = yearModel(release, q.level, year);
  const m = await yearMatrix(store, release, q.level, year);
  const pillars = pillarsOf(fw, q.level, info.indicators);
  const indicators = fw.region.indicators.filter((i) => info.indicators.includes(i.code));
  const order = m.units
    .map((u, i) => ({ u, i }))
    .sort((a, b) => (a.u.rank ?? Infinity) - (b.u.rank ?? Infinity) || (a.u.unitId < b.u.unitId ? -1 : 1));
  return {
    release: release.id,
    level: q.level,
    year,
    pillars: pillars.map((p) => ({ code: p.code, nameZh: p.nameZh, nameEn: p.nameEn, weight: p.weight })),
    indicators: indicators.map((i) => ({
      code: i.code,
      nameZh: i.nameZh,
      nameEn: i.nameEn,
      pillar: i.pillar,
      unit: i.unit,
      direction: i.direction,
      weight: i.weight,
    })),
    items: order.map(({ u, i }) => ({
      code: u.unitId,
      name: u.name,
      score: u.score,
      rank: u.rank,
      rankPrev: u.rankPrev,
      rankChange: u.rankChange,
      pillars: pillars.map((p) => ({
        code: p.code,
        score: nan(column(m, 'score', p.code)[i]),
        rank: nan(column(m, 'rank', p.code)[i]),
      })),
      indicators: indicators.map((ind) => ({
        code: ind.code,
        raw: nan(column(m, 'raw', ind.code)[i]),
        score: nan(column(m, 'score', ind.code)[i]),
        rank: nan(column(m, 'rank', ind.code)[i]),
      })),
    })),
  };
};

/**
 * The normalised pillar (and indicator) values of a year's scored units as column arrays, with the
 * framework weights: enough for the browser to re-aggregate with the engine under other weights.
 */
export const indexInputs = async (
  store: Store,
  q: { release?: string; level: IndexLevelName; year?: number; indicators?: boolean },
): Promise<IndexInputs> => {
  const release = await resolveRelease(store, q.release);
  const year = resolveYear(release, q.level, q.year);
  const { fw, info, framework } = yearModel(release, q.level, year);
  const m = await yearMatrix(store, release, q.level, year);
  const scored = m.units.map((u, i) => ({ u, i })).filter(({ u }) => u.rank !== null);
  const pick = (code: string) => {
    const c = column(m, 'score', code);
    return scored.map(({ i }) => nan(c[i]));
  };
  const pillars = pillarsOf(fw, q.level, info.indicators);
  const spec = q.level === 'space' ? fw.space : fw.region;
  const inds = framework.indicators();
  return {
    release: release.id,
    level: q.level,
    year,
    aggregation: 'a_amean',
    units: scored.map(({ u }) => u.unitId),
    names: scored.map(({ u }) => u.name),
    index: { code: spec.index.code, values: pick(spec.index.code) },
    pillars: {
      codes: pillars.map((p) => p.code),
      nameZh: pillars.map((p) => p.nameZh),
      nameEn: pillars.map((p) => p.nameEn),
      weights: pillars.map((p) => p.weight),
      values: pillars.map((p) => pick(p.code)),
    },
    indicators:
      q.indicators === false
        ? null
        : {
            codes: inds.map((r) => r.iCode),
            parents: inds.map((r) => r.parent ?? ''),
            weights: inds.map((r) => r.weight),
            directions: inds.map((r) => r.direction),
            values: inds.map((r) => pick(r.iCode)),
          },
  };
};

/** The stored 5–95 % rank intervals of a release's level and year. */
export const rankIntervals = async (
  store: Store,
  q: { release?: string; level: IndexLevelName; year?: number },
): Promise<RankIntervals> => {
  const release = await resolveRelease(store, q.release);
  const year = resolveYear(release, q.level, q.year);
  const stored = await getRankIntervals(store.db, release.id, q.level, year);
  if (!stored)
    throw new IndexQueryError(
      404,
      'no_uncertainty',
      `no uncertainty analysis is stored for the ${q.level} index ${year} of release ${release.id}: ` +
        'rank intervals appear once an uncertainty analysis of the release has run (POST /api/v1/index/uncertainty)',
    );
  const m = await yearMatrix(store, release, q.level, year);
  return {
    release: release.id,
    level: q.level,
    year,
    createdAt: stored.run.createdAt,
    analysis: stored.run.provenance,
    items: stored.intervals
      .map((r) => ({ ...r, name: m.units[m.row.get(r.unitId) ?? -1]?.name ?? null }))
      .sort((a, b) => (a.nominal ?? Infinity) - (b.nominal ?? Infinity) || (a.unitId < b.unitId ? -1 : 1)),
  };
};

export { releaseFramework };
