// Space ↔ spaces row. The row adds derived columns (search text, sort key, founding year), which
// are always recomputed here from the space, never taken from callers.
import type { Space, SpaceSummary } from '../domain/space.js';
import { packProvenance, unpackProvenance } from './provenance-codec.js';
import { NameTexts } from './name-texts.js';
import { StoreInputError } from './store-error.js';
import type { NewSpaceRow, SpaceRow } from './tables.js';

/** The columns a Space is read from (search_text stays in the database). */
export const SPACE_COLUMNS = [
  'id',
  'name_zh',
  'name_en',
  'type',
  'status',
  'founded_on',
  'closed_on',
  'country_code',
  'region_code',
  'city',
  'address',
  'postcode',
  'lat',
  'lon',
  'approximate',
  'operator_name',
  'legal_form',
  'ownership',
  'area_m2',
  'workstations',
  'membership_plans',
  'equipment',
  'services',
  'opening_hours',
  'links',
  'certification',
  'certification_grade',
  'description',
  'synthetic',
  'profile',
  'sources',
  'provenance',
  'created_at',
  'updated_at',
] as const satisfies ReadonlyArray<keyof SpaceRow>;

/** Every column written on insert, in the order of spaceValues(). */
export const SPACE_WRITE_COLUMNS = [...SPACE_COLUMNS, 'search_text', 'name_sort', 'founded_year'] as const;

export type SpaceReadRow = Pick<SpaceRow, (typeof SPACE_COLUMNS)[number]>;

// A bulk write stamps every row with the same instant: remember the last one converted (starting
// with one that is its own canonical form).
let lastInstant = '1970-01-01T00:00:00.000Z';
let lastCanonical = lastInstant;

/** Timestamps are stored in one canonical form so both databases give back the same string. */
const canonicalInstant = (value: string, field: string, id: string): string => {
  if (value === lastInstant) return lastCanonical;
  const t = Date.parse(value);
  if (Number.isNaN(t)) {
    throw new StoreInputError(
      'space.invalid',
      `space ${id}: ${field} "${value}" is not an ISO timestamp`,
      `/${field}`,
    );
  }
  lastCanonical = new Date(t).toISOString();
  lastInstant = value;
  return lastCanonical;
};

const foundedYear = (foundedOn: string | null): number | null => {
  const m = foundedOn ? /^(\d{4})/.exec(foundedOn) : null;
  return m ? Number(m[1]) : null;
};

/** `names` may hold the name texts precomputed for a bulk write (same results, computed ahead). */
export const spaceToRow = (s: Space, names: NameTexts = NameTexts.none): NewSpaceRow => {
  const { searchText, nameSort } = names.of(s.nameZh, s.nameEn);
  return {
    id: s.id,
    name_zh: s.nameZh,
    name_en: s.nameEn,
    type: s.type,
    status: s.status,
    founded_on: s.foundedOn,
    closed_on: s.closedOn,
    country_code: s.countryCode,
    region_code: s.regionCode,
    city: s.city,
    address: s.address,
    postcode: s.postcode,
    lat: s.lat,
    lon: s.lon,
    approximate: s.approximate,
    operator_name: s.operatorName,
    legal_form: s.legalForm,
    ownership: s.ownership,
    area_m2: s.areaM2,
    workstations: s.workstations,
    membership_plans: JSON.stringify(s.membershipPlans),
    equipment: JSON.stringify(s.equipment),
    services: JSON.stringify(s.services),
    opening_hours: s.openingHours,
    links: JSON.stringify(s.links),
    certification: s.certification,
    certification_grade: s.certificationGrade,
    description: s.description,
    synthetic: s.synthetic,
    profile: JSON.stringify(s.profile),
    sources: JSON.stringify(s.sources),
    provenance: packProvenance(s.provenance),
    created_at: canonicalInstant(s.createdAt, 'createdAt', s.id),
    updated_at: canonicalInstant(s.updatedAt, 'updatedAt', s.id),
    search_text: searchText,
    name_sort: nameSort,
    founded_year: foundedYear(s.foundedOn),
  };
};

/** The row's values in SPACE_WRITE_COLUMNS order, for multi-row inserts. */
export const spaceValues = (row: NewSpaceRow): unknown[] => SPACE_WRITE_COLUMNS.map((c) => row[c]);

export const rowToSpace = (r: SpaceReadRow): Space => ({
  id: r.id,
  nameZh: r.name_zh,
  nameEn: r.name_en,
  type: r.type as Space['type'],
  status: r.status as Space['status'],
  foundedOn: r.founded_on,
  closedOn: r.closed_on,
  countryCode: r.country_code,
  regionCode: r.region_code,
  city: r.city,
  address: r.address,
  postcode: r.postcode,
  lat: r.lat,
  lon: r.lon,
  approximate: r.approximate,
  operatorName: r.operator_name,
  legalForm: r.legal_form,
  ownership: r.ownership,
  areaM2: r.area_m2,
  workstations: r.workstations,
  membershipPlans: r.membership_plans,
  equipment: r.equipment,
  services: r.services,
  openingHours: r.opening_hours,
  links: r.links,
  certification: r.certification as Space['certification'],
  certificationGrade: r.certification_grade,
  description: r.description,
  synthetic: r.synthetic,
  profile: r.profile,
  sources: r.sources,
  provenance: unpackProvenance(r.provenance),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** Freezes a value and everything in it, so a memoised space cannot be changed by one caller for all. */
export const deepFreeze = <T>(value: T): T => {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
};

/** The columns a SpaceSummary is read from (see SUMMARY_FIELDS in the domain). */
export const SUMMARY_COLUMNS = [
  'id',
  'name_zh',
  'name_en',
  'type',
  'status',
  'founded_on',
  'closed_on',
  'country_code',
  'region_code',
  'city',
  'lat',
  'lon',
  'approximate',
  'area_m2',
  'workstations',
  'membership_plans',
  'equipment',
  'services',
  'certification',
  'certification_grade',
  'synthetic',
  'updated_at',
] as const satisfies ReadonlyArray<keyof SpaceRow>;

export type SummaryReadRow = Pick<SpaceRow, (typeof SUMMARY_COLUMNS)[number]>;

export const rowToSummary = (r: SummaryReadRow): SpaceSummary => ({
  id: r.id,
  nameZh: r.name_zh,
  nameEn: r.name_en,
  type: r.type as SpaceSummary['type'],
  status: r.status as SpaceSummary['status'],
  foundedOn: r.founded_on,
  closedOn: r.closed_on,
  countryCode: r.country_code,
  regionCode: r.region_code,
  city: r.city,
  lat: r.lat,
  lon: r.lon,
  approximate: r.approximate,
  areaM2: r.area_m2,
  workstations: r.workstations,
  membershipPlans: r.membership_plans,
  equipment: r.equipment,
  services: r.services,
  certification: r.certification as SpaceSummary['certification'],
  certificationGrade: r.certification_grade,
  synthetic: r.synthetic,
  updatedAt: r.updated_at,
});
