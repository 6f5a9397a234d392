// fablabs.io labs, in two shapes:
//  - the API (`https://api.fablabs.io/0/labs.json`): an array of labs with id, slug, name, kind_name,
//    activity_status, address_1/2, city, county, postal_code, country_code, latitude, longitude,
//    capabilities, links [{url}], email, phone, blurb, description…
//  - the Open Know-Where derivative in ../shared/data/fablabs-io-2024: {facility{name,url},
//    region{country,state_region,city_town}, address{extended,zip_code}, geocoding{latitude,longitude}}
//    (closed and planned labs already removed by its collector).
// Source 'fablabs.io', slug as source id. Malformed optional fields are dropped with a warning.
import type { InputIssue } from '../domain/issue.js';
import type { Link, SourceRef, SpaceInput } from '../domain/space.js';
import type { EquipmentCategory } from '../domain/taxonomy.js';
import { finishDraft } from './draft-check.js';
import { limitsOf, type ImportedRecord, type ImportOptions, type ImportResult } from './import-types.js';
import { pointer, readJson } from './json-text.js';
import { applyDefaults } from './mapping.js';
import { capIssues, duplicateSourceIssues, tooManyRows } from './record-utils.js';
import { linkKindOf } from './space-columns.js';

/** fablabs.io capability → our equipment category (Lab::Capabilities in the fablabs.io code). */
export const FABLAB_CAPABILITIES: Record<string, EquipmentCategory> = {
  three_d_printing: '3d_printing',
  cnc_milling: 'cnc',
  precision_milling: 'cnc',
  circuit_production: 'electronics',
  laser: 'laser_cutting',
  vinyl_cutting: 'vinyl_cutting',
};

const STATUS: Record<string, SpaceInput['status']> = {
  active: 'active',
  planned: 'planned',
  closed: 'closed',
};

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);
const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);
const num = (v: unknown): number | null => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isFinite(n) ? n : null;
};
const CJK = /[\u3400-\u9fff]/;
const labUrl = (slug: string): string => `https://www.fablabs.io/labs/${slug}`;

type Warn = (code: string, message: string, field?: string) => void;

const setName = (draft: Record<string, unknown>, name: string): void => {
  draft[CJK.test(name) ? 'nameZh' : 'nameEn'] = name;
};

const setCoords = (draft: Record<string, unknown>, lat: unknown, lon: unknown, warn: Warn): void => {
  const [a, o] = [num(lat), num(lon)];
  if (a === null || o === null) return;
  if (a === 0 && o === 0)
    warn('location.none', 'latitude = longitude = 0 means no location; imported without coordinates', 'lat');
  else [draft['lat'], draft['lon']] = [a, o];
};

/** One lab of the API shape. */
const fromApi = (
  lab: Record<string, unknown>,
  warn: Warn,
): { draft: Record<string, unknown>; slug: string | null } => {
  const slug = text(lab['slug']);
  const draft: Record<string, unknown> = { type: 'fablab' };
  const name = text(lab['name']);
  if (name) setName(draft, name);
  const kind = text(lab['kind_name']);
  const activity = text(lab['activity_status']);
  if (activity && STATUS[activity]) draft['status'] = STATUS[activity];
  else {
    if (activity)
      warn(
        'status.unknown',
        `activity_status "${activity}" is not active, planned or closed; read as active`,
        'status',
      );
    draft['status'] = kind === 'planned_fab_lab' ? 'planned' : 'active';
  }
  const cc = text(lab['country_code']);
  if (cc) draft['countryCode'] = cc.toUpperCase();
  draft['city'] = text(lab['city']);
  const street = [text(lab['address_1']), text(lab['address_2'])].filter(Boolean).join(', ');
  draft['address'] = street || null;
  draft['postcode'] = text(lab['postal_code']);
  setCoords(draft, lab['latitude'], lab['longitude'], warn);
  const equipment = new Set<EquipmentCategory>();
  const caps = Array.isArray(lab['capabilities']) ? lab['capabilities'] : [];
  for (const c of caps) {
    const e = typeof c === 'string' ? FABLAB_CAPABILITIES[c] : undefined;
    if (e) equipment.add(e);
    else
      warn(
        'capability.unknown',
        `capability ${JSON.stringify(c)} has no equipment category; ignored`,
        'equipment',
      );
  }
  if (equipment.size) draft['equipment'] = [...equipment];
  const links: Link[] = [];
  const seen = new Set<string>();
  const add = (kind: Link['kind'], url: string | null): void => {
    if (url && !seen.has(url)) {
      seen.add(url);
      links.push({ kind, url });
    }
  };
  if (slug) add('fablabs', labUrl(slug));
  if (Array.isArray(lab['links']))
    for (const l of lab['links'])
      if (isObject(l)) {
        const u = text(l['url']);
        if (u) add(linkKindOf(u), u);
      }
  const email = text(lab['email']);
  if (email) add('email', `mailto:${email}`);
  const phone = text(lab['phone']);
  if (phone) add('phone', `tel:${phone.replace(/\s+/g, '')}`);
  if (links.length) draft['links'] = links.slice(0, 50);
  const description = text(lab['description']);
  const blurb = text(lab['blurb']);
  draft['description'] = description ?? blurb;
  const profile: Record<string, string | number> = {};
  if (kind) profile['fablabs.kind'] = kind;
  if (typeof lab['id'] === 'number') profile['fablabs.id'] = lab['id'];
  if (blurb && description) profile['blurb'] = blurb;
  const county = text(lab['county']);
  if (county) profile['county'] = county;
  if (Object.keys(profile).length) draft['profile'] = profile;
  return { draft, slug };
};

