// Errors the engine raises. Spec problems are found once, when a pipeline is compiled, and carry
// every issue at once (with a JSON pointer into the spec); data problems found while running
// (e.g. a geometric mean of a zero) name the step, the method and the column.
import type { InputIssue } from '../../domain/issue.js';

export class PipelineSpecError extends Error {
  readonly issues: InputIssue[];
  constructor(issues: InputIssue[]) {
    super(
      `invalid pipeline spec:\n${issues.map((i) => `  ${i.path ?? ''}${i.path ? ': ' : ''}${i.message}`).join('\n')}`,
    );
    this.name = 'PipelineSpecError';
    this.issues = issues;
  }
}

/** A run-time failure on the data (COINr would stop() in the same place). */
export class EngineError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'EngineError';
    this.code = code;
  }
}

export const specIssue = (path: string, code: string, message: string): InputIssue => ({
  severity: 'error',
  code,
  path,
  message,
});
