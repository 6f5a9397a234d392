// Finder candidates from the map's point columns: only points roughly within the radius are
// decoded (a degree of latitude is ~111 km), so a search over ten thousand spaces stays instant.
import type { MapPoints } from '../../../../src/domain/map-points.js';
import type { SpaceType } from '../../../../src/domain/taxonomy.js';
import type { Candidate } from './score.js';

const bits = (dict: readonly string[], mask: number): string[] => dict.filter((_, i) => (mask >>> i) & 1);

export const candidatesNear = (
  p: MapPoints,
  origin: { lat: number; lon: number },
  radiusKm: number,
  index: ReadonlyMap<string, number> | undefined,
): Candidate[] => {
  const dLat = radiusKm / 110;
  const dLon = radiusKm / (111.32 * Math.max(0.05, Math.cos((origin.lat * Math.PI) / 180)));
  const out: Candidate[] = [];
  for (let i = 0; i < p.id.length; i++) {
    const lat = p.lat[i] as number;
    const lon = p.lon[i] as number;
    if (Math.abs(lat - origin.lat) > dLat || Math.abs(lon - origin.lon) > dLon) continue;
    const id = p.id[i] as string;
    out.push({
      id,
      lat,
      lon,
      type: (p.dict.type[p.type[i] as number] ?? 'other') as SpaceType,
      status: (p.dict.status[p.status[i] as number] ?? 'active') as Candidate['status'],
      price: p.price[i] ?? null,
      services: bits(p.dict.services, p.services[i] as number),
      equipment: bits(p.dict.equipment, p.equipment[i] as number),
      index: index?.get(id) ?? null,
    });
  }
  return out;
};
