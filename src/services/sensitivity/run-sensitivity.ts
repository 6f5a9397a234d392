// Uncertainty and sensitivity analysis on worker threads (piscina). The main thread validates the
// specs and draws the design once; each worker compiles the pipeline once and then evaluates
// batches of runs sent as run indices, returning only the target's ranks. Results land in
// preallocated arrays under their run index, so they are the same for any number of threads.
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import type { WeightSets } from '../../engine/aggregate/aggregate.js';
import { frameworkOf } from '../../engine/framework.js';
import type { RunState } from '../../engine/pipeline/index.js';
import {
  batchesOf,
  createCollector,
  createEvaluator,
  prepareSensitivity,
  type BatchResult,
  type SensitivityProgress,
  type SensitivityResult,
} from '../../engine/sensitivity/index.js';
import type { MetaRow } from '../../engine/types.js';
import type { WorkerSetup } from './worker-setup.js';

export interface RunSensitivityOptions {
  /** iMeta rows (the framework is rebuilt from them in each worker). */
  meta: readonly MetaRow[];
  /** The input data: one state, or one per time point (panel data). */
  state: RunState | readonly RunState[];
  /** Pipeline spec (JSON) whose values the uncertain inputs replace. */
  pipelineSpec: unknown;
  /** Sensitivity spec (JSON): see src/engine/sensitivity/spec.ts. */
  sensSpec: unknown;
  weightSets?: WeightSets;
  /** Overrides the spec's seed. */
  seed?: number;
  /**
   * Threads that evaluate runs, the calling thread included (see useCallingThread). Default: every
   * core (os.availableParallelism()). 1 = no workers. Results do not depend on it.
   */
  threads?: number;
  /**
   * Whether the calling thread evaluates batches too, between which it yields to the event loop
   * (default true: best for the CLI). A server that must stay responsive passes false: then
   * `threads` workers do all the work.
   */
  useCallingThread?: boolean;
  /** Called after each batch with the runs finished so far. */
  onProgress?: (p: SensitivityProgress) => void;
  /** Aborts the analysis (pending batches are dropped, workers stopped). */
  signal?: AbortSignal;
}

/** Batches per thread: enough to balance the load and report progress, few enough to share prefixes. */
const BATCHES_PER_THREAD = 16;
/**
 * Start workers only when the calling thread alone would need longer than this (ms). A worker
 * needs ~0.3 s to load the engine when built (TypeBox's value module alone is ~0.26 s) and 1–3 s
 * from source under tsx; below this, it would mostly compete with the caller for the cores.
 */
const WORKER_WORTH_MS = 1000;

const workerOptions = (): { filename: string; execArgv: string[] } => {
  const here = import.meta.url;
  // Node 20.19+ lets piscina require() an ES module worker, and terminating a worker in the middle
  // of that synchronous load aborts the whole process (V8 "IsGraphAsync" fatal error, seen here
  // when a small analysis finished before its workers had started). Without require(esm) piscina
  // falls back to import(), which is safe to interrupt.
  const noRequireEsm = '--no-experimental-require-module';
  const execArgv = [
    ...process.execArgv,
    // Only where Node knows the flag (a Worker refuses unknown ones).
    ...(process.allowedNodeEnvironmentFlags.has(noRequireEsm) ? [noRequireEsm] : []),
  ];
  if (!here.endsWith('.ts')) return { filename: new URL('./worker.js', here).href, execArgv };
  // From source (tsx, vitest) the worker is TypeScript and needs tsx's loader.
  const hasLoader = process.execArgv.some((a) => a.includes('tsx'));
  const loader = pathToFileURL(createRequire(here).resolve('tsx')).href;
  return {
    filename: new URL('./worker.ts', here).href,
    execArgv: hasLoader ? execArgv : [...execArgv, '--import', loader],
  };
};

const aborted = (signal?: AbortSignal): void => {
  if (signal?.aborted)
    throw signal.reason instanceof Error ? signal.reason : new Error('sensitivity analysis aborted');
};

