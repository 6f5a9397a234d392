// compilePipeline: validate a spec once against a framework, then run it fast, as often as needed.
// Sensitivity analysis re-runs a pipeline thousands of times with one choice changed: `withSpec`
// recompiles only the steps that changed, and `run(input, { from, previous })` reuses the outputs
// of the unchanged steps before `from`.
import type { Dataset, Framework, StageName, UnitInfo } from '../types.js';
import { compileAggregate, type WeightSets } from '../aggregate/aggregate.js';
import { compileDenominate } from '../denominate/denominate.js';
import { compileImpute } from '../impute/impute.js';
import { compileNormalise } from '../normalise/normalise.js';
import type { ScreenDetails } from '../screen/screen.js';
import { compileScreen } from '../screen/screen.js';
import { compileTreat, type TreatDetails } from '../treat/treat.js';
import type { InputIssue } from '../../domain/issue.js';
import { EngineError, PipelineSpecError } from './errors.js';
import type { PipelineSpecType, PipelineStepSpec } from './spec.js';
import type { CompiledStep, RunState, StepOutput } from './state.js';
import { parsePipelineSpec, parseStep } from './validate.js';

export interface CompileOptions {
  /** Named weight sets usable as `w: "<name>"` in Aggregate (COINr's `Meta$Weights`). */
  weightSets?: WeightSets;
}

/** What one run produced, per time point (a single one for cross-sectional data). */
export interface PipelineRun {
  /** Time value of each time point (undefined for cross-sectional data). */
  times: (number | undefined)[];
  /** The input, per time point (COINr's "Raw"). */
  raw: RunState[];
  /** Output of each step: `steps[k][t]` is step k at time point t. */
  steps: StepOutput[][];
  /** The data set name each step wrote (COINr's names: "Denominated", …). */
  stageNames: StageName[];
}

export interface RunOptions {
  /** First step to run (0-based). Steps before it are taken from `previous`. Default 0. */
  from?: number;
  /** A run of the same pipeline on the same input whose steps before `from` are still valid. */
  previous?: PipelineRun;
  /** Stop after this step (inclusive, 0-based). Default: the last step. */
  upto?: number;
}

export interface CompiledPipeline {
  readonly spec: PipelineSpecType;
  readonly framework: Framework;
  readonly steps: readonly CompiledStep[];
  run(input: RunState | readonly RunState[], options?: RunOptions): PipelineRun;
  /** The same pipeline with step `index` replaced (only that step is validated again). */
  withStep(index: number, step: unknown): CompiledPipeline;
  /** The pipeline for another spec, recompiling only steps that differ; `firstChanged` says where to re-run from. */
  withSpec(spec: unknown): { pipeline: CompiledPipeline; firstChanged: number };
  /**
   * The pipeline with one value replaced at a JSON Pointer into the spec (e.g.
   * "/steps/3/global_specs/f1_para/winmax", as sensitivity specs address their inputs); only
   * that step is validated again. `firstChanged` is the step to re-run from.
   */
  withValue(pointer: string, value: unknown): { pipeline: CompiledPipeline; firstChanged: number };
}

/** A copy of `root` with `value` at `pointer` (RFC 6901), copying only the objects on the path. */
export const setAtPointer = (root: unknown, pointer: string, value: unknown): unknown => {
  if (pointer === '') return value;
  if (!pointer.startsWith('/'))
    throw new EngineError('pipeline.pointer', `"${pointer}" is not a JSON Pointer (it must start with "/")`);
  const [head = '', ...rest] = pointer
    .slice(1)
    .split('/')
    .map((p) => p.replaceAll('~1', '/').replaceAll('~0', '~'));
  const tail = rest.length
    ? `/${rest.map((p) => p.replaceAll('~', '~0').replaceAll('/', '~1')).join('/')}`
    : '';
  if (Array.isArray(root)) {
    const i = Number(head);
    if (!Number.isInteger(i) || i < 0 || i > root.length)
      throw new EngineError('pipeline.pointer', `index "${head}" is out of range`);
    const copy = root.slice();
    copy[i] = setAtPointer(root[i], tail, value);
    return copy;
  }
  const obj = typeof root === 'object' && root !== null ? (root as Record<string, unknown>) : {};
  return { ...obj, [head]: setAtPointer(obj[head], tail, value) };
};

const compileStep = (
  step: PipelineStepSpec,
  fw: Framework,
  index: number,
  options: CompileOptions,
): CompiledStep => {
  switch (step.step) {
    case 'Denominate':
      return compileDenominate(step, fw, index);
    case 'Impute':
      return compileImpute(step, fw, index);
    case 'Screen':
      return compileScreen(step, fw, index);
    case 'Treat':
      return compileTreat(step, fw, index);
    case 'Normalise':
      return compileNormalise(step, fw, index);
    case 'Aggregate':
      return compileAggregate(step, fw, index, options.weightSets);
  }
};

