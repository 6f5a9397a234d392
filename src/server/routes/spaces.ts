import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Space, SpaceSummary } from '../../domain/space.js';
import { getSpace, iterateSpaces, listSpaces } from '../../store/spaces-repo.js';
import { toSpaceApi15 } from '../../io/write-spaceapi.js';
import { spaceFeature } from '../../io/write-geojson.js';
import type { AppDeps } from '../app.js';
import { publicUrlOf } from '../config.js';
import { ApiError, ErrorBody, notFound } from '../errors.js';
import { SpaceFilterQuery, toSpaceFilter } from '../schemas/space-query.js';

const SORTS = ['name', '-name', 'founded', '-founded', 'updated', '-updated', 'id', 'distance'] as const;

const ListQuery = Type.Intersect([
  SpaceFilterQuery,
  Type.Object({
    sort: Type.Optional(
      Type.Enum(SORTS, { default: 'name', description: '`-` for descending; distance needs near' }),
    ),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
    cursor: Type.Optional(
      Type.String({ maxLength: 1000, description: 'the `next` value of the previous page' }),
    ),
  }),
]);

const SpaceList = Type.Object({
  items: Type.Array(SpaceSummary, { description: 'summaries; the full record is at /spaces/{id}' }),
  total: Type.Integer({ description: 'number of spaces matching the filters' }),
  next: Type.Union([Type.String(), Type.Null()], {
    description: 'cursor of the next page, null on the last page',
  }),
});

const IdParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9_.:-]+$' }),
});

export const spaceRoutes =
  ({ store, config }: AppDeps): FastifyPluginAsync =>
  async (plain) => {
    const app = plain.withTypeProvider<TypeBoxTypeProvider>();
    const serialised = new WeakMap<object, Buffer>();

    app.get(
      '/spaces',
      {
        schema: {
          summary: 'List maker spaces 众创空间列表',
          tags: ['spaces'],
          querystring: ListQuery,
          response: { 200: SpaceList, 400: ErrorBody },
        },
      },
      async (req, reply) => {
        const { sort = 'name', limit = 50, cursor, ...rest } = req.query;
        const filter = toSpaceFilter(rest);
        if (sort === 'distance' && !filter.near)
          throw new ApiError(400, 'invalid_request', 'sort=distance needs near');
        const page = await listSpaces(store.db, filter, { sort, limit, ...(cursor && { cursor }) });
        // The store hands back the same frozen page until the data changes, so its JSON is made once,
        // as bytes: a string would be encoded again into a new buffer on every response.
        let body = serialised.get(page);
        if (body === undefined) {
          body = Buffer.from(reply.serialize(page) as string);
          serialised.set(page, body);
        }
        // Bytes with a JSON content type go out as they are; the type provider only knows the object shape.
        return reply.type('application/json; charset=utf-8').send(body as unknown as typeof page);
      },
    );

    app.get(
      '/spaces.geojson',
      {
        schema: {
          summary: 'Spaces as a GeoJSON FeatureCollection (RFC 7946)',
          description: 'Same filters as /spaces; spaces without coordinates are left out.',
          tags: ['spaces'],
          querystring: SpaceFilterQuery,
        },
      },
      async (req, reply) => {
        const filter = toSpaceFilter(req.query);
        const features = [];
        for await (const s of iterateSpaces(store.db, filter)) {
          const f = spaceFeature(s);
          if (f) features.push(f);
        }
        reply.type('application/geo+json; charset=utf-8');
        return JSON.stringify({ type: 'FeatureCollection', features });
      },
    );

    app.get(
      '/spaces/:id',
      {
        schema: {
          summary: 'One maker space',
          tags: ['spaces'],
          params: IdParams,
          response: { 200: Space, 404: ErrorBody },
        },
      },
      async (req) => {
        const space = await getSpace(store.db, req.params.id);
        if (!space) throw notFound('space', req.params.id);
        return space;
      },
    );

    app.get(
      '/spaces/:id/spaceapi.json',
      {
        schema: {
          summary: 'The space as a SpaceAPI v15 document',
          tags: ['spaces'],
          params: IdParams,
          response: { 200: Type.Record(Type.String(), Type.Unknown()), 404: ErrorBody },
        },
      },
      async (req) => {
        const space = await getSpace(store.db, req.params.id);
        if (!space) throw notFound('space', req.params.id);
        return toSpaceApi15(space, { baseUrl: publicUrlOf(config) });
      },
    );
  };
