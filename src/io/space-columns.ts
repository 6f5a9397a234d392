// The project's own table layout: one column per Space field, named exactly like the field, so an
// export can be edited in a spreadsheet and imported back unchanged. Cell syntax per kind:
//   list      equipment / services: `3d_printing;cnc`
//   plans     `name|amount|currency|interval;…`
//   links     `kind|url;…`
//   sources   `source|sourceId|url;…` (url optional)
//   profile   a JSON object
//   boolean   true / false; numbers as JavaScript prints them (shortest exact form)
// `id`, `createdAt` and `updatedAt` are exported for reference and ignored on import.
import type { Link, MembershipPlan, Space, SourceRef, SpaceInput } from '../domain/space.js';
import {
  CERTIFICATIONS,
  EQUIPMENT,
  LEGAL_FORMS,
  OWNERSHIPS,
  PLAN_INTERVALS,
  SERVICES,
  SPACE_TYPES,
  STATUSES,
} from '../domain/taxonomy.js';
import { joinItems, joinList, splitItems, splitList } from './cell-lists.js';
import { preview } from './draft-check.js';

const LINK_KINDS = ['website', 'email', 'phone', 'spaceapi', 'fablabs', 'wiki', 'social', 'other'] as const;

export type ColumnKind =
  | { kind: 'text' }
  | { kind: 'number' }
  | { kind: 'integer' }
  | { kind: 'boolean' }
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'list'; values: readonly string[] }
  | { kind: 'plans' }
  | { kind: 'links' }
  | { kind: 'sources' }
  | { kind: 'profile' };

const text = { kind: 'text' } as const;
const num = { kind: 'number' } as const;
const bool = { kind: 'boolean' } as const;

/** Every SpaceInput field and how its cell is written; `satisfies` keeps it complete. */
export const FIELD_KINDS = {
  nameZh: text,
  nameEn: text,
  type: { kind: 'enum', values: SPACE_TYPES },
  status: { kind: 'enum', values: STATUSES },
  foundedOn: text,
  closedOn: text,
  countryCode: text,
  regionCode: text,
  city: text,
  address: text,
  postcode: text,
  lat: num,
  lon: num,
  approximate: bool,
  operatorName: text,
  legalForm: { kind: 'enum', values: LEGAL_FORMS },
  ownership: { kind: 'enum', values: OWNERSHIPS },
  areaM2: num,
  workstations: { kind: 'integer' },
  membershipPlans: { kind: 'plans' },
  equipment: { kind: 'list', values: EQUIPMENT },
  services: { kind: 'list', values: SERVICES },
  openingHours: text,
  links: { kind: 'links' },
  certification: { kind: 'enum', values: CERTIFICATIONS },
  certificationGrade: { kind: 'enum', values: ['A', 'B', 'C', 'D'] },
  description: text,
  synthetic: bool,
  profile: { kind: 'profile' },
  sources: { kind: 'sources' },
} as const satisfies Record<keyof SpaceInput, ColumnKind>;

export type SpaceField = keyof typeof FIELD_KINDS;
export const SPACE_FIELDS = Object.keys(FIELD_KINDS) as SpaceField[];

/** Exported for reference, ignored on import (the store owns them). */
export const READONLY_COLUMNS = ['id', 'createdAt', 'updatedAt'] as const;

/** The header of our CSV/XLSX export, in order. */
export const SPACE_COLUMNS: readonly string[] = ['id', ...SPACE_FIELDS, 'createdAt', 'updatedAt'];

export const isSpaceField = (s: string): s is SpaceField => Object.hasOwn(FIELD_KINDS, s);

/** Booleans and enums that are never null in a Space: an empty cell means "not given". */
const NOT_NULLABLE = new Set<SpaceField>(['type', 'status', 'approximate', 'certification', 'synthetic']);

/** The canonical draft of a stored space: exactly what importing our own export yields. */
export const toSpaceInput = (s: Space): SpaceInput => {
  const out: Record<string, unknown> = {};
  for (const f of SPACE_FIELDS) out[f] = s[f];
  return out as SpaceInput;
};

// ---------------------------------------------------------------- writing

const numberCell = (n: number | null): string => (n === null ? '' : String(n));

/** The text of one cell for a field value (before any CSV formula guard). */
export const encodeCell = (field: SpaceField, value: unknown): string => {
  if (value === null || value === undefined) return '';
  const k: ColumnKind = FIELD_KINDS[field];
  switch (k.kind) {
    case 'number':
    case 'integer':
      return numberCell(value as number);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'list':
      return joinList(value as string[]);
    case 'plans':
      return joinItems(
        (value as MembershipPlan[]).map((p) => [p.name, String(p.amount), p.currency, p.interval]),
      );
    case 'links':
      return joinItems((value as Link[]).map((l) => [l.kind, l.url]));
    case 'sources':
      return joinItems(
        (value as SourceRef[]).map((r) =>
          r.url === undefined ? [r.source, r.sourceId] : [r.source, r.sourceId, r.url],
        ),
      );
    case 'profile':
      return Object.keys(value as object).length === 0 ? '' : JSON.stringify(value);
    default:
      return String(value);
  }
};

// ---------------------------------------------------------------- reading

/** A decoded cell: a value, "absent" (leave the field out), or what was wrong. */
export type CellResult =
  { ok: true; value: unknown } | { ok: true; absent: true } | { ok: false; expected: string };

/** Returned by `readCell` for a cell that means "not given" (leave the field out). */
export const ABSENT: unique symbol = Symbol('absent');

