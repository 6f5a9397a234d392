// Semantic checks on a space draft, beyond what the schema can say: places agree with coordinates, codes exist,
// dates and status agree, money is in ISO currencies, opening hours parse.
//
// Severity rule: `error` when the record is certainly wrong or would mislead the map or the index (a point in
// another country, swapped coordinates, unknown codes, dates in the wrong order); `warning` when it is
// probably incomplete or stale but usable (closed without a date, a prefecture that disagrees with the point
// while the province agrees, opening-hours style notes). An import with any error writes nothing.
import OpeningHours from 'opening_hours';
import type { InputIssue } from './issue.js';
import type { SpaceInput } from './space.js';
import { isSpaceInput, spaceInputValidator as validator } from './space-input-check.js';
import { countryName, isCountryCode, SOVEREIGN_OF } from './countries.js';
import { isCurrencyCode, suggestCurrency } from './currencies.js';
import { isValidLatLon, type GeoLookup } from './geo.js';
import { NON_MAINLAND_PROVINCES, provinceCodeOf, type RegionIndex } from './regions.js';

export interface ValidateSpaceContext {
  /** Point-in-area answers; without it the coordinate-vs-place checks are skipped. */
  geo?: GeoLookup;
  /** The China region table; without it region codes are checked for shape only (by the schema). */
  regions?: RegionIndex;
  /** Where the draft sits in its input; copied into every issue. */
  where?: { file?: string; row?: number; path?: string };
  /** Today as YYYY-MM-DD (the domain reads no clock); without it the "founded in the future" check is skipped. */
  today?: string;
  /** Prefecture/county agreement is a warning by default (the prefecture outlines are coarser); `off` skips it. */
  prefectureCheck?: 'warning' | 'off';
  /**
   * The caller vouches that `draft` already passed the SpaceInput schema and has not changed since: every
   * importer's finishDraft makes that check on each record it emits, and checking 100,000 drafts a second
   * time cost about half a second. The schema check is then skipped. Leave it unset for drafts from
   * anywhere else: the semantic checks below assume well-typed fields.
   */
  schemaChecked?: boolean;
}

/**
 * Which country a province-level code belongs to: GB/T 2260 lists 710000, 810000 and 820000, while ISO 3166-1
 * (our countryCode) has TW, HK and MO. A regionCode is allowed with CN (mainland codes) and with HK, MO, TW
 * (their own province-level code and codes under it); anything else is `region.country_mismatch`.
 */
export const countryOfRegion = (code: string): string => NON_MAINLAND_PROVINCES[provinceCodeOf(code)] ?? 'CN';
const REGION_COUNTRIES = new Set(['CN', 'HK', 'MO', 'TW']);

interface SchemaError {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  message: string;
}

const fieldOf = (pointer: string, params: Record<string, unknown>): string | undefined =>
  pointer.split('/')[1] ||
  (typeof params['requiredProperties'] === 'object'
    ? String((params['requiredProperties'] as unknown[])[0])
    : undefined) ||
  (typeof params['additionalProperties'] === 'object'
    ? String((params['additionalProperties'] as unknown[])[0])
    : undefined);

/** One issue per field: the first, most specific schema error (a Nullable's "must be null" explains nothing). */
const schemaIssues = (draft: unknown, base: Partial<InputIssue>, geo?: GeoLookup): InputIssue[] => {
  const errors = [...(validator.Errors(draft) as unknown as SchemaError[])].sort(
    (a, b) =>
      Number(a.keyword === 'anyOf' || a.params['type'] === 'null') -
      Number(b.keyword === 'anyOf' || b.params['type'] === 'null'),
  );
  const byField = new Map<string, InputIssue>();
  for (const e of errors) {
    const field = fieldOf(e.instancePath, e.params) ?? '';
    if (byField.has(field)) continue;
    const isCoordinate =
      (field === 'lat' || field === 'lon') && (e.keyword === 'minimum' || e.keyword === 'maximum');
    const swapped = isCoordinate && field === 'lat' && looksSwapped(draft, geo);
    byField.set(field, {
      ...base,
      severity: 'error',
      code: swapped
        ? 'coordinates.swapped'
        : isCoordinate
          ? 'coordinates.out_of_range'
          : `schema.${e.keyword}`,
      path: `${base.path ?? ''}${e.instancePath}` || undefined,
      field: field || undefined,
      message: swapped
        ? `latitude ${String(valueAt(draft, '/lat'))} is out of range (-90 to 90) while longitude ${String(valueAt(draft, '/lon'))} is a valid latitude: lat and lon look swapped`
        : isCoordinate
          ? `${field === 'lat' ? 'latitude must be between -90 and 90' : 'longitude must be between -180 and 180'}, found ${String(valueAt(draft, e.instancePath))}`
          : `${field || 'record'}: ${e.message}`,
    });
  }
  return [...byField.values()];
};

