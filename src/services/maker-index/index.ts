// The maker index (创客指数) on the registry: framework files, releases, explanations, uncertainty,
// the queries behind the index API, and background jobs.
export {
  loadFramework,
  listFrameworks,
  parseFramework,
  metaRows,
  FrameworkError,
  frameworksDir,
} from './framework.js';
export type { IndexLevel } from './framework.js';
export { MakerFramework } from './framework-schema.js';
export { createRelease, ensureRelease, hashInputs, releaseIdOf, ReleaseInputError } from './release.js';
export type { ReleaseOptions, ReleaseOutcome } from './release.js';
export { recomputeYear, rebuildInput, releaseFramework } from './release-data.js';
export { explainSpace } from './explain-space.js';
export { explainUnit, assertAdditive } from './explain.js';
export {
  IndexQueryError,
  resolveRelease,
  resolveYear,
  releasesView,
  releaseSummary,
  spaceScores,
  regionScores,
  indexInputs,
  rankIntervals,
} from './queries.js';
export { runUncertainty } from './uncertainty.js';
export type { SensitivityRunner, UncertaintyOptions } from './uncertainty.js';
export { JobRunner } from './job-runner.js';
export type { JobRecord, JobContext } from './job-runner.js';
export {
  startReleaseJob,
  startUncertaintyJob,
  ensureReleaseInBackground,
  RELEASE_JOB,
  UNCERTAINTY_JOB,
} from './jobs.js';
export type { ReleaseJobOptions } from './jobs.js';
export { seedSyntheticReports } from './seed-reports.js';
export type { SeedReportsOptions, SeedReportsOutcome } from './seed-reports.js';
export { releaseTables } from './release-tables.js';
export type { ReleaseTables } from './release-tables.js';
