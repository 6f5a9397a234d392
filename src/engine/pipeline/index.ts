// Public entry points of the index engine's pipeline.
// Registers the a_topsis aggregation (TOPSIS) so that pipeline specs can name it.
import '../topsis.js';
export { compilePipeline, stagesOf, detailsOf, setAtPointer } from './compile.js';
export type { CompiledPipeline, CompileOptions, PipelineRun, RunOptions } from './compile.js';
export { parsePipelineSpec } from './validate.js';
export { PipelineSpecError, EngineError } from './errors.js';
export type { PipelineSpecType, PipelineStepSpec, StepType } from './spec.js';
export { PipelineSpec } from './spec.js';
export { computeResults, groupRanks } from './results.js';
export type { IndexResults, GroupRanks, ResultsOptions } from './results.js';
export { splitByTime, orderLikeCoinr } from './panel.js';
export type { RunState, StepOutput, CompiledStep } from './state.js';
export { registerAggregator, getAggregator, aggregatorNames } from '../aggregate/methods.js';
export type { Aggregator, RowAggregator, TableAggregator } from '../aggregate/methods.js';
