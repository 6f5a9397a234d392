// What the synthetic generator needs from the outside world, loaded from files: province GDP (the
// shared statistics CSV or the shipped data/regions/cn-provinces.json), the region table and a point
// sampler over the shipped boundaries. Kept apart from the generator so that stays free of I/O.
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { formatIssue, type InputIssue } from '../../domain/issue.js';
import { DEFAULT_FILES, defaultDataDir, loadGeoIndex, type GeoIndex } from '../../io/geo-data.js';
import type { SyntheticOptions } from './generate-spaces.js';
import type { RegionRow } from './places.js';
import type { ProvinceFacts } from './plan.js';
import { makePointSampler } from './point-sampler.js';

const CSV_COLUMNS = ['adcode', 'name_zh', 'gdp_2020_100m_cny'] as const;

/**
 * Province GDP 2020 from cn_province_stats_derived.csv (columns adcode, name_zh, gdp_2020_100m_cny;
 * an empty GDP, as for Hong Kong and Macao, becomes null). Every bad row is reported, then it throws.
 */
export const loadProvinceFactsCsv = async (file: string): Promise<ProvinceFacts[]> => {
  const text = await readFile(file, 'utf8');
  let rows: Record<string, string>[];
  try {
    rows = parse(text, { columns: true, skip_empty_lines: true, bom: true, trim: true }) as Record<
      string,
      string
    >[];
  } catch (err) {
    throw new Error(`${file}: not a readable CSV (${(err as Error).message})`);
  }
  const header = Object.keys(rows[0] ?? {});
  const missing = CSV_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length > 0) throw new Error(`${file}: row 1: missing column(s) ${missing.join(', ')}`);
  const issues: InputIssue[] = [];
  const out: ProvinceFacts[] = [];
  rows.forEach((r, i) => {
    const row = i + 2;
    const code = r['adcode'] ?? '';
    const gdpText = r['gdp_2020_100m_cny'] ?? '';
    const gdp = gdpText === '' ? null : Number(gdpText);
    if (!/^\d{2}0000$/.test(code)) {
      issues.push({
        severity: 'error',
        code: 'province.code',
        file,
        row,
        field: 'adcode',
        message: `expected a six-digit province code like 440000, found "${code}"`,
      });
    } else if (gdp !== null && !(gdp > 0 && Number.isFinite(gdp))) {
      issues.push({
        severity: 'error',
        code: 'province.gdp',
        file,
        row,
        field: 'gdp_2020_100m_cny',
        message: `expected a positive number (亿元) or nothing, found "${gdpText}"`,
      });
    } else {
      out.push({ code, nameZh: r['name_zh'] ?? code, gdp2020: gdp });
    }
  });
  if (issues.length > 0) throw new Error(issues.map(formatIssue).join('\n'));
  return out;
};

/**
 * City seats [lon, lat] by code: the label points (`cp`) of the prefecture outlines, and each province's
 * capital for its xx0100 unit (municipalities' merged units have no label point of their own).
 */
export const loadSeats = (geo: GeoIndex, prefecturesFile?: string): Map<string, [number, number]> => {
  const seats = new Map<string, [number, number]>();
  const file = prefecturesFile ?? resolve(defaultDataDir(), DEFAULT_FILES.prefectures as string);
  const fc = JSON.parse(readFileSync(file, 'utf8')) as {
    features: { properties?: { code?: unknown; cp?: unknown } }[];
  };
  for (const f of fc.features) {
    const { code, cp } = f.properties ?? {};
    if (
      typeof code === 'string' &&
      Array.isArray(cp) &&
      cp.length === 2 &&
      cp.every((x) => typeof x === 'number')
    ) {
      seats.set(code, [cp[0] as number, cp[1] as number]);
    }
  }
  for (const p of geo.provinceFacts.provinces) {
    const capitalUnit = `${p.code.slice(0, 2)}0100`;
    if (p.capital && !seats.has(capitalUnit)) seats.set(capitalUnit, p.capital.coordinates);
  }
  return seats;
};

export type SyntheticInputs = Pick<SyntheticOptions, 'provinces' | 'regions' | 'pointIn'>;

/**
 * Inputs from a GeoIndex. Use one built with `toleranceM: 0`, so that every point falls inside the
 * drawn province and prefecture outlines rather than within the validator's border tolerance.
 */
export const syntheticInputsFromGeo = (
  geo: GeoIndex,
  seats?: ReadonlyMap<string, readonly [number, number]>,
): SyntheticInputs => ({
  provinces: geo.provinceFacts.provinces,
  regions: geo.regions.regions as readonly RegionRow[],
  pointIn: makePointSampler(geo, seats ? { centres: seats } : {}),
});

/** Inputs from the shipped data/ files (province facts, region table, boundaries). */
export const loadSyntheticInputs = (): SyntheticInputs => {
  const geo = loadGeoIndex({ toleranceM: 0 });
  return syntheticInputsFromGeo(geo, loadSeats(geo));
};
