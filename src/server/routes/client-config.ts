import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import type { AppDeps } from '../app.js';

const ClientConfig = Type.Object({
  version: Type.String(),
  tileUrl: Type.Union([Type.String(), Type.Null()], {
    description: 'raster tile URL template ({z}/{x}/{y}); null: the map draws boundary layers only',
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
      async () => ({ version, tileUrl: config.tileUrl ?? null }),
    );
  };
