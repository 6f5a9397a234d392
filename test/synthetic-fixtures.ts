// Shared inputs for the synthetic-sample unit tests: the repository's own region table and province
// facts (data/regions, shipped with the code) and a stub point sampler, so these tests need neither
// ../shared/data nor boundary files.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PointIn } from '../src/services/synthetic/generate-spaces.js';
import type { RegionRow } from '../src/services/synthetic/places.js';
import type { ProvinceFacts } from '../src/services/synthetic/plan.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const readJson = <T>(rel: string): T => JSON.parse(readFileSync(resolve(root, rel), 'utf8')) as T;

export const repoRegions = (): RegionRow[] =>
  readJson<{ regions: RegionRow[] }>('data/regions/cn-regions.json').regions;
export const repoProvinces = (): ProvinceFacts[] =>
  readJson<{ provinces: ProvinceFacts[] }>('data/regions/cn-provinces.json').provinces;

/** A stub that answers for every code: a point in a 1° box named by the code's digits, recording the calls. */
export const stubPointIn =
  (calls?: string[]): PointIn =>
  (code, rng) => {
    calls?.push(code);
    const a = Number(code.slice(0, 2));
    const b = Number(code.slice(2, 4));
    return [100 + a / 10 + rng.next() * 0.05, 20 + b / 10 + rng.next() * 0.05];
  };
