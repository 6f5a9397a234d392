/**
 * Builds the boundary assets under data/boundaries (see its README for sources and licences):
 *   cn-provinces.geojson    34 province-level units, property `code` = GB/T 2260 six-digit code
 *   cn-prefectures.geojson  prefecture-level units (and counties directly under a province), same `code`
 *   world-countries.geojson Natural Earth 1:50m countries, property `iso2` = ISO 3166-1 alpha-2
 *
 * Run: `npx tsx scripts/gen-boundaries.ts` (then `npm run gen:regions` for the province facts).
 * Simplification is topology-preserving (topojson-simplify), so neighbouring units keep shared borders
 * without gaps or overlaps; the validator adds a border tolerance on top (src/io/geo-data.ts).
 */
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { topology } from 'topojson-server';
import { presimplify, simplify, sphericalTriangleArea } from 'topojson-simplify';
import { feature, merge } from 'topojson-client';
import countries from 'i18n-iso-countries';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import type { GeometryCollection, Objects, Topology } from 'topojson-specification';

const require = createRequire(import.meta.url);
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = resolve(root, 'data/boundaries');
const echartsDir = resolve(dirname(require.resolve('echarts4/package.json')), 'map/json');
const worldDir = dirname(require.resolve('world-atlas/package.json'));
const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));

type Area = Polygon | MultiPolygon;
interface EchartsFeature {
  id?: string;
  properties: { name: string; cp?: [number, number] };
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown[]; encodeOffsets?: unknown[] };
}
interface EchartsMap {
  UTF8Encoding?: boolean;
  UTF8Scale?: number;
  features: EchartsFeature[];
}

/**
 * ECharts 4 "UTF8Encoding": each ring is a string of character pairs; a character's code minus 64 is a
 * zigzag-encoded delta (x then y) from the previous point, starting at the ring's encodeOffsets pair; the
 * integers are coordinates times UTF8Scale (default 1024).
 */
const decodeRing = (encoded: string, offset: readonly number[], scale: number): Position[] => {
  let x = offset[0] ?? 0;
  let y = offset[1] ?? 0;
  const ring: Position[] = [];
  for (let i = 0; i + 1 < encoded.length; i += 2) {
    const dx = encoded.charCodeAt(i) - 64;
    const dy = encoded.charCodeAt(i + 1) - 64;
    x += (dx >> 1) ^ -(dx & 1);
    y += (dy >> 1) ^ -(dy & 1);
    ring.push([x / scale, y / scale]);
  }
  return ring;
};

/** GeoJSON wants closed rings of at least four positions; ECharts rings are open. */
const closeRing = (ring: Position[]): Position[] | undefined => {
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (!first || !last) return undefined;
  const closed = first[0] === last[0] && first[1] === last[1] ? ring : [...ring, first];
  return closed.length >= 4 ? closed : undefined;
};

const decodeGeometry = (map: EchartsMap, f: EchartsFeature): Position[][][] => {
  const scale = map.UTF8Scale ?? 1024;
  const polygon = (rings: unknown[], offsets: unknown[] | undefined): Position[][] =>
    rings
      .map((ring, i) =>
        map.UTF8Encoding
          ? decodeRing(ring as string, (offsets?.[i] ?? [0, 0]) as number[], scale)
          : (ring as Position[]),
      )
      .map(closeRing)
      .filter((r): r is Position[] => r !== undefined);
  const { type, coordinates, encodeOffsets } = f.geometry;
  const polys =
    type === 'Polygon'
      ? [polygon(coordinates, encodeOffsets)]
      : coordinates.map((p, i) => polygon(p as unknown[], encodeOffsets?.[i] as unknown[] | undefined));
  return polys.filter((p) => p.length > 0);
};

/**
 * ECharts 4.9 map data predates a few changes in the 2023 code list. Each old code maps to the unit that now
 * holds its territory: 莱芜市 merged into 济南市 (2019); 梁平县/武隆县 became districts (2016);
 * 哈密地区 and 那曲地区 became prefecture-level cities with new codes (2016, 2017).
 */
const RENAMED: Record<string, string> = {
  '371200': '370100',
  '500228': '500155',
  '500232': '500156',
  '652200': '650500',
  '542400': '540600',
};
const MUNICIPALITIES = new Set(['11', '12', '31', '50']);
const UNCODED: Record<string, string> = { 山南市: '540500' };

