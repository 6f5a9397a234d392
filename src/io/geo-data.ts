// Loads the place data shipped in data/ (region table, province facts, boundary assets) once per process and
// answers "where is this point" questions for the validator, importers and the API.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Static, TSchema } from 'typebox';
import { Value } from 'typebox/value';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { createAreaIndex, type AreaIndex, type BBox, type GeoLookup } from '../domain/geo.js';
import {
  indexRegions,
  NON_MAINLAND_PROVINCES,
  ProvinceFacts,
  provinceCodeOf,
  RegionTable,
  type RegionIndex,
} from '../domain/regions.js';

/**
 * How far outside an outline a point may lie and still count as inside it, metres. The outlines are simplified
 * (Natural Earth 1:50m; ECharts data plus our simplification, about 1 km) and geocoders put coastal places on
 * piers, reclaimed land and islands the outlines leave out, so an exact test would reject real records in
 * Xiamen, Hong Kong or Shanghai. 8 km absorbs that while a Beijing point claiming Guangdong, or swapped lat/lon,
 * stays hundreds of kilometres out.
 */
export const DEFAULT_BORDER_TOLERANCE_M = 8_000;

export interface GeoDataFiles {
  regions: string;
  provinceFacts: string;
  countries: string;
  provinces: string;
  /** Optional: without it `prefectureAt` answers undefined and prefecture checks fall back to the province. */
  prefectures?: string;
}

export const DEFAULT_FILES: GeoDataFiles = {
  regions: 'regions/cn-regions.json',
  provinceFacts: 'regions/cn-provinces.json',
  countries: 'boundaries/world-countries.geojson',
  provinces: 'boundaries/cn-provinces.geojson',
  prefectures: 'boundaries/cn-prefectures.geojson',
};

export interface GeoDataOptions {
  /** Folder the file paths are relative to; default: the repository's data/ folder. */
  dir?: string;
  /** Swap any asset, e.g. approved boundaries for public use in China (see data/boundaries/README.md). */
  files?: Partial<GeoDataFiles>;
  toleranceM?: number;
}

/** The data/ folder beside src/ (or dist/src/ after a build): found by walking up from this module. */
export const defaultDataDir = (): string => {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(resolve(dir, 'data', DEFAULT_FILES.regions))) return resolve(dir, 'data');
    dir = dirname(dir);
  }
  throw new Error(`no data/${DEFAULT_FILES.regions} found above ${fileURLToPath(import.meta.url)}`);
};

