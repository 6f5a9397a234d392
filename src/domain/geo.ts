// Pure geometry for places: distances, bounding boxes and a prepared point-in-area index.
// Coordinates follow GeoJSON order [lon, lat] inside geometries; function arguments say (lat, lon) explicitly.
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { MultiPolygon, Polygon, Position } from 'geojson';

/** Mean Earth radius (IUGG), metres. */
export const EARTH_RADIUS_M = 6_371_008.8;
const RAD = Math.PI / 180;

/** Great-circle distance in metres between two points given in degrees. */
export const haversineMetres = (lat1: number, lon1: number, lat2: number, lon2: number): number => {
  const dLat = (lat2 - lat1) * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
};

/** [minLon, minLat, maxLon, maxLat], as in GeoJSON. */
export type BBox = [number, number, number, number];

export const isValidLatLon = (lat: number, lon: number): boolean =>
  Number.isFinite(lat) && Number.isFinite(lon) && lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180;

export const bboxOfPositions = (positions: Iterable<Position>, into?: BBox): BBox => {
  const b: BBox = into ?? [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x = NaN, y = NaN] of positions) {
    if (x < b[0]) b[0] = x;
    if (y < b[1]) b[1] = y;
    if (x > b[2]) b[2] = x;
    if (y > b[3]) b[3] = y;
  }
  return b;
};

export const bboxOfGeometry = (g: Polygon | MultiPolygon): BBox => {
  const b: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  for (const poly of polys) bboxOfPositions(poly[0] ?? [], b);
  return b;
};

export const bboxUnion = (a: BBox, b: BBox): BBox => [
  Math.min(a[0], b[0]),
  Math.min(a[1], b[1]),
  Math.max(a[2], b[2]),
  Math.max(a[3], b[3]),
];

export const bboxContains = (b: BBox, lat: number, lon: number): boolean =>
  lon >= b[0] && lon <= b[2] && lat >= b[1] && lat <= b[3];

/** Grows a box by `metres` on every side (longitude scaled at the box's widest latitude; poles clamp). */
export const bboxExpand = (b: BBox, metres: number): BBox => {
  const dLat = metres / (EARTH_RADIUS_M * RAD);
  const maxAbsLat = Math.min(89, Math.max(Math.abs(b[1]), Math.abs(b[3])) + dLat);
  const dLon = dLat / Math.cos(maxAbsLat * RAD);
  return [
    Math.max(-180, b[0] - dLon),
    Math.max(-90, b[1] - dLat),
    Math.min(180, b[2] + dLon),
    Math.min(90, b[3] + dLat),
  ];
};

/**
 * Metres from a point to the segment a–b, on a local equirectangular plane centred at the point. Exact enough
 * for the few kilometres a border tolerance spans (error well under 1 % below 100 km).
 */
export const pointSegmentMetres = (lat: number, lon: number, a: Position, b: Position): number => {
  const k = Math.cos(lat * RAD) * RAD * EARTH_RADIUS_M;
  const m = RAD * EARTH_RADIUS_M;
  const ax = ((a[0] ?? 0) - lon) * k;
  const ay = ((a[1] ?? 0) - lat) * m;
  const bx = ((b[0] ?? 0) - lon) * k;
  const by = ((b[1] ?? 0) - lat) * m;
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
  return Math.hypot(ax + t * dx, ay + t * dy);
};

/** An area to index: a key (ISO code, GB/T 2260 code…) and its outline. */
export interface AreaFeature {
  key: string;
  geometry: Polygon | MultiPolygon;
}

export interface AreaIndex {
  readonly keys: readonly string[];
  has(key: string): boolean;
  bboxOf(key: string): BBox | undefined;
  /** Every area whose outline holds the point (more than one only where outlines overlap). */
  keysAt(lat: number, lon: number): string[];
  /** The area holding the point; failing that, the nearest within `toleranceM` metres of its border. */
  keyAt(lat: number, lon: number, toleranceM?: number): string | undefined;
  /** True when the point is inside the area or within `toleranceM` metres of its border. */
  contains(key: string, lat: number, lon: number, toleranceM?: number): boolean;
  /** 0 inside; metres to the border when outside and nearer than `limitM`; Infinity beyond (or unknown key). */
  distanceTo(key: string, lat: number, lon: number, limitM: number): number;
}

interface Part {
  key: string;
  bbox: BBox;
  polygon: Polygon;
  /** Fine cells that an edge's box touches: only there can inside/outside change within a cell. */
  edgeCells: Set<number>;
  /** Inside/outside of edge-free fine cells, computed on first use from the cell's centre. */
  cellInside: Map<number, boolean>;
}

export interface AreaIndexOptions {
  /** Coarse grid for finding candidate parts, degrees (default 1). */
  coarseDeg?: number;
  /** Fine grid on which edge-free cells are answered without a polygon test, degrees (default 0.05 ≈ 5 km). */
  fineDeg?: number;
}

