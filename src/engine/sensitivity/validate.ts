// Turns JSON into a typed sensitivity spec, or a SensitivitySpecError listing every problem with a
// JSON pointer into the spec and a sentence naming the input. Checks that need the pipeline (does
// the address exist, does each alternative make a valid step) are in plan.ts.
import { Value } from 'typebox/value';
import type { InputIssue } from '../../domain/issue.js';
import {
  ANALYSIS_TYPES,
  INPUT_TYPES,
  SensitivitySpec,
  type SensitivitySpecType,
  type UncertainInputSpec,
} from './spec.js';

export class SensitivitySpecError extends Error {
  readonly issues: InputIssue[];
  constructor(issues: InputIssue[]) {
    super(
      `invalid sensitivity spec:\n${issues.map((i) => `  ${i.path ?? ''}${i.path ? ': ' : ''}${i.message}`).join('\n')}`,
    );
    this.name = 'SensitivitySpecError';
    this.issues = issues;
  }
}

export const sensIssue = (path: string, code: string, message: string, field?: string): InputIssue => ({
  severity: 'error',
  code,
  path,
  ...(field ? { field } : {}),
  message,
});

interface SchemaError {
  keyword: string;
  instancePath: string;
  message: string;
  params: Record<string, unknown>;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** "input 3 (\"Weights\")" for pointers under /inputs/2, else the top-level key. */
export const describeInput = (spec: unknown, index: number): string => {
  const inputs = isRecord(spec) && Array.isArray(spec.inputs) ? spec.inputs : [];
  const name = isRecord(inputs[index]) ? inputs[index].name : undefined;
  return `input ${index + 1}${typeof name === 'string' && name ? ` ("${name}")` : ''}`;
};

const whereOf = (spec: unknown, pointer: string): string => {
  const m = /^\/inputs\/(\d+)(?:\/(.*))?$/.exec(pointer);
  if (m) return `${describeInput(spec, Number(m[1]))}${m[2] ? `: "${m[2].replaceAll('/', '.')}"` : ''}`;
  return pointer ? `"${pointer.slice(1).replaceAll('/', '.')}"` : 'the spec';
};

const fieldOf = (pointer: string): string | undefined => pointer.split('/').pop() || undefined;

const schemaIssues = (input: unknown): InputIssue[] => {
  const issues: InputIssue[] = [];
  const reported = new Set<string>();
  for (const e of [...Value.Errors(SensitivitySpec, input)] as unknown as SchemaError[]) {
    if (e.keyword === 'boolean') continue; // duplicate of additionalProperties
    if (e.keyword === 'additionalProperties') {
      for (const name of (e.params.additionalProperties as string[] | undefined) ?? []) {
        const p = `${e.instancePath}/${name}`;
        if (reported.has(p)) continue;
        reported.add(p);
        issues.push(
          sensIssue(
            p,
            'sensitivity.arg.unknown',
            `${whereOf(input, e.instancePath)}: unknown key "${name}"`,
            name,
          ),
        );
      }
      continue;
    }
    if (reported.has(e.instancePath)) continue;
    reported.add(e.instancePath);
    if (e.keyword === 'required') {
      const missing = (e.params.requiredProperties as string[] | undefined) ?? [];
      issues.push(
        sensIssue(
          e.instancePath,
          'sensitivity.arg.missing',
          `${whereOf(input, e.instancePath)}: missing ${missing.map((m) => `"${m}"`).join(', ')}`,
          missing[0],
        ),
      );
      continue;
    }
    let message = e.message;
    if (e.keyword === 'enum' && Array.isArray(e.params.allowedValues))
      message = `must be one of ${(e.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    issues.push(
      sensIssue(
        e.instancePath,
        'sensitivity.arg.invalid',
        `${whereOf(input, e.instancePath)} ${message}; got ${JSON.stringify(valueAt(input, e.instancePath))}`,
        fieldOf(e.instancePath),
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

/** Checks of one input that the schema cannot express. */
const inputIssues = (spec: SensitivitySpecType, inp: UncertainInputSpec, i: number): InputIssue[] => {
  const base = `/inputs/${i}`;
  const who = describeInput(spec, i);
  const out: InputIssue[] = [];
  const add = (path: string, code: string, message: string, field?: string) =>
    out.push(sensIssue(path, code, `${who}: ${message}`, field));
  if (!inp.name.trim()) add(`${base}/name`, 'sensitivity.input.name', 'needs a non-empty "name"', 'name');
  if (!inp.address.startsWith('/steps/'))
    add(
      `${base}/address`,
      'sensitivity.input.address',
      `address "${inp.address}" must be a JSON Pointer into a step of the pipeline spec, like "/steps/3/global_specs"`,
      'address',
    );
  if (!(INPUT_TYPES as readonly string[]).includes(inp.type)) {
    add(
      `${base}/type`,
      'sensitivity.input.type',
      `unknown type "${inp.type}" (expected ${INPUT_TYPES.map((t) => `"${t}"`).join(' or ')})`,
      'type',
    );
    return out;
  }
  if (inp.type === 'continuous') {
    const d = inp.distribution;
    if (inp.noisy_weights)
      add(
        `${base}/noisy_weights`,
        'sensitivity.input.noisy',
        'noisy_weights needs type "discrete"',
        'noisy_weights',
      );
    if (
      !d ||
      d.length !== 2 ||
      typeof d[0] !== 'number' ||
      typeof d[1] !== 'number' ||
      !Number.isFinite(d[0]) ||
      !Number.isFinite(d[1]) ||
      !(d[1] > d[0])
    )
      add(
        `${base}/distribution`,
        'sensitivity.input.bounds',
        `a continuous input needs "distribution": [lower, upper] with finite numbers and upper > lower; got ${JSON.stringify(d)}`,
        'distribution',
      );
    return out;
  }
  if (inp.distribution && inp.noisy_weights)
    add(base, 'sensitivity.input.both', 'give either "distribution" or "noisy_weights", not both');
  else if (!inp.distribution && !inp.noisy_weights)
    add(
      base,
      'sensitivity.input.none',
      'needs "distribution" (the alternatives) or "noisy_weights"',
      'distribution',
    );
  else if (inp.distribution && inp.distribution.length === 0)
    add(
      `${base}/distribution`,
      'sensitivity.input.empty',
      'the distribution is empty; list at least one alternative',
      'distribution',
    );
  const nw = inp.noisy_weights;
  if (nw) {
    if (nw.levels.length === 0 || nw.levels.length !== nw.noise_factor.length)
      add(
        `${base}/noisy_weights`,
        'sensitivity.noisy.length',
        `noisy_weights needs one noise_factor per level (got ${nw.levels.length} level(s), ${nw.noise_factor.length} factor(s))`,
        'noise_factor',
      );
    if (new Set(nw.levels).size !== nw.levels.length)
      add(
        `${base}/noisy_weights/levels`,
        'sensitivity.noisy.duplicate',
        'noisy_weights lists a level twice',
        'levels',
      );
  }
  return out;
};

/** Parses and validates a sensitivity spec (structure only); throws SensitivitySpecError with every issue. */
export const parseSensitivitySpec = (input: unknown): SensitivitySpecType => {
  if (!isRecord(input))
    throw new SensitivitySpecError([
      sensIssue(
        '',
        'sensitivity.type',
        'the sensitivity spec must be a JSON object with "type", "N", "target" and "inputs"',
      ),
    ]);
  const issues = schemaIssues(input);
  if (issues.length) throw new SensitivitySpecError(issues);
  const spec = input as unknown as SensitivitySpecType;
  if (!(ANALYSIS_TYPES as readonly string[]).includes(spec.type))
    issues.push(
      sensIssue(
        '/type',
        'sensitivity.analysis.type',
        `unknown analysis type "${spec.type}" (expected "UA", uncertainty analysis, or "SA", sensitivity analysis)`,
        'type',
      ),
    );
  if (spec.inputs.length === 0)
    issues.push(
      sensIssue('/inputs', 'sensitivity.inputs.none', 'list at least one uncertain input', 'inputs'),
    );
  if (spec.type === 'SA' && spec.inputs.length === 1)
    issues.push(
      sensIssue(
        '/inputs',
        'sensitivity.inputs.one',
        'a sensitivity analysis needs at least two uncertain inputs (with one, run type "UA")',
        'inputs',
      ),
    );
  const names = new Map<string, number>();
  spec.inputs.forEach((inp, i) => {
    issues.push(...inputIssues(spec, inp, i));
    const prev = names.get(inp.name);
    if (prev !== undefined)
      issues.push(
        sensIssue(
          `/inputs/${i}/name`,
          'sensitivity.input.duplicate',
          `${describeInput(spec, i)}: the name is already used by input ${prev + 1}`,
          'name',
        ),
      );
    else names.set(inp.name, i);
  });
  if (!spec.target.iCode)
    issues.push(
      sensIssue('/target/iCode', 'sensitivity.target.icode', 'target.iCode must name a column', 'iCode'),
    );
  if (issues.length) throw new SensitivitySpecError(issues);
  return spec;
};
