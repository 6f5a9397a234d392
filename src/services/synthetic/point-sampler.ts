// Places synthetic spaces on the map: a point near the seat of their prefecture that lies inside both
// the prefecture and the province outline. Written against a small lookup interface so tests can
// pass a stub; in production it is src/io/geo-data.ts's GeoIndex, built with zero border tolerance
// so that "inside" means inside the drawn polygon.
import type { Rng } from '../../engine/types.js';
import type { PointIn } from './generate-spaces.js';

/** [minLon, minLat, maxLon, maxLat] */
export type Box = [number, number, number, number];

export interface PlaceLookup {
  bboxOf(code: string): Box | undefined;
  isInRegion(lat: number, lon: number, code: string): boolean;
  /** Six-digit province code at the point. */
  provinceAt(lat: number, lon: number): string | undefined;
}

export interface SamplerOptions {
  /** Seat (city centre) [lon, lat] per region code; otherwise the middle of the region's box. */
  centres?: ReadonlyMap<string, readonly [number, number]>;
  /** Spread around the centre as a share of the box size, capped at `maxSpreadDeg` (default 1/6, 0.25°). */
  spread?: number;
  maxSpreadDeg?: number;
}

const standardNormal = (rng: Rng): number => {
  let u = 0;
  while (u === 0) u = rng.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.next());
};

/**
 * A PointIn for the generator. Tries points scattered around the centre first (spaces cluster in the
 * city), then uniform points in the box; undefined when the region has no outline or nothing fits.
 */
export const makePointSampler = (geo: PlaceLookup, opts: SamplerOptions = {}): PointIn => {
  const spread = opts.spread ?? 1 / 6;
  const maxSpread = opts.maxSpreadDeg ?? 0.25;
  return (code, rng) => {
    const box = geo.bboxOf(code);
    if (!box) return undefined;
    const province = `${code.slice(0, 2)}0000`;
    const inside = (lat: number, lon: number): boolean =>
      geo.isInRegion(lat, lon, code) && geo.provinceAt(lat, lon) === province;
    const [cx, cy] = opts.centres?.get(code) ?? [(box[0] + box[2]) / 2, (box[1] + box[3]) / 2];
    const sx = Math.min(maxSpread, (box[2] - box[0]) * spread);
    const sy = Math.min(maxSpread, (box[3] - box[1]) * spread);
    for (let i = 0; i < 30; i++) {
      const lon = cx + sx * standardNormal(rng);
      const lat = cy + sy * standardNormal(rng);
      if (inside(lat, lon)) return [lon, lat];
    }
    for (let i = 0; i < 200; i++) {
      const lon = box[0] + (box[2] - box[0]) * rng.next();
      const lat = box[1] + (box[3] - box[1]) * rng.next();
      if (inside(lat, lon)) return [lon, lat];
    }
    return undefined;
  };
};
