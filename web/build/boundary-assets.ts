// Boundary layers for the map, made at build time from the shipped assets in data/boundaries: the
// world outline is simplified further (the map shows countries only as a quiet background, at
// country zoom) and coordinates are rounded, which cuts the download several times over.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FeatureCollection, Geometry } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { topology } from 'topojson-server';
import { presimplify, simplify, sphericalTriangleArea } from 'topojson-simplify';
import { feature } from 'topojson-client';
import type { Plugin } from 'vite';

/** Steradians (1e-6 sr ≈ 40 km²): coarse for the world, a quiet background at country zoom. */
const WORLD_MIN_AREA = 1e-5;

const round = (digits: number) => (key: string, value: unknown) => {
  if (typeof value === 'number' && key !== 'population') {
    const k = 10 ** digits;
    return Math.round(value * k) / k;
  }
  return value;
};

const simplifyCollection = (fc: FeatureCollection, minArea: number): FeatureCollection => {
  if (minArea <= 0) return fc;
  const topo = topology({ layer: fc }) as unknown as Topology<{ layer: GeometryCollection }>;
  const simple = simplify(presimplify(topo, sphericalTriangleArea), minArea);
  return feature(simple, simple.objects.layer) as unknown as FeatureCollection<Geometry>;
};

export interface BoundaryFile {
  /** File name under data/boundaries. */
  source: string;
  minArea: number;
  digits: number;
}

export const BOUNDARY_FILES: Record<string, BoundaryFile> = {
  'cn-provinces.geojson': { source: 'cn-provinces.geojson', minArea: 0, digits: 3 },
  'world-countries.geojson': { source: 'world-countries.geojson', minArea: WORLD_MIN_AREA, digits: 2 },
};

interface RegionRow {
  code: string;
  nameZh: string;
  nameEn?: string;
  level: string;
}

/**
 * Places a person can pick as "where" in the finder: every province and prefecture with its label
 * point (the ECharts `cp`, the seat of government) and its names. A few kilobytes instead of the
 * 2 MB prefecture outlines.
 */
export const buildPlaces = (dataDir: string, regionsFile: string): string => {
  const names = new Map(
    (JSON.parse(readFileSync(regionsFile, 'utf8')) as { regions: RegionRow[] }).regions.map((r) => [
      r.code,
      r,
    ]),
  );
  const places: {
    code: string;
    level: string;
    nameZh: string;
    nameEn: string | null;
    lon: number;
    lat: number;
  }[] = [];
  for (const file of ['cn-provinces.geojson', 'cn-prefectures.geojson']) {
    const fc = JSON.parse(readFileSync(resolve(dataDir, file), 'utf8')) as FeatureCollection;
    for (const f of fc.features) {
      const p = f.properties as { code?: string; nameZh?: string; cp?: [number, number] } | null;
      if (!p?.code || !p.cp) continue;
      const r = names.get(p.code);
      places.push({
        code: p.code,
        level: r?.level ?? (p.code.endsWith('0000') ? 'province' : 'prefecture'),
        nameZh: r?.nameZh ?? p.nameZh ?? p.code,
        nameEn: r?.nameEn ?? null,
        lon: Math.round(p.cp[0] * 1e4) / 1e4,
        lat: Math.round(p.cp[1] * 1e4) / 1e4,
      });
    }
  }
  return JSON.stringify(places);
};

export const buildBoundary = (dataDir: string, name: string): string => {
  const spec = BOUNDARY_FILES[name];
  if (!spec) throw new Error(`no boundary asset ${name}`);
  const fc = JSON.parse(readFileSync(resolve(dataDir, spec.source), 'utf8')) as FeatureCollection;
  return JSON.stringify(simplifyCollection(fc, spec.minArea), round(spec.digits));
};

const assetsOf = (dataDir: string, regionsFile: string): Record<string, () => string> => ({
  ...Object.fromEntries(
    Object.keys(BOUNDARY_FILES).map((name) => [`boundaries/${name}`, () => buildBoundary(dataDir, name)]),
  ),
  'places/cn-places.json': () => buildPlaces(dataDir, regionsFile),
});

/**
 * Emits assets/boundaries/<name> and assets/places/cn-places.json into the build (fixed names: the
 * server and other clients may link them), and serves the same from the dev server.
 */
export const boundaryAssets = (dataDir: string, regionsFile: string): Plugin => {
  const assets = assetsOf(dataDir, regionsFile);
  return {
    name: 'makeratlas-boundaries',
    generateBundle() {
      for (const [name, make] of Object.entries(assets)) {
        this.emitFile({ type: 'asset', fileName: `assets/${name}`, source: make() });
      }
    },
    configureServer(server) {
      const cache = new Map<string, string>();
      server.middlewares.use((req, res, next) => {
        const name = /^\/assets\/(boundaries\/[\w.-]+|places\/[\w.-]+)$/.exec(req.url ?? '')?.[1];
        const make = name === undefined ? undefined : assets[name];
        if (!name || !make) return next();
        let body = cache.get(name);
        if (body === undefined) cache.set(name, (body = make()));
        res.setHeader('content-type', 'application/json');
        res.end(body);
      });
    },
  };
};
