// SpaceAPI import: one document (v13 `api: "0.13"`, v14 `api` + `api_compatibility: ["14"]`, v15
// `api_compatibility: ["15"]`) → one hackerspace. Parts we read but find malformed are skipped with
// a warning (third-party data); a document without a space name is invalid. Swapped lat/lon are left
// to semantic validation, as are coordinates outside the stated country.
import { Compile } from 'typebox/compile';
import { suggestCurrency } from '../domain/currencies.js';
import type { InputIssue } from '../domain/issue.js';
import type { Link, MembershipPlan, SourceRef } from '../domain/space.js';
import { finishDraft } from './draft-check.js';
import type { ImportOptions, ImportResult } from './import-types.js';
import { readJson } from './json-text.js';
import { applyDefaults } from './mapping.js';
import { countryFromText } from './country-text.js';
import { linkKindOf } from './space-columns.js';
import { SpaceApiDocument, SpaceApiLink, SpaceApiPlan } from './spaceapi-schema.js';

export interface SpaceApiOptions extends ImportOptions {
  /** The URL the document was fetched from (crawls); used as source id when the document has no url. */
  endpoint?: string;
}

const docCheck = Compile(SpaceApiDocument);
const planCheck = Compile(SpaceApiPlan);
const linkCheck = Compile(SpaceApiLink);

const INTERVALS: Record<string, MembershipPlan['interval']> = {
  yearly: 'year',
  quarterly: 'quarter',
  monthly: 'month',
  weekly: 'week',
  daily: 'day',
  hourly: 'hour',
};

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);
const CJK = /[\u3400-\u9fff]/;

/** The SpaceAPI versions a document declares, and warnings about quirks. */
export const spaceApiVersions = (doc: Record<string, unknown>): { versions: number[]; quirks: string[] } => {
  const versions = new Set<number>();
  const quirks: string[] = [];
  if (typeof doc['api'] === 'string') {
    const m = /^0\.(\d+)$/.exec(doc['api']);
    if (m) versions.add(Number(m[1]));
  }
  const compat = doc['api_compatibility'];
  if (Array.isArray(compat)) {
    for (const v of compat) {
      if (typeof v !== 'string') continue;
      const m = /^(0\.)?(\d+)$/.exec(v.trim());
      if (!m) continue;
      if (m[1])
        quirks.push(`api_compatibility lists "${v}"; the spec writes "${m[2]}" (read as version ${m[2]})`);
      versions.add(Number(m[2]));
    }
  }
  return { versions: [...versions].sort((a, b) => a - b), quirks };
};

/** Builds the links: website, contact channels, feeds, links[] and projects, without duplicate URLs. */
const collectLinks = (doc: Record<string, unknown>, endpoint: string | undefined): Link[] => {
  const out: Link[] = [];
  const seen = new Set<string>();
  const add = (kind: Link['kind'], url: unknown): void => {
    if (typeof url !== 'string') return;
    const u = url.trim();
    if (u === '' || seen.has(u)) return;
    seen.add(u);
    out.push({ kind, url: u });
  };
  add('website', doc['url']);
  if (endpoint) add('spaceapi', endpoint);
  const c = isObject(doc['contact']) ? doc['contact'] : {};
  const str = (k: string): string | undefined =>
    typeof c[k] === 'string' && (c[k] as string).trim() !== '' ? (c[k] as string).trim() : undefined;
  const email = str('email');
  if (email) add('email', email.startsWith('mailto:') ? email : `mailto:${email}`);
  const ml = str('ml');
  if (ml) add('email', ml.startsWith('mailto:') || ml.includes('://') ? ml : `mailto:${ml}`);
  const phone = str('phone');
  if (phone) add('phone', `tel:${phone.replace(/\s+/g, '')}`);
  const twitter = str('twitter');
  if (twitter)
    add('social', twitter.includes('://') ? twitter : `https://twitter.com/${twitter.replace(/^@/, '')}`);
  const mastodon = str('mastodon');
  if (mastodon) {
    const m = /^@?([^@\s]+)@([^@\s]+)$/.exec(mastodon);
    add('social', m ? `https://${m[2]}/@${m[1]}` : mastodon);
  }
  const facebook = str('facebook');
  if (facebook) add('social', facebook);
  const irc = str('irc');
  if (irc) add('other', irc);
  const matrix = str('matrix');
  if (matrix)
    add('other', matrix.startsWith('@') || matrix.startsWith('#') ? `https://matrix.to/#/${matrix}` : matrix);
  const feeds = isObject(doc['feeds']) ? doc['feeds'] : {};
  for (const [name, feed] of Object.entries(feeds)) {
    if (isObject(feed)) add(name === 'wiki' ? 'wiki' : 'other', feed['url']);
  }
  if (Array.isArray(doc['links']))
    for (const l of doc['links']) if (linkCheck.Check(l)) add(linkKindOf(l.url), l.url);
  if (Array.isArray(doc['projects']))
    for (const p of doc['projects']) add(typeof p === 'string' ? linkKindOf(p) : 'other', p);
  return out;
};

