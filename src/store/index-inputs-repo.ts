// The registry fields the maker index reads: profile indicators, region counts and names.
import type { Kysely } from 'kysely';
import type { Tables } from './tables.js';

type Db = Kysely<Tables>;

/** The registry fields the index reads (profile indicators, region counts, names). */
export interface SpaceFacts {
  id: string;
  nameZh: string | null;
  nameEn: string | null;
  type: string;
  status: string;
  countryCode: string;
  regionCode: string | null;
  foundedOn: string | null;
  closedOn: string | null;
  certification: string;
  certificationGrade: string | null;
  equipment: string[];
  services: string[];
  membershipPlans: { amount: number; currency: string; interval: string }[];
  openingHours: string | null;
}

/** Every space's index-relevant fields, by id. */
export const listSpaceFacts = async (db: Db): Promise<SpaceFacts[]> => {
  const rows = await db
    .selectFrom('spaces')
    .select([
      'id',
      'name_zh',
      'name_en',
      'type',
      'status',
      'country_code',
      'region_code',
      'founded_on',
      'closed_on',
      'certification',
      'certification_grade',
      'equipment',
      'services',
      'membership_plans',
      'opening_hours',
    ])
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    nameZh: r.name_zh,
    nameEn: r.name_en,
    type: r.type,
    status: r.status,
    countryCode: r.country_code,
    regionCode: r.region_code,
    foundedOn: r.founded_on,
    closedOn: r.closed_on,
    certification: r.certification,
    certificationGrade: r.certification_grade,
    equipment: r.equipment,
    services: r.services,
    membershipPlans: r.membership_plans.map((p) => ({
      amount: p.amount,
      currency: p.currency,
      interval: p.interval,
    })),
    openingHours: r.opening_hours,
  }));
};
