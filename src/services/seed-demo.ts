// Demo data for a fresh installation: the spaces the seed study names, and a synthetic sample
// calibrated to the national statistics (flagged synthetic everywhere it appears).
import { newSpace } from '../domain/space-record.js';
import type { Space, SpaceInput } from '../domain/space.js';
import type { Store } from '../store/database.js';
import { countSpaces, findBySourceIds, insertSpaces, sourceKey } from '../store/spaces-repo.js';
import { loadStudySpaces, STUDY_SOURCE } from './seed-study.js';
import { generateSynthetic, loadSyntheticInputs, SYNTHETIC_BASE_2020 } from './synthetic/index.js';

export interface SeedOptions {
  /** Load the study's spaces (default true). */
  study?: boolean;
  /**
   * Size of the synthetic sample; 0 for none. Default SYNTHETIC_BASE_2020: the sample whose active counts at the
   * end of 2016–2020 equal the national figures exactly (other sizes scale the curve).
   */
  synthetic?: number;
  /** Seed of the synthetic generator (default 1): the same seed gives the same sample. */
  seed?: number;
  now?: Date;
  onProgress?: (done: number, total: number) => void;
}

export interface SeedReport {
  study: number;
  synthetic: number;
  /** Records already present (same source id) and left alone. */
  skipped: number;
}

const idOf = (input: SpaceInput): string => {
  const ref = input.sources?.[0];
  if (!ref) throw new Error('seed: a seed record has no source id');
  return ref.source === STUDY_SOURCE ? `study-${ref.sourceId}` : ref.sourceId;
};

const BATCH = 2000;

/** Inserts the demo records that are not there yet (matched by source id), in one transaction. */
export const seedDemo = async (store: Store, opts: SeedOptions = {}): Promise<SeedReport> => {
  const at = (opts.now ?? new Date()).toISOString();
  const study = opts.study === false ? [] : await loadStudySpaces();
  const n = opts.synthetic ?? SYNTHETIC_BASE_2020;
  const synthetic = n > 0 ? generateSynthetic(n, { seed: opts.seed ?? 1, ...loadSyntheticInputs() }) : [];

  const all = [...study, ...synthetic];
  const present = await findBySourceIds(
    store.db,
    all.flatMap((s) => s.sources ?? []),
  );
  const fresh = all.filter(
    (s) => !(s.sources ?? []).some((r) => present.has(sourceKey(r.source, r.sourceId))),
  );
  const spaces: Space[] = fresh.map((input) =>
    newSpace(input, {
      id: idOf(input),
      at,
      source: input.synthetic ? 'synthetic' : STUDY_SOURCE,
      actor: 'system',
    }),
  );
  await store.db.transaction().execute(async (trx) => {
    for (let i = 0; i < spaces.length; i += BATCH) {
      await insertSpaces(trx, spaces.slice(i, i + BATCH));
      opts.onProgress?.(Math.min(i + BATCH, spaces.length), spaces.length);
    }
  });
  return {
    study: spaces.filter((s) => !s.synthetic).length,
    synthetic: spaces.filter((s) => s.synthetic).length,
    skipped: all.length - fresh.length,
  };
};

/** Seeds only a database with no spaces at all, so `npm start` never touches a registry in use. */
export const seedIfEmpty = async (store: Store, opts: SeedOptions = {}): Promise<SeedReport | null> =>
  (await countSpaces(store.db)) === 0 ? seedDemo(store, opts) : null;
