// Plans an uncertainty or sensitivity analysis: validates the spec against the pipeline, draws the
// design and maps it to alternatives. The plan is plain data (typed arrays and JSON values) so it
// can be handed to worker threads, which then only need run indices.
import type { InputIssue } from '../../domain/issue.js';
import { EngineError, PipelineSpecError, type CompiledPipeline, type RunState } from '../pipeline/index.js';
import type { Framework, StageName } from '../types.js';
import { baseSample, cutIndices, saltelliSource, scaleUniform } from './design.js';
import { noisyWeights } from './noisy-weights.js';
import type { AnalysisType } from './spec.js';
import { SensitivitySpecError, describeInput, parseSensitivitySpec, sensIssue } from './validate.js';

export interface PlannedInput {
  name: string;
  address: string;
  /** The pipeline step the address points into (0-based). */
  step: number;
  /** The address relative to its step ("" = the whole step). */
  stepPointer: string;
  kind: 'discrete' | 'continuous';
  /** Discrete inputs: the alternatives (noisy weights already drawn). */
  alternatives: unknown[];
  /** Continuous inputs: [lower, upper]. */
  bounds?: [number, number];
}

export interface SensitivityPlan {
  type: AnalysisType;
  N: number;
  /** Number of uncertain inputs. */
  d: number;
  /** Runs in the design: N (UA) or N·(d + 2) (SA). */
  runs: number;
  /** Runs whose ranks feed the rank statistics: all N (UA), or the 2N of A and B (SA, as COINr). */
  statRuns: number;
  seed: number;
  Nboot?: number;
  target: { dset: StageName; iCode: string; timeIndex: number; step: number };
  inputs: PlannedInput[];
  /**
   * Per row of the base sample and input: the alternative's index (discrete) or the value
   * (continuous). UA: N rows. SA: 2N rows, matrix A then matrix B; the AB_i runs are built from
   * them (see valueOf).
   */
  values: Float64Array;
  /** All runs, ordered so that consecutive runs share as many leading pipeline steps as possible. */
  order: Int32Array;
}

export interface PlanOptions {
  /** Overrides the spec's seed. */
  seed?: number;
}

/** Value of input `i` in run `run`: an alternative index (discrete) or the value (continuous). */
export const valueOf = (plan: SensitivityPlan, run: number, i: number): number => {
  if (plan.type === 'UA') return plan.values[run * plan.d + i] as number;
  const { row, fromB } = saltelliSource(run, i, plan.N);
  return plan.values[(fromB ? plan.N + row : row) * plan.d + i] as number;
};

/** The JSON value input `i` takes in run `run`. */
export const inputValue = (plan: SensitivityPlan, run: number, i: number): unknown => {
  const inp = plan.inputs[i] as PlannedInput;
  const v = valueOf(plan, run, i);
  return inp.kind === 'continuous' ? v : inp.alternatives[v];
};

const short = (v: unknown): string => {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
};

/** The first value on the pointer's path (before its last token) that cannot hold a key. */
const scalarOnPath = (root: unknown, pointer: string): { at: string; value: unknown } | undefined => {
  const parts = pointer.split('/').slice(1, -1);
  let v: unknown = root;
  let at = '';
  for (const raw of parts) {
    const key = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'object') return { at, value: v };
    v = (v as Record<string, unknown>)[key];
    at = `${at}/${raw}`;
  }
  return v !== undefined && v !== null && typeof v !== 'object' ? { at, value: v } : undefined;
};

