// Background jobs (the `jobs` table): state, progress, result or error, readable by any instance.
import type { Kysely, Selectable } from 'kysely';
import type { JobsTable, Tables } from './tables.js';

type Db = Kysely<Tables>;

export const JOB_STATUSES = ['running', 'done', 'failed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export interface JobRecord {
  id: string;
  kind: string;
  status: JobStatus;
  /** Units of work done so far, out of `total` (null while the total is unknown). */
  progress: number;
  total: number | null;
  result: unknown;
  error: string | null;
  createdAt: string;
  updatedAt: string;
}

const fromRow = (r: Selectable<JobsTable>): JobRecord => ({
  id: r.id,
  kind: r.kind,
  status: (JOB_STATUSES as readonly string[]).includes(r.status) ? (r.status as JobStatus) : 'failed',
  progress: r.progress,
  total: r.total,
  result: r.result ?? null,
  error: r.error,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export const insertJob = async (db: Db, job: { id: string; kind: string; at: string }): Promise<void> => {
  await db
    .insertInto('jobs')
    .values({
      id: job.id,
      kind: job.kind,
      status: 'running',
      progress: 0,
      total: null,
      result: null,
      error: null,
      created_at: job.at,
      updated_at: job.at,
    })
    .execute();
};

export const updateJobProgress = async (
  db: Db,
  id: string,
  progress: number,
  total: number | null,
  at: string,
): Promise<void> => {
  await db
    .updateTable('jobs')
    .set({ progress: Math.round(progress), total: total === null ? null : Math.round(total), updated_at: at })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .execute();
};

export const finishJob = async (
  db: Db,
  id: string,
  outcome: { status: 'done'; result: unknown } | { status: 'failed'; error: string },
  at: string,
): Promise<void> => {
  await db
    .updateTable('jobs')
    .set(
      outcome.status === 'done'
        ? { status: 'done', result: JSON.stringify(outcome.result ?? null), error: null, updated_at: at }
        : { status: 'failed', error: outcome.error, updated_at: at },
    )
    .where('id', '=', id)
    .execute();
};

export const getJob = async (db: Db, id: string): Promise<JobRecord | undefined> => {
  const row = await db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
  return row && fromRow(row);
};

/** Running jobs of a kind, oldest first. */
export const runningJobs = async (db: Db, kind: string): Promise<JobRecord[]> => {
  const rows = await db
    .selectFrom('jobs')
    .selectAll()
    .where('status', '=', 'running')
    .where('kind', '=', kind)
    .orderBy('created_at')
    .execute();
  return rows.map(fromRow);
};

/**
 * Marks jobs left running by a process that stopped as failed (an in-process job cannot outlive
 * its process). Returns how many were marked.
 */
export const failStaleJobs = async (
  db: Db,
  ids: readonly string[] | 'all',
  message: string,
  at: string,
): Promise<number> => {
  let q = db
    .updateTable('jobs')
    .set({ status: 'failed', error: message, updated_at: at })
    .where('status', '=', 'running');
  if (ids !== 'all') q = q.where('id', 'in', ids.length ? [...ids] : ['']);
  const res = await q.executeTakeFirst();
  return Number(res.numUpdatedRows);
};
