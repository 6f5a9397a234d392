// The Maker Index API (/api/v1/index/…). The shapes mirror src/services/maker-index/api-types.ts
// (the web app may import only the domain and the engine, so they are restated here).
import { getJson, toQuery } from './client.js';

type Num = number | null;

export type IndexLevel = 'space' | 'province' | 'prefecture';

export interface ReleaseSummary {
  id: string;
  frameworkId: string;
  frameworkVersion: string;
  yearFrom: number;
  yearTo: number;
  dataHash: string;
  engineVersion: string;
  createdAt: string;
  status: string;
  coverage: { level: IndexLevel; year: number; units: number }[];
}

export interface ReleaseList {
  items: ReleaseSummary[];
  latest: string | null;
}

export interface PillarInfo {
  code: string;
  nameZh: string;
  nameEn: string;
  weight: number;
}

interface PillarScore {
  code: string;
  score: Num;
  rank: Num;
}

interface RankFields {
  score: Num;
  rank: Num;
  rankPrev: Num;
  rankChange: Num;
}

export interface SpaceScore extends RankFields {
  id: string;
  name: string | null;
  regionCode: string | null;
  type: string | null;
  pillars: PillarScore[];
}

export interface SpaceScoreList {
  release: string;
  year: number;
  total: number;
  next: string | null;
  pillars: PillarInfo[];
  items: SpaceScore[];
}

export interface RegionScore extends RankFields {
  code: string;
  name: string | null;
  pillars: PillarScore[];
  indicators: { code: string; raw: Num; score: Num; rank: Num }[];
}

export interface RegionScoreList {
  release: string;
  level: 'province' | 'prefecture';
  year: number;
  pillars: PillarInfo[];
  indicators: {
    code: string;
    nameZh: string;
    nameEn: string;
    pillar: string;
    unit: string;
    direction: number;
    weight: number;
  }[];
  items: RegionScore[];
}

interface StrWeak {
  code: string;
  nameZh: string;
  nameEn: string;
  rank: number;
  normalised: number;
  raw: Num;
}

export interface SpaceExplanation extends RankFields {
  release: string;
  year: number;
  space: { id: string; name: string | null; regionCode: string | null; type: string | null };
  units: number;
  pillars: {
    code: string;
    nameZh: string;
    nameEn: string;
    score: Num;
    rank: Num;
    weight: number;
    effectiveWeight: number;
    contribution: number;
  }[];
  indicators: {
    code: string;
    nameZh: string;
    nameEn: string;
    pillar: string;
    unit: string;
    direction: number;
    raw: Num;
    imputed: boolean;
    normalised: Num;
    rank: Num;
    weight: number;
    effectiveWeight: number;
    contribution: number;
  }[];
  excluded: { code: string; coverage: number }[];
  strengths: StrWeak[];
  weaknesses: StrWeak[];
  check: { contributionSum: number; score: number; difference: number };
}

export interface IndexInputs {
  release: string;
  level: IndexLevel;
  year: number;
  aggregation: string;
  units: string[];
  names: (string | null)[];
  index: { code: string; values: Num[] };
  pillars: { codes: string[]; nameZh: string[]; nameEn: string[]; weights: number[]; values: Num[][] };
  indicators: null | {
    codes: string[];
    parents: string[];
    weights: number[];
    directions: number[];
    values: Num[][];
  };
}

export interface RankIntervals {
  release: string;
  level: IndexLevel;
  year: number;
  createdAt: string;
  analysis: Record<string, unknown>;
  items: { unitId: string; name: string | null; nominal: Num; mean: Num; median: Num; q5: Num; q95: Num }[];
}

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
  regions: (level: 'province' | 'prefecture', year: number | undefined, release?: string, s?: AbortSignal) =>
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
