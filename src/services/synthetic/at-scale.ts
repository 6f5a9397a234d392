// The synthetic generator for benchmarks and demos that just want "n spaces": inputs default to the
// shipped data files, and any n other than the calibrated sizes scales the national curve.
import type { SpaceInput } from '../../domain/space.js';
import { generateSynthetic, type SyntheticOptions } from './generate-spaces.js';
import { loadSyntheticInputs } from './inputs.js';

/** `generateSynthetic` with seed 1 and the shipped inputs unless given, e.g. `generateSyntheticAtScale(100_000)`. */
export const generateSyntheticAtScale = (n: number, opts: Partial<SyntheticOptions> = {}): SpaceInput[] => {
  const needsFiles = !opts.provinces || !opts.regions || !opts.pointIn;
  return generateSynthetic(n, {
    seed: 1,
    ...(needsFiles ? loadSyntheticInputs() : {}),
    ...opts,
  } as SyntheticOptions);
};