/**
 * lat outside ±90 but a valid longitude, and lon a valid latitude: the columns were swapped. With place data,
 * the swapped point must also fall in the stated country (when that country has an outline).
 */
const looksSwapped = (draft: unknown, geo: GeoLookup | undefined): boolean => {
  const lat = valueAt(draft, '/lat');
  const lon = valueAt(draft, '/lon');
  const cc = valueAt(draft, '/countryCode');
  if (
    typeof lat !== 'number' ||
    typeof lon !== 'number' ||
    !isValidLatLon(lon, lat) ||
    isValidLatLon(lat, lon)
  )
    return false;
  return !geo || typeof cc !== 'string' || !geo.hasCountry(cc) || geo.isInCountry(lon, lat, cc);
};

const valueAt = (root: unknown, pointer: string): unknown =>
  pointer
    .split('/')
    .slice(1)
    .reduce<unknown>(
      (cur, seg) =>
        cur !== null && typeof cur === 'object' ? (cur as Record<string, unknown>)[seg] : undefined,
      root,
    );

/** Compares partial dates (YYYY, YYYY-MM, YYYY-MM-DD) at the precision both have: 2015 vs 2015-06 is "equal". */
const compareDates = (a: string, b: string): number => {
  const n = Math.min(a.length, b.length);
  return a.slice(0, n) < b.slice(0, n) ? -1 : a.slice(0, n) > b.slice(0, n) ? 1 : 0;
};

const fmt = (lat: number, lon: number): string => `(lat ${lat}, lon ${lon})`;

/**
 * All problems with one draft, schema first. When the schema fails only schema issues are returned: the
 * semantic checks assume well-typed fields.
 */
