// The Maker Index API (/api/v1/index/…). Shapes follow src/server/routes/index-api.ts.
import { getJson, toQuery } from './client.js';

interface RegionRow {
  code?: string;
  unitId?: string;
  score: number | null;
}

/** Province index scores for a year (latest release), by province code. */
export const regionIndexScores = async (year: number, signal?: AbortSignal): Promise<Map<string, number>> => {
  const body = await getJson<{ items: RegionRow[] }>(
    `/api/v1/index/regions${toQuery({ level: 'province', year })}`,
    signal,
  );
  const out = new Map<string, number>();
  for (const r of body.items) {
    const code = r.code ?? r.unitId;
    if (code && r.score !== null) out.set(code, r.score);
  }
  return out;
};

/** Space index scores for a year (latest release), by space id. */
export const spaceIndexScores = async (year: number, signal?: AbortSignal): Promise<Map<string, number>> => {
  const body = await getJson<{ items: { id?: string; unitId?: string; score: number | null }[] }>(
    `/api/v1/index/spaces${toQuery({ year, limit: 100000 })}`,
    signal,
  );
  const out = new Map<string, number>();
  for (const r of body.items) {
    const id = r.id ?? r.unitId;
    if (id && r.score !== null) out.set(id, r.score);
  }
  return out;
};
