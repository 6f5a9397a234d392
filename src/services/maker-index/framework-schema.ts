// The maker-index framework file (data/frameworks/*.json) as TypeBox schemas: written once, the
// types derive. Each indicator names a formula (how it is computed from reports, cohorts and the
// profile); the formula's parameters have their own schema, checked in a second pass so that an
// error points at the exact parameter (see framework.ts).
import { Type, type Static, type TSchema } from 'typebox';
import { CERTIFICATIONS, SERVICES } from '../../domain/taxonomy.js';
import type { ReportNumberField } from '../../domain/annual-report.js';

/** Numeric fields of an annual report that formulas may read. */
export const REPORT_NUMBER_FIELDS = [
  'areaM2',
  'workstations',
  'staff',
  'mentors',
  'teamsServed',
  'teamMembers',
  'startupsServed',
  'jobs',
  'jobsFreshGraduates',
  'teamsStudents',
  'teamsReturnees',
  'teamsScientists',
  'teamsExecutives',
  'teamsForeigners',
  'teamsFirstTime',
  'financedCount',
  'financingKCny',
  'events',
  'trainings',
  'validIp',
  'inventionPatents',
  'revenueKCny',
  'serviceRevenueKCny',
  'operatingCostKCny',
  'subsidyKCny',
  'taxReliefKCny',
  'listedFirms',
] as const satisfies readonly ReportNumberField[];
// Fails to compile when the report schema gains a numeric field that is not listed above.
type Unlisted = Exclude<ReportNumberField, (typeof REPORT_NUMBER_FIELDS)[number]>;
const everyFieldListed: [Unlisted] extends [never] ? true : Unlisted = true;
void everyFieldListed;

const ReportField = Type.Enum(REPORT_NUMBER_FIELDS);
const Fields = Type.Array(ReportField, { minItems: 1, uniqueItems: true });
const closed = { additionalProperties: false } as const;

/** Formulas of space indicators and the parameters each takes. */
export const SPACE_FORMULA_PARAMS = {
  /** Σ num ÷ Σ den × scale (num combined by `max` when the numerators overlap); missing when den is 0. */
  ratio: Type.Object(
    {
      num: Fields,
      den: Fields,
      scale: Type.Optional(Type.Number({ exclusiveMinimum: 0 })),
      combine: Type.Optional(Type.Enum(['sum', 'max'] as const)),
      cap: Type.Optional(Type.Number({ exclusiveMinimum: 0 })),
    },
    closed,
  ),
  /** Σ fields of the report (missing when every field is missing). */
  sum: Type.Object({ fields: Fields }, closed),
  /** Number of the listed services the space offers (profile services ∪ report service types). */
  service_breadth: Type.Object(
    { services: Type.Array(Type.Enum(SERVICES), { minItems: 1, uniqueItems: true }) },
    closed,
  ),
  /** Number of equipment categories in the profile. */
  equipment_count: Type.Object({}, closed),
  /** Kaplan–Meier survival at `years` of the firms that entered by the year's end, observed then. */
  km_survival: Type.Object(
    { years: Type.Number({ exclusiveMinimum: 0 }), minFirms: Type.Integer({ minimum: 1 }) },
    closed,
  ),
  /** Graduated ÷ all exits of the last `windowYears` years (missing below `minExits` exits). */
  graduation_share: Type.Object(
    { windowYears: Type.Integer({ minimum: 1 }), minExits: Type.Integer({ minimum: 1 }) },
    closed,
  ),
  /** Cheapest membership plan in `currency`, per month. */
  min_monthly_price: Type.Object({ currency: Type.String({ pattern: '^[A-Z]{3}$' }) }, closed),
  /** Hours open in the week starting `weekStart` (a Monday without public holidays). */
  weekly_hours: Type.Object({ weekStart: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }) }, closed),
  /** (revenue − operating cost) ÷ revenue. */
  operating_margin: Type.Object({}, closed),
  /** Years from the founding date to the end of the year. */
  years_in_operation: Type.Object({}, closed),
} as const satisfies Record<string, TSchema>;

/** Formulas of region indicators and their parameters. */
export const REGION_FORMULA_PARAMS = {
  /** Spaces active at the year's end (optionally of one certification level) per million residents. */
  spaces_per_million: Type.Object({ certification: Type.Optional(Type.Enum(CERTIFICATIONS)) }, closed),
  /** Active spaces at the year's end ÷ active spaces `years` earlier − 1. */
  growth: Type.Object({ years: Type.Integer({ minimum: 1 }) }, closed),
  /** Median index score of the region's scored spaces. */
  median_space_index: Type.Object({}, closed),
  /** Share of the region's active spaces with this certification grade. */
  share_graded: Type.Object({ grade: Type.Enum(['A', 'B', 'C', 'D'] as const) }, closed),
  /** Mean of a survival indicator over the region's spaces, weighted by their cohort sizes. */
  cohort_weighted_survival: Type.Object({ indicator: Type.String({ minLength: 1 }) }, closed),
  /** Σ report fields of the region's spaces per `scale` residents. */
  reports_per_population: Type.Object(
    { fields: Fields, scale: Type.Number({ exclusiveMinimum: 0 }) },
    closed,
  ),
} as const satisfies Record<string, TSchema>;

