// A column mapping lets a foreign CSV/XLSX be imported: which of their columns feeds which of our
// fields, defaults for fields the file lacks, and small per-field value transforms. It is a JSON
// file checked against a TypeBox schema; any mistake is reported before a single row is read.
import { Type, type Static } from 'typebox';
import { Compile } from 'typebox/compile';
import type { InputIssue } from '../domain/issue.js';
import { SpaceInput } from '../domain/space.js';
import { joinList } from './cell-lists.js';
import { FIELD_KINDS, isSpaceField, SPACE_FIELDS, type SpaceField } from './space-columns.js';

export const FieldTransform = Type.Object(
  {
    trim: Type.Optional(Type.Boolean({ description: 'trim white space around the cell (default true)' })),
    case: Type.Optional(
      Type.Enum(['upper', 'lower'] as const, { description: 'change letter case before reading' }),
    ),
    map: Type.Optional(
      Type.Record(Type.String(), Type.String(), {
        description: 'replace whole cell values, e.g. {"运营中": "active"}',
      }),
    ),
    split: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 5,
        description: 'list separator used in their file, e.g. "、" (default ";")',
      }),
    ),
    scale: Type.Optional(
      Type.Number({ exclusiveMinimum: 0, description: 'multiply numbers, e.g. 0.09290304 for ft² → m²' }),
    ),
    date: Type.Optional(
      Type.Enum(['YMD', 'DMY', 'MDY'] as const, {
        description: 'order of day, month and year in their dates (default YMD)',
      }),
    ),
  },
  { additionalProperties: false },
);
export type FieldTransform = Static<typeof FieldTransform>;

export const ColumnMapping = Type.Object(
  {
    columns: Type.Record(Type.String({ minLength: 1 }), Type.String(), {
      description:
        'their column → our field, "profile.<key>" to keep it as a profile fact, or "" to ignore it',
    }),
    defaults: Type.Optional(
      Type.Record(Type.String(), Type.Unknown(), {
        description: 'our field → value used when a row has none',
      }),
    ),
    transform: Type.Optional(
      Type.Record(Type.String(), FieldTransform, { description: 'our field → transform' }),
    ),
  },
  { additionalProperties: false },
);
export type ColumnMapping = Static<typeof ColumnMapping>;

const mappingValidator = Compile(ColumnMapping);
const PROFILE_KEY = /^profile\.(.{1,100})$/s;

/** A mapping target: one of our fields, or a profile key. */
export type MappingTarget = { field: SpaceField } | { profileKey: string };

export const targetOf = (target: string): MappingTarget | undefined => {
  if (isSpaceField(target)) return { field: target };
  const m = PROFILE_KEY.exec(target);
  return m ? { profileKey: m[1]! } : undefined;
};

const nearest = (s: string): string | undefined => {
  const lower = s.toLowerCase();
  return SPACE_FIELDS.find(
    (f) => f.toLowerCase() === lower || f.toLowerCase().includes(lower) || lower.includes(f.toLowerCase()),
  );
};

