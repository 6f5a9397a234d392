// What every worker receives once (as workerData): enough to rebuild the pipeline and the plan.
import type { WeightSets } from '../../engine/aggregate/aggregate.js';
import type { RunState } from '../../engine/pipeline/index.js';
import type { SensitivityPlan } from '../../engine/sensitivity/index.js';
import type { MetaRow } from '../../engine/types.js';

export interface WorkerSetup {
  meta: readonly MetaRow[];
  states: RunState[];
  pipelineSpec: unknown;
  weightSets?: WeightSets;
  plan: SensitivityPlan;
}
