// Maker-index releases: the release record, its units (one per level, year and unit), and every
// score and rank. A release is written in one transaction and never changed afterwards, so readers
// may page it by offset and memoise what they read. Rank intervals: index-intervals-repo.ts; the
// registry fields the index reads: index-inputs-repo.ts.
import { sql, type Kysely, type Selectable } from 'kysely';
import type { UnitSort } from '../domain/index-units.js';
import { insertMany, inTransaction, isUniqueViolation } from './bulk-insert.js';
import { withIndexTables, type IndexLevelName, type IndexUnitsTable } from './index-tables.js';
import { regionRange } from './space-filter.js';
import { StoreInputError } from './store-error.js';
import type { IndexReleasesTable, Tables } from './tables.js';

export type { IndexLevelName } from './index-tables.js';
export type { UnitSort } from '../domain/index-units.js';

type Db = Kysely<Tables>;

export interface ReleaseRecord {
  id: string;
  frameworkId: string;
  frameworkVersion: string;
  yearFrom: number;
  yearTo: number;
  /** SHA-256 of the inputs (reports, cohorts and profile fields read), hex. */
  dataHash: string;
  engineVersion: string;
  createdAt: string;
  status: 'published';
  provenance: Record<string, unknown>;
}

export interface IndexUnit {
  level: IndexLevelName;
  year: number;
  unitId: string;
  name: string | null;
  regionCode: string | null;
  group: string | null;
  score: number | null;
  rank: number | null;
  rankPrev: number | null;
  rankChange: number | null;
}

export interface IndexScore {
  level: IndexLevelName;
  year: number;
  unitId: string;
  code: string;
  score: number | null;
  rank: number | null;
  raw: number | null;
}

const releaseFromRow = (r: Selectable<IndexReleasesTable>): ReleaseRecord => ({
  id: r.id,
  frameworkId: r.framework_id,
  frameworkVersion: r.framework_version,
  yearFrom: r.year_from,
  yearTo: r.year_to,
  dataHash: r.data_hash,
  engineVersion: r.engine_version,
  createdAt: r.created_at,
  status: 'published',
  provenance: r.provenance,
});

const unitFromRow = (r: Selectable<IndexUnitsTable>): IndexUnit => ({
  level: r.level,
  year: r.year,
  unitId: r.unit_id,
  name: r.name,
  regionCode: r.region_code,
  group: r.grp,
  score: r.score,
  rank: r.rank,
  rankPrev: r.rank_prev,
  rankChange: r.rank_change,
});

const UNIT_COLUMNS = [
  'release_id',
  'level',
  'year',
  'unit_id',
  'name',
  'region_code',
  'grp',
  'score',
  'rank',
  'rank_prev',
  'rank_change',
] as const;
const SCORE_COLUMNS = ['release_id', 'level', 'unit_id', 'year', 'i_code', 'score', 'rank', 'raw'] as const;

/** NaN cannot be stored as a number in either database: it is a missing value. */
export const storedNumber = (v: number | null): number | null => (v === null || Number.isNaN(v) ? null : v);

/** Rows of a release, written part by part so that they need not all be in memory at once. */
export interface ReleasePart {
  units: readonly IndexUnit[];
  scores: readonly IndexScore[];
}

/**
 * Writes a release with all its units and scores in one transaction: a failure part-way (also one
 * thrown by the `parts` generator) leaves no trace. A release id that exists already is an input
 * error.
 */
export const insertRelease = async (
  db: Db,
  release: ReleaseRecord,
  parts: Iterable<ReleasePart>,
): Promise<void> => {
  await inTransaction(db, async (trx) => {
    try {
      await trx
        .insertInto('index_releases')
        .values({
          id: release.id,
          framework_id: release.frameworkId,
          framework_version: release.frameworkVersion,
          year_from: release.yearFrom,
          year_to: release.yearTo,
          data_hash: release.dataHash,
          engine_version: release.engineVersion,
          created_at: release.createdAt,
          status: release.status,
          provenance: JSON.stringify(release.provenance),
        })
        .execute();
    } catch (e) {
      if (isUniqueViolation(e))
        throw new StoreInputError('release.duplicate', `index release ${release.id} already exists`, '/id');
      throw e;
    }
    for (const { units, scores } of parts) {
      await insertMany(
        trx,
        'index_units',
        UNIT_COLUMNS,
        units.map((u) => [
          release.id,
          u.level,
          u.year,
          u.unitId,
          u.name,
          u.regionCode,
          u.group,
          storedNumber(u.score),
          storedNumber(u.rank),
          storedNumber(u.rankPrev),
          storedNumber(u.rankChange),
        ]),
      );
      await insertMany(
        trx,
        'index_scores',
        SCORE_COLUMNS,
        scores.map((s) => [
          release.id,
          s.level,
          s.unitId,
          s.year,
          s.code,
          storedNumber(s.score),
          storedNumber(s.rank),
          storedNumber(s.raw),
        ]),
      );
    }
  });
};

export const getRelease = async (db: Db, id: string): Promise<ReleaseRecord | undefined> => {
  const row = await db.selectFrom('index_releases').selectAll().where('id', '=', id).executeTakeFirst();
  return row && releaseFromRow(row);
};

/** Releases, newest first. */
export const listReleases = async (db: Db, limit = 100): Promise<ReleaseRecord[]> => {
  const rows = await db
    .selectFrom('index_releases')
    .selectAll()
    .where('status', '=', 'published')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(Math.max(1, Math.min(1000, Math.floor(limit))))
    .execute();
  return rows.map(releaseFromRow);
};

export const latestRelease = async (db: Db): Promise<ReleaseRecord | undefined> =>
  (await listReleases(db, 1))[0];

