// TOPSIS as an aggregation step of a real pipeline: the ASEM example with the index scored by
// a_topsis over its two sub-indices instead of the arithmetic mean.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { compilePipeline, stagesOf, type RunState } from '../src/engine/pipeline/index.js';
import { topsis } from '../src/engine/topsis.js';
import type { Framework } from '../src/engine/types.js';
import { readCoinrFiles } from '../src/io/coinr-tables.js';
import { ASEM, readDataset } from './engine-diagnostics-fixtures.js';
import { describeShared, sharedData } from './shared-data.js';

describeShared(ASEM, 'a_topsis in a pipeline (ASEM example)', () => {
  it('scores the index by TOPSIS of Conn and Sust, leaving the lower levels as COINr built them', async () => {
    const tables = await readCoinrFiles(
      sharedData(`${ASEM}/inputs/ASEM_iData.csv`),
      sharedData(`${ASEM}/inputs/ASEM_iMeta.csv`),
    );
    const spec = JSON.parse(readFileSync(sharedData(`${ASEM}/example_pipeline.json`), 'utf8')) as {
      steps: Record<string, unknown>[];
    };
    const steps = spec.steps.map((s) =>
      s.step === 'Aggregate'
        ? {
            ...s,
            f_ag: ['a_amean', 'a_amean', 'a_topsis'],
            f_ag_para: [null, null, { form: 'weighted-distance' }],
          }
        : s,
    );
    const run = compilePipeline({ steps }, tables.framework as Framework).run(tables.state as RunState);
    const ours = stagesOf(run).Aggregated;
    if (!ours) throw new Error('no Aggregated data set');
    const coinr = readDataset('example_coin/Aggregated.csv');
    const col = (ds: typeof coinr, c: string) => ds.cols[ds.iCodes.indexOf(c)] as Float64Array;
    for (const c of ['Conn', 'Sust']) {
      col(ours, c).forEach((v, i) =>
        expect(Math.abs(v - (col(coinr, c)[i] as number))).toBeLessThanOrEqual(1e-9),
      );
    }
    const expected = topsis([col(coinr, 'Conn'), col(coinr, 'Sust')], [1, 1], {
      form: 'weighted-distance',
    }).closeness;
    col(ours, 'Index').forEach((v, i) => expect(v).toBeCloseTo((expected[i] as number) * 100, 9));
  });
});
