// What de-duplication needs of the registry: names and points of the spaces near an import, without
// loading whole records. Same-source matches go through findBySourceIds (an indexed lookup).
import type { Kysely } from 'kysely';
import type { ExistingRecord } from '../domain/dedupe.js';
import type { Tables } from './tables.js';

/** Degrees added around the import's bounding box so that a match 200 m outside it is still seen. */
const MARGIN_DEG = 0.01;

export const dedupeCandidates = async (
  db: Kysely<Tables>,
  bbox: [minLon: number, minLat: number, maxLon: number, maxLat: number],
): Promise<ExistingRecord[]> => {
  const [minLon, minLat, maxLon, maxLat] = bbox;
  const rows = await db
    .selectFrom('spaces')
    .select(['id', 'name_zh', 'name_en', 'lat', 'lon'])
    .where('lat', '>=', minLat - MARGIN_DEG)
    .where('lat', '<=', maxLat + MARGIN_DEG)
    .where('lon', '>=', minLon - MARGIN_DEG)
    .where('lon', '<=', maxLon + MARGIN_DEG)
    .execute();
  return rows.map((r) => ({ id: r.id, nameZh: r.name_zh, nameEn: r.name_en, lat: r.lat, lon: r.lon }));
};
