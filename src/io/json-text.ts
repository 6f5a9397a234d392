// JSON.parse with an issue instead of an exception: where the document breaks (line and column),
// and "truncated" when it simply ends too early.
import type { InputIssue } from '../domain/issue.js';
import { decodeText } from './decode.js';
import type { ImportOptions } from './import-types.js';

const lineCol = (text: string, pos: number): string => {
  const before = text.slice(0, pos);
  const line = before.split('\n').length;
  return `line ${line}, column ${pos - before.lastIndexOf('\n')}`;
};

export const parseJsonText = (text: string, file: string): { value?: unknown; issues: InputIssue[] } => {
  try {
    return { value: JSON.parse(text) as unknown, issues: [] };
  } catch (e) {
    const msg = (e as Error).message;
    const pos = /position (\d+)/.exec(msg);
    const endsEarly =
      /end of (JSON|data) input/i.test(msg) || (pos !== null && Number(pos[1]) >= text.trimEnd().length);
    if (endsEarly) {
      return {
        issues: [
          {
            severity: 'error',
            code: 'input.truncated',
            file,
            message: `the JSON document ends before it is complete (${lineCol(text, text.length)}): the file looks cut off; nothing was imported`,
          },
        ],
      };
    }
    const where = pos ? ` at ${lineCol(text, Number(pos[1]))}` : '';
    return {
      issues: [
        {
          severity: 'error',
          code: 'json.malformed',
          file,
          message: `not valid JSON${where}: ${msg}; nothing was imported`,
        },
      ],
    };
  }
};

/** Decodes (UTF-8 rules of decode.ts) and parses a JSON file. */
export const readJson = (
  input: Uint8Array,
  opts: ImportOptions,
): { value?: unknown; issues: InputIssue[] } => {
  const decoded = decodeText(input, opts);
  if (decoded.text === null) return { issues: decoded.issues };
  const parsed = parseJsonText(decoded.text, opts.file);
  return { ...parsed, issues: [...decoded.issues, ...parsed.issues] };
};

export const pointer = (...parts: (string | number)[]): string =>
  parts.map((p) => `/${String(p).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
