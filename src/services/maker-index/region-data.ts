// The shipped region table and province populations (data/regions), checked against their schemas.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Value } from 'typebox/value';
import type { TSchema } from 'typebox';
import { indexRegions, ProvinceFacts, RegionTable, type RegionIndex } from '../../domain/regions.js';
import { defaultDataDir } from '../../io/geo-data.js';

export interface RegionData {
  regions: RegionIndex;
  /** Resident population (2020 census) by province code; provinces without a figure are absent. */
  population: ReadonlyMap<string, number>;
  /** Where the population comes from, for the release provenance. */
  populationSource: string;
}

const readChecked = <T>(schema: TSchema, file: string): T => {
  const doc: unknown = JSON.parse(readFileSync(file, 'utf8'));
  const first = Value.Errors(schema, doc)[0];
  if (first) throw new Error(`${file}: ${first.instancePath || '/'}: ${first.message}`);
  return doc as T;
};

let cached: { dir: string; data: RegionData } | undefined;

/** Loads data/regions/cn-regions.json and cn-provinces.json (memoised per folder). */
export const loadRegionData = (dir = defaultDataDir()): RegionData => {
  if (cached?.dir === dir) return cached.data;
  const table = readChecked<RegionTable>(RegionTable, join(dir, 'regions', 'cn-regions.json'));
  const facts = readChecked<ProvinceFacts>(ProvinceFacts, join(dir, 'regions', 'cn-provinces.json'));
  const population = new Map<string, number>();
  for (const p of facts.provinces) if (p.population2020 !== null) population.set(p.code, p.population2020);
  const data: RegionData = {
    regions: indexRegions(table),
    population,
    populationSource: `data/regions/cn-provinces.json (vintage ${facts.vintage}): ${facts.sources['population2020'] ?? 'population2020'}`,
  };
  cached = { dir, data };
  return data;
};
