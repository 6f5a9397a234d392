// Uncertainty and sensitivity analysis benchmark on COINr's ASEM example with the inputs of COINr's
// sensitivity vignette (winmax, normalisation, 100 noisy weight sets, aggregation):
//   1. UA, N = 1,000 runs;            COINr 1.1.14 ≈ 87.7 s on this kind of machine, target ≤ 0.9 s.
//   2. SA, N = 1,000 (6,000 runs);    COINr ≈ 637 s, target ≤ 6.4 s.
// each on one thread and on all cores (calling thread + workers, and workers only), then
//   3. the same SA run by naive full re-runs (compile the edited spec, run every step), for scale;
//   4. a synthetic 2,000 × 40 index (UA, N = 400), where workers pay for their start-up.
// Wall time includes everything a caller waits for (validation, design, worker start-up). CPU time
// is the process's (all threads). Peak RSS is the process's maximum resident set.
//
//   npx tsx bench/engine-sensitivity.ts
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { frameworkOf } from '../src/engine/framework.js';
import { compilePipeline, setAtPointer, type RunState } from '../src/engine/pipeline/index.js';
import { createRng } from '../src/engine/random.js';
import { inputValue, prepareSensitivity, runSensitivitySync } from '../src/engine/sensitivity/index.js';
import type { MetaRow } from '../src/engine/types.js';
import { readCoinrFiles } from '../src/io/coinr-tables.js';
import { runSensitivity } from '../src/services/sensitivity/index.js';
import { sharedDataDir } from './lib.js';

const SHARED = sharedDataDir('coinr-asem');
const COINR_S = { UA: 87.7, SA: 637 } as const;
const TARGET_S = { UA: 0.9, SA: 6.4 } as const;

const tables = await readCoinrFiles(
  resolve(SHARED, 'inputs/ASEM_iData.csv'),
  resolve(SHARED, 'inputs/ASEM_iMeta.csv'),
);
if (!tables.framework || !tables.state) throw new Error(tables.issues.map((i) => i.message).join('\n'));
const fw = tables.framework;
const state = tables.state;
const pipelineSpec: unknown = JSON.parse(readFileSync(resolve(SHARED, 'example_pipeline.json'), 'utf8'));
const sensSpec = JSON.parse(readFileSync(resolve(SHARED, 'example_sensitivity.json'), 'utf8')) as Record<
  string,
  unknown
>;

const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;
const measure = async <T>(f: () => Promise<T> | T): Promise<{ value: T; wall: number; cpu: number }> => {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await f();
  const wall = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  return { value, wall, cpu: (c.user + c.system) / 1e6 };
};