/** The prefecture-level unit a province-file feature belongs to; undefined for units we do not map. */
const prefectureCode = (id: string): string | undefined => {
  const code = RENAMED[id] ?? id;
  const prov = code.slice(0, 2);
  if (prov === '81' || prov === '82') return undefined; // HK/MO districts: no prefecture level in GB/T 2260
  // Municipality files list districts: they make up the 市辖区 unit (xx0100), or 500200 for Chongqing's counties.
  if (MUNICIPALITIES.has(prov)) return `${code.slice(0, 4)}00`;
  return code;
};

type Props = { code: string; nameZh: string; cp?: [number, number] };
const collect = (
  polysByCode: Map<string, { props: Props; polys: Position[][][] }>,
): FeatureCollection<Area, Props> => ({
  type: 'FeatureCollection',
  features: [...polysByCode.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([, { props, polys }]) => ({
      type: 'Feature',
      properties: props,
      geometry: { type: 'MultiPolygon', coordinates: polys },
    })),
});

const provinceMap = readJson(resolve(echartsDir, 'china.json')) as EchartsMap;
const provinces = new Map<string, { props: Props; polys: Position[][][] }>();
for (const f of provinceMap.features) {
  if (!f.id || !/^\d{6}$/.test(f.id))
    throw new Error(`china.json feature without a six-digit id: ${f.properties.name}`);
  const props: Props = { code: f.id, nameZh: f.properties.name };
  if (f.properties.cp) props.cp = f.properties.cp;
  provinces.set(f.id, { props, polys: decodeGeometry(provinceMap, f) });
}

/**
 * Hong Kong and Macao are a few pixels in china.json (its Macao outline misses the peninsula); their own
 * files draw them by district. Dissolve the districts into one outline (topojson `merge` joins polygons that
 * share arcs) and use it instead.
 */
for (const [code, file] of [
  ['810000', 'xianggang.json'],
  ['820000', 'aomen.json'],
] as const) {
  const map = readJson(resolve(echartsDir, 'province', file)) as EchartsMap;
  const districts: FeatureCollection<MultiPolygon> = {
    type: 'FeatureCollection',
    features: map.features.map((f) => ({
      type: 'Feature',
      properties: {},
      geometry: { type: 'MultiPolygon', coordinates: decodeGeometry(map, f) },
    })),
  };
  const topo = topology({ districts }, 1e6) as Topology<Objects<Record<string, unknown>>>;
  const layer = topo.objects.districts as GeometryCollection | undefined;
  const entry = provinces.get(code);
  if (!layer || !entry) throw new Error(`cannot rebuild ${code} from ${file}`);
  entry.polys = merge(topo, layer.geometries as Parameters<typeof merge>[1]).coordinates as Position[][][];
}

const prefectures = new Map<string, { props: Props; polys: Position[][][] }>();
for (const file of readdirSync(resolve(echartsDir, 'province')).sort()) {
  const map = readJson(resolve(echartsDir, 'province', file)) as EchartsMap;
  for (const f of map.features) {
    // taiwan.json carries Natural Earth properties and no GB/T 2260 codes; xizang.json has 山南市 twice:
    // an empty feature with its code and the real outline without one.
    const id = f.id ?? (file === 'taiwan.json' ? undefined : UNCODED[f.properties.name]);
    const code = id && prefectureCode(id);
    if (!code || f.geometry.coordinates.length === 0) continue;
    const props: Props = { code, nameZh: f.properties.name };
    if (f.properties.cp && code === id) props.cp = f.properties.cp; // the seat; merged units have none
    const entry = prefectures.get(code) ?? { props, polys: [] };
    if (MUNICIPALITIES.has(code.slice(0, 2)))
      entry.props.nameZh = provinces.get(`${code.slice(0, 2)}0000`)?.props.nameZh ?? '';
    entry.polys.push(...decodeGeometry(map, f));
    prefectures.set(code, entry);
  }
}

const round = (v: number): number => Math.round(v * 1e4) / 1e4;
/** Rounds to 1e-4 degrees (≈ 11 m) and drops the repeated points and degenerate rings that rounding leaves. */
const roundGeometry = (g: Area): MultiPolygon => {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  const out: Position[][][] = [];
  for (const poly of polys) {
    const rings: Position[][] = [];
    for (const [k, ring] of poly.entries()) {
      const r: Position[] = [];
      for (const p of ring) {
        const q = [round(p[0] ?? 0), round(p[1] ?? 0)];
        const prev = r[r.length - 1];
        if (!prev || prev[0] !== q[0] || prev[1] !== q[1]) r.push(q);
      }
      if (r.length >= 4) rings.push(r);
      else if (k === 0) break; // the outer ring collapsed: the whole polygon goes, holes included
    }
    if (rings.length > 0) out.push(rings);
  }
  return { type: 'MultiPolygon', coordinates: out };
};