/** Checks every alternative against the pipeline; returns the input's step or issues. */
const checkInput = (
  base: CompiledPipeline,
  spec: unknown,
  index: number,
  address: string,
  candidates: { value: unknown; path: string; label: string }[],
  issues: InputIssue[],
): number => {
  const who = describeInput(spec, index);
  const through = scalarOnPath(base.spec, address);
  if (through) {
    issues.push(
      sensIssue(
        `/inputs/${index}/address`,
        'sensitivity.input.address',
        `${who}: address "${address}" goes through "${through.at}", which holds ${short(through.value)}, not an object`,
        'address',
      ),
    );
    return -1;
  }
  let step = -1;
  let reported = 0;
  for (const c of candidates) {
    try {
      step = base.withValue(address, c.value).firstChanged;
    } catch (e) {
      if (e instanceof EngineError && e.code === 'pipeline.pointer') {
        issues.push(
          sensIssue(
            `/inputs/${index}/address`,
            'sensitivity.input.address',
            `${who}: bad address: ${e.message}`,
            'address',
          ),
        );
        return -1;
      }
      if (!(e instanceof PipelineSpecError)) throw e;
      // An unknown argument at (or above) the address means the address itself is wrong.
      const atAddress = e.issues.find(
        (i) => i.code === 'pipeline.arg.unknown' && i.path !== undefined && address.startsWith(i.path),
      );
      if (atAddress) {
        issues.push(
          sensIssue(
            `/inputs/${index}/address`,
            'sensitivity.input.address',
            `${who}: address "${address}" does not name an argument of the pipeline: ${atAddress.message}`,
            'address',
          ),
        );
        return -1;
      }
      if (reported++ < 3)
        issues.push(
          sensIssue(
            c.path,
            'sensitivity.input.alternative',
            `${who}: ${c.label} (${short(c.value)}) does not make a valid pipeline: ${e.issues.map((i) => i.message).join('; ')}`,
          ),
        );
    }
  }
  return reported ? -1 : step;
};

/**
 * Validates `sensSpec` against the compiled pipeline and the input states, and draws the design.
 * Throws SensitivitySpecError listing every problem (JSON pointers into the sensitivity spec).
 */
export const planSensitivity = (
  base: CompiledPipeline,
  states: readonly RunState[],
  sensSpec: unknown,
  options: PlanOptions = {},
): SensitivityPlan => {
  const spec = parseSensitivitySpec(sensSpec);
  const fw: Framework = base.framework;
  const seed = options.seed ?? spec.seed ?? 1;
  const issues: InputIssue[] = [];

  const dset = spec.target.dset ?? 'Aggregated';
  let targetStep = -1;
  base.steps.forEach((s, k) => {
    if (s.stage === dset) targetStep = k;
  });
  if (targetStep < 0)
    issues.push(
      sensIssue(
        '/target/dset',
        'sensitivity.target.dset',
        `target dset "${dset}" is not produced by any step of the pipeline (it writes: ${base.steps.map((s) => s.stage).join(', ')})`,
        'dset',
      ),
    );
  let timeIndex = 0;
  const times = states.map((s) => (s.units.time && s.units.time.length ? s.units.time[0] : undefined));
  if (spec.target.time !== undefined) {
    timeIndex = times.indexOf(spec.target.time);
    if (timeIndex < 0)
      issues.push(
        sensIssue(
          '/target/time',
          'sensitivity.target.time',
          `target time ${spec.target.time} is not in the data (times: ${times.join(', ')})`,
          'time',
        ),
      );
  } else if (states.length > 1) {
    issues.push(
      sensIssue(
        '/target/time',
        'sensitivity.target.time',
        `the data has ${states.length} time points (${times.join(', ')}); set target.time to the one to analyse`,
        'time',
      ),
    );
  }

  const inputs: PlannedInput[] = [];
  spec.inputs.forEach((inp, i) => {
    const base_ = `/inputs/${i}`;
    let alternatives: unknown[] = [];
    let candidates: { value: unknown; path: string; label: string }[];
    if (inp.type === 'continuous') {
      const [lo, hi] = inp.distribution as [number, number];
      // The bounds, and a value between them that is not a round number (an argument that takes
      // only integers, like winmax, cannot be a continuous input).
      candidates = [
        { value: lo, path: `${base_}/distribution/0`, label: 'the lower bound' },
        { value: hi, path: `${base_}/distribution/1`, label: 'the upper bound' },
        {
          value: lo + (hi - lo) * 0.5234,
          path: `${base_}/distribution`,
          label: 'a value between the bounds',
        },
      ];
    } else if (inp.noisy_weights) {
      const nw = inp.noisy_weights;
      const bad = nw.levels.filter((l) => l > fw.maxLevel);
      if (bad.length) {
        issues.push(
          sensIssue(
            `${base_}/noisy_weights/levels`,
            'sensitivity.noisy.level',
            `${describeInput(spec, i)}: noisy_weights level(s) ${bad.join(', ')} do not exist (the framework has levels 1 to ${fw.maxLevel})`,
            'levels',
          ),
        );
        return;
      }
      alternatives = noisyWeights(fw, nw, seed, i);
      candidates = alternatives.map((value, a) => ({
        value,
        path: `${base_}/noisy_weights`,
        label: `noisy weight set ${a + 1}`,
      }));
    } else {
      alternatives = inp.distribution as unknown[];
      candidates = alternatives.map((value, a) => ({
        value,
        path: `${base_}/distribution/${a}`,
        label: `alternative ${a + 1}`,
      }));
    }
    const step = checkInput(base, spec, i, inp.address, candidates, issues);
    if (step < 0) return;
    const m = /^\/steps\/\d+(\/.*)?$/.exec(inp.address);
    inputs.push({
      name: inp.name,
      address: inp.address,
      step,
      stepPointer: m?.[1] ?? '',
      kind: inp.type === 'continuous' ? 'continuous' : 'discrete',
      alternatives,
      ...(inp.type === 'continuous' ? { bounds: inp.distribution as [number, number] } : {}),
    });
  });
  if (issues.length) throw new SensitivitySpecError(issues);

  const d = inputs.length;
  const N = spec.N;
  const type = spec.type as AnalysisType;
  const runs = type === 'UA' ? N : N * (d + 2);
  if (runs > 50_000_000)
    throw new SensitivitySpecError([
      sensIssue('/N', 'sensitivity.n.large', `N = ${N} gives ${runs} runs; the limit is 50,000,000`, 'N'),
    ]);
  const values = designValues(type, N, inputs, seed);
  const plan: SensitivityPlan = {
    type,
    N,
    d,
    runs,
    statRuns: type === 'UA' ? N : 2 * N,
    seed,
    ...(spec.Nboot !== undefined ? { Nboot: spec.Nboot } : {}),
    target: { dset, iCode: spec.target.iCode, timeIndex, step: targetStep },
    inputs,
    values,
    order: new Int32Array(0),
  };
  plan.order = evaluationOrder(plan);
  return plan;
};