/** Checks a mapping object; every problem is an error naming the JSON Pointer inside the mapping file. */
export const checkMapping = (
  value: unknown,
  file: string,
): { mapping?: ColumnMapping; issues: InputIssue[] } => {
  const err = (path: string, message: string): InputIssue => ({
    severity: 'error',
    code: 'mapping.invalid',
    file,
    path,
    message,
  });
  if (!mappingValidator.Check(value)) {
    const issues = mappingValidator
      .Errors(value)
      .map((e) =>
        err(
          e.instancePath || '/',
          `${e.message}${e.keyword === 'additionalProperties' ? ` (allowed: columns, defaults, transform)` : ''}`,
        ),
      );
    return { issues };
  }
  const issues: InputIssue[] = [];
  const seen = new Map<string, string>();
  for (const [theirs, ours] of Object.entries(value.columns)) {
    const path = `/columns/${theirs.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    if (ours === '') continue;
    if (!targetOf(ours)) {
      const hint = nearest(ours);
      issues.push(
        err(
          path,
          `unknown target field "${ours}"${hint ? ` (did you mean "${hint}"?)` : ''}; expected one of our fields, "profile.<key>" or ""`,
        ),
      );
      continue;
    }
    const before = seen.get(ours);
    if (before !== undefined)
      issues.push(err(path, `columns "${before}" and "${theirs}" both map to "${ours}"`));
    seen.set(ours, theirs);
  }
  const props = SpaceInput.properties as Record<string, import('typebox').TSchema>;
  for (const [field, v] of Object.entries(value.defaults ?? {})) {
    const path = `/defaults/${field}`;
    if (!isSpaceField(field)) issues.push(err(path, `unknown field "${field}"`));
    else if (!Compile(props[field]!).Check(v))
      issues.push(err(path, `default ${JSON.stringify(v)} is not a valid ${field}`));
  }
  for (const field of Object.keys(value.transform ?? {})) {
    if (!isSpaceField(field)) issues.push(err(`/transform/${field}`, `unknown field "${field}"`));
  }
  return issues.length ? { issues } : { mapping: value, issues };
};

/** Reads a mapping file (JSON bytes). */
export const parseMapping = (
  bytes: Uint8Array,
  file: string,
): { mapping?: ColumnMapping; issues: InputIssue[] } => {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (e) {
    return {
      issues: [
        {
          severity: 'error',
          code: 'mapping.invalid',
          file,
          message: `mapping is not valid UTF-8 JSON: ${(e as Error).message}`,
        },
      ],
    };
  }
  return checkMapping(value, file);
};

/** Fills fields a draft lacks (undefined or null) from the mapping's defaults. */
export const applyDefaults = (draft: Record<string, unknown>, mapping: ColumnMapping | undefined): void => {
  for (const [field, v] of Object.entries(mapping?.defaults ?? {})) {
    if (draft[field] === undefined || draft[field] === null) draft[field] = structuredClone(v);
  }
};

const DATE_PARTS = /^(\d{1,4})[-/.年](\d{1,2})[-/.月](\d{1,4})日?$/;

/** Rewrites a date written in their order (DMY / MDY / YMD) as YYYY-MM-DD; unknown shapes pass through. */
const reorderDate = (s: string, order: 'YMD' | 'DMY' | 'MDY'): string => {
  const m = DATE_PARTS.exec(s);
  if (!m) return s;
  const [a, b, c] = [m[1]!, m[2]!, m[3]!];
  const [y, mo, d] = order === 'YMD' ? [a, b, c] : order === 'DMY' ? [c, b, a] : [c, a, b];
  if (y.length !== 4) return s;
  return `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`;
};

/** Applies a field's transform to one raw cell (trimming by default when the file is mapped). */
export const applyTransform = (
  raw: string,
  field: SpaceField | undefined,
  t: FieldTransform | undefined,
  mapped: boolean,
): string => {
  let s = mapped && t?.trim !== false ? raw.trim() : raw;
  if (!t) return s;
  if (t.case === 'upper') s = s.toUpperCase();
  if (t.case === 'lower') s = s.toLowerCase();
  if (t.map && Object.hasOwn(t.map, s)) s = t.map[s]!;
  if (!field) return s;
  const kind = FIELD_KINDS[field].kind;
  if (t.split && kind === 'list') {
    const items = s
      .split(t.split)
      .map((x) => x.trim())
      .filter(Boolean);
    s = joinList(items.map((x) => (t.map && Object.hasOwn(t.map, x) ? t.map[x]! : x)));
  }
  if (
    t.scale !== undefined &&
    (kind === 'number' || kind === 'integer') &&
    s !== '' &&
    Number.isFinite(Number(s))
  ) {
    const v = Number(s) * t.scale;
    s = String(kind === 'integer' ? Math.round(v) : v);
  }
  if (t.date && (field === 'foundedOn' || field === 'closedOn')) s = reorderDate(s, t.date);
  return s;
};
