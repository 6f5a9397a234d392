// What the Maker Index API returns, as TypeBox schemas: the API routes use them as response schemas
// (so the OpenAPI document shows them), the index services' return types derive from them, and the
// web app's client takes the types (`import type` only, so the browser bundle has no typebox). They
// sit in the domain because the web may import nothing above it.
import { Type, type Static } from 'typebox';
import { INDEX_LEVELS, UNIT_SORTS } from './index-units.js';
import { Nullable } from './schema-helpers.js';

const Num = Nullable(Type.Number());
const Int = Nullable(Type.Integer());

export const IndexLevelSchema = Type.Enum(INDEX_LEVELS);
export const RegionLevelSchema = Type.Enum(['province', 'prefecture'] as const);
export const UnitSortSchema = Type.Enum(UNIT_SORTS, {
  description: 'rank (best first, default), -rank, rank_change (biggest climbers first), -rank_change, name',
});

export const ReleaseSummary = Type.Object({
  id: Type.String(),
  frameworkId: Type.String(),
  frameworkVersion: Type.String(),
  yearFrom: Type.Integer(),
  yearTo: Type.Integer(),
  dataHash: Type.String({ description: 'SHA-256 of the inputs (registry fields, reports, cohorts)' }),
  engineVersion: Type.String(),
  createdAt: Type.String(),
  status: Type.String(),
  coverage: Type.Array(Type.Object({ level: IndexLevelSchema, year: Type.Integer(), units: Type.Integer() })),
});
export type ReleaseSummary = Static<typeof ReleaseSummary>;

export const ReleaseList = Type.Object({
  items: Type.Array(ReleaseSummary),
  latest: Nullable(Type.String()),
});
export type ReleaseList = Static<typeof ReleaseList>;

export const ReleaseDetail = Type.Intersect([
  ReleaseSummary,
  Type.Object({ provenance: Type.Record(Type.String(), Type.Unknown()) }),
]);

const CodeName = { code: Type.String(), nameZh: Type.String(), nameEn: Type.String() };
export const PillarInfo = Type.Object({ ...CodeName, weight: Type.Number() });
export const IndicatorInfo = Type.Object({
  ...CodeName,
  pillar: Type.String(),
  unit: Type.String(),
  direction: Type.Integer(),
  weight: Type.Number(),
});

const PillarScore = Type.Object({ code: Type.String(), score: Num, rank: Int });

const RankFields = {
  score: Num,
  rank: Int,
  rankPrev: Int,
  rankChange: Nullable(Type.Integer({ description: 'previous rank − rank: positive = moved up' })),
};

export const SpaceScore = Type.Object({
  id: Type.String(),
  name: Nullable(Type.String()),
  regionCode: Nullable(Type.String()),
  type: Nullable(Type.String()),
  ...RankFields,
  pillars: Type.Array(PillarScore),
});
export type SpaceScore = Static<typeof SpaceScore>;

export const SpaceScoreList = Type.Object({
  release: Type.String(),
  year: Type.Integer(),
  total: Type.Integer({ description: 'units matching the filters (screened-out spaces included, unranked)' }),
  next: Nullable(Type.String({ description: 'cursor of the next page, null on the last page' })),
  pillars: Type.Array(PillarInfo),
  items: Type.Array(SpaceScore),
});
export type SpaceScoreList = Static<typeof SpaceScoreList>;

export const RegionScore = Type.Object({
  code: Type.String(),
  name: Nullable(Type.String()),
  ...RankFields,
  pillars: Type.Array(PillarScore),
  indicators: Type.Array(Type.Object({ code: Type.String(), raw: Num, score: Num, rank: Int })),
});

export const RegionScoreList = Type.Object({
  release: Type.String(),
  level: RegionLevelSchema,
  year: Type.Integer(),
  pillars: Type.Array(PillarInfo),
  indicators: Type.Array(IndicatorInfo),
  items: Type.Array(RegionScore),
});
export type RegionScoreList = Static<typeof RegionScoreList>;

