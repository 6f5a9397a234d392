// An in-process runner for long computations (index releases, uncertainty analyses): a job's state
// lives in the `jobs` table (running → done with a result, or failed with an error), so any app
// instance can report progress; the work itself runs in this process. Progress writes are throttled.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  failStaleJobs,
  finishJob,
  getJob,
  insertJob,
  updateJobProgress,
  type JobRecord,
} from '../../store/jobs-repo.js';
import type { Tables } from '../../store/tables.js';

export type { JobRecord } from '../../store/jobs-repo.js';

export interface JobContext {
  readonly id: string;
  /** Reports progress (written at most every `throttleMs`, and always at the end). */
  progress(done: number, total?: number): void;
}

export interface JobRunnerOptions {
  now?: () => Date;
  /** Minimum time between progress writes; default 250 ms. */
  throttleMs?: number;
  /** Called when writing a job's state fails (the work itself is not affected). */
  onWriteError?: (err: unknown) => void;
}

export class JobRunner {
  readonly #db: Kysely<Tables>;
  readonly #now: () => Date;
  readonly #throttleMs: number;
  readonly #onWriteError: (err: unknown) => void;
  /** Jobs running in this process: id → completion (never rejects). */
  readonly #running = new Map<string, { kind: string; done: Promise<void> }>();

  constructor(db: Kysely<Tables>, opts: JobRunnerOptions = {}) {
    this.#db = db;
    this.#now = opts.now ?? (() => new Date());
    this.#throttleMs = opts.throttleMs ?? 250;
    this.#onWriteError = opts.onWriteError ?? (() => undefined);
  }

  /** Starts `work` in the background and returns the job as stored (status running). */
  async start<T>(kind: string, work: (ctx: JobContext) => Promise<T>): Promise<JobRecord> {
    const id = randomUUID();
    const at = this.#now().toISOString();
    await insertJob(this.#db, { id, kind, at });
    let last = 0;
    let pending: { done: number; total: number | null } | undefined;
    let writing: Promise<void> = Promise.resolve();
    const write = (done: number, total: number | null) => {
      writing = writing
        .then(() => updateJobProgress(this.#db, id, done, total, this.#now().toISOString()))
        .catch(this.#onWriteError);
    };
    const ctx: JobContext = {
      id,
      progress: (done, total) => {
        pending = { done, total: total ?? null };
        const t = Date.now();
        if (t - last < this.#throttleMs) return;
        last = t;
        write(done, total ?? null);
        pending = undefined;
      },
    };
    const done = (async () => {
      // Let the caller get its answer before the work takes the event loop.
      await new Promise((resolve) => setImmediate(resolve));
      let outcome: { status: 'done'; result: unknown } | { status: 'failed'; error: string };
      try {
        outcome = { status: 'done', result: (await work(ctx)) ?? null };
      } catch (e) {
        outcome = { status: 'failed', error: e instanceof Error ? e.message : String(e) };
      }
      if (pending && outcome.status === 'done') write(pending.done, pending.total);
      await writing;
      await finishJob(this.#db, id, outcome, this.#now().toISOString()).catch(this.#onWriteError);
    })();
    this.#running.set(id, { kind, done });
    void done.finally(() => this.#running.delete(id));
    return (await getJob(this.#db, id)) as JobRecord;
  }

  get(id: string): Promise<JobRecord | undefined> {
    return getJob(this.#db, id);
  }

  /** The id of a job of this kind running in this process, if any (to avoid running two at once). */
  runningOf(kind: string): string | undefined {
    for (const [id, j] of this.#running) if (j.kind === kind) return id;
    return undefined;
  }

  /** Resolves when the job (if it runs in this process) has finished and its state is written. */
  async wait(id: string): Promise<void> {
    await this.#running.get(id)?.done;
  }

  /** Waits for every job of this process. */
  async drain(): Promise<void> {
    await Promise.all([...this.#running.values()].map((j) => j.done));
  }

  /**
   * Marks jobs that the table says are running but no process runs any more as failed. Call it once
   * at start-up of a single-instance deployment (SQLite): jobs cannot survive their process.
   */
  recoverStale(): Promise<number> {
    return failStaleJobs(
      this.#db,
      'all',
      'interrupted: the process running this job stopped',
      this.#now().toISOString(),
    );
  }
}