/** Country: location.country_code (v15), else the last part of the address, else the mapping default. */
const countryOf = (loc: Record<string, unknown> | undefined): { code?: string; from?: string } => {
  const cc = loc?.['country_code'];
  if (typeof cc === 'string' && /^[A-Za-z]{2}$/.test(cc.trim()))
    return { code: cc.trim().toUpperCase(), from: 'location.country_code' };
  const addr = loc?.['address'];
  if (typeof addr === 'string') {
    const parts = addr
      .split(/[,\n]/)
      .map((p) => p.trim())
      .filter(Boolean);
    const last = parts[parts.length - 1];
    const code = last ? countryFromText(last.replace(/^\d{4,6}\s+/, '')) : undefined;
    if (code) return { code, from: 'location.address' };
  }
  return {};
};

/** Parses an already-decoded document (the crawler uses this). */
export const spaceApiToRecord = (doc: unknown, opts: SpaceApiOptions): ImportResult => {
  const file = opts.file;
  const issues: InputIssue[] = [];
  const warn = (path: string, code: string, message: string, field?: string): void => {
    issues.push({ severity: 'warning', code, file, path, ...(field && { field }), message });
  };
  if (!isObject(doc))
    return {
      records: [],
      issues: [
        {
          severity: 'error',
          code: 'spaceapi.invalid',
          file,
          path: '',
          message: 'expected a SpaceAPI document (a JSON object)',
        },
      ],
    };
  const { versions, quirks } = spaceApiVersions(doc);
  for (const q of quirks) warn('/api_compatibility', 'spaceapi.quirk', q);
  if (versions.length === 0) {
    return {
      records: [],
      issues: [
        ...issues,
        {
          severity: 'error',
          code: 'spaceapi.invalid',
          file,
          path: '',
          message: 'not a SpaceAPI document: no "api" (v13) or "api_compatibility" (v14+) member',
        },
      ],
    };
  }
  if (typeof doc['space'] !== 'string' || doc['space'].trim() === '') {
    return {
      records: [],
      issues: [
        ...issues,
        {
          severity: 'error',
          code: 'spaceapi.invalid',
          file,
          path: '/space',
          field: 'nameEn',
          message: `expected the space name as a non-empty string, found ${JSON.stringify(doc['space'])}`,
        },
      ],
    };
  }
  const version = versions[versions.length - 1]!;
  if (!versions.some((v) => v >= 13 && v <= 15))
    warn('', 'spaceapi.version', `declares version(s) ${versions.join(', ')}; read as far as v13–v15 allow`);
  if (!docCheck.Check(doc)) {
    // Name the malformed parts; each is skipped below.
    for (const e of docCheck.Errors(doc).slice(0, 20))
      warn(e.instancePath, 'spaceapi.malformed', `${e.message}; this part is ignored`);
  }
  const name = doc['space'].trim();
  const draft: Record<string, unknown> = {
    [CJK.test(name) ? 'nameZh' : 'nameEn']: name,
    type: 'hackerspace',
    status: 'active',
  };
  // Members of location are read one by one, so one mistyped member does not lose the others.
  const loc = isObject(doc['location']) ? doc['location'] : undefined;
  if (loc) {
    if (typeof loc['address'] === 'string' && loc['address'].trim()) draft['address'] = loc['address'].trim();
    if (
      typeof loc['lat'] === 'number' &&
      typeof loc['lon'] === 'number' &&
      Number.isFinite(loc['lat']) &&
      Number.isFinite(loc['lon'])
    ) {
      if (loc['lat'] === 0 && loc['lon'] === 0)
        warn('/location', 'location.none', 'lat = lon = 0 means no location; imported without coordinates');
      else [draft['lat'], draft['lon']] = [loc['lat'], loc['lon']];
    }
  }
  const country = countryOf(loc);
  if (country.code) draft['countryCode'] = country.code;
  const links = collectLinks(doc, opts.endpoint);
  if (links.length > 50) warn('/links', 'links.too_many', `${links.length} links; the first 50 are kept`);
  if (links.length) draft['links'] = links.slice(0, 50);
  const plans: MembershipPlan[] = [];
  if (Array.isArray(doc['membership_plans'])) {
    doc['membership_plans'].forEach((p, i) => {
      const path = `/membership_plans/${i}`;
      if (!planCheck.Check(p)) return; // already named above
      const interval = INTERVALS[p.billing_interval];
      const currency = suggestCurrency(p.currency);
      if (!interval)
        warn(
          path,
          'plan.interval',
          `billing_interval "${p.billing_interval}" has no equivalent in our plans; plan "${p.name}" skipped`,
          'membershipPlans',
        );
      else if (!currency)
        warn(
          path,
          'plan.currency',
          `currency "${p.currency}" is not an ISO 4217 code; plan "${p.name}" skipped`,
          'membershipPlans',
        );
      else if (p.value < 0)
        warn(path, 'plan.amount', `negative amount ${p.value}; plan "${p.name}" skipped`, 'membershipPlans');
      else {
        if (currency !== p.currency)
          warn(
            `${path}/currency`,
            'plan.currency_fixed',
            `currency "${p.currency}" read as ${currency}`,
            'membershipPlans',
          );
        plans.push({ name: p.name.trim() || 'Membership', amount: p.value, currency, interval });
      }
    });
  }
  if (plans.length) draft['membershipPlans'] = plans;
  const profile: Record<string, string | number | boolean | null> = { 'spaceapi.version': version };
  if (typeof doc['logo'] === 'string' && doc['logo'].trim()) profile['logo'] = doc['logo'].trim();
  if (loc && typeof loc['timezone'] === 'string') profile['timezone'] = loc['timezone'];
  if (loc && typeof loc['hint'] === 'string') profile['location.hint'] = loc['hint'];
  if (isObject(doc['spacefed']))
    for (const [k, v] of Object.entries(doc['spacefed']))
      if (typeof v === 'boolean') profile[`spacefed.${k}`] = v;
  const state = isObject(doc['state']) ? doc['state'] : undefined;
  if (state) {
    if (typeof state['open'] === 'boolean' || state['open'] === null)
      profile['spaceapi.open'] = state['open'] as boolean | null;
    if (typeof state['lastchange'] === 'number' && Number.isFinite(state['lastchange'])) {
      const d = new Date(state['lastchange'] * 1000);
      if (!Number.isNaN(d.getTime())) profile['spaceapi.lastchange'] = d.toISOString();
    }
    if (typeof state['message'] === 'string') profile['spaceapi.message'] = state['message'];
  }
  draft['profile'] = profile;
  const sourceId =
    typeof doc['url'] === 'string' && doc['url'].trim() ? doc['url'].trim() : (opts.endpoint ?? file);
  const source: SourceRef = opts.endpoint
    ? { source: 'spaceapi', sourceId, url: opts.endpoint }
    : { source: 'spaceapi', sourceId };
  draft['sources'] = [source];
  applyDefaults(draft, opts.mapping);
  if (draft['countryCode'] === undefined) {
    issues.push({
      severity: 'error',
      code: 'country.unknown',
      file,
      path: '/location',
      field: 'countryCode',
      message:
        'cannot tell the country: no location.country_code and the address does not end in a country name; give one with a mapping default {"defaults": {"countryCode": "DE"}}',
    });
    return { records: [], issues };
  }
  const done = finishDraft(draft, { file, path: '' }, 'drop');
  issues.push(...done.issues);
  return done.draft
    ? { records: [{ draft: done.draft, path: '', source }], issues }
    : { records: [], issues };
};