/** Uniform sample → per-row values: alternative indices via R's cut(), or scaled uniforms. */
const designValues = (type: AnalysisType, N: number, inputs: PlannedInput[], seed: number): Float64Array => {
  const d = inputs.length;
  const width = type === 'UA' ? d : 2 * d;
  const u = baseSample(N, width, seed);
  const rows = type === 'UA' ? N : 2 * N;
  const values = new Float64Array(rows * d);
  inputs.forEach((inp, i) => {
    // The column of input i over all design rows; in SA the AB rows repeat A and B values, so the
    // column's range (which R's cut() uses) is the range over A and B.
    const col = new Float64Array(rows);
    for (let r = 0; r < N; r++) {
      col[r] = u[r * width + i] as number;
      if (type === 'SA') col[N + r] = u[r * width + d + i] as number;
    }
    if (inp.kind === 'continuous') {
      const [lo, hi] = inp.bounds as [number, number];
      for (let r = 0; r < rows; r++) values[r * d + i] = scaleUniform(col[r] as number, lo, hi);
    } else {
      const codes = cutIndices(col, inp.alternatives.length);
      for (let r = 0; r < rows; r++) values[r * d + i] = codes[r] as number;
    }
  });
  return values;
};

/**
 * Runs sorted by their values, inputs of earlier steps first, so that consecutive runs agree on
 * the longest possible prefix of the pipeline and can re-run from the first step that differs.
 * Only the order of evaluation changes: every run's result is stored under its own index.
 */
const evaluationOrder = (plan: SensitivityPlan): Int32Array => {
  const keys = plan.inputs
    .map((inp, i) => ({ i, step: inp.step }))
    .sort((a, b) => a.step - b.step || a.i - b.i);
  const idx = Array.from({ length: plan.runs }, (_, r) => r);
  idx.sort((a, b) => {
    for (const { i } of keys) {
      const c = valueOf(plan, a, i) - valueOf(plan, b, i);
      if (c !== 0) return c;
    }
    return a - b;
  });
  return Int32Array.from(idx);
};
