// Data for the web map. `points` sends the whole drawable registry in compact columns so the browser
// filters, clusters and animates it itself; past `limit` points that stops paying, and `clusters`
// does the same work here with supercluster for one viewport at a time. Both apply the same filter
// (src/domain/map-filter.ts), so the map looks the same either way.
import { gunzipSync } from 'node:zlib';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import Supercluster from 'supercluster';
import { countByProvince, selectPoints, type FilterablePoints } from '../../domain/map-filter.js';
import { addMapPoint, emptyMapPoints, latestYearOf, MapFilter, MapPoints } from '../../domain/map-points.js';
import { iterateSpaceSummaries } from '../../store/spaces-repo.js';
import { dataVersion, memoStateOf } from '../../store/store-state.js';
import type { AppDeps } from '../app.js';
import { ApiError, ErrorBody } from '../errors.js';
import { gzipJson } from '../gzip-json.js';

const PointsResponse = Type.Object({
  total: Type.Integer({ description: 'spaces with coordinates' }),
  latestYear: Type.Union([Type.Integer(), Type.Null()], {
    description: 'latest founding or closing year: the end of the time slider',
  }),
  points: Type.Union([MapPoints, Type.Null()], {
    description: 'null when total > limit: use /map/clusters',
  }),
});

const ClusterFeature = Type.Object({
  type: Type.Literal('Feature'),
  id: Type.Union([Type.String(), Type.Integer()]),
  geometry: Type.Object({
    type: Type.Literal('Point'),
    coordinates: Type.Array(Type.Number(), { minItems: 2, maxItems: 2 }),
  }),
  properties: Type.Object({
    cluster: Type.Boolean(),
    point_count: Type.Optional(Type.Integer()),
    expansion_zoom: Type.Optional(Type.Integer()),
    id: Type.Optional(Type.String({ description: 'space id (single points)' })),
    type: Type.Optional(Type.String({ description: 'space type (single points)' })),
    synthetic: Type.Optional(Type.Boolean()),
  }),
});

const ClustersResponse = Type.Object({
  total: Type.Integer({ description: 'points kept by the filter (whole map)' }),
  provinces: Type.Record(Type.String(), Type.Integer(), { description: 'kept points per province code' }),
  features: Type.Array(ClusterFeature),
});

const NUM = '-?\\d+(\\.\\d+)?';

const ClustersQuery = Type.Intersect([
  MapFilter,
  Type.Object({
    bbox: Type.String({
      pattern: `^${NUM},${NUM},${NUM},${NUM}$`,
      description: 'minLon,minLat,maxLon,maxLat of the viewport',
    }),
    zoom: Type.Integer({ minimum: 0, maximum: 24 }),
  }),
]);

interface Snapshot {
  version: number;
  /** The columns clusters need; the names are only in the gzipped body (~10 MB less for 100k spaces). */
  points: FilterablePoints;
  latestYear: number | null;
  /**
   * The response body, gzipped once: most requests are for the same unchanged registry. Only the gzipped form is
   * kept (a tenth of the size); the rare client without gzip gets it inflated on demand.
   */
  gzip: Buffer;
  indexes: Map<string, { index: Supercluster; total: number; provinces: Record<string, number> }>;
}

/**
 * Points held in cached cluster indexes, all filters together. An index costs ~36 MB per 100,000
 * points (measured), so a count of indexes alone would let a few whole-registry filters take
 * hundreds of megabytes; this keeps about two whole 100k-space maps, or many small filtered ones.
 */
const MAX_CLUSTERED_POINTS = 200_000;

