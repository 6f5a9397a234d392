// The synthetic demonstration sample: fictional spaces calibrated to the national statistics, their
// annual reports and the firms they incubate. See the files for the rules each part follows.
export { generateSyntheticAtScale } from './at-scale.js';
export { generateCohorts, type CohortOptions } from './cohorts.js';
export {
  activeAtYearEnd,
  generateSynthetic,
  SYNTHETIC_SOURCE,
  type PointIn,
  type SyntheticOptions,
} from './generate-spaces.js';
export {
  loadProvinceFactsCsv,
  loadSeats,
  loadSyntheticInputs,
  syntheticInputsFromGeo,
  type SyntheticInputs,
} from './inputs.js';
export { NATIONAL_REPORT_FACTS, NATIONAL_SPACES, REPORT_TARGETS } from './national-totals.js';
export type { RegionRow } from './places.js';
export { SYNTHETIC_BASE_2020, SYNTHETIC_DEFAULT_N, type ProvinceFacts } from './plan.js';
export { makePointSampler, type PlaceLookup } from './point-sampler.js';
export { generateReports, type ReportOptions } from './reports.js';
export { annualReportRow, cohortFirmRow } from './rows.js';