const StrWeak = Type.Object({
  code: Type.String(),
  nameZh: Type.String(),
  nameEn: Type.String(),
  rank: Type.Number({ description: 'rank among the year’s scored spaces on this indicator' }),
  normalised: Type.Number(),
  raw: Num,
});

export const SpaceExplanation = Type.Object({
  release: Type.String(),
  year: Type.Integer(),
  space: Type.Object({
    id: Type.String(),
    name: Nullable(Type.String()),
    regionCode: Nullable(Type.String()),
    type: Nullable(Type.String()),
  }),
  ...RankFields,
  /** Spaces ranked that year. */
  units: Type.Integer(),
  pillars: Type.Array(
    Type.Object({
      ...CodeName,
      score: Num,
      rank: Int,
      weight: Type.Number(),
      effectiveWeight: Type.Number(),
      contribution: Type.Number(),
    }),
  ),
  indicators: Type.Array(
    Type.Object({
      ...CodeName,
      pillar: Type.String(),
      unit: Type.String(),
      direction: Type.Integer(),
      raw: Nullable(Type.Number({ description: 'the value computed from the report, cohort or profile' })),
      imputed: Type.Boolean({ description: 'raw was missing; the pipeline imputed it' }),
      normalised: Num,
      rank: Int,
      weight: Type.Number(),
      effectiveWeight: Type.Number({
        description: 'share of the index this indicator carries for this space',
      }),
      contribution: Type.Number({
        description: 'effectiveWeight × normalised; the contributions add up to the score',
      }),
    }),
  ),
  excluded: Type.Array(Type.Object({ code: Type.String(), coverage: Type.Number() })),
  strengths: Type.Array(StrWeak),
  weaknesses: Type.Array(StrWeak),
  check: Type.Object({
    contributionSum: Type.Number(),
    score: Type.Number(),
    difference: Type.Number(),
  }),
});
export type SpaceExplanation = Static<typeof SpaceExplanation>;

export const IndexInputs = Type.Object({
  release: Type.String(),
  level: IndexLevelSchema,
  year: Type.Integer(),
  aggregation: Type.String({ description: 'the method the release aggregates with (a_amean)' }),
  units: Type.Array(Type.String()),
  names: Type.Array(Nullable(Type.String())),
  index: Type.Object({ code: Type.String(), values: Type.Array(Num) }),
  pillars: Type.Object({
    codes: Type.Array(Type.String()),
    nameZh: Type.Array(Type.String()),
    nameEn: Type.Array(Type.String()),
    weights: Type.Array(Type.Number()),
    values: Type.Array(Type.Array(Num), { description: 'values[p][u]: pillar p, unit u (units order)' }),
  }),
  indicators: Nullable(
    Type.Object({
      codes: Type.Array(Type.String()),
      parents: Type.Array(Type.String()),
      weights: Type.Array(Type.Number()),
      directions: Type.Array(Type.Integer()),
      values: Type.Array(Type.Array(Num), { description: 'normalised values[k][u]' }),
    }),
  ),
});
export type IndexInputs = Static<typeof IndexInputs>;

export const RankIntervals = Type.Object({
  release: Type.String(),
  level: IndexLevelSchema,
  year: Type.Integer(),
  createdAt: Type.String(),
  analysis: Type.Record(Type.String(), Type.Unknown()),
  items: Type.Array(
    Type.Object({
      unitId: Type.String(),
      name: Nullable(Type.String()),
      nominal: Num,
      mean: Num,
      median: Num,
      q5: Num,
      q95: Num,
    }),
  ),
});
export type RankIntervals = Static<typeof RankIntervals>;

export const JobView = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  status: Type.Enum(['running', 'done', 'failed'] as const),
  progress: Type.Integer(),
  total: Int,
  result: Type.Unknown(),
  error: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type JobView = Static<typeof JobView>;
