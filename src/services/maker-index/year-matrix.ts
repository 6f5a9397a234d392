// One level and year of a release as columns (units × codes): scores, ranks and raw values. Releases
// never change once written, so the matrices are memoised (a few, least recently used out).
import type { Store } from '../../store/database.js';
import {
  listAllUnits,
  listScores,
  type IndexLevelName,
  type IndexUnit,
  type ReleaseRecord,
} from '../../store/index-repo.js';

export interface YearMatrix {
  /** Every unit of the year (screened-out ones too), in unit id order. */
  units: IndexUnit[];
  row: ReadonlyMap<string, number>;
  codes: string[];
  col: ReadonlyMap<string, number>;
  /** `score[j][i]`: code j, unit i; NaN = none. */
  score: Float64Array[];
  rank: Float64Array[];
  raw: Float64Array[];
}

const CAPACITY = 8;
const cache = new Map<string, Promise<YearMatrix>>();

const load = async (
  store: Store,
  releaseId: string,
  level: IndexLevelName,
  year: number,
): Promise<YearMatrix> => {
  const [units, scores] = await Promise.all([
    listAllUnits(store.db, releaseId, level, year),
    listScores(store.db, { releaseId, level, year }),
  ]);
  const row = new Map(units.map((u, i) => [u.unitId, i] as const));
  const codes = [...new Set(scores.map((s) => s.code))].sort();
  const col = new Map(codes.map((c, j) => [c, j] as const));
  const blank = () => codes.map(() => new Float64Array(units.length).fill(Number.NaN));
  const score = blank();
  const rank = blank();
  const raw = blank();
  for (const s of scores) {
    const i = row.get(s.unitId);
    const j = col.get(s.code);
    if (i === undefined || j === undefined) continue;
    if (s.score !== null) (score[j] as Float64Array)[i] = s.score;
    if (s.rank !== null) (rank[j] as Float64Array)[i] = s.rank;
    if (s.raw !== null) (raw[j] as Float64Array)[i] = s.raw;
  }
  return { units, row, codes, col, score, rank, raw };
};

/** The matrix of a release's level and year (memoised per store and release). */
export const yearMatrix = (
  store: Store,
  release: ReleaseRecord,
  level: IndexLevelName,
  year: number,
): Promise<YearMatrix> => {
  const key = `${release.id}\u0000${level}\u0000${year}`;
  const storeKey = storeIds.get(store) ?? storeIds.set(store, ++storeSeq).get(store);
  const k = `${storeKey}\u0000${key}`;
  const hit = cache.get(k);
  if (hit) {
    cache.delete(k);
    cache.set(k, hit);
    return hit;
  }
  const p = load(store, release.id, level, year);
  // A failed load is not kept.
  p.catch(() => cache.delete(k));
  cache.set(k, p);
  if (cache.size > CAPACITY) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  return p;
};

// Two stores (two databases in one process, as in tests) may hold releases with the same id.
const storeIds = new WeakMap<Store, number>();
let storeSeq = 0;

/** A column of the matrix (all NaN when the code is absent). */
export const column = (m: YearMatrix, which: 'score' | 'rank' | 'raw', code: string): Float64Array => {
  const j = m.col.get(code);
  return j === undefined ? new Float64Array(m.units.length).fill(Number.NaN) : (m[which][j] as Float64Array);
};
