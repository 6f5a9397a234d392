// Runs the pipeline for given runs of a plan and keeps only the target's ranks. Steps before the
// first uncertain step are computed once; each run re-runs from the first step whose inputs differ
// from the previous run's, and each distinct variant of a step is compiled once (so 200 weight
// sets × 2 methods cost 400 compilations, not one per run). Step outputs are never mutated, so a
// run gives the same numbers whether it starts from scratch or from a shared prefix.
import {
  EngineError,
  PipelineSpecError,
  setAtPointer,
  type CompiledPipeline,
  type PipelineRun,
  type RunState,
} from '../pipeline/index.js';
import { rankMin } from '../pipeline/numeric.js';
import type { Dataset } from '../types.js';
import { inputValue, valueOf, type SensitivityPlan } from './plan.js';
import { SensitivitySpecError, sensIssue } from './validate.js';

export interface BatchResult {
  /** Ranks (0 = missing) of the runs below `plan.statRuns`, in the order given, one row of `units` each. */
  ranks: Int32Array;
  /** Per run given: mean absolute rank change against the nominal ranks (COINr's SA output). */
  shifts: Float64Array;
  /** Runs whose pipeline failed (their ranks are missing, as COINr's failed regenerations). */
  failures: number;
  /** The failed run with the lowest index, and why. */
  firstFailure?: { run: number; message: string };
}

export interface RunEvaluator {
  /** Units of the target time point in the input (Raw) order: the columns of every rank row. */
  readonly units: readonly string[];
  /** Ranks of the unchanged pipeline (0 = missing). */
  readonly nominal: Int32Array;
  evaluate(runs: ArrayLike<number>): BatchResult;
}

/** Most distinct variants of one step kept compiled; beyond that the cache starts afresh. */
const STEP_CACHE_LIMIT = 4096;

export const createEvaluator = (
  base: CompiledPipeline,
  states: readonly RunState[],
  plan: SensitivityPlan,
): RunEvaluator => {
  const { timeIndex: t, step: targetStep, iCode } = plan.target;
  const units = (states[t] as RunState).data.uCodes;
  const position = new Map(units.map((u, i) => [u, i] as const));
  const nUnits = units.length;

  // Target ranks of a run, mapped onto `units` (screening may drop units; they stay missing).
  let lastCodes: readonly string[] | undefined;
  let lastMap: Int32Array = new Int32Array(0);
  const ranksOf = (run: PipelineRun, out: Int32Array): void => {
    const data: Dataset = (run.steps[targetStep]?.[t] as { state: RunState }).state.data;
    const j = data.iCodes.indexOf(iCode);
    if (j < 0)
      throw new SensitivitySpecError([
        sensIssue(
          '/target/iCode',
          'sensitivity.target.icode',
          `target iCode "${iCode}" is not a column of the "${plan.target.dset}" data set`,
          'iCode',
        ),
      ]);
    if (data.uCodes !== lastCodes) {
      lastCodes = data.uCodes;
      lastMap = Int32Array.from(data.uCodes, (u) => position.get(u) ?? -1);
    }
    const r = rankMin(data.cols[j] as Float64Array, true);
    out.fill(0);
    for (let i = 0; i < r.length; i++) {
      const p = lastMap[i] as number;
      const v = r[i] as number;
      if (p >= 0 && !Number.isNaN(v)) out[p] = v;
    }
  };

  const nominalRun = base.run(states);
  const nominal = new Int32Array(nUnits);
  ranksOf(nominalRun, nominal);

  // Uncertain steps up to the target, in pipeline order, with the inputs that edit each.
  const byStep = new Map<number, number[]>();
  plan.inputs.forEach((inp, i) => {
    if (inp.step <= targetStep) byStep.set(inp.step, [...(byStep.get(inp.step) ?? []), i]);
  });
  const steps = [...byStep.keys()].sort((a, b) => a - b);
  const caches = steps.map(() => new Map<string, CompiledPipeline>());

  // Discrete inputs are keyed by the alternative's position, continuous ones by their value.
  const keyOf = (run: number, s: number): string =>
    (byStep.get(steps[s] as number) as number[]).map((i) => String(valueOf(plan, run, i))).join(',');

  /** The pipeline whose step `steps[s]` carries this run's values (other steps are nominal). */
  const variant = (run: number, s: number, key: string): CompiledPipeline => {
    const cache = caches[s] as Map<string, CompiledPipeline>;
    const hit = cache.get(key);
    if (hit) return hit;
    const k = steps[s] as number;
    let stepSpec: unknown = base.spec.steps[k];
    for (const i of byStep.get(k) as number[])
      stepSpec = setAtPointer(
        stepSpec,
        (plan.inputs[i] as { stepPointer: string }).stepPointer,
        inputValue(plan, run, i),
      );
    const p = base.withStep(k, stepSpec);
    if (cache.size >= STEP_CACHE_LIMIT) cache.clear();
    cache.set(key, p);
    return p;
  };

  let prev: PipelineRun = nominalRun;
  let prevKeys: string[] | undefined;
  const current = new Int32Array(nUnits);

  const evaluate = (runs: ArrayLike<number>): BatchResult => {
    let nStat = 0;
    for (let k = 0; k < runs.length; k++) if ((runs[k] as number) < plan.statRuns) nStat++;
    const ranks = new Int32Array(nStat * nUnits);
    const shifts = new Float64Array(runs.length);
    let failures = 0;
    let firstFailure: BatchResult['firstFailure'];
    let row = 0;
    for (let k = 0; k < runs.length; k++) {
      const run = runs[k] as number;
      const keys = steps.map((_, s) => keyOf(run, s));
      let first = 0;
      if (prevKeys) while (first < keys.length && keys[first] === prevKeys[first]) first++;
      let failed = false;
      // All inputs as in the previous run: same result (always the case when no input reaches the target).
      if (!prevKeys || first < keys.length) {
        try {
          let cur = prev;
          const from = first < steps.length ? (steps[first] as number) : targetStep + 1;
          for (let j = from; j <= targetStep; j++) {
            const s = steps.indexOf(j);
            const p = s >= 0 ? variant(run, s, keys[s] as string) : base;
            cur = p.run(states, { from: j, previous: cur, upto: j });
          }
          ranksOf(cur, current);
          prev = cur;
          prevKeys = keys;
        } catch (e) {
          if (!(e instanceof EngineError) && !(e instanceof PipelineSpecError)) throw e;
          failed = true;
          failures++;
          if (!firstFailure || run < firstFailure.run) firstFailure = { run, message: e.message };
          prev = nominalRun;
          prevKeys = undefined;
        }
      }
      if (failed) {
        shifts[k] = NaN;
        if (run < plan.statRuns) row++; // stays all zero: missing
        continue;
      }
      let sum = 0;
      let n = 0;
      for (let u = 0; u < nUnits; u++) {
        const r = current[u] as number;
        const r0 = nominal[u] as number;
        if (r > 0 && r0 > 0) {
          sum += Math.abs(r - r0);
          n++;
        }
      }
      shifts[k] = n ? sum / n : NaN;
      if (run < plan.statRuns) ranks.set(current, nUnits * row++);
    }
    return { ranks, shifts, failures, ...(firstFailure ? { firstFailure } : {}) };
  };

  return { units, nominal, evaluate };
};
