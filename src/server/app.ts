import Fastify, { type FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import helmet from 'helmet';
import type { Store } from '../store/database.js';
import { publicUrlOf, type Config } from './config.js';
import { installErrorHandler } from './errors.js';
import { healthRoutes } from './routes/health.js';
import { spaceRoutes } from './routes/spaces.js';
import { regionRoutes } from './routes/regions.js';
import { mapRoutes } from './routes/map.js';
import { clientConfigRoutes } from './routes/client-config.js';
import { spaceDetailRoutes } from './routes/space-details.js';
import { webRoutes } from './routes/web.js';
import { indexRoutes } from './routes/index-api.js';
import type { JobRunner } from '../services/maker-index/index.js';

/** Names of places, for responses that echo a region or country. */
export interface PlaceNames {
  region(code: string): { nameZh: string; nameEn: string | null } | undefined;
  countryName(iso2: string): { nameZh: string | null; nameEn: string | null } | undefined;
}

export interface AppDeps {
  store: Store;
  config: Config;
  version: string;
  regions: PlaceNames;
  /** Background jobs (index releases, uncertainty analysis); one is made when not given. */
  jobs?: JobRunner;
  /** Folder of the built web app (default web/dist of this package; browser tests use their own build). */
  webRoot?: string;
}

export type App = FastifyInstance;

/** The whole HTTP app, without listening: server.ts listens, tests use `app.inject()`. */
export const buildApp = async (deps: AppDeps, opts: { logger?: boolean } = {}): Promise<App> => {
  const app = Fastify({
    logger: opts.logger ? { level: deps.config.logLevel } : false,
    // Ids are short; a long path parameter is an attack, not a request.
    routerOptions: { maxParamLength: 200 },
    bodyLimit: 10 * 1024 * 1024,
    ajv: { customOptions: { coerceTypes: 'array', removeAdditional: false, allErrors: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  // Security headers from helmet, its middleware built once. (@fastify/helmet builds it again for
  // every request: 40 % of a list request's allocations, which grew the server's heap under load.)
  const securityHeaders = helmet({
    // The API docs page and the web app load their own scripts and styles only.
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:', 'https:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        workerSrc: ["'self'", 'blob:'],
        connectSrc: ["'self'", 'https:'],
      },
    },
  });
  app.addHook('onRequest', (req, reply, done) => securityHeaders(req.raw, reply.raw, () => done()));
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'MakerAtlas API 众创地图开放接口',
        version: deps.version,
        description:
          'Open data on maker spaces (众创空间): the registry, GeoJSON, SpaceAPI documents and regional statistics.',
      },
      servers: [{ url: publicUrlOf(deps.config) }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  installErrorHandler(app);

  await app.register(healthRoutes(deps));
  await app.register(spaceRoutes(deps), { prefix: '/api/v1' });
  await app.register(regionRoutes(deps), { prefix: '/api/v1' });
  await app.register(mapRoutes(deps), { prefix: '/api/v1' });
  await app.register(clientConfigRoutes(deps), { prefix: '/api/v1' });
  await app.register(spaceDetailRoutes(deps), { prefix: '/api/v1' });
  await app.register(
    indexRoutes({ store: deps.store, version: deps.version, ...(deps.jobs && { jobs: deps.jobs }) }),
    { prefix: '/api/v1' },
  );
  app.get('/api/v1/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  // Last: the web app answers every GET no other route claims.
  await app.register(webRoutes(deps.webRoot === undefined ? {} : { root: deps.webRoot }));
  return app;
};
