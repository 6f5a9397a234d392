// Public entry points of uncertainty and sensitivity analysis (MAKER-INDEX.md §3, stage 10).
export { runSensitivitySync, prepareSensitivity, batchesOf } from './analyse.js';
export type { SensitivityInput, SensitivityProgress, PreparedSensitivity } from './analyse.js';
export { createCollector } from './collect.js';
export type { Collector, RankStatsRow, SensitivityIndexRow, SensitivityResult } from './collect.js';
export { createEvaluator } from './evaluate.js';
export type { BatchResult, RunEvaluator } from './evaluate.js';
export { planSensitivity, valueOf, inputValue } from './plan.js';
export type { PlannedInput, SensitivityPlan, PlanOptions } from './plan.js';
export { sobolIndices } from './estimators.js';
export type { SobolEstimates, SobolOptions } from './estimators.js';
export { baseSample, cutIndices, saltelliSource, streamFor, PURPOSE } from './design.js';
export { noisyWeights } from './noisy-weights.js';
export { quantile7, medianSorted, meanR, varR } from './stats.js';
export { parseSensitivitySpec, SensitivitySpecError } from './validate.js';
export { SensitivitySpec } from './spec.js';
export type { SensitivitySpecType, UncertainInputSpec, NoisyWeightsSpecType } from './spec.js';
