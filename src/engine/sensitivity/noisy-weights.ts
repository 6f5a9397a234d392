// COINr's get_noisy_weights(): replicates of the nominal weights with uniform noise at some levels,
// used as the discrete alternatives of a weights input.
import type { Framework } from '../types.js';
import { originalWeights, toWeightMap, type WeightRow } from '../weights/weight-set.js';
import { PURPOSE, streamFor } from './design.js';
import type { NoisyWeightsSpecType } from './spec.js';

/**
 * `n_rep` weight sets, each the iMeta weights ("Original") with every weight w at a listed level
 * replaced by w + (2U − 1)·f·w (U uniform on [0, 1), f that level's noise factor), in COINr's
 * order of operations. Replicate k draws from its own stream (seed, input, k), so it does not
 * depend on how many replicates there are. Returned as `{ iCode: weight }`, the form the
 * Aggregate step's `w` accepts.
 */
export const noisyWeights = (
  fw: Framework,
  spec: NoisyWeightsSpecType,
  seed: number,
  inputIndex: number,
): Record<string, number>[] => {
  const nominal = originalWeights(fw);
  const out: Record<string, number>[] = [];
  for (let k = 0; k < spec.n_rep; k++) {
    const rng = streamFor(seed, PURPOSE.noisyWeights + inputIndex, k);
    const rep: WeightRow[] = nominal.map((w) => ({ ...w }));
    spec.levels.forEach((level, l) => {
      const f = spec.noise_factor[l] as number;
      for (const w of rep) {
        if (w.level !== level) continue;
        w.weight = w.weight + (rng.next() * 2 - 1) * f * w.weight;
      }
    });
    out.push(toWeightMap(rep));
  }
  return out;
};
