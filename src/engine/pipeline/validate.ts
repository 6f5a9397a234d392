// Turns JSON into a typed pipeline spec, or a PipelineSpecError listing every problem with a JSON
// pointer and a sentence naming the step and the argument.
import { Value } from 'typebox/value';
import type { InputIssue } from '../../domain/issue.js';
import { PipelineSpecError, specIssue } from './errors.js';
import {
  STEP_SCHEMAS,
  STEP_TYPES,
  type PipelineSpecType,
  type PipelineStepSpec,
  type StepType,
} from './spec.js';

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

interface SchemaError {
  keyword: string;
  instancePath: string;
  message: string;
  params: Record<string, unknown>;
}

const describeArg = (instancePath: string): string => instancePath.replace(/^\//, '').replaceAll('/', '.');

/** Validates one step object; returns issues with pointers under `/steps/<index>`. */
export const stepIssues = (step: unknown, index: number): InputIssue[] => {
  const base = `/steps/${index}`;
  const where = (t: string) => `step ${index + 1} (${t})`;
  if (!isRecord(step)) return [specIssue(base, 'pipeline.step.type', `step ${index + 1} must be an object`)];
  const type = step.step;
  if (typeof type !== 'string' || !(STEP_TYPES as string[]).includes(type)) {
    return [
      specIssue(
        `${base}/step`,
        'pipeline.step.unknown',
        `step ${index + 1}: "step" must be one of ${STEP_TYPES.join(', ')}; got ${JSON.stringify(type)}`,
      ),
    ];
  }
  const schema = STEP_SCHEMAS[type as StepType];
  const allowed = Object.keys(schema.properties);
  const issues: InputIssue[] = [];
  const reported = new Set<string>();
  const errors = [...Value.Errors(schema, step)] as unknown as SchemaError[];
  // Union branches repeat errors for the same place; report the first sentence per place.
  for (const e of errors) {
    if (e.keyword === 'boolean') continue; // duplicate of additionalProperties
    if (e.keyword === 'additionalProperties') {
      const extra = (e.params.additionalProperties as string[] | undefined) ?? [];
      for (const name of extra) {
        const p = `${e.instancePath}/${name}`;
        if (reported.has(p)) continue;
        reported.add(p);
        const known = e.instancePath === '' ? ` (allowed: ${allowed.join(', ')})` : '';
        issues.push(
          specIssue(
            `${base}${p}`,
            'pipeline.arg.unknown',
            `${where(type)}: unknown argument "${describeArg(p)}"${known}`,
          ),
        );
      }
      continue;
    }
    if (reported.has(e.instancePath)) continue;
    reported.add(e.instancePath);
    let message = e.message;
    if (e.keyword === 'required') {
      const missing = (e.params.requiredProperties as string[] | undefined) ?? [];
      message = `missing required argument ${missing.map((m) => `"${m}"`).join(', ')}`;
      issues.push(
        specIssue(`${base}${e.instancePath}`, 'pipeline.arg.missing', `${where(type)}: ${message}`),
      );
      continue;
    }
    if (e.keyword === 'enum' && Array.isArray(e.params.allowedValues)) {
      message = `must be one of ${(e.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    }
    if (e.keyword === 'anyOf') message = 'does not have an accepted form (see the step documentation)';
    const arg = describeArg(e.instancePath);
    issues.push(
      specIssue(
        `${base}${e.instancePath}`,
        'pipeline.arg.invalid',
        `${where(type)}: argument "${arg}" ${message}; got ${JSON.stringify(valueAt(step, e.instancePath))}`,
      ),
    );
  }
  return issues;
};

const valueAt = (root: unknown, pointer: string): unknown => {
  let v: unknown = root;
  for (const part of pointer.split('/').slice(1)) {
    const key = part.replaceAll('~1', '/').replaceAll('~0', '~');
    if (Array.isArray(v)) v = v[Number(key)];
    else if (isRecord(v)) v = v[key];
    else return undefined;
  }
  return v;
};

/** Parses and validates a pipeline spec; throws PipelineSpecError with every issue. */
export const parsePipelineSpec = (input: unknown): PipelineSpecType => {
  if (!isRecord(input))
    throw new PipelineSpecError([
      specIssue('', 'pipeline.type', 'the pipeline spec must be a JSON object with "steps"'),
    ]);
  const issues: InputIssue[] = [];
  for (const key of Object.keys(input)) {
    if (key !== 'steps' && key !== 'comment') {
      issues.push(
        specIssue(
          `/${key}`,
          'pipeline.arg.unknown',
          `unknown top-level key "${key}" (allowed: steps, comment)`,
        ),
      );
    }
  }
  const steps = input.steps;
  if (!Array.isArray(steps) || steps.length === 0) {
    issues.push(specIssue('/steps', 'pipeline.steps.missing', '"steps" must be a non-empty array of steps'));
  } else {
    steps.forEach((s, i) => issues.push(...stepIssues(s, i)));
  }
  if (input.comment !== undefined && typeof input.comment !== 'string') {
    issues.push(specIssue('/comment', 'pipeline.arg.invalid', '"comment" must be a string'));
  }
  if (issues.length) throw new PipelineSpecError(issues);
  return input as unknown as PipelineSpecType;
};

/** Validates a single step (used when one step of a compiled pipeline is replaced). */
export const parseStep = (input: unknown, index: number): PipelineStepSpec => {
  const issues = stepIssues(input, index);
  if (issues.length) throw new PipelineSpecError(issues);
  return input as PipelineStepSpec;
};
