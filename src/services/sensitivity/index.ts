// Uncertainty and sensitivity analysis as services: on worker threads, and from files.
export { runSensitivity } from './run-sensitivity.js';
export type { RunSensitivityOptions } from './run-sensitivity.js';
export { runSensitivityFiles, rankStatsTable, indicesTable } from './run-files.js';
export type { SensitivityFilesOptions, SensitivityFilesReport } from './run-files.js';
