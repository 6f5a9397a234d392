// Diagnostics and weighting benchmark on a synthetic index of 10,000 units × 40 indicators (2%
// missing), generated from a seed, and remove_elements on COINr's ASEM example through the pipeline.
// Times are medians of several runs after warm-up, with process CPU time beside them (less disturbed
// when the machine is shared). There is no COINr figure to compare with for these functions.
//
//   npx tsx bench/engine-diagnostics.ts
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { corMatrix } from '../src/engine/diagnostics/correlation.js';
import { getStats } from '../src/engine/diagnostics/stats.js';
import { pca } from '../src/engine/diagnostics/pca.js';
import { removeElements } from '../src/engine/diagnostics/remove-elements.js';
import { compilePipeline, stagesOf, type RunState } from '../src/engine/pipeline/index.js';
import { createRng } from '../src/engine/random.js';
import { topsis } from '../src/engine/topsis.js';
import type { Dataset, Framework } from '../src/engine/types.js';
import { entropyWeights } from '../src/engine/weights/entropy.js';
import { originalWeights, toWeightMap } from '../src/engine/weights/weight-set.js';
import { readCoinrFiles } from '../src/io/coinr-tables.js';
import { sharedDataDir } from './lib.js';

const SHARED = sharedDataDir('coinr-asem');

const time = (label: string, f: () => void, runs = 5): void => {
  f();
  const wall: number[] = [];
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f();
    wall.push(performance.now() - t0);
  }
  const cpu = process.cpuUsage(cpu0);
  wall.sort((a, b) => a - b);
  const median = wall[Math.floor(runs / 2)] as number;
  console.log(
    `${label.padEnd(44)} ${median.toFixed(1).padStart(8)} ms   cpu ${((cpu.user + cpu.system) / 1000 / runs).toFixed(1)} ms`,
  );
};

const rng = createRng(42);
const n = 10_000;
const m = 40;
const cols = Array.from({ length: m }, () =>
  Float64Array.from({ length: n }, () => (rng.next() < 0.02 ? Number.NaN : rng.next() * 100)),
);
const full = cols.map((c) => c.map((v) => (Number.isNaN(v) ? 50 : v)));
const iCodes = cols.map((_, j) => `I${j}`);
const data: Dataset = { uCodes: Array.from({ length: n }, (_, i) => `U${i}`), iCodes, cols };

console.log(`synthetic ${n} units × ${m} indicators`);
time('get_stats', () => getStats(data));
time('correlation matrix, Pearson (2% missing)', () => corMatrix(cols, cols, 'pearson'));
time('correlation matrix, Spearman (2% missing)', () => corMatrix(cols, cols, 'spearman'));
time('correlation matrix, Spearman (complete)', () => corMatrix(full, full, 'spearman'));
time('correlation matrix, Kendall (complete)', () => corMatrix(full, full, 'kendall'), 1);
time('PCA (prcomp, scaled)', () => pca(iCodes, full));
time('entropy weights', () => entropyWeights({ ...data, cols: full }));
time('TOPSIS, euclidean', () => topsis(full, new Array<number>(m).fill(1)));

if (existsSync(SHARED)) {
  const tables = await readCoinrFiles(
    resolve(SHARED, 'inputs/ASEM_iData.csv'),
    resolve(SHARED, 'inputs/ASEM_iMeta.csv'),
  );
  const fw = tables.framework as Framework;
  const input = tables.state as RunState;
  const spec = JSON.parse(readFileSync(resolve(SHARED, 'example_pipeline.json'), 'utf8')) as {
    steps: { step: string }[];
  };
  const agg = spec.steps.findIndex((s) => s.step === 'Aggregate');
  const pipeline = compilePipeline(spec, fw);
  const run = pipeline.run(input);
  const nominal = stagesOf(run).Aggregated as Dataset;
  console.log('ASEM example (51 units × 49 indicators)');
  time('remove_elements, level 2 (8 rebuilds from Aggregate)', () =>
    removeElements({
      weights: originalWeights(fw),
      level: 2,
      maxLevel: fw.maxLevel,
      nominal,
      iCode: 'Index',
      rerun: (w) =>
        stagesOf(
          pipeline
            .withStep(agg, { step: 'Aggregate', f_ag: 'a_amean', w: toWeightMap(w) })
            .run(input, { from: agg, previous: run }),
        ).Aggregated as Dataset,
    }),
  );
}
