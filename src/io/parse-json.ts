// JSON import: an array of SpaceInput-shaped objects, or `{ "spaces": [...] }` as our export writes.
// Issues point into the document with JSON Pointers (e.g. /spaces/12/lat).
import type { InputIssue } from '../domain/issue.js';
import type { SourceRef } from '../domain/space.js';
import { finishDraft } from './draft-check.js';
import { limitsOf, type ImportedRecord, type ImportOptions, type ImportResult } from './import-types.js';
import { pointer, readJson } from './json-text.js';
import { applyDefaults, checkMapping } from './mapping.js';
import { objectToDraft } from './object-import.js';
import { capIssues, duplicateSourceIssues, tooManyRows } from './record-utils.js';

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

export const parseJson = (input: Uint8Array, opts: ImportOptions): ImportResult => {
  const file = opts.file;
  if (opts.mapping) {
    const checked = checkMapping(opts.mapping, file);
    if (!checked.mapping) return { records: [], issues: checked.issues };
  }
  const read = readJson(input, opts);
  if (read.value === undefined) return { records: [], issues: read.issues };
  const issues: InputIssue[] = [...read.issues];
  const doc = read.value;
  let items: unknown[];
  let base: string;
  if (Array.isArray(doc)) [items, base] = [doc, ''];
  else if (isObject(doc) && Array.isArray(doc['spaces'])) [items, base] = [doc['spaces'], '/spaces'];
  else {
    return {
      records: [],
      issues: [
        ...issues,
        {
          severity: 'error',
          code: 'json.shape',
          file,
          path: '',
          message: 'expected an array of spaces or an object {"spaces": [...]}',
        },
      ],
    };
  }
  const { maxRows } = limitsOf(opts);
  if (items.length > maxRows) {
    return tooManyRows(
      issues,
      file,
      `${items.length.toLocaleString('en')} spaces; at most ${maxRows.toLocaleString('en')} are accepted`,
      base,
    );
  }
  const records: ImportedRecord[] = [];
  items.forEach((item, i) => {
    const path = `${base}${pointer(i)}`;
    if (!isObject(item)) {
      issues.push({
        severity: 'error',
        code: 'json.shape',
        file,
        path,
        message: `expected an object, found ${Array.isArray(item) ? 'an array' : JSON.stringify(item)}`,
      });
      return;
    }
    const built = objectToDraft(item, path, opts);
    issues.push(...built.issues);
    if (built.bad) return;
    applyDefaults(built.draft, opts.mapping);
    const done = finishDraft(built.draft, { file, path }, 'reject');
    issues.push(...done.issues);
    if (!done.draft) return;
    const source: SourceRef = done.draft.sources?.[0] ?? { source: 'json', sourceId: `${file}#${path}` };
    records.push({ draft: done.draft, path, source });
  });
  const dup = duplicateSourceIssues(records, file, 'error');
  return { records: dup.records, issues: capIssues([...issues, ...dup.issues]) };
};