export type SpaceFormula = keyof typeof SPACE_FORMULA_PARAMS;
export type RegionFormula = keyof typeof REGION_FORMULA_PARAMS;
export type FormulaParams<F extends SpaceFormula> = Static<(typeof SPACE_FORMULA_PARAMS)[F]>;
export type RegionFormulaParams<F extends RegionFormula> = Static<(typeof REGION_FORMULA_PARAMS)[F]>;

export const TRANSFORMS = ['none', 'log1p'] as const;
export type Transform = (typeof TRANSFORMS)[number];

/** iCodes: COINr accepts any text without spaces; we keep them identifier-like for URLs and CSV. */
const Code = Type.String({ pattern: '^[A-Za-z][A-Za-z0-9_]*$', maxLength: 40 });
const Name = Type.String({ minLength: 1, maxLength: 200 });
const Weight = Type.Number({ minimum: 0 });

const Named = { code: Code, nameZh: Name, nameEn: Name };

export const Pillar = Type.Object({ ...Named, weight: Weight }, closed);

const indicatorProps = {
  ...Named,
  pillar: Code,
  weight: Weight,
  direction: Type.Union([Type.Literal(1), Type.Literal(-1)]),
  unit: Type.String({ maxLength: 60 }),
  transform: Type.Optional(Type.Enum(TRANSFORMS)),
  params: Type.Record(Type.String(), Type.Unknown()),
};

export const REGION_LEVELS = ['province', 'prefecture'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

// Tuples, so that Type.Enum's static type is the union of names (an array type would widen to string).
const SPACE_FORMULAS = Object.keys(SPACE_FORMULA_PARAMS) as [SpaceFormula, ...SpaceFormula[]];
const REGION_FORMULAS = Object.keys(REGION_FORMULA_PARAMS) as [RegionFormula, ...RegionFormula[]];

export const SpaceIndicator = Type.Object({ ...indicatorProps, formula: Type.Enum(SPACE_FORMULAS) }, closed);
export const RegionIndicator = Type.Object(
  {
    ...indicatorProps,
    formula: Type.Enum(REGION_FORMULAS),
    /** Levels the indicator applies to (default: all region levels). */
    levels: Type.Optional(Type.Array(Type.Enum(REGION_LEVELS), { minItems: 1, uniqueItems: true })),
  },
  closed,
);

const Share = Type.Number({ minimum: 0, maximum: 1 });
const Top = Type.Object(Named, closed);

export const SpaceLevel = Type.Object(
  {
    index: Top,
    /** The iData group column (the space type) used by group imputation. */
    groupColumn: Type.String({ pattern: '_group$' }),
    minCoverage: Share,
    /** Report statuses that count (drafts never do). */
    reportStatuses: Type.Array(Type.Enum(['submitted', 'accepted'] as const), {
      minItems: 1,
      uniqueItems: true,
    }),
    pillars: Type.Array(Pillar, { minItems: 1 }),
    indicators: Type.Array(SpaceIndicator, { minItems: 1 }),
    /** A pipeline spec for src/engine/pipeline (COINr's steps). */
    pipeline: Type.Unknown(),
  },
  closed,
);

export const RegionLevelSpec = Type.Object(
  {
    index: Top,
    levels: Type.Array(Type.Enum(REGION_LEVELS), { minItems: 1, uniqueItems: true }),
    minCoverage: Share,
    pillars: Type.Array(Pillar, { minItems: 1 }),
    indicators: Type.Array(RegionIndicator, { minItems: 1 }),
    pipeline: Type.Unknown(),
  },
  closed,
);

export const MakerFramework = Type.Object(
  {
    id: Type.String({ pattern: '^[a-z0-9][a-z0-9-]*$', maxLength: 80 }),
    version: Type.String({ pattern: '^\\d+\\.\\d+\\.\\d+$' }),
    nameZh: Name,
    nameEn: Name,
    description: Type.String(),
    notes: Type.Optional(Type.Array(Type.String())),
    space: SpaceLevel,
    region: RegionLevelSpec,
    /** A sensitivity spec (type UA) for src/services/sensitivity, addressing the space pipeline. */
    uncertainty: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  },
  closed,
);

export type MakerFramework = Static<typeof MakerFramework>;
export type SpaceIndicator = Static<typeof SpaceIndicator>;
export type RegionIndicator = Static<typeof RegionIndicator>;
export type Pillar = Static<typeof Pillar>;
