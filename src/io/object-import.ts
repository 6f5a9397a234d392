// One JSON object (a JSON array item or a GeoJSON feature's properties) → a draft. Without a mapping
// the keys must be our field names; with one, keys are renamed and string values read like cells.
import type { InputIssue } from '../domain/issue.js';
import { applyTransform, targetOf } from './mapping.js';
import type { ImportOptions } from './import-types.js';
import { decodeCell, isSpaceField } from './space-columns.js';
import { pointer } from './json-text.js';

/** Keys our own exports write that the store owns; ignored on import. */
export const READONLY_KEYS = new Set(['id', 'provenance', 'createdAt', 'updatedAt']);

/**
 * Builds the raw draft; unknown keys are left in so the schema check names them. Returns the
 * issues of values that could not be read (mapped files only).
 */
export const objectToDraft = (
  obj: Record<string, unknown>,
  at: string,
  opts: ImportOptions,
): { draft: Record<string, unknown>; issues: InputIssue[]; bad: boolean } => {
  const draft: Record<string, unknown> = {};
  const issues: InputIssue[] = [];
  let bad = false;
  const m = opts.mapping;
  for (const [key, value] of Object.entries(obj)) {
    if (!m) {
      if (!READONLY_KEYS.has(key)) draft[key] = value;
      continue;
    }
    const target = m.columns[key];
    if (target === undefined || target === '') continue;
    const t = targetOf(target);
    if (!t) continue;
    if ('profileKey' in t) {
      if (value !== undefined)
        draft['profile'] = { ...(draft['profile'] as object | undefined), [t.profileKey]: value };
      continue;
    }
    if (typeof value !== 'string' || !isSpaceField(t.field)) {
      draft[t.field] = value;
      continue;
    }
    const r = decodeCell(t.field, applyTransform(value, t.field, m.transform?.[t.field], true));
    if (!r.ok) {
      issues.push({
        severity: 'error',
        code: 'cell.invalid',
        file: opts.file,
        path: `${at}${pointer(key)}`,
        field: t.field,
        message: `${t.field}: ${r.expected}`,
      });
      bad = true;
    } else if (!('absent' in r)) draft[t.field] = r.value;
  }
  return { draft, issues, bad };
};