export const validateSpace = (draft: SpaceInput, ctx: ValidateSpaceContext = {}): InputIssue[] => {
  const base: Partial<InputIssue> = {};
  if (ctx.where?.file !== undefined) base.file = ctx.where.file;
  if (ctx.where?.row !== undefined) base.row = ctx.where.row;
  if (ctx.where?.path !== undefined) base.path = ctx.where.path;
  if (!ctx.schemaChecked && !isSpaceInput(draft)) return schemaIssues(draft, base, ctx.geo);

  const issues: InputIssue[] = [];
  const add = (
    severity: InputIssue['severity'],
    code: string,
    field: string,
    message: string,
    sub = `/${field}`,
  ) => issues.push({ ...base, severity, code, field, path: `${base.path ?? ''}${sub}`, message });

  // Names: the schema allows "   "; a space needs a readable name in at least one language.
  if (!draft.nameZh?.trim() && !draft.nameEn?.trim()) {
    add('error', 'name.missing', 'nameZh', 'the space has no name: give nameZh or nameEn (or both)');
  }

  const cc = draft.countryCode;
  const countryKnown = isCountryCode(cc);
  if (!countryKnown)
    add('error', 'country.unknown', 'countryCode', `"${cc}" is not an ISO 3166-1 alpha-2 country code`);

  const region = draft.regionCode ?? undefined;
  let regionOk = false;
  if (region !== undefined) {
    const row = ctx.regions?.regionByCode(region);
    if (!REGION_COUNTRIES.has(cc)) {
      add(
        'error',
        'region.not_allowed',
        'regionCode',
        `regionCode is a Chinese (GB/T 2260) code; it is only allowed with countryCode CN, HK, MO or TW, found countryCode "${cc}"`,
      );
    } else if (ctx.regions && !row) {
      add(
        'error',
        'region.unknown',
        'regionCode',
        `"${region}" is not a GB/T 2260 code in the ${ctx.regions.vintage} code list`,
      );
    } else if (countryOfRegion(region) !== cc) {
      const expected = countryOfRegion(region);
      add(
        'error',
        'region.country_mismatch',
        'regionCode',
        `regionCode ${region} belongs to ${expected} (${countryName(expected, 'en') ?? expected}), but countryCode is ${cc}: use countryCode ${expected} or a ${cc === 'CN' ? 'mainland' : cc} region code`,
      );
    } else {
      regionOk = true;
    }
  }

  const lat = draft.lat ?? undefined;
  const lon = draft.lon ?? undefined;
  if ((lat === undefined) !== (lon === undefined)) {
    add(
      'error',
      'coordinates.incomplete',
      lat === undefined ? 'lat' : 'lon',
      `lat and lon go together: found ${lat === undefined ? 'lon' : 'lat'} without ${lat === undefined ? 'lat' : 'lon'}`,
    );
  } else if (lat !== undefined && lon !== undefined) {
    if (lat === 0 && lon === 0) {
      add(
        'warning',
        'coordinates.null_island',
        'lat',
        'coordinates are (0, 0), which usually means "unknown": leave them empty instead',
      );
    } else if (ctx.geo && countryKnown) {
      checkPlace(ctx.geo, ctx, draft, lat, lon, regionOk ? region : undefined, add);
    }
  }

  for (const [i, plan] of (draft.membershipPlans ?? []).entries()) {
    if (!isCurrencyCode(plan.currency)) {
      const hint = suggestCurrency(plan.currency);
      add(
        'error',
        'currency.unknown',
        'membershipPlans',
        `"${plan.currency}" is not an ISO 4217 currency code${hint ? `; use "${hint}"` : ''}`,
        `/membershipPlans/${i}/currency`,
      );
    }
  }

  checkDates(draft, ctx.today, add);

  if (draft.openingHours) {
    const verdict = openingHoursVerdict(draft.openingHours);
    if (verdict) add(verdict.severity, verdict.code, 'openingHours', verdict.message);
  }
  return issues;
};

/**
 * Parsing opening hours costs about a millisecond, and imports repeat the same few strings thousands of times,
 * so verdicts are remembered per string (bounded, so hostile input cannot grow the cache without limit).
 */
const OH_CACHE_MAX = 10_000;
const ohCache = new Map<string, { severity: InputIssue['severity']; code: string; message: string } | null>();

const openingHoursVerdict = (value: string) => {
  const cached = ohCache.get(value);
  if (cached !== undefined) return cached;
  let verdict: { severity: InputIssue['severity']; code: string; message: string } | null = null;
  try {
    const warning = new OpeningHours(value, null, 0).getWarnings()[0];
    if (warning)
      verdict = {
        severity: 'warning',
        code: 'opening_hours.style',
        message: `opening hours parse, with a note: ${warning.replace(/\s+/g, ' ').trim()}`,
      };
  } catch (e) {
    verdict = {
      severity: 'error',
      code: 'opening_hours.invalid',
      message: `"${value}" is not valid OpenStreetMap opening_hours syntax (e.g. "Mo-Fr 09:00-18:00; Sa 10:00-16:00"): ${String(e).replace(/\s+/g, ' ').trim()}`,
    };
  }
  if (ohCache.size >= OH_CACHE_MAX) ohCache.clear();
  ohCache.set(value, verdict);
  return verdict;
};

type Add = (
  severity: InputIssue['severity'],
  code: string,
  field: string,
  message: string,
  sub?: string,
) => void;