/**
 * A prepared point-in-area index. Each polygon of each area is a "part" with its own box. A coarse grid maps a
 * point to the parts whose box covers its cell; a fine grid marks the cells crossed by a part's edges. A point in
 * a fine cell that no edge crosses gets that cell's cached inside/outside answer (one turf test per cell, made
 * lazily); only points in edge cells pay for a full turf test. Real points cluster in cities, so most queries
 * are a few map look-ups.
 */
export const createAreaIndex = (
  features: readonly AreaFeature[],
  options: AreaIndexOptions = {},
): AreaIndex => {
  const coarse = options.coarseDeg ?? 1;
  const fine = options.fineDeg ?? 0.05;
  const fineCols = Math.ceil(360 / fine) + 1;
  const coarseCols = Math.ceil(360 / coarse) + 1;
  const fineCell = (lon: number, lat: number): number =>
    Math.floor((lat + 90) / fine) * fineCols + Math.floor((lon + 180) / fine);
  const coarseCell = (lon: number, lat: number): number =>
    Math.floor((lat + 90) / coarse) * coarseCols + Math.floor((lon + 180) / coarse);

  const parts: Part[] = [];
  const partsByKey = new Map<string, number[]>();
  const bboxByKey = new Map<string, BBox>();
  const grid = new Map<number, number[]>();

  for (const f of features) {
    const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const rings of polys) {
      const outer = rings[0];
      if (!outer || outer.length < 4) continue;
      const bbox = bboxOfPositions(outer);
      const edgeCells = new Set<number>();
      for (const ring of rings) {
        for (let i = 0; i + 1 < ring.length; i++) {
          const [x0 = 0, y0 = 0] = ring[i] ?? [];
          const [x1 = 0, y1 = 0] = ring[i + 1] ?? [];
          const c0 = Math.floor((Math.min(x0, x1) + 180) / fine);
          const c1 = Math.floor((Math.max(x0, x1) + 180) / fine);
          const r0 = Math.floor((Math.min(y0, y1) + 90) / fine);
          const r1 = Math.floor((Math.max(y0, y1) + 90) / fine);
          for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) edgeCells.add(r * fineCols + c);
        }
      }
      const index = parts.length;
      parts.push({
        key: f.key,
        bbox,
        polygon: { type: 'Polygon', coordinates: rings },
        edgeCells,
        cellInside: new Map(),
      });
      partsByKey.set(f.key, [...(partsByKey.get(f.key) ?? []), index]);
      bboxByKey.set(f.key, bboxUnion(bboxByKey.get(f.key) ?? bbox, bbox));
      for (let r = Math.floor((bbox[1] + 90) / coarse); r <= Math.floor((bbox[3] + 90) / coarse); r++) {
        for (let c = Math.floor((bbox[0] + 180) / coarse); c <= Math.floor((bbox[2] + 180) / coarse); c++) {
          const cell = r * coarseCols + c;
          const list = grid.get(cell);
          if (list) list.push(index);
          else grid.set(cell, [index]);
        }
      }
    }
  }

  // Where outlines from different sources overlap (Guangdong's coarse outline over Macao's finer one), the smaller
  // part wins: candidates are tried smallest box first.
  const boxArea = (i: number): number => {
    const b = parts[i]?.bbox;
    return b ? (b[2] - b[0]) * (b[3] - b[1]) : Infinity;
  };
  for (const list of grid.values()) list.sort((a, b) => boxArea(a) - boxArea(b));

  const partContains = (p: Part, lat: number, lon: number): boolean => {
    if (!bboxContains(p.bbox, lat, lon)) return false;
    const cell = fineCell(lon, lat);
    if (p.edgeCells.has(cell)) return booleanPointInPolygon([lon, lat], p.polygon);
    let inside = p.cellInside.get(cell);
    if (inside === undefined) {
      const cx = (cell % fineCols) * fine - 180 + fine / 2;
      const cy = Math.floor(cell / fineCols) * fine - 90 + fine / 2;
      inside = booleanPointInPolygon([cx, cy], p.polygon);
      p.cellInside.set(cell, inside);
    }
    return inside;
  };

  /** Query box of a point grown by `limitM`, with the scale factors for metres on a local plane. */
  interface Probe {
    lat: number;
    lon: number;
    limitM: number;
    box: BBox;
    /** Fine-grid cell range the box covers. */
    c0: number;
    c1: number;
    r0: number;
    r1: number;
  }
  const probe = (lat: number, lon: number, limitM: number): Probe => {
    const box = bboxExpand([lon, lat, lon, lat], limitM);
    return {
      lat,
      lon,
      limitM,
      box,
      c0: Math.floor((box[0] + 180) / fine),
      c1: Math.floor((box[2] + 180) / fine),
      r0: Math.floor((box[1] + 90) / fine),
      r1: Math.floor((box[3] + 90) / fine),
    };
  };
  const overlaps = (a: BBox, b: BBox): boolean =>
    a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];

  /**
   * Metres from an outside point to the part's border when under the limit, else Infinity. A segment that passes
   * within the limit has a point inside the probe box, and that point's fine cell is an edge cell of the part, so
   * a part with no edge cell in the box is rejected without looking at a single edge.
   */
  const borderDistance = (p: Part, q: Probe): number => {
    if (!overlaps(p.bbox, q.box)) return Infinity;
    let near = false;
    for (let r = q.r0; r <= q.r1 && !near; r++) {
      for (let c = q.c0; c <= q.c1; c++) {
        if (p.edgeCells.has(r * fineCols + c)) {
          near = true;
          break;
        }
      }
    }
    if (!near) return Infinity;
    let best = Infinity;
    const [bx0, by0, bx1, by1] = q.box;
    for (const ring of p.polygon.coordinates) {
      for (let i = 0; i + 1 < ring.length; i++) {
        const a = ring[i];
        const b = ring[i + 1];
        if (!a || !b) continue;
        const ax = a[0] ?? 0,
          ay = a[1] ?? 0,
          bx = b[0] ?? 0,
          by = b[1] ?? 0;
        // Both ends beyond the same side of the probe box: the segment cannot come within the limit.
        if (
          (ax < bx0 && bx < bx0) ||
          (ax > bx1 && bx > bx1) ||
          (ay < by0 && by < by0) ||
          (ay > by1 && by > by1)
        )
          continue;
        best = Math.min(best, pointSegmentMetres(q.lat, q.lon, a, b));
      }
    }
    return best <= q.limitM ? best : Infinity;
  };

  const candidates = (lat: number, lon: number): readonly number[] => grid.get(coarseCell(lon, lat)) ?? [];

  /** Parts whose box meets the probe box (the point may lie in a neighbouring coarse cell of theirs). */
  const nearbyParts = (q: Probe): Set<number> => {
    const out = new Set<number>();
    const cr0 = Math.floor((q.box[1] + 90) / coarse);
    const cr1 = Math.floor((q.box[3] + 90) / coarse);
    const cc0 = Math.floor((q.box[0] + 180) / coarse);
    const cc1 = Math.floor((q.box[2] + 180) / coarse);
    for (let r = cr0; r <= cr1; r++) {
      for (let c = cc0; c <= cc1; c++) for (const i of grid.get(r * coarseCols + c) ?? []) out.add(i);
    }
    return out;
  };

  const containsExact = (key: string, lat: number, lon: number): boolean => {
    for (const i of candidates(lat, lon)) {
      const p = parts[i];
      if (p && p.key === key && partContains(p, lat, lon)) return true;
    }
    return false;
  };

  const distanceTo = (key: string, lat: number, lon: number, limitM: number): number => {
    if (!partsByKey.has(key)) return Infinity;
    if (containsExact(key, lat, lon)) return 0;
    if (!(limitM > 0)) return Infinity;
    const q = probe(lat, lon, limitM);
    let best = Infinity;
    for (const i of nearbyParts(q)) {
      const p = parts[i];
      if (p && p.key === key) best = Math.min(best, borderDistance(p, q));
    }
    return best;
  };

  return {
    keys: [...partsByKey.keys()],
    has: (key) => partsByKey.has(key),
    bboxOf: (key) => bboxByKey.get(key),
    keysAt: (lat, lon) => {
      const out: string[] = [];
      for (const i of candidates(lat, lon)) {
        const p = parts[i];
        if (p && !out.includes(p.key) && partContains(p, lat, lon)) out.push(p.key);
      }
      return out;
    },
    keyAt: (lat, lon, toleranceM = 0) => {
      for (const i of candidates(lat, lon)) {
        const p = parts[i];
        if (p && partContains(p, lat, lon)) return p.key;
      }
      if (!(toleranceM > 0)) return undefined;
      // Near a coast or border: the nearest area within the tolerance.
      const q = probe(lat, lon, toleranceM);
      let bestKey: string | undefined;
      let best = Infinity;
      for (const i of nearbyParts(q)) {
        const p = parts[i];
        if (!p) continue;
        const d = borderDistance(p, q);
        if (d < best) [best, bestKey] = [d, p.key];
      }
      return bestKey;
    },
    contains: (key, lat, lon, toleranceM = 0) => distanceTo(key, lat, lon, toleranceM) !== Infinity,
    distanceTo,
  };
};

/**
 * What the space validator needs from place data (implemented by `GeoIndex` in src/io/geo-data.ts; a test may
 * pass a stub). Every "is in" answer already includes the border tolerance.
 */
export interface GeoLookup {
  /** False when no outline exists for the code (small islands, codes without boundaries): skip the check. */
  hasCountry(iso2: string): boolean;
  hasRegion(code: string): boolean;
  countryAt(lat: number, lon: number): string | undefined;
  /** Six-digit province-level code. */
  provinceAt(lat: number, lon: number): string | undefined;
  isInCountry(lat: number, lon: number, iso2: string): boolean;
  isInRegion(lat: number, lon: number, code: string): boolean;
}
