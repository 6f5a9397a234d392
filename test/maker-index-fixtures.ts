// A small synthetic registry for maker-index tests: synthetic spaces (shipped region table and
// province facts, a stub point sampler, so no boundary files are read), their annual reports and
// cohorts, stored in a fresh database.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AnnualReport } from '../src/domain/annual-report.js';
import type { CohortFirm } from '../src/domain/cohort.js';
import type { Space, SpaceInput } from '../src/domain/space.js';
import { openDatabase, type Store } from '../src/store/database.js';
import { migrate } from '../src/store/migrate.js';
import { saveCohorts, saveReports } from '../src/store/reports-repo.js';
import { insertSpaces } from '../src/store/spaces-repo.js';
import { generateCohorts } from '../src/services/synthetic/cohorts.js';
import { generateSynthetic, SYNTHETIC_SOURCE } from '../src/services/synthetic/generate-spaces.js';
import { generateReports } from '../src/services/synthetic/reports.js';
import { makeSpace } from './fixtures/spaces.js';
import { repoProvinces, repoRegions, stubPointIn } from './synthetic-fixtures.js';

/** A stored Space from a generated input: the input's fields over a minimal space. */
export const spaceFromInput = (input: SpaceInput, id: string): Space => {
  const defined = Object.fromEntries(
    Object.entries(input).filter(([, v]) => v !== undefined),
  ) as Partial<Space>;
  return makeSpace({ ...defined, id });
};

export interface SyntheticRegistry {
  spaces: Space[];
  reports: AnnualReport[];
  firms: CohortFirm[];
}

export const syntheticRegistry = (n: number, seed = 7): SyntheticRegistry => {
  const inputs = generateSynthetic(n, {
    seed,
    provinces: repoProvinces(),
    regions: repoRegions(),
    pointIn: stubPointIn(),
  });
  const idOf = (s: SpaceInput) => s.sources?.find((r) => r.source === SYNTHETIC_SOURCE)?.sourceId ?? '';
  const spaces = inputs.map((s) => spaceFromInput(s, idOf(s)));
  const reports = generateReports(inputs, { seed, idOf });
  const firms = generateCohorts(inputs, { seed, idOf });
  return { spaces, reports, firms };
};

export interface TempStore {
  store: Store;
  dir: string;
  close(): Promise<void>;
}

/** A migrated SQLite database in a new temporary folder. */
export const tempStore = async (): Promise<TempStore> => {
  const dir = await mkdtemp(join(tmpdir(), 'makeratlas-index-'));
  const store = await openDatabase(join(dir, 'test.db'));
  await migrate(store);
  return {
    store,
    dir,
    close: async () => {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
};

export const seedRegistry = async (store: Store, reg: SyntheticRegistry): Promise<void> => {
  await insertSpaces(store.db, reg.spaces);
  await saveReports(store.db, reg.reports);
  await saveCohorts(store.db, reg.firms);
};
