// The last step of every importer: the draft must pass `SpaceInput`. Schema errors are turned into
// one plain-words issue per field. Generic files (our own columns, a user's mapping) are the user's
// data, so a bad field rejects the record; third-party sources are not ours to fix, so there an
// over-long or malformed *optional* field is dropped with a warning and the rest of the record kept.
// Values are never truncated.
import type { InputIssue } from '../domain/issue.js';
import type { SpaceInput } from '../domain/space.js';
import { isSpaceInput, spaceInputValidator } from '../domain/space-input-check.js';

export type InvalidFieldPolicy = 'reject' | 'drop';

export interface RecordContext {
  file: string;
  row?: number;
  /** JSON Pointer of the record in the input (JSON formats). */
  path?: string;
}

/** Fields a draft cannot do without; never dropped. */
const REQUIRED = new Set(['type', 'status', 'countryCode']);

/** A short, quoted preview of a value for messages (the value itself is never shortened). */
export const preview = (v: unknown): string => {
  const s = typeof v === 'string' ? JSON.stringify(v) : (JSON.stringify(v) ?? String(v));
  return s.length > 60
    ? `${s.slice(0, 57)}…" (${typeof v === 'string' ? v.length.toLocaleString('en') + ' characters' : 'long value'})`
    : s;
};

interface SchemaError {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  message: string;
}

const valueAt = (root: unknown, pointer: string): unknown => {
  let cur: unknown = root;
  for (const seg of pointer.split('/').slice(1)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[seg.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return cur;
};

/** Ranks errors so the one that explains the problem best wins (not "must be null" from a Nullable). */
const rank = (e: SchemaError): number => {
  if (e.keyword === 'anyOf' || e.keyword === 'boolean') return 9;
  if (e.keyword === 'type' && e.params['type'] === 'null') return 8;
  return 0;
};

const describe = (e: SchemaError, value: unknown): { code: string; text: string } => {
  const p = e.params;
  switch (e.keyword) {
    case 'maxLength':
      return {
        code: 'field.too_long',
        text: `${typeof value === 'string' ? value.length.toLocaleString('en') : '?'} characters, at most ${String(p['limit'])} allowed (values are never cut)`,
      };
    case 'minLength':
      return {
        code: 'field.invalid',
        text: `expected at least ${String(p['limit'])} character(s), found ${preview(value)}`,
      };
    case 'pattern':
      return {
        code: 'field.invalid',
        text: `expected a value matching ${String(p['pattern'])}, found ${preview(value)}`,
      };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return {
        code: 'field.out_of_range',
        text: `expected a number ${String(p['comparison'])} ${String(p['limit'])}, found ${preview(value)}`,
      };
    case 'enum':
    case 'const': {
      const allowed = (p['allowedValues'] ?? p['allowedValue']) as unknown;
      const list =
        Array.isArray(allowed) && allowed.length <= 16 ? `; expected one of ${allowed.join(', ')}` : '';
      return { code: 'field.invalid', text: `unexpected value ${preview(value)}${list}` };
    }
    case 'maxItems':
      return {
        code: 'field.too_long',
        text: `at most ${String(p['limit'])} items allowed, found ${Array.isArray(value) ? value.length : '?'}`,
      };
    case 'uniqueItems':
      return { code: 'field.duplicate_items', text: `items must be unique, found ${preview(value)}` };
    case 'type':
      return { code: 'field.invalid', text: `expected ${String(p['type'])}, found ${preview(value)}` };
    default:
      return { code: 'field.invalid', text: `${e.message}, found ${preview(value)}` };
  }
};

/**
 * Validates a draft; returns it typed when it passes (possibly with dropped optional fields under
 * the 'drop' policy), or undefined with the reasons.
 */
export const finishDraft = (
  draft: Record<string, unknown>,
  ctx: RecordContext,
  policy: InvalidFieldPolicy = 'reject',
): { draft?: SpaceInput; issues: InputIssue[] } => {
  if (isSpaceInput(draft)) return { draft, issues: [] };
  const errors = spaceInputValidator.Errors(draft) as unknown as SchemaError[];
  // Group by top-level field: "/membershipPlans/0/currency" belongs to membershipPlans.
  const byField = new Map<string, SchemaError[]>();
  for (const e of errors) {
    if (e.keyword === 'additionalProperties') {
      for (const f of (e.params['additionalProperties'] as string[] | undefined) ?? []) byField.set(f, [e]);
      continue;
    }
    if (e.keyword === 'required') {
      for (const f of (e.params['requiredProperties'] as string[] | undefined) ?? []) byField.set(f, [e]);
      continue;
    }
    const field = e.instancePath.split('/')[1] ?? '';
    if (!byField.has(field)) byField.set(field, []);
    byField.get(field)!.push(e);
  }
  const issues: InputIssue[] = [];
  let rejected = false;
  const out: Record<string, unknown> = { ...draft };
  for (const [field, errs] of byField) {
    const best = [...errs].sort((a, b) => rank(a) - rank(b))[0]!;
    // Unknown and missing fields are reported on the object; point at the field itself.
    const at = best.instancePath || (field ? `/${field}` : '');
    const where = {
      file: ctx.file,
      ...(ctx.row !== undefined && { row: ctx.row }),
      ...(ctx.path !== undefined && { path: `${ctx.path}${at}` }),
    };
    let code: string;
    let text: string;
    if (best.keyword === 'additionalProperties' || best.keyword === 'boolean') {
      code = 'field.unknown';
      text = `unknown field "${field}"`;
    } else if (best.keyword === 'required') {
      code = 'field.required';
      text = `a value is required`;
    } else {
      ({ code, text } = describe(best, valueAt(draft, best.instancePath)));
      const lon = draft['lon'];
      if (
        field === 'lat' &&
        code === 'field.out_of_range' &&
        typeof lon === 'number' &&
        Math.abs(lon) <= 90
      ) {
        text += '; lat and lon look swapped (latitude is at most ±90)';
      }
    }
    const sub = best.instancePath.split('/').slice(2).join('.');
    const label = sub ? `${field}.${sub}` : field;
    if (policy === 'drop' && !REQUIRED.has(field) && best.keyword !== 'required') {
      delete out[field];
      issues.push({
        severity: 'warning',
        code,
        ...where,
        field,
        message: `${label}: ${text}; field left out, rest of the record kept`,
      });
    } else {
      rejected = true;
      issues.push({ severity: 'error', code, ...where, field, message: `${label}: ${text}` });
    }
  }
  if (rejected) return { issues };
  if (!isSpaceInput(out)) {
    // Should not happen: every failing field was dropped. Report instead of emitting an invalid draft.
    return {
      issues: [
        ...issues,
        {
          severity: 'error',
          code: 'record.invalid',
          file: ctx.file,
          ...(ctx.row !== undefined && { row: ctx.row }),
          message: 'record does not pass the space schema',
        },
      ],
    };
  }
  return { draft: out, issues };
};
