import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { countryStats, regionStats } from '../../store/region-stats-repo.js';
import type { AppDeps } from '../app.js';
import { ErrorBody, notFound } from '../errors.js';

const Count = (key: string) => Type.Object({ [key]: Type.String(), count: Type.Integer() });

const RegionStats = Type.Object({
  code: Type.String(),
  kind: Type.Enum(['country', 'province', 'prefecture', 'county']),
  nameZh: Type.Union([Type.String(), Type.Null()]),
  nameEn: Type.Union([Type.String(), Type.Null()]),
  total: Type.Integer(),
  byType: Type.Array(Count('type')),
  byStatus: Type.Array(Count('status')),
  byCertification: Type.Array(Count('certification')),
  byYear: Type.Array(
    Type.Object({
      year: Type.Integer(),
      count: Type.Integer({ description: 'spaces founded that year' }),
      cumulative: Type.Integer({ description: 'spaces founded up to that year' }),
    }),
  ),
});

/** GB/T 2260: trailing zero pairs mean "the whole province/prefecture", so the prefix drops them. */
const prefixOf = (code: string): { prefix: string; kind: 'province' | 'prefecture' | 'county' } => {
  if (code.endsWith('0000')) return { prefix: code.slice(0, 2), kind: 'province' };
  if (code.endsWith('00')) return { prefix: code.slice(0, 4), kind: 'prefecture' };
  return { prefix: code, kind: 'county' };
};

export const regionRoutes =
  ({ store, regions }: AppDeps): FastifyPluginAsync =>
  async (plain) => {
    const app = plain.withTypeProvider<TypeBoxTypeProvider>();
    app.get(
      '/regions/:code/stats',
      {
        schema: {
          summary: 'Counts of spaces in a region by type, status, certification and founding year',
          description:
            'code: a six-digit GB/T 2260 code (440000 Guangdong, 440300 Shenzhen) or an ISO 3166-1 country (DE).',
          tags: ['regions'],
          params: Type.Object({ code: Type.String({ pattern: '^(\\d{6}|[A-Za-z]{2})$' }) }),
          response: { 200: RegionStats, 404: ErrorBody },
        },
      },
      async (req) => {
        const code = req.params.code.toUpperCase();
        if (/^[A-Z]{2}$/.test(code)) {
          const name = regions.countryName(code);
          if (!name) throw notFound('country', code);
          return { code, kind: 'country' as const, ...name, ...(await countryStats(store.db, code)) };
        }
        const region = regions.region(code);
        if (!region) throw notFound('region', code);
        const { prefix, kind } = prefixOf(code);
        return {
          code,
          kind,
          nameZh: region.nameZh,
          nameEn: region.nameEn ?? null,
          ...(await regionStats(store.db, prefix)),
        };
      },
    );
  };