/**
 * Runs the analysis described by `sensSpec` and returns COINr's RankStats and (SA) sensitivity
 * indices. Throws PipelineSpecError / SensitivitySpecError (with every issue) on bad specs, before
 * any worker starts.
 */
export const runSensitivity = async (opts: RunSensitivityOptions): Promise<SensitivityResult> => {
  const framework = frameworkOf(opts.meta);
  const { pipeline, states, plan } = prepareSensitivity({
    framework,
    state: opts.state,
    pipelineSpec: opts.pipelineSpec,
    sensSpec: opts.sensSpec,
    ...(opts.weightSets ? { weightSets: opts.weightSets } : {}),
    ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
  });
  const threads = Math.max(1, Math.min(Math.floor(opts.threads ?? availableParallelism()), plan.runs));
  const useCaller = opts.useCallingThread ?? true;
  const workers = useCaller ? threads - 1 : threads;
  // The main thread evaluates the nominal run too: it needs the units and nominal ranks to collect.
  const local = createEvaluator(pipeline, states, plan);
  const collector = createCollector(plan, local.units, local.nominal);
  const size = Math.min(512, Math.max(16, Math.ceil(plan.runs / (threads * BATCHES_PER_THREAD))));
  const batches = batchesOf(plan.order, size);
  let next = 0;
  const take = (): Int32Array | undefined => batches[next++];
  let resolveDone: () => void = () => undefined;
  const allDone = new Promise<void>((resolve) => (resolveDone = resolve));
  const record = (runs: Int32Array, result: BatchResult) => {
    collector.add(runs, result);
    opts.onProgress?.({ done: collector.done, total: plan.runs });
    if (collector.done === plan.runs) resolveDone();
  };
  // The calling thread takes batches too, yielding to the event loop between them so that worker
  // results and progress keep flowing.
  const runLocal = async (runs: Int32Array): Promise<void> => {
    aborted(opts.signal);
    record(runs, local.evaluate(runs));
    await new Promise<void>((resolve) => setImmediate(resolve));
  };
  const callerLoop = async (): Promise<void> => {
    for (let runs = take(); runs; runs = take()) await runLocal(runs);
  };
  let spawn = workers > 0;
  if (spawn && useCaller) {
    // Measure one batch here and start workers only if the rest would take long enough to pay
    // for their start-up.
    const t0 = performance.now();
    const first = take();
    if (first) await runLocal(first);
    const remaining = plan.runs - collector.done;
    spawn = ((performance.now() - t0) / Math.max(1, first?.length ?? 1)) * remaining > WORKER_WORTH_MS;
  }
  if (!spawn) {
    await callerLoop();
    return collector.result();
  }

  const setup: WorkerSetup = {
    meta: opts.meta,
    states,
    pipelineSpec: opts.pipelineSpec,
    ...(opts.weightSets ? { weightSets: opts.weightSets } : {}),
    plan,
  };
  const pool = new Piscina({
    ...workerOptions(),
    workerData: setup,
    minThreads: workers,
    maxThreads: workers,
  });
  const runOptions = opts.signal ? { signal: opts.signal } : {};
  const workerLoop = async (): Promise<void> => {
    // An empty batch first: it returns once a worker has loaded and compiled the pipeline, so no
    // batch waits in the pool's queue while the caller could be running it.
    await pool.run(new Int32Array(0), runOptions);
    for (let runs = take(); runs; runs = take()) {
      // A copy, so that only this batch's indices are sent (a view would send its whole buffer).
      const own = runs.slice();
      record(own, (await pool.run(own, runOptions)) as BatchResult);
    }
  };
  const loops = Promise.all([
    ...(useCaller ? [callerLoop()] : []),
    ...Array.from({ length: workers }, workerLoop),
  ]);
  // Workers still starting when the caller has finished everything are simply stopped.
  loops.catch(() => undefined);
  try {
    aborted(opts.signal);
    await Promise.race([allDone, loops]);
  } finally {
    await pool.destroy();
  }
  return collector.result();
};
