import { Type, type Static } from 'typebox';
import { Nullable } from './schema-helpers.js';
import { OWNERSHIPS, SERVICES } from './taxonomy.js';

// The yearly statistics a space files in the national statistics survey (CHINA-FACTS.md §3).
// Field names are the camelCase of the `annual_reports` table columns; money is in 千元
// (thousands of yuan) because that is the unit of the survey form, so figures copy over unchanged.

export const REPORT_STATUSES = ['draft', 'submitted', 'accepted'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** A count filed on the form: missing (null) when the space left it blank, never negative. */
const count = (description: string) => Nullable(Type.Integer({ minimum: 0, description }));
/** An amount in 千元. Integers are not required: a form may carry decimals. */
const kCny = (description: string) =>
  Nullable(Type.Number({ minimum: 0, description: `${description} (千元)` }));

export const AnnualReport = Type.Object(
  {
    /** The stored space's id; generators fill it with a source key that the seeder maps to an id. */
    spaceId: Type.String({ minLength: 1, maxLength: 200 }),
    year: Type.Integer({ minimum: 2000, maximum: 2100 }),
    areaM2: Nullable(Type.Number({ minimum: 0, description: 'total area (m²)' })),
    workstations: count('workstations'),
    staff: count('full-time staff'),
    mentors: count('mentors, full- or part-time'),
    teamsServed: count('entrepreneurial teams served this year'),
    teamMembers: count('members of the teams served'),
    startupsServed: count('start-up firms served this year'),
    jobs: count('jobs provided by the teams and firms served'),
    jobsFreshGraduates: count('of which fresh graduates of the year'),
    teamsStudents: count('teams founded by students'),
    teamsReturnees: count('teams founded by returnees from abroad'),
    teamsScientists: count('teams founded by scientists or engineers'),
    teamsExecutives: count('teams founded by former executives of large firms'),
    teamsForeigners: count('teams founded by foreigners'),
    teamsFirstTime: count('teams of first-time founders'),
    financedCount: count('teams and firms that received financing this year'),
    financingKCny: kCny('amount financed this year'),
    events: count('innovation and entrepreneurship events held'),
    trainings: count('training sessions held'),
    validIp: count('valid intellectual property rights held by teams and firms'),
    inventionPatents: count('of which invention patents'),
    revenueKCny: kCny('total revenue'),
    serviceRevenueKCny: kCny('of which service revenue'),
    operatingCostKCny: kCny('operating cost'),
    subsidyKCny: kCny('government post-subsidies received'),
    taxReliefKCny: kCny('tax relief received'),
    serviceTypes: Type.Array(Type.Enum(SERVICES), { uniqueItems: true, maxItems: SERVICES.length }),
    listedFirms: count('listed firms among those served'),
    ownership: Nullable(Type.Enum(OWNERSHIPS)),
    status: Type.Enum(REPORT_STATUSES),
  },
  { additionalProperties: false },
);
export type AnnualReport = Static<typeof AnnualReport>;

/** Numeric fields of a report, e.g. for national sums or index indicators. */
export type ReportNumberField = {
  [K in keyof AnnualReport]: AnnualReport[K] extends number | null ? (K extends 'year' ? never : K) : never;
}[keyof AnnualReport];
