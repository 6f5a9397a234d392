// From a validated SpaceInput to a stored Space: identity, defaults for what the input left out, and
// per-field provenance for every field the input actually set.
import type { Provenance, Space, SpaceInput } from './space.js';

export interface RecordMeta {
  id: string;
  /** ISO timestamp of the write. */
  at: string;
  /** Where the data came from: an import's format and file, `seed-study`, `synthetic`, `api`. */
  source: string;
  /** Who made the write: a user, or `system` for seeds. */
  actor: string;
}

/** True when `o` has an own enumerable key (without building the key list). */
const hasOwnKey = (o: object): boolean => {
  for (const k in o) if (Object.hasOwn(o, k)) return true;
  return false;
};

const isSet = (v: unknown): boolean =>
  v !== undefined &&
  v !== null &&
  (typeof v !== 'object' || (Array.isArray(v) ? v.length > 0 : hasOwnKey(v)));

/**
 * Provenance entries for every field an input sets (`profile` keys individually, as the merge does).
 * A plain for-in loop with no entry arrays: a 100,000-row import calls this once per record, and the
 * Object.entries version was its single most expensive function (allocation and GC).
 */
export const provenanceOf = (input: SpaceInput, stamp: Provenance): Record<string, Provenance> => {
  const out: Record<string, Provenance> = {};
  const fields = input as Record<string, unknown>;
  for (const field in fields) {
    if (!Object.hasOwn(fields, field)) continue;
    const value = fields[field];
    if (field === 'profile' && value && typeof value === 'object') {
      for (const key in value) if (Object.hasOwn(value, key)) out[`profile.${key}`] = stamp;
    } else if (isSet(value)) {
      out[field] = stamp;
    }
  }
  // Keys added by computed name leave an object this size in V8's dictionary mode (~1 KB more each,
  // slow to read); the spread copy has a fast shape shared by records with the same fields.
  return { ...out };
};

/** A new stored space. `provenance` defaults to one entry per set field, stamped with `meta`. */
export const newSpace = (
  input: SpaceInput,
  meta: RecordMeta,
  provenance?: Record<string, Provenance>,
): Space => ({
  id: meta.id,
  nameZh: input.nameZh ?? null,
  nameEn: input.nameEn ?? null,
  type: input.type,
  status: input.status,
  foundedOn: input.foundedOn ?? null,
  closedOn: input.closedOn ?? null,
  countryCode: input.countryCode,
  regionCode: input.regionCode ?? null,
  city: input.city ?? null,
  address: input.address ?? null,
  postcode: input.postcode ?? null,
  lat: input.lat ?? null,
  lon: input.lon ?? null,
  approximate: input.approximate ?? false,
  operatorName: input.operatorName ?? null,
  legalForm: input.legalForm ?? null,
  ownership: input.ownership ?? null,
  areaM2: input.areaM2 ?? null,
  workstations: input.workstations ?? null,
  membershipPlans: input.membershipPlans ?? [],
  equipment: input.equipment ?? [],
  services: input.services ?? [],
  openingHours: input.openingHours ?? null,
  links: input.links ?? [],
  certification: input.certification ?? 'none',
  certificationGrade: input.certificationGrade ?? null,
  description: input.description ?? null,
  synthetic: input.synthetic ?? false,
  profile: input.profile ?? {},
  sources: input.sources ?? [],
  provenance: provenance ?? provenanceOf(input, { source: meta.source, at: meta.at, actor: meta.actor }),
  createdAt: meta.at,
  updatedAt: meta.at,
});

/** The editable part of a stored space, for merging and re-validation. Nulls and empties are dropped. */
export const inputOf = (s: Space): SpaceInput => {
  const { id: _id, provenance: _p, createdAt: _c, updatedAt: _u, ...fields } = s;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) if (isSet(v) || typeof v === 'boolean') out[k] = v;
  return out as SpaceInput;
};
