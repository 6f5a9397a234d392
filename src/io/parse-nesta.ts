// Nesta's open dataset of UK makerspaces (2015 survey, ukmakerspacesidentifiabledata.csv): one
// record per space, country GB, status from the opening/closing dates as of the row's survey date,
// tools mapped to our equipment, numeric floor space to areaM2, fees to GBP plans, and the useful
// survey answers kept verbatim in `profile`. The published file is Windows-1252, not UTF-8.
import type { InputIssue } from '../domain/issue.js';
import type { Link, SourceRef } from '../domain/space.js';
import { decodeText } from './decode.js';
import { finishDraft } from './draft-check.js';
import { limitsOf, type ImportedRecord, type ImportOptions, type ImportResult } from './import-types.js';
import { applyDefaults } from './mapping.js';
import {
  monthlyCostPlan,
  NESTA_TOOL_COLUMNS,
  nestaEquipment,
  nestaLegalForm,
  nestaPlans,
  nestaStatus,
  surveyDate,
  ukDate,
  undoExcelMonth,
} from './nesta-survey.js';
import { readCsvRows } from './parse-csv.js';
import { capIssues, duplicateSourceIssues, tooManyRows } from './record-utils.js';
import { linkKindOf, parseNumberCell } from './space-columns.js';

const C = {
  timestamp: 'Timestamp',
  name: 'Name of makerspace',
  url: 'Website / URL',
  twitter: 'Twitter',
  facebook: 'Facebook',
  other: 'Other online presence / social media account',
  email: 'Email address',
  phone: 'Phone number',
  address: 'Address',
  postcode: 'Postcode',
  area: 'Area',
  areaM2: 'Floor space (sq m)',
  opened: 'Date your space opened (or plans to open)',
  closed: 'Date your space closed (if it is no longer running)',
  ifClosed: 'If closed:',
  fees: 'Please tell us about your membership fees',
  cost: 'cost to member/user per month',
  members: 'Current membership or userbase',
  legal: 'Legal Structure',
} as const;

/** Survey answers kept as profile facts: column → profile key. */
const PROFILE: Record<string, string> = {
  'Collected by': 'collectedBy',
  Region: 'region',
  'Type of location': 'locationType',
  'Who owns or hosts your physical space?': 'hosting',
  'Floor space (sq m)': 'floorSpaceM2',
  'Floor space (sq ft )': 'floorSpaceSqFt',
  'If closed:': 'closureNote',
  'What access do people have to the space?': 'access',
  'Please tell us about your membership fees': 'fees',
  'Membership fee structure type': 'feeStructure',
  'Amenities / facilities': 'amenities',
  'Accessibility for those with special needs': 'accessibility',
  'Do you have a materials shop?': 'materialsShop',
  'cluster type by size': 'sizeCluster',
  'Total visits in November 2014': 'visitsNov2014',
  'Unique users in November 2014': 'uniqueUsersNov2014',
  'Gender balance of members or regular users [Female]': 'membersFemale',
  'Gender balance of members or regular users [Male]': 'membersMale',
  'Staff and support': 'staff',
  'What training do you offer?': 'training',
  'What events do you run?': 'events',
  'Legal Structure': 'legalStructure',
  Founders: 'founders',
  'Does your space specialise in any tools or technologies?': 'specialism',
  'What are your ambitions for your makerspace?': 'ambitions',
  'What problems or challenges has your makerspace encountered?': 'challenges',
};

const REQUIRED_COLUMNS = [C.name, C.address, C.postcode, C.opened, C.closed, C.timestamp];
const PROFILE_MAX = 5000;

/** Survey answers use bare CRs (old Mac line ends) inside cells. */
const lines = (s: string): string[] =>
  s
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim())
    .filter(Boolean);
