// Weighting: weight sets, effective weights, and the methods that derive weights.
export { originalWeights, withWeights, weightsAt, toWeightMap } from './weight-set.js';
export type { WeightRow, WeightSet } from './weight-set.js';
export { effectiveWeights } from './effective.js';
export type { EffWeightRow } from './effective.js';
export { entropyWeights } from './entropy.js';
export type { EntropyOptions, EntropyResult } from './entropy.js';
export { ahpWeights, checkPairwiseMatrix, SAATY_RI } from './ahp.js';
export type { AhpMethod, AhpOptions, AhpResult } from './ahp.js';
export { expertPointWeights, checkExpertPoints } from './expert.js';
export type { ExpertPointsOptions, ExpertPointsResult } from './expert.js';
export { getOptWeights } from './optimise.js';
export type { OptWeightsInput, OptWeightsResult } from './optimise.js';
export { nelderMead } from './nelder-mead.js';
export type { NelderMeadOptions, NelderMeadResult } from './nelder-mead.js';
export { deriveWeights, weightsByGroup, DATA_WEIGHT_METHODS } from './derive.js';
export type { DataWeightMethod, DeriveOptions } from './derive.js';
