// Table types added by migration 0009 (index details), kept beside tables.ts rather than in it so
// the core table file stays as its owner wrote it; repositories get them with `withIndexTables`.
import type { Kysely } from 'kysely';
import type { IndexLevelName } from '../domain/index-units.js';
import type { Json, Tables } from './tables.js';

export type { IndexLevelName };

/** One scored (or screened-out) unit of a release, per level and year, as it was at release time. */
export interface IndexUnitsTable {
  release_id: string;
  level: IndexLevelName;
  year: number;
  unit_id: string;
  name: string | null;
  region_code: string | null;
  /** The unit's group label (a space's type), as used by group imputation. */
  grp: string | null;
  /** The index score; null for a unit screened out for lack of data. */
  score: number | null;
  rank: number | null;
  /** Rank the year before in the same release (null when not ranked then). */
  rank_prev: number | null;
  /** rank_prev − rank: positive = moved up. */
  rank_change: number | null;
}

export interface IndexUncertaintyRunsTable {
  release_id: string;
  level: IndexLevelName;
  year: number;
  created_at: string;
  provenance: Json<Record<string, unknown>>;
}

export interface IndexRankIntervalsTable {
  release_id: string;
  level: IndexLevelName;
  year: number;
  unit_id: string;
  nominal: number | null;
  mean: number | null;
  median: number | null;
  q5: number | null;
  q95: number | null;
}

// A type alias, not an interface: withTables needs an index-signature-compatible record.
export type IndexTables = {
  index_scores: Tables['index_scores'] & {
    /** An indicator's value before any transform or imputation (null = missing); null on aggregates. */
    raw: number | null;
  };
  index_units: IndexUnitsTable;
  index_uncertainty_runs: IndexUncertaintyRunsTable;
  index_rank_intervals: IndexRankIntervalsTable;
};

export type IndexDb = Kysely<Tables & IndexTables>;

/** The same database (or transaction) typed with the index tables. */
export const withIndexTables = (db: Kysely<Tables>): IndexDb => db.withTables<IndexTables>();
