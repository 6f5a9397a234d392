import { Type, type Static } from 'typebox';
import { Nullable } from './schema-helpers.js';
import {
  CERTIFICATIONS,
  EQUIPMENT,
  LEGAL_FORMS,
  OWNERSHIPS,
  PLAN_INTERVALS,
  SERVICES,
  SPACE_TYPES,
  STATUSES,
} from './taxonomy.js';

/** ISO date, or a year / year-month when a source only knows that much (the seed study gives years). */
export const PartialDate = Type.String({
  pattern: '^\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?$',
  description: 'YYYY, YYYY-MM or YYYY-MM-DD',
});

export const MembershipPlan = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    amount: Type.Number({ minimum: 0, maximum: 1e9 }),
    currency: Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217 code' }),
    interval: Type.Enum(PLAN_INTERVALS),
  },
  { additionalProperties: false },
);
export type MembershipPlan = Static<typeof MembershipPlan>;

export const Link = Type.Object(
  {
    kind: Type.Enum(['website', 'email', 'phone', 'spaceapi', 'fablabs', 'wiki', 'social', 'other'] as const),
    url: Type.String({ minLength: 1, maxLength: 2000 }),
  },
  { additionalProperties: false },
);
export type Link = Static<typeof Link>;

/** Where a record came from: used for de-duplication (same source + id = same space). */
export const SourceRef = Type.Object(
  {
    source: Type.String({
      minLength: 1,
      maxLength: 100,
      description: 'e.g. fablabs.io, hackerspaces.org, nesta-2015',
    }),
    sourceId: Type.String({ minLength: 1, maxLength: 500 }),
    url: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type SourceRef = Static<typeof SourceRef>;

/** Who set a field and when. Keyed by field name in `Space.provenance`. */
export const Provenance = Type.Object(
  {
    source: Type.String({ maxLength: 200 }),
    at: Type.String({ description: 'ISO timestamp' }),
    actor: Type.String({ maxLength: 200 }),
  },
  { additionalProperties: false },
);
export type Provenance = Static<typeof Provenance>;

/** Free profile facts kept from a source (Nesta: tools, fees, members, floor space...). */
export const ProfileValue = Nullable(
  Type.Union([Type.String({ maxLength: 5000 }), Type.Number(), Type.Boolean()]),
);

const str = (max: number) => Type.String({ maxLength: max });

/** The fields a person or an importer may set. */
export const SpaceInput = Type.Object(
  {
    nameZh: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 300 }))),
    nameEn: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 300 }))),
    type: Type.Enum(SPACE_TYPES),
    status: Type.Enum(STATUSES),
    foundedOn: Type.Optional(Nullable(PartialDate)),
    closedOn: Type.Optional(Nullable(PartialDate)),
    countryCode: Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2' }),
    regionCode: Type.Optional(
      Nullable(Type.String({ pattern: '^\\d{6}$', description: 'GB/T 2260 (China only)' })),
    ),
    city: Type.Optional(Nullable(str(200))),
    address: Type.Optional(Nullable(str(500))),
    postcode: Type.Optional(Nullable(str(20))),
    lat: Type.Optional(Nullable(Type.Number({ minimum: -90, maximum: 90 }))),
    lon: Type.Optional(Nullable(Type.Number({ minimum: -180, maximum: 180 }))),
    approximate: Type.Optional(Type.Boolean({ description: 'coordinates are city-level or guessed' })),
    operatorName: Type.Optional(Nullable(str(300))),
    legalForm: Type.Optional(Nullable(Type.Enum(LEGAL_FORMS))),
    ownership: Type.Optional(Nullable(Type.Enum(OWNERSHIPS))),
    areaM2: Type.Optional(Nullable(Type.Number({ minimum: 0, maximum: 10_000_000 }))),
    workstations: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 1_000_000 }))),
    membershipPlans: Type.Optional(Type.Array(MembershipPlan, { maxItems: 50 })),
    equipment: Type.Optional(
      Type.Array(Type.Enum(EQUIPMENT), { maxItems: EQUIPMENT.length, uniqueItems: true }),
    ),
    services: Type.Optional(
      Type.Array(Type.Enum(SERVICES), { maxItems: SERVICES.length, uniqueItems: true }),
    ),
    openingHours: Type.Optional(
      Nullable(Type.String({ maxLength: 500, description: 'OSM opening_hours syntax' })),
    ),
    links: Type.Optional(Type.Array(Link, { maxItems: 50 })),
    certification: Type.Optional(Type.Enum(CERTIFICATIONS)),
    certificationGrade: Type.Optional(Nullable(Type.Enum(['A', 'B', 'C', 'D'] as const))),
    description: Type.Optional(Nullable(str(10_000))),
    synthetic: Type.Optional(Type.Boolean()),
    profile: Type.Optional(Type.Record(Type.String({ maxLength: 100 }), ProfileValue)),
    sources: Type.Optional(Type.Array(SourceRef, { maxItems: 20 })),
  },
  { additionalProperties: false },
);
export type SpaceInput = Static<typeof SpaceInput>;

