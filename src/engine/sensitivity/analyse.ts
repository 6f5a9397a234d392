// Uncertainty and sensitivity analysis on one thread: the path for the browser and for tests. The
// worker-thread service (src/services/sensitivity) runs the same plan, evaluator and collector, so
// both give identical results for a seed.
import { compilePipeline, type CompiledPipeline, type RunState } from '../pipeline/index.js';
import type { WeightSets } from '../aggregate/aggregate.js';
import type { Framework } from '../types.js';
import { createCollector, type SensitivityResult } from './collect.js';
import { createEvaluator } from './evaluate.js';
import { planSensitivity, type SensitivityPlan } from './plan.js';

export interface SensitivityProgress {
  /** Runs finished. */
  done: number;
  /** Runs in the design. */
  total: number;
}

export interface SensitivityInput {
  framework: Framework;
  /** The input data: one state, or one per time point (panel data). */
  state: RunState | readonly RunState[];
  /** The pipeline spec (JSON) whose values the inputs replace. */
  pipelineSpec: unknown;
  /** The sensitivity spec (JSON, see spec.ts). */
  sensSpec: unknown;
  weightSets?: WeightSets;
  /** Overrides the spec's seed. */
  seed?: number;
  onProgress?: (p: SensitivityProgress) => void;
}

export interface PreparedSensitivity {
  pipeline: CompiledPipeline;
  states: RunState[];
  plan: SensitivityPlan;
}

/**
 * Compiles the pipeline and plans the analysis. Throws PipelineSpecError (bad pipeline spec) or
 * SensitivitySpecError (bad sensitivity spec), each listing every issue.
 */
export const prepareSensitivity = (input: SensitivityInput): PreparedSensitivity => {
  const states = Array.isArray(input.state)
    ? [...(input.state as readonly RunState[])]
    : [input.state as RunState];
  const pipeline = compilePipeline(input.pipelineSpec, input.framework, {
    ...(input.weightSets ? { weightSets: input.weightSets } : {}),
  });
  const plan = planSensitivity(
    pipeline,
    states,
    input.sensSpec,
    input.seed !== undefined ? { seed: input.seed } : {},
  );
  return { pipeline, states, plan };
};

/** Splits the evaluation order into batches of about `size` runs (the last may be shorter). */
export const batchesOf = (order: Int32Array, size: number): Int32Array[] => {
  const out: Int32Array[] = [];
  const step = Math.max(1, Math.floor(size));
  for (let k = 0; k < order.length; k += step) out.push(order.subarray(k, Math.min(order.length, k + step)));
  return out;
};

/** Runs the whole analysis on the calling thread. */
export const runSensitivitySync = (input: SensitivityInput): SensitivityResult => {
  const { pipeline, states, plan } = prepareSensitivity(input);
  const evaluator = createEvaluator(pipeline, states, plan);
  const collector = createCollector(plan, evaluator.units, evaluator.nominal);
  for (const batch of batchesOf(plan.order, 256)) {
    collector.add(batch, evaluator.evaluate(batch));
    input.onProgress?.({ done: collector.done, total: plan.runs });
  }
  return collector.result();
};
