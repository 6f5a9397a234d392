// GeoJSON export (RFC 7946): a FeatureCollection of Points at [lon, lat], the space id as the feature
// id and every other input field as properties. Spaces without coordinates cannot be drawn; they
// are left out and counted, so a caller can say "n spaces not shown".
import type { Feature, Point } from 'geojson';
import type { Space } from '../domain/space.js';
import { SPACE_FIELDS } from './space-columns.js';
import type { SpaceSource } from './write-csv.js';

export interface GeoJsonStats {
  written: number;
  /** Spaces skipped because they have no coordinates. */
  omitted: number;
}

export const spaceFeature = (s: Space): Feature<Point> | undefined => {
  if (s.lat === null || s.lon === null) return undefined;
  const properties: Record<string, unknown> = {};
  for (const f of SPACE_FIELDS) if (f !== 'lat' && f !== 'lon') properties[f] = s[f];
  return { type: 'Feature', id: s.id, geometry: { type: 'Point', coordinates: [s.lon, s.lat] }, properties };
};

/** The collection in chunks; `stats` is filled in as spaces pass. */
export async function* geoJsonChunks(spaces: SpaceSource, stats: GeoJsonStats): AsyncGenerator<string> {
  yield '{"type":"FeatureCollection","features":[';
  for await (const s of spaces) {
    const f = spaceFeature(s);
    if (!f) {
      stats.omitted++;
      continue;
    }
    yield (stats.written === 0 ? '\n' : ',\n') + JSON.stringify(f);
    stats.written++;
  }
  yield '\n]}\n';
}

export const writeGeoJson = async (spaces: SpaceSource): Promise<{ bytes: Uint8Array } & GeoJsonStats> => {
  const stats: GeoJsonStats = { written: 0, omitted: 0 };
  const parts: string[] = [];
  for await (const c of geoJsonChunks(spaces, stats)) parts.push(c);
  return { bytes: new TextEncoder().encode(parts.join('')), ...stats };
};