console.log(
  `machine: ${availableParallelism()} cores, Node ${process.version}; load average ${(await import('node:os'))
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
// Warm-up (JIT), not reported.
runSensitivitySync({ framework: fw, state, pipelineSpec, sensSpec: { ...sensSpec, N: 30 } });

// Memory first, while the peak is still ours: SA N = 1,000 then N = 10,000 on one thread. Only
// ranks of the A and B runs and one number per run are kept, so the peak should barely move.
console.log(`RSS after loading and warm-up: ${mb(process.memoryUsage().rss / 1024)}`);
for (const N of [1000, 10_000]) {
  const { value, wall } = await measure(() =>
    runSensitivity({ meta: fw.meta, state, pipelineSpec, sensSpec: { ...sensSpec, N }, threads: 1 }),
  );
  console.log(
    `SA N=${N} (${value.runs} runs), 1 thread: wall ${wall.toFixed(2)} s; peak RSS ${mb(process.resourceUsage().maxRSS)}`,
  );
}

for (const type of ['UA', 'SA'] as const) {
  const spec = { ...sensSpec, type, N: 1000 };
  for (const mode of [
    { label: '1 thread', threads: 1 },
    { label: `${availableParallelism()} threads (caller + workers)`, threads: availableParallelism() },
    {
      label: `${availableParallelism()} workers only`,
      threads: availableParallelism(),
      useCallingThread: false,
    },
  ]) {
    const { value, wall, cpu } = await measure(() =>
      runSensitivity({ meta: fw.meta, state, pipelineSpec, sensSpec: spec, ...mode }),
    );
    const ok = wall <= TARGET_S[type] ? 'OK' : 'OVER TARGET';
    console.log(
      `${type} N=1000 (${value.runs} runs, ${value.failures} failed), ${mode.label}: wall ${wall.toFixed(3)} s, CPU ${cpu.toFixed(3)} s, ` +
        `${(value.runs / wall).toFixed(0)} runs/s, ${(COINR_S[type] / wall).toFixed(0)}× faster than COINr ` +
        `(${COINR_S[type]} s); target ≤ ${TARGET_S[type]} s: ${ok}`,
    );
  }
}
console.log(`peak RSS with workers: ${mb(process.resourceUsage().maxRSS)}`);

// 3. What prefix sharing saves: every run compiled and run from scratch (a sample, extrapolated).
{
  const { pipeline, states, plan } = prepareSensitivity({
    framework: fw,
    state,
    pipelineSpec,
    sensSpec: { ...sensSpec, N: 1000 },
  });
  const sample = 300;
  const { wall } = await measure(() => {
    for (let run = 0; run < sample; run++) {
      let spec: unknown = pipeline.spec;
      plan.inputs.forEach((inp, i) => (spec = setAtPointer(spec, inp.address, inputValue(plan, run, i))));
      compilePipeline(spec, fw).run(states);
    }
  });
  console.log(
    `SA N=1000 by naive full re-runs (1 thread, ${sample} runs timed): ${((wall / sample) * 1000).toFixed(3)} ms/run, ` +
      `${((wall / sample) * plan.runs).toFixed(2)} s for ${plan.runs} runs`,
  );
}

// 4. A larger index: 2,000 units × 40 indicators (8 pillars, 2 sub-indices), 5% missing.
{
  const rng = createRng(7);
  const meta: MetaRow[] = [];
  const row = (iCode: string, level: number, parent: string | null): MetaRow => ({
    iCode,
    iName: iCode,
    level,
    parent,
    direction: 1,
    weight: 1,
    type: level === 1 ? 'Indicator' : 'Aggregate',
    extra: {},
  });
  for (let p = 0; p < 8; p++) for (let k = 0; k < 5; k++) meta.push(row(`i${p}_${k}`, 1, `P${p}`));
  for (let p = 0; p < 8; p++) meta.push(row(`P${p}`, 2, p < 4 ? 'S0' : 'S1'));
  meta.push(row('S0', 3, 'Index'), row('S1', 3, 'Index'), row('Index', 4, null));
  const big = frameworkOf(meta);
  const uCodes = Array.from({ length: 2000 }, (_, i) => `U${String(i).padStart(4, '0')}`);
  const bigState: RunState = {
    data: {
      uCodes,
      iCodes: big.indicators().map((r) => r.iCode),
      cols: big
        .indicators()
        .map((_, j) =>
          Float64Array.from(uCodes, () =>
            rng.next() < 0.05
              ? NaN
              : j % 3 === 0
                ? Math.exp(1.5 * rng.nextNormal())
                : 50 + 10 * rng.nextNormal(),
          ),
        ),
    },
    units: { uCodes, uNames: uCodes, groups: {}, denominators: { uCodes, iCodes: [], cols: [] } },
  };
  const bigPipeline = {
    steps: [
      { step: 'Impute', f_i: 'i_mean' },
      { step: 'Treat', global_specs: { f1_para: { winmax: 5 } } },
      { step: 'Normalise', global_specs: { f_n: 'n_minmax', f_n_para: { l_u: [0, 100] } } },
      { step: 'Aggregate', f_ag: 'a_amean' },
    ],
  };
  const bigSpec = {
    type: 'UA',
    N: 400,
    seed: 1,
    target: { iCode: 'Index' },
    inputs: [
      {
        name: 'Winmax',
        address: '/steps/1/global_specs/f1_para/winmax',
        type: 'discrete',
        distribution: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
      },
      {
        name: 'Upper',
        address: '/steps/2/global_specs/f_n_para/l_u/1',
        type: 'continuous',
        distribution: [50, 150],
      },
      {
        name: 'Weights',
        address: '/steps/3/w',
        type: 'discrete',
        noisy_weights: { levels: [1, 2], noise_factor: [0.25, 0.25], n_rep: 50 },
      },
    ],
  };
  let first: string | undefined;
  for (const threads of [1, availableParallelism()]) {
    const { value, wall, cpu } = await measure(() =>
      runSensitivity({ meta, state: bigState, pipelineSpec: bigPipeline, sensSpec: bigSpec, threads }),
    );
    const same =
      first === undefined ? '' : JSON.stringify(value) === first ? ', same results' : ', RESULTS DIFFER';
    first ??= JSON.stringify(value);
    console.log(
      `synthetic 2,000 × 40, UA N=400 (continuous normalisation bound: every run re-normalises), ${threads} thread(s): ` +
        `wall ${wall.toFixed(2)} s, CPU ${cpu.toFixed(2)} s, ${(value.runs / wall).toFixed(1)} runs/s, ${value.failures} failed${same}`,
    );
  }
}
console.log(`peak RSS: ${mb(process.resourceUsage().maxRSS)}`);
