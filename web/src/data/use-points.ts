import { useMemo } from 'react';
import { api } from '../api/client.js';
import type { PointsResponse } from '../api/types.js';
import { useApi, type ApiState } from '../ui/use-api.js';

/**
 * Most points the browser takes whole: 50,000 points are a few megabytes of columns (under a
 * megabyte gzipped) that the map's worker clusters itself; beyond it the map asks the server for
 * clusters per viewport instead.
 */
export const POINT_LIMIT = 50_000;

/** The map's point columns (shared, fetched once per session); `points` is null for very large registries. */
export const usePoints = (): ApiState<PointsResponse> =>
  useApi(`points:${POINT_LIMIT}`, (s) => api.mapPoints(POINT_LIMIT, s));

/** Ids of the synthetic sample's spaces, from the shared point columns (empty until they load). */
export const useSyntheticIds = (): ReadonlySet<string> => {
  const points = usePoints();
  return useMemo(() => {
    const p = points.data?.points;
    return new Set(p ? p.id.filter((_, i) => p.synthetic[i] === 1) : []);
  }, [points.data]);
};
