// China's administrative divisions (GB/T 2260 six-digit codes) over the table in data/regions/cn-regions.json.
// Pure: the table is passed in (src/io/geo-data.ts loads it), so the web can load it its own way.
import { Type, type Static } from 'typebox';
import { Nullable } from './schema-helpers.js';
import type { Locale } from './countries.js';

export const REGION_LEVELS = ['province', 'prefecture', 'county'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

const Code = Type.String({ pattern: '^\\d{6}$', description: 'GB/T 2260 six-digit code' });

export const RegionRow = Type.Object(
  {
    code: Code,
    nameZh: Type.String({ minLength: 1 }),
    nameEn: Type.Optional(Type.String({ minLength: 1 })),
    level: Type.Enum(REGION_LEVELS),
    parent: Nullable(Code),
  },
  { additionalProperties: false },
);
export type RegionRow = Static<typeof RegionRow>;

/** data/regions/cn-regions.json */
export const RegionTable = Type.Object({
  vintage: Type.String({ description: 'date of the code list, e.g. 2023-06-30' }),
  source: Type.String(),
  notes: Type.Optional(Type.Array(Type.String())),
  regions: Type.Array(RegionRow),
});
export type RegionTable = Static<typeof RegionTable>;

const LonLat = Type.Tuple([Type.Number(), Type.Number()]);

/** data/regions/cn-provinces.json: facts per province-level unit. */
export const ProvinceFacts = Type.Object({
  vintage: Type.String(),
  sources: Type.Record(Type.String(), Type.String()),
  provinces: Type.Array(
    Type.Object({
      code: Code,
      nameZh: Type.String(),
      nameEn: Type.String(),
      population2020: Nullable(Type.Integer({ minimum: 0 })),
      gdp2020: Nullable(Type.Number({ minimum: 0, description: '亿元 (100 million CNY)' })),
      centroid: LonLat,
      capital: Nullable(
        Type.Object({
          code: Code,
          nameZh: Type.String(),
          nameEn: Type.Optional(Type.String()),
          coordinates: LonLat,
        }),
      ),
    }),
  ),
});
export type ProvinceFacts = Static<typeof ProvinceFacts>;

/** The province-level code a code falls under by its digits (440305 → 440000), whether or not it exists. */
export const provinceCodeOf = (code: string): string => `${code.slice(0, 2)}0000`;

/** Province-level units outside the mainland: 710000 台湾, 810000 香港, 820000 澳门. */
export const NON_MAINLAND_PROVINCES: Readonly<Record<string, string>> = {
  '710000': 'TW',
  '810000': 'HK',
  '820000': 'MO',
};

export interface RegionIndex {
  readonly vintage: string;
  readonly regions: readonly RegionRow[];
  regionByCode(code: string): RegionRow | undefined;
  /** True when the code is in the table (shape alone is not enough: 440399 is six digits but no unit). */
  isValidRegionCode(code: string): boolean;
  /** The province-level unit holding the code (itself for a province). */
  provinceOf(code: string): RegionRow | undefined;
  /**
   * The prefecture-level unit holding the code (itself for a prefecture). Counties directly under a province
   * (济源市 419001, 仙桃市 429004, …) have no prefecture and act as their own; a province has none.
   */
  prefectureOf(code: string): RegionRow | undefined;
  /** Display name; English falls back to Chinese where the table has no English name (counties). */
  regionName(code: string, locale?: Locale): string | undefined;
  /** Units directly under a code, in code order; `null` gives the provinces. */
  childrenOf(code: string | null): readonly RegionRow[];
  /** Code path from province down: 440305 → [440000, 440300, 440305]. */
  ancestry(code: string): readonly RegionRow[];
}

export const indexRegions = (table: RegionTable): RegionIndex => {
  const byCode = new Map<string, RegionRow>();
  const children = new Map<string | null, RegionRow[]>();
  for (const r of table.regions) {
    byCode.set(r.code, r);
    const list = children.get(r.parent) ?? [];
    list.push(r);
    children.set(r.parent, list);
  }
  for (const list of children.values()) list.sort((a, b) => a.code.localeCompare(b.code));

  const ancestry = (code: string): RegionRow[] => {
    const out: RegionRow[] = [];
    // Bounded walk: a table with a parent cycle must not hang the caller.
    for (
      let r = byCode.get(code);
      r && out.length < 4;
      r = r.parent === null ? undefined : byCode.get(r.parent)
    ) {
      out.unshift(r);
    }
    return out;
  };

  return {
    vintage: table.vintage,
    regions: table.regions,
    regionByCode: (code) => byCode.get(code),
    isValidRegionCode: (code) => byCode.has(code),
    provinceOf: (code) => {
      const first = ancestry(code)[0];
      return first?.level === 'province' ? first : undefined;
    },
    prefectureOf: (code) => {
      const path = ancestry(code);
      return path.find((r) => r.level === 'prefecture') ?? (path.length === 2 ? path[1] : undefined);
    },
    regionName: (code, locale = 'zh') => {
      const r = byCode.get(code);
      if (!r) return undefined;
      return locale === 'en' ? (r.nameEn ?? r.nameZh) : r.nameZh;
    },
    childrenOf: (code) => children.get(code) ?? [],
    ancestry,
  };
};
