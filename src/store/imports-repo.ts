// The record of import runs: who imported which file, what it counted and every issue it found.
import type { Kysely } from 'kysely';
import type { InputIssue } from '../domain/issue.js';
import { StoreInputError } from './store-error.js';
import type { ImportStatus, Tables } from './tables.js';
import { IMPORT_STATUSES } from './tables.js';

export { IMPORT_STATUSES, type ImportStatus } from './tables.js';

export interface ImportRecord {
  id: string;
  /** When the run finished (ISO timestamp). */
  at: string;
  actor: string;
  file: string | null;
  /** e.g. csv, xlsx, geojson, spaceapi, fablabs */
  format: string;
  /** e.g. { rows: 120, inserted: 100, updated: 15, skipped: 5 } */
  counts: Record<string, number>;
  dryRun: boolean;
  status: ImportStatus;
  issues: InputIssue[];
}

const fromRow = (r: {
  id: string;
  at: string;
  actor: string;
  file: string | null;
  format: string;
  counts: Record<string, number>;
  dry_run: boolean;
  status: ImportStatus;
  issues: InputIssue[];
}): ImportRecord => ({
  id: r.id,
  at: r.at,
  actor: r.actor,
  file: r.file,
  format: r.format,
  counts: r.counts,
  dryRun: r.dry_run,
  status: r.status,
  issues: r.issues,
});

export const recordImport = async (db: Kysely<Tables>, run: ImportRecord): Promise<void> => {
  if (!(IMPORT_STATUSES as readonly string[]).includes(run.status)) {
    throw new StoreInputError(
      'import.invalid',
      `status: expected one of ${IMPORT_STATUSES.join(', ')}`,
      '/status',
    );
  }
  const at = Date.parse(run.at);
  if (Number.isNaN(at))
    throw new StoreInputError('import.invalid', `at: "${run.at}" is not an ISO timestamp`, '/at');
  await db
    .insertInto('imports')
    .values({
      id: run.id,
      at: new Date(at).toISOString(),
      actor: run.actor,
      file: run.file,
      format: run.format,
      counts: JSON.stringify(run.counts),
      dry_run: run.dryRun,
      status: run.status,
      issues: JSON.stringify(run.issues),
    })
    .execute();
};

export const getImport = async (db: Kysely<Tables>, id: string): Promise<ImportRecord | undefined> => {
  const row = await db.selectFrom('imports').selectAll().where('id', '=', id).executeTakeFirst();
  return row && fromRow(row);
};

/** Most recent runs first. */
export const listImports = async (db: Kysely<Tables>, limit = 50): Promise<ImportRecord[]> => {
  const rows = await db
    .selectFrom('imports')
    .selectAll()
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(Math.max(1, Math.min(500, Math.floor(limit))))
    .execute();
  return rows.map(fromRow);
};