/** Years and levels a release has units for. */
export const releaseCoverage = async (
  db: Db,
  releaseId: string,
): Promise<{ level: IndexLevelName; year: number; units: number }[]> => {
  const rows = await withIndexTables(db)
    .selectFrom('index_units')
    .select(['level', 'year', (eb) => eb.fn.countAll<number>().as('n')])
    .where('release_id', '=', releaseId)
    .groupBy(['level', 'year'])
    .orderBy('level')
    .orderBy('year')
    .execute();
  return rows.map((r) => ({ level: r.level, year: r.year, units: Number(r.n) }));
};

export interface UnitQuery {
  releaseId: string;
  level: IndexLevelName;
  year: number;
  /** GB/T 2260 prefix ('44', '4403', '440305'): units whose region code starts with it. */
  regionPrefix?: string;
  sort?: UnitSort;
  offset?: number;
  limit?: number;
}

/** Units of one level and year, sorted and paged, with the count of all matching units. */
export const listUnits = async (db: Db, q: UnitQuery): Promise<{ units: IndexUnit[]; total: number }> => {
  const idb = withIndexTables(db);
  let base = idb
    .selectFrom('index_units')
    .where('release_id', '=', q.releaseId)
    .where('level', '=', q.level)
    .where('year', '=', q.year);
  if (q.regionPrefix !== undefined) {
    if (!/^\d{1,6}$/.test(q.regionPrefix))
      throw new StoreInputError(
        'region.invalid',
        `region: expected 1 to 6 digits of a GB/T 2260 code, got "${q.regionPrefix}"`,
        '/region',
      );
    const [lo, hi] = regionRange(q.regionPrefix);
    base = base.where('region_code', '>=', lo).where('region_code', '<=', hi);
  }
  const countRow = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  // Missing ranks and rank changes sort last in both databases (their default NULL order differs).
  const nullsLast = (col: 'rank' | 'rank_change') => sql`case when ${sql.ref(col)} is null then 1 else 0 end`;
  let query = base.selectAll();
  switch (q.sort ?? 'rank') {
    case 'rank':
      query = query.orderBy(nullsLast('rank')).orderBy('rank').orderBy('unit_id');
      break;
    case '-rank':
      query = query.orderBy(nullsLast('rank')).orderBy('rank', 'desc').orderBy('unit_id');
      break;
    case 'rank_change':
      query = query
        .orderBy(nullsLast('rank_change'))
        .orderBy('rank_change', 'desc')
        .orderBy('rank')
        .orderBy('unit_id');
      break;
    case '-rank_change':
      query = query
        .orderBy(nullsLast('rank_change'))
        .orderBy('rank_change')
        .orderBy('rank')
        .orderBy('unit_id');
      break;
    case 'name':
      query = query.orderBy('name').orderBy('unit_id');
      break;
  }
  const rows = await query
    .offset(Math.max(0, q.offset ?? 0))
    .limit(Math.max(1, q.limit ?? 50))
    .execute();
  return { units: rows.map(unitFromRow), total: Number(countRow?.n ?? 0) };
};

/** One unit's rows in a release (every year), ascending by year. */
export const unitHistory = async (
  db: Db,
  releaseId: string,
  level: IndexLevelName,
  unitId: string,
): Promise<IndexUnit[]> => {
  const rows = await withIndexTables(db)
    .selectFrom('index_units')
    .selectAll()
    .where('release_id', '=', releaseId)
    .where('level', '=', level)
    .where('unit_id', '=', unitId)
    .orderBy('year')
    .execute();
  return rows.map(unitFromRow);
};

const ID_CHUNK = 500;

export interface ScoreQuery {
  releaseId: string;
  level: IndexLevelName;
  year: number;
  /** Only these units (default all). */
  unitIds?: readonly string[];
  /** Only these codes (default all). */
  codes?: readonly string[];
}

/** Scores of a level and year (optionally some units and codes), by unit then code. */
export const listScores = async (db: Db, q: ScoreQuery): Promise<IndexScore[]> => {
  const idb = withIndexTables(db);
  const run = async (ids: readonly string[] | undefined): Promise<IndexScore[]> => {
    let query = idb
      .selectFrom('index_scores')
      .select(['unit_id', 'i_code', 'score', 'rank', 'raw'])
      .where('release_id', '=', q.releaseId)
      .where('level', '=', q.level)
      .where('year', '=', q.year);
    if (ids) query = query.where('unit_id', 'in', [...ids]);
    if (q.codes) query = query.where('i_code', 'in', q.codes.length ? [...q.codes] : ['']);
    const rows = await query.orderBy('unit_id').orderBy('i_code').execute();
    return rows.map((r) => ({
      level: q.level,
      year: q.year,
      unitId: r.unit_id,
      code: r.i_code,
      score: r.score,
      rank: r.rank,
      raw: r.raw,
    }));
  };
  if (!q.unitIds) return run(undefined);
  const out: IndexScore[] = [];
  for (let k = 0; k < q.unitIds.length; k += ID_CHUNK)
    out.push(...(await run(q.unitIds.slice(k, k + ID_CHUNK))));
  return out;
};

/** All units of a level and year (screened-out ones included), in unit id order. */
export const listAllUnits = async (
  db: Db,
  releaseId: string,
  level: IndexLevelName,
  year: number,
): Promise<IndexUnit[]> => {
  const rows = await withIndexTables(db)
    .selectFrom('index_units')
    .selectAll()
    .where('release_id', '=', releaseId)
    .where('level', '=', level)
    .where('year', '=', year)
    .orderBy('unit_id')
    .execute();
  return rows.map(unitFromRow);
};
