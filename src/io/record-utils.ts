// Helpers every importer shares: within-file duplicate source ids and a cap on the issue list.
import type { InputIssue } from '../domain/issue.js';
import type { ImportedRecord, ImportResult } from './import-types.js';

/** More issues than this are summarised: a 100,000-row file of bad rows must not build a 100,000-line report. */
export const MAX_ISSUES = 1000;

export const capIssues = (issues: InputIssue[]): InputIssue[] => {
  if (issues.length <= MAX_ISSUES) return issues;
  const errors = issues.filter((i) => i.severity === 'error').length;
  const kept = issues.slice(0, MAX_ISSUES);
  const rest = issues.length - MAX_ISSUES;
  kept.push({
    severity: errors ? 'error' : 'warning',
    code: 'issues.truncated',
    ...(issues[0]?.file !== undefined && { file: issues[0].file }),
    message: `${rest.toLocaleString('en')} more issues not listed (${issues.length.toLocaleString('en')} in all, ${errors.toLocaleString('en')} errors)`,
  });
  return kept;
};

const where = (r: ImportedRecord): string => (r.row !== undefined ? `row ${r.row}` : (r.path ?? '?'));

/**
 * Two records of one file with the same source id describe the same space twice. In a user's file
 * that is an error to fix; in a third-party dump ('warning') the first is kept and the later dropped.
 */
export const duplicateSourceIssues = (
  records: ImportedRecord[],
  file: string,
  severity: 'error' | 'warning',
): { records: ImportedRecord[]; issues: InputIssue[] } => {
  const first = new Map<string, ImportedRecord>();
  const kept: ImportedRecord[] = [];
  const issues: InputIssue[] = [];
  for (const r of records) {
    const keys = new Set([r.source, ...(r.draft.sources ?? [])].map((s) => `${s.source}\u0000${s.sourceId}`));
    let dupOf: { key: string; rec: ImportedRecord } | undefined;
    for (const k of keys) {
      const prev = first.get(k);
      if (prev) {
        dupOf = { key: k, rec: prev };
        break;
      }
    }
    if (dupOf) {
      const [source, id] = dupOf.key.split('\u0000');
      issues.push({
        severity,
        code: 'duplicate.source_id',
        file,
        ...(r.row !== undefined && { row: r.row }),
        ...(r.path !== undefined && { path: r.path }),
        field: 'sources',
        message: `${source} id "${id}" already appears at ${where(dupOf.rec)}${severity === 'warning' ? '; this later record is skipped' : ''}`,
      });
      continue;
    }
    for (const k of keys) first.set(k, r);
    kept.push(r);
  }
  return { records: kept, issues };
};

/** A file over the row limit is refused whole: no records, the issues found so far plus this one. */
export const tooManyRows = (
  issues: InputIssue[],
  file: string,
  message: string,
  path?: string,
): ImportResult => ({
  records: [],
  issues: [
    ...issues,
    { severity: 'error', code: 'input.too_many_rows', file, ...(path !== undefined && { path }), message },
  ],
});
