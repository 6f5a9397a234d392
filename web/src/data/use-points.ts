import { useMemo } from 'react';
import { api } from '../api/client.js';
import type { PointsResponse } from '../api/types.js';
import { useApi, type ApiState } from '../ui/use-api.js';

/** The map's point columns (shared, fetched once per session); `points` is null for very large registries. */
export const usePoints = (): ApiState<PointsResponse> & { configError?: Error } => {
  const config = useApi('config', api.config);
  const limit = config.data?.pointLimit;
  const points = useApi(limit === undefined ? null : `points:${limit}`, (s) => api.mapPoints(limit ?? 0, s));
  return { ...points, ...(config.error && { error: config.error, configError: config.error }) };
};

/** Ids of the synthetic sample's spaces, from the shared point columns (empty until they load). */
export const useSyntheticIds = (): ReadonlySet<string> => {
  const points = usePoints();
  return useMemo(() => {
    const p = points.data?.points;
    return new Set(p ? p.id.filter((_, i) => p.synthetic[i] === 1) : []);
  }, [points.data]);
};