/** A stored space: the input plus identity, bookkeeping and per-field provenance. */
export const Space = Type.Object(
  {
    id: Type.String(),
    nameZh: Nullable(Type.String()),
    nameEn: Nullable(Type.String()),
    type: Type.Enum(SPACE_TYPES),
    status: Type.Enum(STATUSES),
    foundedOn: Nullable(Type.String()),
    closedOn: Nullable(Type.String()),
    countryCode: Type.String(),
    regionCode: Nullable(Type.String()),
    city: Nullable(Type.String()),
    address: Nullable(Type.String()),
    postcode: Nullable(Type.String()),
    lat: Nullable(Type.Number()),
    lon: Nullable(Type.Number()),
    approximate: Type.Boolean(),
    operatorName: Nullable(Type.String()),
    legalForm: Nullable(Type.String()),
    ownership: Nullable(Type.String()),
    areaM2: Nullable(Type.Number()),
    workstations: Nullable(Type.Integer()),
    membershipPlans: Type.Array(MembershipPlan),
    equipment: Type.Array(Type.String()),
    services: Type.Array(Type.String()),
    openingHours: Nullable(Type.String()),
    links: Type.Array(Link),
    certification: Type.Enum(CERTIFICATIONS),
    certificationGrade: Nullable(Type.String()),
    description: Nullable(Type.String()),
    synthetic: Type.Boolean(),
    profile: Type.Record(Type.String(), ProfileValue),
    sources: Type.Array(SourceRef),
    provenance: Type.Record(Type.String(), Provenance),
    createdAt: Type.String(),
    updatedAt: Type.String(),
  },
  { additionalProperties: false },
);
export type Space = Static<typeof Space>;

/** Display name: Chinese first, as the product is Chinese-first. */
export const displayName = (s: Pick<Space, 'nameZh' | 'nameEn'>): string => s.nameZh ?? s.nameEn ?? '';

/**
 * What a list shows of a space: enough to draw, filter, rank and link to it. The full record (provenance,
 * profile, links, description) is one request away at /spaces/{id}; leaving it out of lists keeps a page of
 * 50 spaces at a few tens of kilobytes instead of hundreds.
 */
export const SUMMARY_FIELDS = [
  'id',
  'nameZh',
  'nameEn',
  'type',
  'status',
  'foundedOn',
  'closedOn',
  'countryCode',
  'regionCode',
  'city',
  'lat',
  'lon',
  'approximate',
  'areaM2',
  'workstations',
  'membershipPlans',
  'equipment',
  'services',
  'certification',
  'certificationGrade',
  'synthetic',
  'updatedAt',
] as const satisfies readonly (keyof Space)[];
export const SpaceSummary = Type.Pick(Space, SUMMARY_FIELDS);
export type SpaceSummary = Static<typeof SpaceSummary>;

export const summaryOf = (s: Space): SpaceSummary => {
  const out: Record<string, unknown> = {};
  for (const f of SUMMARY_FIELDS) out[f] = s[f];
  return out as SpaceSummary;
};
