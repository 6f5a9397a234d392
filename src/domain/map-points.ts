// The registry as the map draws it: one compact column per attribute the map filters or colours by,
// so ten thousand spaces travel in a few hundred kilobytes and the browser can filter, colour and
// animate them by year without asking the server again. Codes travel as indexes into the taxonomy
// lists (sent along in `dict`), service and equipment sets as bit masks.
import { Type, type Static } from 'typebox';
import { maskOf } from './map-filter.js';
import { cheapestMonthly } from './membership-price.js';
import type { SpaceSummary } from './space.js';
import { CERTIFICATIONS, EQUIPMENT, SERVICES, SPACE_TYPES, STATUSES } from './taxonomy.js';

const Int = Type.Integer();
const IntOrNull = Type.Union([Type.Integer(), Type.Null()]);

export const MapPoints = Type.Object({
  dict: Type.Object({
    type: Type.Array(Type.String()),
    status: Type.Array(Type.String()),
    certification: Type.Array(Type.String()),
    services: Type.Array(Type.String(), { description: 'bit i of `services` = dict.services[i]' }),
    equipment: Type.Array(Type.String(), { description: 'bit i of `equipment` = dict.equipment[i]' }),
  }),
  id: Type.Array(Type.String()),
  nameZh: Type.Array(Type.Union([Type.String(), Type.Null()])),
  nameEn: Type.Array(Type.Union([Type.String(), Type.Null()])),
  lon: Type.Array(Type.Number()),
  lat: Type.Array(Type.Number()),
  type: Type.Array(Int, { description: 'index into dict.type' }),
  status: Type.Array(Int),
  certification: Type.Array(Int),
  founded: Type.Array(IntOrNull, { description: 'founding year' }),
  closed: Type.Array(IntOrNull, { description: 'closing year' }),
  synthetic: Type.Array(Type.Integer({ minimum: 0, maximum: 1 })),
  price: Type.Array(IntOrNull, { description: 'cheapest membership per month, CNY' }),
  services: Type.Array(Int),
  equipment: Type.Array(Int),
  region: Type.Array(Type.Union([Type.String(), Type.Null()]), { description: 'GB/T 2260 code' }),
});
export type MapPoints = Static<typeof MapPoints>;

/** What the map shows; every field is optional and an empty list means "no restriction". */
export const MapFilter = Type.Object({
  type: Type.Optional(Type.Array(Type.Enum(SPACE_TYPES))),
  status: Type.Optional(Type.Array(Type.Enum(STATUSES))),
  certification: Type.Optional(Type.Array(Type.Enum(CERTIFICATIONS))),
  priceMax: Type.Optional(
    Type.Number({ minimum: 0, description: 'CNY per month; spaces without a monthly price are hidden' }),
  ),
  services: Type.Optional(Type.Array(Type.Enum(SERVICES), { description: 'spaces offering all of them' })),
  equipment: Type.Optional(Type.Array(Type.Enum(EQUIPMENT), { description: 'spaces having all of them' })),
  synthetic: Type.Optional(Type.Boolean({ description: 'true: synthetic only; false: real records only' })),
  year: Type.Optional(
    Type.Integer({
      minimum: 1900,
      maximum: 2100,
      description: 'spaces founded by this year and not closed before it',
    }),
  ),
});
export type MapFilter = Static<typeof MapFilter>;

const YEAR = /^(\d{4})/;
export const yearOf = (date: string | null): number | null => {
  const m = date === null ? null : YEAR.exec(date);
  return m ? Number(m[1]) : null;
};

export const emptyMapPoints = (): MapPoints => ({
  dict: {
    type: [...SPACE_TYPES],
    status: [...STATUSES],
    certification: [...CERTIFICATIONS],
    services: [...SERVICES],
    equipment: [...EQUIPMENT],
  },
  id: [],
  nameZh: [],
  nameEn: [],
  lon: [],
  lat: [],
  type: [],
  status: [],
  certification: [],
  founded: [],
  closed: [],
  synthetic: [],
  price: [],
  services: [],
  equipment: [],
  region: [],
});

/** Appends a space; spaces without coordinates cannot be drawn and are skipped (returns false). */
export const addMapPoint = (p: MapPoints, s: SpaceSummary): boolean => {
  if (s.lat === null || s.lon === null) return false;
  p.id.push(s.id);
  p.nameZh.push(s.nameZh);
  p.nameEn.push(s.nameEn);
  // 1e-5° is about a metre: enough for a map, and it keeps the JSON short.
  p.lon.push(Math.round(s.lon * 1e5) / 1e5);
  p.lat.push(Math.round(s.lat * 1e5) / 1e5);
  p.type.push(Math.max(0, SPACE_TYPES.indexOf(s.type)));
  p.status.push(Math.max(0, STATUSES.indexOf(s.status)));
  p.certification.push(Math.max(0, CERTIFICATIONS.indexOf(s.certification)));
  p.founded.push(yearOf(s.foundedOn));
  p.closed.push(yearOf(s.closedOn));
  p.synthetic.push(s.synthetic ? 1 : 0);
  p.price.push(cheapestMonthly(s.membershipPlans));
  p.services.push(maskOf(SERVICES, s.services));
  p.equipment.push(maskOf(EQUIPMENT, s.equipment));
  p.region.push(s.regionCode);
  return true;
};

/** The latest year any space was founded or closed in (the end of the map's time slider). */
export const latestYearOf = (p: MapPoints): number | null => {
  let y: number | null = null;
  for (const col of [p.founded, p.closed])
    for (const v of col) if (v !== null && (y === null || v > y)) y = v;
  return y;
};