/** One record of the Open Know-Where derivative. */
const fromOkw = (
  rec: Record<string, unknown>,
  warn: Warn,
): { draft: Record<string, unknown>; slug: string | null } => {
  const facility = isObject(rec['facility']) ? rec['facility'] : {};
  const region = isObject(rec['region']) ? rec['region'] : {};
  const address = isObject(rec['address']) ? rec['address'] : {};
  const geo = isObject(rec['geocoding']) ? rec['geocoding'] : {};
  const url = text(facility['url']);
  const slug = url ? (/\/labs\/([^/?#]+)/.exec(url)?.[1] ?? null) : null;
  // The collector kept only labs whose activity_status was neither closed nor planned.
  const draft: Record<string, unknown> = { type: 'fablab', status: 'active' };
  const name = text(facility['name']);
  if (name) setName(draft, name);
  const cc = text(region['country']);
  if (cc) draft['countryCode'] = cc.toUpperCase();
  draft['city'] = text(region['city_town']);
  draft['address'] = text(address['extended']);
  draft['postcode'] = text(address['zip_code']);
  setCoords(draft, geo['latitude'], geo['longitude'], warn);
  if (slug) draft['links'] = [{ kind: 'fablabs', url: labUrl(slug) }];
  const state = text(region['state_region']);
  if (state) draft['profile'] = { stateRegion: state };
  return { draft, slug };
};

export const parseFablabs = (input: Uint8Array, opts: ImportOptions): ImportResult => {
  const file = opts.file;
  const read = readJson(input, opts);
  if (read.value === undefined) return { records: [], issues: read.issues };
  const issues: InputIssue[] = [...read.issues];
  const doc = read.value;
  const labs = Array.isArray(doc)
    ? doc
    : isObject(doc) && Array.isArray(doc['labs'])
      ? doc['labs']
      : undefined;
  const base = Array.isArray(doc) ? '' : '/labs';
  if (!labs)
    return {
      records: [],
      issues: [
        ...issues,
        {
          severity: 'error',
          code: 'fablabs.shape',
          file,
          path: '',
          message: 'expected an array of labs (fablabs.io /0/labs.json)',
        },
      ],
    };
  const { maxRows } = limitsOf(opts);
  if (labs.length > maxRows) {
    return tooManyRows(
      issues,
      file,
      `${labs.length.toLocaleString('en')} labs; at most ${maxRows.toLocaleString('en')} are accepted`,
    );
  }
  const records: ImportedRecord[] = [];
  labs.forEach((lab, i) => {
    const path = `${base}${pointer(i)}`;
    const warn: Warn = (code, message, field) =>
      issues.push({ severity: 'warning', code, file, path, ...(field && { field }), message });
    if (!isObject(lab)) {
      issues.push({ severity: 'error', code: 'fablabs.shape', file, path, message: 'expected a lab object' });
      return;
    }
    const { draft, slug } = 'facility' in lab ? fromOkw(lab, warn) : fromApi(lab, warn);
    if (!slug) {
      issues.push({
        severity: 'error',
        code: 'fablabs.no_slug',
        file,
        path,
        field: 'sources',
        message: 'lab has no slug (or facility.url), so it cannot be identified',
      });
      return;
    }
    const source: SourceRef = { source: 'fablabs.io', sourceId: slug, url: labUrl(slug) };
    draft['sources'] = [source];
    applyDefaults(draft, opts.mapping);
    if (draft['nameZh'] === undefined && draft['nameEn'] === undefined) {
      issues.push({
        severity: 'error',
        code: 'field.required',
        file,
        path,
        field: 'nameEn',
        message: 'lab has no name',
      });
      return;
    }
    const done = finishDraft(draft, { file, path }, 'drop');
    issues.push(...done.issues);
    if (done.draft) records.push({ draft: done.draft, path, source });
  });
  const dup = duplicateSourceIssues(records, file, 'warning');
  return { records: dup.records, issues: capIssues([...issues, ...dup.issues]) };
};