/** One SpaceAPI document per file. */
export const parseSpaceApi = (input: Uint8Array, opts: SpaceApiOptions): ImportResult => {
  const read = readJson(input, opts);
  if (read.value === undefined) return { records: [], issues: read.issues };
  const r = spaceApiToRecord(read.value, opts);
  return { records: r.records, issues: [...read.issues, ...r.issues] };
};

export interface DirectoryEntry {
  name: string;
  url: string;
}

/** The SpaceAPI directory (`{ "<space name>": "<endpoint URL>" }`) as a list of endpoints. */
export const parseSpaceApiDirectory = (
  input: Uint8Array,
  opts: ImportOptions,
): { endpoints: DirectoryEntry[]; issues: InputIssue[] } => {
  const read = readJson(input, opts);
  if (read.value === undefined) return { endpoints: [], issues: read.issues };
  if (!isObject(read.value)) {
    return {
      endpoints: [],
      issues: [
        ...read.issues,
        {
          severity: 'error',
          code: 'directory.shape',
          file: opts.file,
          path: '',
          message: 'expected an object of space name → endpoint URL',
        },
      ],
    };
  }
  const endpoints: DirectoryEntry[] = [];
  const issues = [...read.issues];
  for (const [name, url] of Object.entries(read.value)) {
    const path = `/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    if (typeof url !== 'string' || !/^https?:\/\/\S+$/.test(url.trim())) {
      issues.push({
        severity: 'error',
        code: 'directory.url',
        file: opts.file,
        path,
        message: `expected an http(s) URL, found ${JSON.stringify(url)}`,
      });
      continue;
    }
    endpoints.push({ name, url: url.trim() });
  }
  return { endpoints, issues };
};
