// Provinces and prefectures with a point to measure distances from (built into
// /assets/places/cn-places.json by the build, see web/build/boundary-assets.ts).
import { getJson } from '../api/client.js';

export interface Place {
  code: string;
  level: 'province' | 'prefecture' | string;
  nameZh: string;
  nameEn: string | null;
  lon: number;
  lat: number;
}

export const loadPlaces = (signal?: AbortSignal): Promise<Place[]> =>
  getJson<Place[]>('/assets/places/cn-places.json', signal);

/** Places whose Chinese or English name starts with (or contains) the text, best matches first. */
export const searchPlaces = (places: readonly Place[], text: string, limit = 8): Place[] => {
  const q = text.trim().toLowerCase();
  if (!q) return [];
  const score = (p: Place): number => {
    const zh = p.nameZh;
    const en = (p.nameEn ?? '').toLowerCase();
    if (zh === q || en === q) return 0;
    if (zh.startsWith(q) || en.startsWith(q)) return 1;
    if (zh.includes(q) || en.includes(q)) return 2;
    return 9;
  };
  return places
    .map((p) => ({ p, s: score(p) + (p.level === 'prefecture' ? 0 : 0.5) }))
    .filter((x) => x.s < 9)
    .sort((a, b) => a.s - b.s || a.p.code.localeCompare(b.p.code))
    .slice(0, limit)
    .map((x) => x.p);
};
