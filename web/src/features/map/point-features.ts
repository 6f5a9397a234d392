// Kept points as GeoJSON for the map source: only what the layers style by (type, synthetic flag)
// and the point's index, which leads back to the columns for everything else.
import type { MapPoints } from '../../../../src/domain/map-points.js';
import type { PointCollection } from './map-controller.js';

export const pointFeatures = (p: MapPoints, kept: readonly number[]): PointCollection => ({
  type: 'FeatureCollection',
  features: kept.map((i) => ({
    type: 'Feature',
    id: i,
    geometry: { type: 'Point', coordinates: [p.lon[i] as number, p.lat[i] as number] },
    properties: { i, t: p.dict.type[p.type[i] as number] ?? 'other', s: p.synthetic[i] === 1 ? 1 : 0 },
  })),
});

/** Indexes of kept points inside [west, south, east, north]. */
export const inBounds = (
  p: MapPoints,
  kept: readonly number[],
  [w, s, e, n]: readonly [number, number, number, number],
): number[] => {
  const out: number[] = [];
  for (const i of kept) {
    const lon = p.lon[i] as number;
    const lat = p.lat[i] as number;
    if (lat >= s && lat <= n && (w <= e ? lon >= w && lon <= e : lon >= w || lon <= e)) out.push(i);
  }
  return out;
};
