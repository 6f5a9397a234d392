// Piscina worker: compiles the pipeline once from the setup in workerData, then evaluates batches
// of runs (sent as run indices) and returns only the target's ranks and rank shifts.
import { workerData } from 'node:worker_threads';
import { frameworkOf } from '../../engine/framework.js';
import { compilePipeline } from '../../engine/pipeline/index.js';
import { createEvaluator, type BatchResult, type RunEvaluator } from '../../engine/sensitivity/index.js';
import type { WorkerSetup } from './worker-setup.js';

let evaluator: RunEvaluator | undefined;

const setUp = (): RunEvaluator => {
  const s = workerData as WorkerSetup;
  const pipeline = compilePipeline(s.pipelineSpec, frameworkOf(s.meta), {
    ...(s.weightSets ? { weightSets: s.weightSets } : {}),
  });
  return createEvaluator(pipeline, s.states, s.plan);
};

export default (runs: Int32Array): BatchResult => (evaluator ??= setUp()).evaluate(runs);
