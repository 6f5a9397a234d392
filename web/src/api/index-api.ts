// The Maker Index API (/api/v1/index/…). The response types are the server's response schemas'
// own (src/domain/index-api-types.ts), imported as types only so the bundle has no typebox.
import type {
  IndexInputs,
  RankIntervals,
  RegionScoreList,
  ReleaseList,
  SpaceExplanation,
  SpaceScoreList,
} from '../../../src/domain/index-api-types.js';
import type { IndexLevelName as IndexLevel } from '../../../src/domain/index-units.js';
import { getJson, toQuery } from './client.js';

export type { IndexInputs, IndexLevel, SpaceExplanation };

const opt = (release: string | undefined) => (release ? { release } : {});

export const indexApi = {
  releases: (s?: AbortSignal) => getJson<ReleaseList>('/api/v1/index/releases', s),
  inputs: (level: IndexLevel, year: number, release?: string, s?: AbortSignal) =>
    getJson<IndexInputs>(
      `/api/v1/index/inputs${toQuery({ level, year, indicators: false, ...opt(release) })}`,
      s,
    ),
  spaces: (q: { year?: number; region?: string; limit?: number; release?: string }, s?: AbortSignal) =>
    getJson<SpaceScoreList>(`/api/v1/index/spaces${toQuery(q)}`, s),
  regions: (level: RegionScoreList['level'], year: number | undefined, release?: string, s?: AbortSignal) =>
    getJson<RegionScoreList>(`/api/v1/index/regions${toQuery({ level, year, ...opt(release) })}`, s),
  explain: (id: string, year?: number, s?: AbortSignal) =>
    getJson<SpaceExplanation>(
      `/api/v1/index/spaces/${encodeURIComponent(id)}/explain${toQuery({ year })}`,
      s,
    ),
  uncertainty: (level: IndexLevel, year: number, release?: string, s?: AbortSignal) =>
    getJson<RankIntervals>(`/api/v1/index/uncertainty${toQuery({ level, year, ...opt(release) })}`, s),
};

/** Province index scores for a year (latest release), by province code. */
export const regionIndexScores = async (year: number, signal?: AbortSignal): Promise<Map<string, number>> => {
  const body = await indexApi.regions('province', year, undefined, signal);
  const out = new Map<string, number>();
  for (const r of body.items) if (r.score !== null) out.set(r.code, r.score);
  return out;
};

/** Space index scores for a year (latest release), by space id. */
export const spaceIndexScores = async (year: number, signal?: AbortSignal): Promise<Map<string, number>> => {
  const body = await indexApi.spaces({ year, limit: 100_000 }, signal);
  const out = new Map<string, number>();
  for (const r of body.items) if (r.score !== null) out.set(r.id, r.score);
  return out;
};