/** Returned by `readCell` for a bad cell: what was expected, in plain words. */
export class CellError {
  constructor(readonly expected: string) {}
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export const parseNumberCell = (s: string): number | undefined => (NUMBER.test(s) ? Number(s) : undefined);

const oneOf = (values: readonly string[]): string =>
  values.length <= 16
    ? `one of ${values.join(', ')}`
    : `a value from the taxonomy (e.g. ${values.slice(0, 4).join(', ')})`;

const isScalar = (v: unknown): boolean => v === null || ['string', 'number', 'boolean'].includes(typeof v);

/** Classifies a bare URL when a cell gives no link kind (mapped files). */
export const linkKindOf = (url: string): Link['kind'] => {
  const u = url.toLowerCase();
  if (u.startsWith('mailto:') || /^[^\s/@]+@[^\s/@]+\.[^\s/@]+$/.test(u)) return 'email';
  if (u.startsWith('tel:')) return 'phone';
  if (u.includes('fablabs.io/')) return 'fablabs';
  if (
    /(^|[/.@])(facebook|twitter|x|instagram|weibo|linkedin|youtube|bilibili|douyin|flickr)\.(com|cn)\b|chaos\.social|\bt\.me\//.test(
      u,
    )
  )
    return 'social';
  if (u.includes('wiki')) return 'wiki';
  if (/^https?:\/\//.test(u)) return 'website';
  return 'other';
};

/**
 * Reads one cell; `s` is the raw text (already un-guarded, trimmed when the caller wants it).
 * Returns the value, `ABSENT`, or a `CellError` — no wrapper object per cell, since a
 * 100,000-row import reads three million cells.
 */
export const readCell = (field: SpaceField, s: string): unknown => {
  const k: ColumnKind = FIELD_KINDS[field];
  const empty = s === '';
  switch (k.kind) {
    case 'text':
      return empty ? null : s;
    case 'number':
    case 'integer': {
      if (empty) return null;
      const n = parseNumberCell(s);
      if (n === undefined || !Number.isFinite(n))
        return new CellError(`expected a number, found ${preview(s)}`);
      if (k.kind === 'integer' && !Number.isInteger(n))
        return new CellError(`expected a whole number, found ${preview(s)}`);
      return n;
    }
    case 'boolean': {
      if (empty) return ABSENT;
      const b = s.toLowerCase();
      if (b === 'true') return true;
      if (b === 'false') return false;
      return new CellError(`expected true or false, found ${preview(s)}`);
    }
    case 'enum': {
      if (empty) return NOT_NULLABLE.has(field) ? ABSENT : null;
      return k.values.includes(s) ? s : new CellError(`expected ${oneOf(k.values)}, found ${preview(s)}`);
    }
    case 'list': {
      const items = splitList(s);
      const bad = items.find((i) => !k.values.includes(i));
      if (bad !== undefined)
        return new CellError(`expected ';'-separated values, each ${oneOf(k.values)}; found ${preview(bad)}`);
      return items;
    }
    case 'plans': {
      const plans: MembershipPlan[] = [];
      for (const [i, parts] of splitItems(s).entries()) {
        const [name, amount, currency, interval] = parts;
        const n = amount === undefined ? undefined : parseNumberCell(amount);
        if (
          parts.length !== 4 ||
          name === undefined ||
          currency === undefined ||
          interval === undefined ||
          n === undefined
        ) {
          return new CellError(
            `plan ${i + 1}: expected name|amount|currency|interval, found ${preview(parts.join('|'))}`,
          );
        }
        if (!(PLAN_INTERVALS as readonly string[]).includes(interval)) {
          return new CellError(
            `plan ${i + 1}: interval must be ${oneOf(PLAN_INTERVALS)}, found ${preview(interval)}`,
          );
        }
        plans.push({ name, amount: n, currency, interval: interval as MembershipPlan['interval'] });
      }
      return plans;
    }
    case 'links': {
      const links: Link[] = [];
      for (const [i, parts] of splitItems(s).entries()) {
        if (parts.length === 1 && parts[0]) {
          links.push({ kind: linkKindOf(parts[0]), url: parts[0] });
          continue;
        }
        const [kind, url] = parts;
        if (
          parts.length !== 2 ||
          kind === undefined ||
          url === undefined ||
          !(LINK_KINDS as readonly string[]).includes(kind)
        ) {
          return new CellError(
            `link ${i + 1}: expected kind|url with kind ${oneOf(LINK_KINDS)}, found ${preview(parts.join('|'))}`,
          );
        }
        links.push({ kind: kind as Link['kind'], url });
      }
      return links;
    }
    case 'sources': {
      const refs: SourceRef[] = [];
      for (const [i, parts] of splitItems(s).entries()) {
        const [source, sourceId, url] = parts;
        if (parts.length < 2 || parts.length > 3 || !source || !sourceId) {
          return new CellError(
            `source ${i + 1}: expected source|sourceId|url, found ${preview(parts.join('|'))}`,
          );
        }
        refs.push(url === undefined ? { source, sourceId } : { source, sourceId, url });
      }
      return refs;
    }
    case 'profile': {
      if (empty) return {};
      let v: unknown;
      try {
        v = JSON.parse(s);
      } catch {
        return new CellError(`expected a JSON object, found ${preview(s)}`);
      }
      if (v === null || typeof v !== 'object' || Array.isArray(v) || !Object.values(v).every(isScalar)) {
        return new CellError(
          `expected a JSON object of text, numbers, true/false or null, found ${preview(s)}`,
        );
      }
      return v;
    }
  }
};

/** `readCell` as a tagged result, for callers that prefer one. */
export const decodeCell = (field: SpaceField, s: string): CellResult => {
  const v = readCell(field, s);
  if (v === ABSENT) return { ok: true, absent: true };
  if (v instanceof CellError) return { ok: false, expected: v.expected };
  return { ok: true, value: v };
};