/**
 * Topology-preserving Visvalingam simplification: a vertex is dropped when the triangle it forms with its
 * neighbours has a spherical area (steradians) under minWeight. 3e-8 sr ≈ 1.2 km² (a 3 km base with a
 * 0.8 km apex), which keeps borders within about a kilometre of the source, inside the validator's 8 km border
 * tolerance, and the prefecture file near 2 MB (1e-8 gives 3.4 MB, 1e-9 gives 8 MB).
 */
const simplifyCollection = <P extends Record<string, unknown>>(
  fc: FeatureCollection<Area, P>,
  minWeight: number,
): FeatureCollection<MultiPolygon, P> => {
  const topo = topology({ layer: fc }, 1e6) as Topology<Objects<Record<string, unknown>>>;
  const simple = simplify(presimplify(topo, sphericalTriangleArea), minWeight);
  const layer = simple.objects.layer;
  if (!layer) throw new Error('topology lost its layer');
  const out = feature(simple, layer) as unknown as FeatureCollection<Area, P>;
  return {
    type: 'FeatureCollection',
    features: out.features.map((f): Feature<MultiPolygon, P> => ({
      type: 'Feature',
      properties: f.properties,
      geometry: roundGeometry(f.geometry),
    })),
  };
};

const write = (name: string, fc: FeatureCollection): void => {
  mkdirSync(outDir, { recursive: true });
  // One feature per line keeps diffs local to the unit that changed.
  const body = fc.features.map((f) => JSON.stringify(f)).join(',\n');
  const text = `{"type":"FeatureCollection","features":[\n${body}\n]}\n`;
  writeFileSync(resolve(outDir, name), text);
  const points = fc.features.reduce((n, f) => n + JSON.stringify(f.geometry).split('],[').length, 0);
  console.log(
    `${name}: ${fc.features.length} features, ~${points} points, ${(text.length / 1e6).toFixed(2)} MB`,
  );
};

const minWeight = Number(process.env.MIN_WEIGHT ?? 3e-8);
// Hong Kong and Macao stay unsimplified: at 3e-8 sr the Macao peninsula would keep six points, and their
// outlines come from other files than Guangdong's anyway, so there is no shared border to keep consistent.
const SMALL_UNITS = new Set(['810000', '820000']);
const simpleProvinces = simplifyCollection(collect(provinces), minWeight);
simpleProvinces.features = simpleProvinces.features.map((f) => {
  const raw = provinces.get(f.properties.code);
  if (!SMALL_UNITS.has(f.properties.code) || !raw) return f;
  return { ...f, geometry: roundGeometry({ type: 'MultiPolygon', coordinates: raw.polys }) };
});
write('cn-provinces.geojson', simpleProvinces);
write('cn-prefectures.geojson', simplifyCollection(collect(prefectures), minWeight));

// ---- world countries: Natural Earth 1:50m via world-atlas, numeric ISO ids → alpha-2 ----
/** Natural Earth units without an ISO numeric id; those not listed (Indian Ocean Ter., Siachen Glacier) are left out. */
const UNNUMBERED: Record<string, string> = { Somaliland: 'SO', 'N. Cyprus': 'CY', Kosovo: 'XK' };
const world = readJson(resolve(worldDir, 'countries-50m.json')) as Topology<{
  countries: GeometryCollection<{ name: string }>;
}>;
const worldFc = feature(world, world.objects.countries) as FeatureCollection<Area | null, { name: string }>;
const byIso = new Map<string, { props: { iso2: string; name: string }; polys: Position[][][] }>();
for (const [i, f] of worldFc.features.entries()) {
  const id = world.objects.countries.geometries[i]?.id;
  const iso2 = id !== undefined ? countries.numericToAlpha2(id) : UNNUMBERED[f.properties.name];
  if (!iso2 || !f.geometry) {
    console.log(`world: left out ${f.properties.name} (id ${String(id)})`);
    continue;
  }
  const entry = byIso.get(iso2) ?? {
    props: { iso2, name: countries.getName(iso2, 'en', { select: 'alias' }) ?? f.properties.name },
    polys: [],
  };
  entry.polys.push(...(f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates));
  byIso.set(iso2, entry);
}
const worldOut: FeatureCollection<MultiPolygon, { iso2: string; name: string }> = {
  type: 'FeatureCollection',
  features: [...byIso.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([, { props, polys }]) => ({
      type: 'Feature',
      properties: props,
      geometry: roundGeometry({ type: 'MultiPolygon', coordinates: polys }),
    })),
};
write('world-countries.geojson', worldOut);