const build = (
  spec: PipelineSpecType,
  fw: Framework,
  steps: CompiledStep[],
  options: CompileOptions,
): CompiledPipeline => {
  const self: CompiledPipeline = {
    spec,
    framework: fw,
    steps,
    run(input, runOptions = {}) {
      const raw = Array.isArray(input) ? [...(input as readonly RunState[])] : [input as RunState];
      const from = runOptions.from ?? 0;
      const upto = Math.min(runOptions.upto ?? steps.length - 1, steps.length - 1);
      if (from > 0 && (!runOptions.previous || runOptions.previous.steps.length < from)) {
        throw new EngineError(
          'pipeline.from.previous',
          `run from step ${from + 1} needs a previous run that reached step ${from}`,
        );
      }
      const outputs: StepOutput[][] =
        from > 0 ? (runOptions.previous as PipelineRun).steps.slice(0, from) : [];
      for (let k = from; k <= upto; k++) {
        const step = steps[k] as CompiledStep;
        outputs.push(step.run(inputFor(step, k, raw, outputs, steps)));
      }
      return {
        times: raw.map((s) => (s.units.time && s.units.time.length ? s.units.time[0] : undefined)),
        raw,
        steps: outputs,
        stageNames: steps.slice(0, outputs.length).map((st) => st.stage),
      };
    },
    withStep(index, step) {
      const parsed = parseStep(step, index);
      const nextSteps = steps.slice();
      nextSteps[index] = compileStep(parsed, fw, index, options);
      const nextSpec = { ...spec, steps: spec.steps.map((s, k) => (k === index ? parsed : s)) };
      return build(nextSpec, fw, nextSteps, options);
    },
    withSpec(next) {
      const parsed = parsePipelineSpec(next);
      let firstChanged = parsed.steps.length;
      const nextSteps = parsed.steps.map((s, k) => {
        const same = k < spec.steps.length && JSON.stringify(spec.steps[k]) === JSON.stringify(s);
        if (same && k < firstChanged) return steps[k] as CompiledStep;
        firstChanged = Math.min(firstChanged, k);
        return compileStep(s, fw, k, options);
      });
      return { pipeline: build(parsed, fw, nextSteps, options), firstChanged };
    },
    withValue(pointer, value) {
      const m = /^\/steps\/(\d+)(\/.*)?$/.exec(pointer);
      const k = m ? Number(m[1]) : NaN;
      if (!m || k >= spec.steps.length) {
        throw new EngineError(
          'pipeline.pointer',
          `"${pointer}" must point into a step: /steps/<0..${spec.steps.length - 1}>/…`,
        );
      }
      const step = setAtPointer(spec.steps[k], m[2] ?? '', value);
      return { pipeline: self.withStep(k, step), firstChanged: k };
    },
  };
  return self;
};

/** The states a step reads: its `dset`, or the previous step's output (Raw for the first step). */
const inputFor = (
  step: CompiledStep,
  k: number,
  raw: RunState[],
  outputs: StepOutput[][],
  steps: readonly CompiledStep[],
): RunState[] => {
  if (step.input === undefined) return k === 0 ? raw : (outputs[k - 1] as StepOutput[]).map((o) => o.state);
  if (step.input === 'Raw') return raw;
  for (let j = k - 1; j >= 0; j--) {
    if ((steps[j] as CompiledStep).stage === step.input)
      return (outputs[j] as StepOutput[]).map((o) => o.state);
  }
  throw new EngineError(
    'pipeline.dset.missing',
    `step ${k + 1} (${step.type}) reads dset "${step.input}", which no earlier step produces`,
  );
};

/**
 * Validates `spec` (JSON) against the framework and returns a runnable pipeline. Throws
 * PipelineSpecError listing every problem (with JSON pointers) when the spec is invalid.
 */
export const compilePipeline = (
  spec: unknown,
  framework: Framework,
  options: CompileOptions = {},
): CompiledPipeline => {
  const parsed = parsePipelineSpec(spec);
  // Compile every step even after a failure so that one error report lists all problems.
  const errors: InputIssue[] = [];
  const steps: CompiledStep[] = [];
  parsed.steps.forEach((s, k) => {
    try {
      steps.push(compileStep(s, framework, k, options));
    } catch (e) {
      if (e instanceof PipelineSpecError) errors.push(...e.issues);
      else throw e;
    }
  });
  if (errors.length) throw new PipelineSpecError(errors);
  return build(parsed, framework, steps, options);
};

/** Every data set of a run at one time point, named as COINr names them (the last writer wins). */
export const stagesOf = (run: PipelineRun, t = 0): Partial<Record<StageName, Dataset>> => {
  const out: Partial<Record<StageName, Dataset>> = { Raw: (run.raw[t] as RunState).data };
  run.steps.forEach((outs, k) => {
    const o = outs[t];
    const stage = run.stageNames[k];
    if (o && stage) out[stage] = o.state.data;
  });
  return out;
};

/** Details of the last Screen and Treat steps at one time point. */
export const detailsOf = (
  run: PipelineRun,
  t = 0,
): { screen?: ScreenDetails; treat?: TreatDetails; units: UnitInfo } => {
  let screen: ScreenDetails | undefined;
  let treat: TreatDetails | undefined;
  for (const outs of run.steps) {
    const o = outs[t];
    if (o?.screen) screen = o.screen;
    if (o?.treat) treat = o.treat;
  }
  const last = run.steps.length
    ? (run.steps[run.steps.length - 1]?.[t] as StepOutput).state
    : (run.raw[t] as RunState);
  return { ...(screen ? { screen } : {}), ...(treat ? { treat } : {}), units: last.units };
};
