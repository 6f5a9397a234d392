import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import { sql } from 'kysely';
import type { AppDeps } from '../app.js';

export const healthRoutes =
  ({ store, version }: AppDeps): FastifyPluginAsync =>
  async (app) => {
    app.get(
      '/healthz',
      {
        schema: {
          summary: 'Liveness and database check',
          tags: ['meta'],
          response: {
            200: Type.Object({ status: Type.Literal('ok'), version: Type.String(), database: Type.String() }),
          },
        },
      },
      async () => {
        await sql`select 1`.execute(store.db);
        return { status: 'ok' as const, version, database: store.dialect };
      },
    );
  };