const checkPlace = (
  geo: GeoLookup,
  ctx: ValidateSpaceContext,
  draft: SpaceInput,
  lat: number,
  lon: number,
  region: string | undefined,
  add: Add,
): void => {
  const cc = draft.countryCode;
  const name = (code: string) => `${countryName(code, 'en') ?? code} (${code})`;
  // A country with no outline (small islands missing from the map data) is not checked: no outline, no verdict.
  if (geo.hasCountry(cc) && !geo.isInCountry(lat, lon, cc)) {
    if (isValidLatLon(lon, lat) && geo.isInCountry(lon, lat, cc)) {
      add(
        'error',
        'coordinates.swapped',
        'lat',
        `lat and lon look swapped: ${fmt(lat, lon)} is outside ${name(cc)}, but ${fmt(lon, lat)} is inside; swap them`,
      );
      return;
    }
    const at = geo.countryAt(lat, lon);
    if (at === undefined) {
      // In no mapped country: the sea, or an island too small for the 1:50m outlines (Heimaey, Iceland).
      add(
        'warning',
        'coordinates.unmapped',
        'lat',
        `${fmt(lat, lon)} is not on the map of ${name(cc)} nor of any other country (open sea, or an island the outlines leave out): check the coordinates`,
      );
      return;
    }
    if (SOVEREIGN_OF[at] === cc) {
      add(
        'warning',
        'coordinates.in_territory',
        'countryCode',
        `${fmt(lat, lon)} is in ${name(at)}, which has its own ISO code: consider countryCode ${at} instead of ${cc}`,
      );
      return;
    }
    add(
      'error',
      'coordinates.outside_country',
      'lat',
      `${fmt(lat, lon)} is in ${name(at)}, not in ${name(cc)} as countryCode says`,
    );
    return;
  }
  if (region === undefined) return;
  const province = provinceCodeOf(region);
  const regionLabel = (code: string) => `${ctx.regions?.regionName(code) ?? code} (${code})`;
  if (geo.hasRegion(province) && !geo.isInRegion(lat, lon, province)) {
    const at = geo.provinceAt(lat, lon);
    add(
      'error',
      'coordinates.outside_region',
      'regionCode',
      `${fmt(lat, lon)} is ${at ? `in ${regionLabel(at)}` : 'outside every Chinese province'}, not in ${regionLabel(province)} as regionCode ${region} says`,
    );
    return;
  }
  if (
    region !== province &&
    ctx.prefectureCheck !== 'off' &&
    geo.hasRegion(region) &&
    !geo.isInRegion(lat, lon, region)
  ) {
    add(
      'warning',
      'coordinates.outside_prefecture',
      'regionCode',
      `${fmt(lat, lon)} lies in ${regionLabel(province)} but outside ${regionLabel(region)}: check regionCode or the coordinates`,
    );
  }
};

const checkDates = (draft: SpaceInput, today: string | undefined, add: Add): void => {
  const { foundedOn, closedOn, status } = draft;
  if (foundedOn && closedOn && compareDates(foundedOn, closedOn) > 0) {
    add(
      'error',
      'dates.closed_before_founded',
      'closedOn',
      `closedOn ${closedOn} is before foundedOn ${foundedOn}`,
    );
  }
  if (today && foundedOn && compareDates(foundedOn, today) > 0 && status !== 'planned') {
    add(
      'error',
      'dates.founded_in_future',
      'foundedOn',
      `foundedOn ${foundedOn} is in the future (today is ${today}); a space not open yet has status "planned"`,
    );
  }
  if (today && closedOn && compareDates(closedOn, today) > 0) {
    add(
      'warning',
      'dates.closed_in_future',
      'closedOn',
      `closedOn ${closedOn} is in the future (today is ${today}): is the closure announced?`,
    );
  }
  if (status === 'closed' && !closedOn) {
    add(
      'warning',
      'status.closed_without_date',
      'closedOn',
      'status is "closed" but closedOn is empty: give the closing date (a year is enough)',
    );
  }
  if (closedOn && status !== 'closed' && !(today && compareDates(closedOn, today) > 0)) {
    add(
      'warning',
      'status.closed_date_but_open',
      'status',
      `closedOn is ${closedOn} but status is "${status}": set status "closed" or clear closedOn`,
    );
  }
};
