// Rank intervals of uncertainty analyses of a release (per level and year), with the analysis that
// produced them; replaced as a whole when an analysis runs again.
import type { Kysely } from 'kysely';
import { insertMany, inTransaction } from './bulk-insert.js';
import { storedNumber as num } from './index-repo.js';
import { withIndexTables, type IndexLevelName } from './index-tables.js';
import type { Tables } from './tables.js';

type Db = Kysely<Tables>;

export interface RankInterval {
  unitId: string;
  nominal: number | null;
  mean: number | null;
  median: number | null;
  q5: number | null;
  q95: number | null;
}

export interface UncertaintyRun {
  releaseId: string;
  level: IndexLevelName;
  year: number;
  createdAt: string;
  provenance: Record<string, unknown>;
}

/** Stores the rank intervals of one uncertainty analysis, replacing an earlier one for the same key. */
export const saveRankIntervals = async (
  db: Db,
  run: UncertaintyRun,
  rows: readonly RankInterval[],
): Promise<void> => {
  await inTransaction(db, async (trx) => {
    const idb = withIndexTables(trx);
    await idb
      .deleteFrom('index_rank_intervals')
      .where('release_id', '=', run.releaseId)
      .where('level', '=', run.level)
      .where('year', '=', run.year)
      .execute();
    await idb
      .deleteFrom('index_uncertainty_runs')
      .where('release_id', '=', run.releaseId)
      .where('level', '=', run.level)
      .where('year', '=', run.year)
      .execute();
    await idb
      .insertInto('index_uncertainty_runs')
      .values({
        release_id: run.releaseId,
        level: run.level,
        year: run.year,
        created_at: run.createdAt,
        provenance: JSON.stringify(run.provenance),
      })
      .execute();
    await insertMany(
      trx,
      'index_rank_intervals',
      ['release_id', 'level', 'year', 'unit_id', 'nominal', 'mean', 'median', 'q5', 'q95'],
      rows.map((r) => [
        run.releaseId,
        run.level,
        run.year,
        r.unitId,
        num(r.nominal),
        num(r.mean),
        num(r.median),
        num(r.q5),
        num(r.q95),
      ]),
    );
  });
};

/** The stored uncertainty analysis of a release, level and year, if any. */
export const getRankIntervals = async (
  db: Db,
  releaseId: string,
  level: IndexLevelName,
  year: number,
): Promise<{ run: UncertaintyRun; intervals: RankInterval[] } | undefined> => {
  const idb = withIndexTables(db);
  const run = await idb
    .selectFrom('index_uncertainty_runs')
    .selectAll()
    .where('release_id', '=', releaseId)
    .where('level', '=', level)
    .where('year', '=', year)
    .executeTakeFirst();
  if (!run) return undefined;
  const rows = await idb
    .selectFrom('index_rank_intervals')
    .selectAll()
    .where('release_id', '=', releaseId)
    .where('level', '=', level)
    .where('year', '=', year)
    .orderBy('unit_id')
    .execute();
  return {
    run: { releaseId, level, year, createdAt: run.created_at, provenance: run.provenance },
    intervals: rows.map((r) => ({
      unitId: r.unit_id,
      nominal: r.nominal,
      mean: r.mean,
      median: r.median,
      q5: r.q5,
      q95: r.q95,
    })),
  };
};