const withScheme = (u: string): string => (/^[a-z]+:\/\//i.test(u) ? u : `http://${u}`);

export const parseNesta = (input: Uint8Array, opts: ImportOptions): ImportResult => {
  const file = opts.file;
  const decoded = decodeText(input, { ...opts, fallbackEncoding: 'windows-1252' });
  if (decoded.text === null) return { records: [], issues: decoded.issues };
  const read = readCsvRows(decoded.text, file);
  if (!read.rows) return { records: [], issues: [...decoded.issues, ...read.issues] };
  const issues: InputIssue[] = [...decoded.issues];
  const [header = [], ...body] = read.rows;
  const index = new Map(header.map((h, i) => [h.trim(), i]));
  const missing = REQUIRED_COLUMNS.filter((c) => !index.has(c));
  if (missing.length) {
    return {
      records: [],
      issues: [
        ...issues,
        {
          severity: 'error',
          code: 'header.missing',
          file,
          row: 1,
          message: `not the Nesta survey file: columns ${missing.map((m) => `"${m}"`).join(', ')} are missing`,
        },
      ],
    };
  }
  if (body.length > limitsOf(opts).maxRows) {
    return tooManyRows(issues, file, `more than ${limitsOf(opts).maxRows} data rows`);
  }
  const records: ImportedRecord[] = [];
  body.forEach((cells, i) => {
    const row = i + 2;
    const get = (col: string): string => {
      const k = index.get(col);
      return k === undefined ? '' : (cells[k] ?? '');
    };
    const name = lines(get(C.name)).join(' ');
    if (!name) {
      if (cells.some((c) => c.trim() !== ''))
        issues.push({
          severity: 'warning',
          code: 'row.no_name',
          file,
          row,
          message: 'row names no makerspace (only a few survey answers); skipped',
        });
      return;
    }
    const warn = (code: string, field: string, message: string): void => {
      issues.push({ severity: 'warning', code, file, row, field, message });
    };
    const asOf = surveyDate(get(C.timestamp)) ?? opts.now?.slice(0, 10);
    const opened = ukDate(get(C.opened));
    const closed = ukDate(get(C.closed));
    if (get(C.opened).trim() && !opened)
      warn(
        'field.invalid',
        'foundedOn',
        `opening date ${JSON.stringify(get(C.opened))}: expected dd/mm/yyyy; left out`,
      );
    const status = nestaStatus(opened, closed, get(C.ifClosed), asOf);
    const lower = name.toLowerCase();
    const draft: Record<string, unknown> = {
      nameEn: name,
      type: /hack\s?(space|erspace|lab)/.test(lower)
        ? 'hackerspace'
        : /fab\s?lab/.test(lower)
          ? 'fablab'
          : 'makerspace',
      countryCode: 'GB',
      ...status,
      address: lines(get(C.address)).join(', ') || null,
      postcode:
        get(C.postcode)
          .trim()
          .replace(/[\s,;.]+$/, '')
          .toUpperCase() || null,
      city: get(C.area).trim() || null,
      legalForm: nestaLegalForm(get(C.legal)),
    };
    const area = parseNumberCell(get(C.areaM2).trim());
    if (area !== undefined) draft['areaM2'] = area;
    const equipment = nestaEquipment(get);
    if (equipment.length) draft['equipment'] = equipment;
    const plans = nestaPlans(get(C.fees));
    const cost = monthlyCostPlan(get(C.cost));
    if (plans.length) draft['membershipPlans'] = plans;
    else if (cost) draft['membershipPlans'] = [cost];
    const links: Link[] = [];
    const add = (kind: Link['kind'], url: string): void => {
      if (url && !links.some((l) => l.url === url)) links.push({ kind, url });
    };
    const site = get(C.url).trim();
    if (site) add('website', withScheme(site));
    const tw = /@?([A-Za-z0-9_]{1,15})/.exec(get(C.twitter).trim());
    if (tw && get(C.twitter).trim()) add('social', `https://twitter.com/${tw[1]}`);
    const fb = get(C.facebook).trim();
    if (fb) add('social', withScheme(fb));
    for (const o of get(C.other).split(/[\s,]+/))
      if (/\.[a-z]{2,}/i.test(o)) add(linkKindOf(withScheme(o)), withScheme(o));
    const email = /[^\s@,;<>()]+@[^\s@,;<>()]+\.[a-z]{2,}/i.exec(get(C.email));
    if (email) add('email', `mailto:${email[0]}`);
    const phone = /\+?\(?\d[\d ()-]{6,}\d/.exec(get(C.phone));
    if (phone) add('phone', `tel:${phone[0].replace(/[\s()-]/g, '')}`);
    if (links.length) draft['links'] = links;
    const profile: Record<string, string | number> = {};
    const keep = (key: string, value: string): void => {
      const v = lines(value).join('\n');
      if (!v) return;
      if (v.length > PROFILE_MAX)
        warn(
          'field.too_long',
          'profile',
          `profile.${key}: ${v.length} characters, at most ${PROFILE_MAX}; left out`,
        );
      else profile[key] = v;
    };
    for (const [col, key] of Object.entries(PROFILE)) keep(key, get(col));
    const members = get(C.members).trim();
    const m = parseNumberCell(members);
    if (m !== undefined) profile['members'] = m;
    else keep('members', members);
    const costText = undoExcelMonth(get(C.cost));
    if (costText) profile['costPerMonthGBP'] = costText;
    for (const col of NESTA_TOOL_COLUMNS) keep(`tools.${col}`, get(col));
    if (asOf) profile['surveyDate'] = asOf;
    draft['profile'] = profile;
    const source: SourceRef = { source: 'nesta-2015', sourceId: name };
    draft['sources'] = [source];
    applyDefaults(draft, opts.mapping);
    const done = finishDraft(draft, { file, row }, 'drop');
    issues.push(...done.issues);
    if (done.draft) records.push({ draft: done.draft, row, source });
  });
  const dup = duplicateSourceIssues(records, file, 'warning');
  return { records: dup.records, issues: capIssues([...issues, ...dup.issues]) };
};
