// Province facts shipped with the repository (data/regions/cn-provinces.json): names, population
// (2020 census), GDP and centroids. Nine kilobytes, bundled with the pages that need them.
import type { ProvinceFacts } from '../../../src/domain/regions.js';
import facts from '../../../data/regions/cn-provinces.json';

export type Province = ProvinceFacts['provinces'][number];

// The JSON's inferred type has number[] where the schema says [lon, lat]; the file is checked
// against the schema by the domain tests.
export const PROVINCES: readonly Province[] = (facts as unknown as ProvinceFacts).provinces;

const BY_CODE = new Map(PROVINCES.map((p) => [p.code, p]));

export const provinceByCode = (code: string): Province | undefined => BY_CODE.get(code);

export const provinceName = (code: string, en: boolean): string => {
  const p = BY_CODE.get(code);
  return p ? (en ? p.nameEn : p.nameZh) : code;
};

/** The province a GB/T 2260 code falls under (440305 → 440000). */
export const provinceOf = (code: string): string => `${code.slice(0, 2)}0000`;
