import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import type { AppDeps } from '../app.js';

/** Points the web map draws itself; beyond this it asks the server for clusters (see routes/map.ts). */
export const CLIENT_POINT_LIMIT = 50_000;

const ClientConfig = Type.Object({
  version: Type.String(),
  tileUrl: Type.Union([Type.String(), Type.Null()], {
    description: 'raster tile URL template ({z}/{x}/{y}); null: the map draws boundary layers only',
  }),
  pointLimit: Type.Integer({
    description: 'most points the map draws client-side before using /map/clusters',
  }),
});

/** The part of the server's configuration the web app needs (nothing secret). */
export const clientConfigRoutes =
  ({ config, version }: AppDeps): FastifyPluginAsync =>
  async (app) => {
    app.get(
      '/config',
      {
        schema: {
          summary: 'Settings for the web app',
          tags: ['meta'],
          response: { 200: ClientConfig },
        },
      },
      async () => ({ version, tileUrl: config.tileUrl ?? null, pointLimit: CLIENT_POINT_LIMIT }),
    );
  };
