// Index computations as background jobs: a release (and, when the framework declares one, the
// uncertainty analysis of its last year), with progress in the `jobs` table.
import type { Store } from '../../store/database.js';
import { latestRelease, type ReleaseRecord } from '../../store/index-repo.js';
import type { JobRecord, JobRunner } from './job-runner.js';
import { createRelease, type ReleaseOptions } from './release.js';
import { runUncertainty, type UncertaintyOptions } from './uncertainty.js';

export const RELEASE_JOB = 'index.release';
export const UNCERTAINTY_JOB = 'index.uncertainty';

export interface ReleaseJobOptions extends ReleaseOptions {
  /** After a new release, run its uncertainty analysis as a second job (default false). */
  uncertainty?: false | Omit<UncertaintyOptions, 'release'>;
}

/** Starts an uncertainty analysis job, or returns the one already running in this process. */
export const startUncertaintyJob = async (
  store: Store,
  jobs: JobRunner,
  opts: UncertaintyOptions = {},
): Promise<JobRecord> => {
  const running = jobs.runningOf(UNCERTAINTY_JOB);
  if (running) return (await jobs.get(running)) as JobRecord;
  return jobs.start(UNCERTAINTY_JOB, (ctx) =>
    runUncertainty(store, { ...opts, onProgress: (done, total) => ctx.progress(done, total) }),
  );
};

/**
 * Starts computing a release, or returns the release job already running in this process (two at
 * once would compute the same thing). The job's result is { release, created, uncertaintyJob? }.
 */
export const startReleaseJob = async (
  store: Store,
  jobs: JobRunner,
  opts: ReleaseJobOptions,
): Promise<JobRecord> => {
  const running = jobs.runningOf(RELEASE_JOB);
  if (running) return (await jobs.get(running)) as JobRecord;
  return jobs.start(RELEASE_JOB, async (ctx) => {
    const { uncertainty, ...releaseOpts } = opts;
    const out = await createRelease(store, {
      ...releaseOpts,
      onProgress: (done, total) => ctx.progress(done, total),
    });
    let uncertaintyJob: string | undefined;
    if (uncertainty && out.created) {
      const job = await startUncertaintyJob(store, jobs, { ...uncertainty, release: out.release.id });
      uncertaintyJob = job.id;
    }
    return {
      release: out.release.id,
      created: out.created,
      years: [out.release.yearFrom, out.release.yearTo],
      ...(uncertaintyJob && { uncertaintyJob }),
    };
  });
};

/**
 * For a server start: the latest release when there is one; otherwise, when the registry has
 * reports, a release job started in the background (the server can listen meanwhile).
 */
export const ensureReleaseInBackground = async (
  store: Store,
  jobs: JobRunner,
  opts: ReleaseJobOptions,
): Promise<{ release?: ReleaseRecord; job?: JobRecord }> => {
  const latest = await latestRelease(store.db);
  if (latest) return { release: latest };
  const any = await store.db.selectFrom('annual_reports').select('year').limit(1).execute();
  if (any.length === 0) return {};
  return { job: await startReleaseJob(store, jobs, opts) };
};