export const mapRoutes =
  ({ store }: AppDeps): FastifyPluginAsync =>
  async (plain) => {
    const app = plain.withTypeProvider<TypeBoxTypeProvider>();
    let snapshot: Snapshot | undefined;
    let building: Promise<Snapshot> | undefined;

    const build = async (): Promise<Snapshot> => {
      const version = dataVersion(store.db);
      const points = emptyMapPoints();
      // Small batches: a batch's rows are alive while it is walked, and 2,000 at a time got most of
      // them promoted to the old generation (100k spaces: 200 MB of heap at start-up against ~130).
      for await (const s of iterateSpaceSummaries(store.db, {}, 200)) addMapPoint(points, s);
      const latestYear = latestYearOf(points);
      const gzip = await gzipJson({ total: points.id.length, latestYear, points });
      const { nameZh: _zh, nameEn: _en, ...filterable } = points;
      return { version, points: filterable, latestYear, gzip, indexes: new Map() };
    };

    /** The registry's points, rebuilt after a write (the store's data version changes). */
    const current = async (): Promise<Snapshot> => {
      const cacheable = memoStateOf(store.db) !== undefined;
      if (cacheable && snapshot && snapshot.version === dataVersion(store.db)) return snapshot;
      building ??= build().finally(() => (building = undefined));
      const s = await building;
      if (cacheable) snapshot = s;
      return s;
    };

    // Build the columns when the server starts, not on the first visitor's request.
    plain.addHook('onReady', async () => {
      void current().catch(() => undefined);
    });

    const sendJson = (req: FastifyRequest, reply: FastifyReply, s: Snapshot) => {
      const etag = `"map-${s.version}-${s.points.id.length}"`;
      reply.header('etag', etag).header('cache-control', 'no-cache').header('vary', 'accept-encoding');
      if (req.headers['if-none-match'] === etag) return reply.code(304).send();
      reply.type('application/json; charset=utf-8');
      if (/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
        return reply.header('content-encoding', 'gzip').send(s.gzip);
      }
      return reply.send(gunzipSync(s.gzip));
    };

    app.get(
      '/map/points',
      {
        schema: {
          summary: 'Every space with coordinates, in compact columns for the web map',
          description:
            'Codes are indexes into `dict`; services and equipment are bit masks. With `limit`, ' +
            '`points` is null when there are more spaces than that (the map then asks /map/clusters).',
          tags: ['map'],
          querystring: Type.Object({
            limit: Type.Optional(Type.Integer({ minimum: 0, description: 'most points the client wants' })),
          }),
          response: { 200: PointsResponse },
        },
      },
      async (req, reply) => {
        const s = await current();
        const { limit } = req.query;
        if (limit !== undefined && s.points.id.length > limit) {
          return { total: s.points.id.length, latestYear: s.latestYear, points: null };
        }
        return sendJson(req, reply, s);
      },
    );

    app.get(
      '/map/clusters',
      {
        schema: {
          summary: 'Clustered points of one viewport (supercluster), with the filter of the map',
          description:
            'For registries too large to send whole. Filters as on the map; `provinces` counts the kept ' +
            'points of the whole map per province for the choropleth.',
          tags: ['map'],
          querystring: ClustersQuery,
          response: { 200: ClustersResponse, 400: ErrorBody },
        },
      },
      async (req) => {
        const { bbox, zoom, ...filter } = req.query;
        const [w, s, e, n] = bbox.split(',').map(Number) as [number, number, number, number];
        if (w > e || s > n || Math.abs(s) > 90 || Math.abs(n) > 90) {
          throw new ApiError(
            400,
            'invalid_request',
            'bbox: expected minLon,minLat,maxLon,maxLat with min ≤ max',
          );
        }
        const snap = await current();
        const key = JSON.stringify(filter);
        let entry = snap.indexes.get(key);
        if (!entry) {
          const kept = selectPoints(snap.points, filter, snap.latestYear);
          const p = snap.points;
          const index = new Supercluster({ radius: 50, maxZoom: 14 }).load(
            kept.map((i) => ({
              type: 'Feature' as const,
              geometry: { type: 'Point' as const, coordinates: [p.lon[i] as number, p.lat[i] as number] },
              properties: {
                id: p.id[i] as string,
                type: p.dict.type[p.type[i] as number] as string,
                synthetic: p.synthetic[i] === 1,
              },
            })),
          );
          entry = { index, total: kept.length, provinces: Object.fromEntries(countByProvince(p, kept)) };
          let held = kept.length;
          for (const e of snap.indexes.values()) held += e.total;
          // Oldest first out; the new index itself is always kept.
          for (const [oldKey, old] of snap.indexes) {
            if (held <= MAX_CLUSTERED_POINTS) break;
            snap.indexes.delete(oldKey);
            held -= old.total;
          }
          snap.indexes.set(key, entry);
        }
        const { index } = entry;
        const features = index.getClusters([w, s, e, n], zoom).map((f, k) => {
          const props = f.properties as Record<string, unknown>;
          const coordinates = f.geometry.coordinates as [number, number];
          if (props.cluster) {
            const clusterId = props.cluster_id as number;
            return {
              type: 'Feature' as const,
              id: clusterId,
              geometry: { type: 'Point' as const, coordinates },
              properties: {
                cluster: true,
                point_count: props.point_count as number,
                expansion_zoom: index.getClusterExpansionZoom(clusterId),
              },
            };
          }
          return {
            type: 'Feature' as const,
            id: (props.id as string | undefined) ?? k,
            geometry: { type: 'Point' as const, coordinates },
            properties: {
              cluster: false,
              id: props.id as string,
              type: props.type as string,
              synthetic: props.synthetic as boolean,
            },
          };
        });
        return { total: entry.total, provinces: entry.provinces, features };
      },
    );
  };
