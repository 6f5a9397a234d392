// A typed client for the MakerAtlas API. Response types come from the domain schemas where the
// server's schema lives there (Space, MapPoints); the rest mirror the OpenAPI document.
import type { MapFilter } from '../../../src/domain/map-points.js';
import type { Space } from '../../../src/domain/space.js';
import type {
  ClientConfig,
  ClustersResponse,
  PointsResponse,
  RegionStats,
  SpaceList,
  SpaceQuery,
} from './types.js';

/** An API answer that was not 2xx, with the server's machine code and message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type QueryValue = string | number | boolean | readonly (string | number)[] | undefined | null;

/** A query string; arrays repeat the parameter (type=a&type=b), empty values are left out. */
export const toQuery = (params: Record<string, QueryValue>): string => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v)) for (const x of v) q.append(k, String(x));
    else q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
};

const cache = new Map<string, Promise<unknown>>();
const CACHE_LIMIT = 200;

/**
 * GET a JSON document. Answers are kept for the session (the data changes rarely), failures are
 * not. A cached request is shared by every caller, so a caller's `signal` cannot cancel it (that
 * would fail the others too): a caller that gives up simply ignores the answer.
 */
export const getJson = <T>(path: string, signal?: AbortSignal, cached = true): Promise<T> => {
  const hit = cached ? cache.get(path) : undefined;
  if (hit) return hit as Promise<T>;
  const p = fetch(path, {
    headers: { accept: 'application/json' },
    ...(!cached && signal && { signal }),
  }).then(async (res) => {
    if (!res.ok) {
      let code = 'http_error';
      let message = `${res.status} ${res.statusText}`;
      try {
        const body = (await res.json()) as { code?: string; message?: string };
        code = body.code ?? code;
        message = body.message ?? message;
      } catch {
        // not JSON: keep the status line
      }
      throw new ApiError(res.status, code, message);
    }
    return (await res.json()) as T;
  });
  if (cached) {
    cache.set(path, p);
    if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
    p.catch(() => cache.delete(path));
  }
  return p;
};

const enc = encodeURIComponent;

export const api = {
  config: (s?: AbortSignal) => getJson<ClientConfig>('/api/v1/config', s),
  spaces: (q: SpaceQuery, s?: AbortSignal) =>
    getJson<SpaceList>(`/api/v1/spaces${toQuery(q as Record<string, QueryValue>)}`, s),
  space: (id: string, s?: AbortSignal) => getJson<Space>(`/api/v1/spaces/${enc(id)}`, s),
  spaceApiUrl: (id: string) => `/api/v1/spaces/${enc(id)}/spaceapi.json`,
  mapPoints: (limit: number, s?: AbortSignal) =>
    getJson<PointsResponse>(`/api/v1/map/points${toQuery({ limit })}`, s),
  clusters: (bbox: readonly number[], zoom: number, f: MapFilter, s?: AbortSignal) =>
    getJson<ClustersResponse>(
      `/api/v1/map/clusters${toQuery({ ...(f as Record<string, QueryValue>), bbox: bbox.map((v) => v.toFixed(4)).join(','), zoom })}`,
      s,
    ),
  regionStats: (code: string, s?: AbortSignal) =>
    getJson<RegionStats>(`/api/v1/regions/${enc(code)}/stats`, s),
};
