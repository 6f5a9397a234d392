// Demo data for the index: annual reports 2016–2020 and incubated-firm cohorts for the synthetic
// spaces already in the registry (src/services/synthetic draws them from each space's own latent
// quality), stored through the reports repository. Real spaces are never given invented figures.
import type { Space } from '../../domain/space.js';
import { toSpaceInput } from '../../io/space-columns.js';
import type { Store } from '../../store/database.js';
import { listReports, saveCohorts, saveReports } from '../../store/reports-repo.js';
import { iterateSpaces } from '../../store/spaces-repo.js';
import { generateCohorts } from '../synthetic/cohorts.js';
import { generateReports } from '../synthetic/reports.js';

export interface SeedReportsOptions {
  /** Seed of the generators (default 1); the same registry and seed give the same figures. */
  seed?: number;
  now?: Date;
}

export interface SeedReportsOutcome {
  spaces: number;
  reports: number;
  firms: number;
  /** True when reports existed already and nothing was written. */
  skipped: boolean;
}

/** Generates and stores reports and cohorts for the synthetic spaces, unless any report exists. */
export const seedSyntheticReports = async (
  store: Store,
  opts: SeedReportsOptions = {},
): Promise<SeedReportsOutcome> => {
  const existing = await store.db.selectFrom('annual_reports').select('space_id').limit(1).execute();
  if (existing.length > 0) {
    const n = (await listReports(store.db)).length;
    return { spaces: 0, reports: n, firms: 0, skipped: true };
  }
  const spaces: Space[] = [];
  for await (const s of iterateSpaces(store.db, { synthetic: true })) spaces.push(s);
  const seed = opts.seed ?? 1;
  const inputs = spaces.map(toSpaceInput);
  // Rows carry the stored ids; the generators key their random streams on the synthetic source id.
  const idOf = (_s: unknown, i: number): string => (spaces[i] as Space).id;
  const reports = generateReports(inputs, { seed, idOf });
  const firms = generateCohorts(inputs, { seed, idOf });
  await store.db.transaction().execute(async (trx) => {
    await saveReports(trx, reports, (opts.now ?? new Date()).toISOString());
    await saveCohorts(trx, firms);
  });
  return { spaces: spaces.length, reports: reports.length, firms: firms.length, skipped: false };
};