const readJson = (file: string): unknown => {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new Error(`cannot read ${file}: ${(e as Error).message}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new Error(`${file} is not valid JSON: ${(e as Error).message}`);
  }
};

const checked = <S extends TSchema>(schema: S, value: unknown, file: string): Static<S> => {
  if (Value.Check(schema, value)) return value as Static<S>;
  const first = [...Value.Errors(schema, value)][0];
  throw new Error(
    `${file}: ${first ? `${first.instancePath || '/'}: ${first.message}` : 'does not match its schema'}`,
  );
};

/** Reads a boundary file into area features keyed by the named property; names the feature that is wrong. */
const readAreas = (file: string, keyProp: string, keyPattern: RegExp) => {
  const fc = readJson(file) as FeatureCollection<
    Polygon | MultiPolygon | null,
    Record<string, unknown> | null
  >;
  if (fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    throw new Error(`${file}: expected a GeoJSON FeatureCollection`);
  }
  return fc.features.map((f, i) => {
    const key = f.properties?.[keyProp];
    if (typeof key !== 'string' || !keyPattern.test(key)) {
      throw new Error(
        `${file}: /features/${i}/properties/${keyProp}: expected a code matching ${keyPattern}, found ${JSON.stringify(key)}`,
      );
    }
    const g = f.geometry;
    if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) {
      throw new Error(`${file}: /features/${i}/geometry: expected a Polygon or MultiPolygon`);
    }
    return { key, geometry: g };
  });
};

/** Countries that GB/T 2260 files as province-level units, and back. */
const PROVINCE_OF_COUNTRY: Record<string, string> = Object.fromEntries(
  Object.entries(NON_MAINLAND_PROVINCES).map(([code, iso2]) => [iso2, code]),
);
const countryOfProvince = (code: string): string => NON_MAINLAND_PROVINCES[code] ?? 'CN';

export class GeoIndex implements GeoLookup {
  readonly regions: RegionIndex;
  readonly provinceFacts: ProvinceFacts;
  readonly toleranceM: number;
  private readonly countries: AreaIndex;
  private readonly provinces: AreaIndex;
  private readonly prefectures: AreaIndex | undefined;

  constructor(options: GeoDataOptions = {}) {
    const dir = options.dir ?? defaultDataDir();
    const files: GeoDataFiles = { ...DEFAULT_FILES, ...options.files };
    const path = (rel: string): string => resolve(dir, rel);
    this.toleranceM = options.toleranceM ?? DEFAULT_BORDER_TOLERANCE_M;
    this.regions = loadRegionIndex(path(files.regions));
    this.provinceFacts = checked(
      ProvinceFacts,
      readJson(path(files.provinceFacts)),
      path(files.provinceFacts),
    );
    this.countries = createAreaIndex(readAreas(path(files.countries), 'iso2', /^[A-Z]{2}$/));
    this.provinces = createAreaIndex(readAreas(path(files.provinces), 'code', /^\d{6}$/));
    this.prefectures = files.prefectures
      ? createAreaIndex(readAreas(path(files.prefectures), 'code', /^\d{6}$/))
      : undefined;
  }

  hasCountry(iso2: string): boolean {
    return (
      this.countries.has(iso2) || (iso2 === 'CN' ? true : this.provinces.has(PROVINCE_OF_COUNTRY[iso2] ?? ''))
    );
  }

  hasRegion(code: string): boolean {
    return this.outlineFor(code) !== undefined;
  }

  /**
   * ISO alpha-2 of the country at the point. Inside China's outline the Chinese layer decides (it is finer there:
   * Natural Earth 1:50m puts central Shenzhen in Hong Kong); elsewhere Natural Earth. Exact hits first, then the
   * nearest outline within the tolerance.
   */
  countryAt(lat: number, lon: number): string | undefined {
    const province = this.provinces.keyAt(lat, lon);
    if (province) return countryOfProvince(province);
    const exact = this.countries.keyAt(lat, lon);
    if (exact) return exact;
    const nearProvince = this.provinces.keyAt(lat, lon, this.toleranceM);
    if (nearProvince) return countryOfProvince(nearProvince);
    return this.countries.keyAt(lat, lon, this.toleranceM);
  }

  provinceAt(lat: number, lon: number): string | undefined {
    return this.provinces.keyAt(lat, lon, this.toleranceM);
  }

  prefectureAt(lat: number, lon: number): string | undefined {
    return this.prefectures?.keyAt(lat, lon, this.toleranceM);
  }

  /** Box of a country (alpha-2) or a Chinese province or prefecture (six digits). */
  bboxOf(code: string): BBox | undefined {
    if (/^[A-Z]{2}$/.test(code))
      return this.countries.bboxOf(code) ?? this.provinces.bboxOf(PROVINCE_OF_COUNTRY[code] ?? '');
    const outline = this.outlineFor(code);
    return outline?.index.bboxOf(outline.code);
  }

  /**
   * Inside the country or within the tolerance of it. CN is the union of Natural Earth's CN and the mainland
   * provinces; HK, MO and TW also accept their province-level outline. True when no outline exists (caller
   * should check `hasCountry` to tell "unknown" from "inside").
   */
  isInCountry(lat: number, lon: number, iso2: string): boolean {
    if (!this.hasCountry(iso2)) return true;
    const tol = this.toleranceM;
    if (this.countries.contains(iso2, lat, lon, tol)) return true;
    if (iso2 === 'CN') {
      const p = this.provinces.keyAt(lat, lon, tol);
      return p !== undefined && !(p in NON_MAINLAND_PROVINCES);
    }
    const province = PROVINCE_OF_COUNTRY[iso2];
    return province !== undefined && this.provinces.contains(province, lat, lon, tol);
  }

  /**
   * Inside the region or within the tolerance. Counties have no outlines here: they are checked against their
   * prefecture (or their province when that has none). True when no outline exists (see `hasRegion`).
   */
  isInRegion(lat: number, lon: number, code: string): boolean {
    const outline = this.outlineFor(code);
    return outline ? outline.index.contains(outline.code, lat, lon, this.toleranceM) : true;
  }

  private outlineFor(code: string): { index: AreaIndex; code: string } | undefined {
    const region = this.regions.regionByCode(code);
    if (!region) return undefined;
    if (region.level === 'province')
      return this.provinces.has(code) ? { index: this.provinces, code } : undefined;
    const prefecture = this.regions.prefectureOf(code);
    if (prefecture && this.prefectures?.has(prefecture.code))
      return { index: this.prefectures, code: prefecture.code };
    const province = provinceCodeOf(code);
    return this.provinces.has(province) ? { index: this.provinces, code: province } : undefined;
  }
}

const regionCache = new Map<string, RegionIndex>();

/**
 * Just the region table (codes, names, hierarchy), without the boundaries: what a server needs to name
 * places costs a few megabytes, the outlines about ninety.
 */
export const loadRegionIndex = (
  file: string = resolve(defaultDataDir(), DEFAULT_FILES.regions),
): RegionIndex => {
  let index = regionCache.get(file);
  if (!index) {
    index = indexRegions(checked(RegionTable, readJson(file), file));
    regionCache.set(file, index);
  }
  return index;
};

const cache = new Map<string, GeoIndex>();

/** The GeoIndex for these options, built on first use (0.4–0.7 s here) and shared afterwards. */
export const loadGeoIndex = (options: GeoDataOptions = {}): GeoIndex => {
  const key = JSON.stringify([options.dir ?? null, options.files ?? null, options.toleranceM ?? null]);
  let index = cache.get(key);
  if (!index) {
    index = new GeoIndex(options);
    cache.set(key, index);
  }
  return index;
};
