// Loading and checking a maker-index framework file, and turning it into COINr's iMeta for the
// engine. A framework is data (data/frameworks/*.json): a new version is a new file, never an edit.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { Value } from 'typebox/value';
import type { TSchema } from 'typebox';
import type { InputIssue } from '../../domain/issue.js';
import { buildFramework } from '../../engine/framework.js';
import { compilePipeline, PipelineSpecError } from '../../engine/pipeline/index.js';
import { parseSensitivitySpec, SensitivitySpecError } from '../../engine/sensitivity/index.js';
import type { Framework, MetaRow } from '../../engine/types.js';
import { defaultDataDir } from '../../io/geo-data.js';
import {
  MakerFramework,
  REGION_FORMULA_PARAMS,
  SPACE_FORMULA_PARAMS,
  type RegionLevel,
} from './framework-schema.js';

export { MakerFramework } from './framework-schema.js';

export class FrameworkError extends Error {
  override readonly name = 'FrameworkError';
  constructor(readonly issues: InputIssue[]) {
    super(
      `invalid maker-index framework:\n${issues
        .map((i) => `  ${i.file ?? ''}${i.path ? ` ${i.path}` : ''}: ${i.message}`)
        .join('\n')}`,
    );
  }
}

/** Levels an index is computed at. */
export type IndexLevel = 'space' | RegionLevel;

export const frameworksDir = (): string => join(defaultDataDir(), 'frameworks');
export const DEFAULT_FRAMEWORK_FILE = 'maker-index-v1.json';

const schemaIssues = (schema: TSchema, value: unknown, base: string, file: string): InputIssue[] => {
  const seen = new Set<string>();
  const out: InputIssue[] = [];
  for (const e of Value.Errors(schema, value)) {
    const path = `${base}${e.instancePath}`;
    if (seen.has(path)) continue;
    seen.add(path);
    const extra =
      e.keyword === 'additionalProperties'
        ? ` (${((e.params as { additionalProperties?: string[] }).additionalProperties ?? []).join(', ')})`
        : '';
    out.push({
      severity: 'error',
      code: 'framework.schema',
      file,
      path,
      field: path.split('/').pop() ?? '',
      message: `${e.message}${extra}`,
    });
  }
  return out;
};

/** Region levels an indicator is declared for (all when it says nothing; spaces have none). */
const levelsOf = (ind: object): readonly RegionLevel[] | undefined =>
  (ind as { levels?: readonly RegionLevel[] }).levels;
const appliesTo = (ind: object, level: RegionLevel): boolean => levelsOf(ind)?.includes(level) ?? true;

/** The iMeta of one level: index, pillars, indicators (and the group column for spaces). */
export const metaRows = (fw: MakerFramework, level: IndexLevel, include?: ReadonlySet<string>): MetaRow[] => {
  const spec = level === 'space' ? fw.space : fw.region;
  const indicators = spec.indicators.filter(
    (ind) => (include === undefined || include.has(ind.code)) && (level === 'space' || appliesTo(ind, level)),
  );
  // A pillar left without indicators is dropped: COINr refuses an aggregate with no children.
  const pillars = spec.pillars.filter((p) => indicators.some((i) => i.pillar === p.code));
  const rows: MetaRow[] = [
    {
      iCode: spec.index.code,
      iName: spec.index.nameEn,
      level: 3,
      parent: null,
      direction: 1,
      weight: 1,
      type: 'Aggregate',
      extra: { iName_zh: spec.index.nameZh },
    },
    ...pillars.map((p): MetaRow => ({
      iCode: p.code,
      iName: p.nameEn,
      level: 2,
      parent: spec.index.code,
      direction: 1,
      weight: p.weight,
      type: 'Aggregate',
      extra: { iName_zh: p.nameZh },
    })),
    ...indicators.map((i): MetaRow => ({
      iCode: i.code,
      iName: i.nameEn,
      level: 1,
      parent: i.pillar,
      direction: i.direction,
      weight: i.weight,
      type: 'Indicator',
      unit: i.unit,
      extra: { iName_zh: i.nameZh },
    })),
  ];
  if (level === 'space') {
    rows.push({
      iCode: fw.space.groupColumn,
      iName: 'Space type',
      level: Number.NaN,
      parent: null,
      direction: 1,
      weight: Number.NaN,
      type: 'Group',
      extra: {},
    });
  }
  return rows;
};

/** The engine's Framework for one level (throws when the rows are inconsistent). */
export const engineFramework = (rows: readonly MetaRow[]): Framework => {
  const { framework, issues } = buildFramework(rows);
  if (!framework) throw new FrameworkError(issues);
  return framework;
};

/** Semantic checks the schema cannot express: references, unique codes, parameters, pipelines. */
const semanticIssues = (fw: MakerFramework, file: string): InputIssue[] => {
  const issues: InputIssue[] = [];
  const add = (path: string, code: string, message: string) =>
    issues.push({ severity: 'error', code, file, path, field: path.split('/').pop() ?? '', message });
  for (const level of ['space', 'region'] as const) {
    const spec = fw[level];
    const codes = new Map<string, string>([[spec.index.code, `/${level}/index/code`]]);
    const unique = (code: string, path: string) => {
      const prior = codes.get(code);
      if (prior) add(path, 'framework.code.duplicate', `code "${code}" is also used at ${prior}`);
      else codes.set(code, path);
    };
    spec.pillars.forEach((p, k) => unique(p.code, `/${level}/pillars/${k}/code`));
    const pillarCodes = new Set(spec.pillars.map((p) => p.code));
    spec.indicators.forEach((ind, k) => {
      const base = `/${level}/indicators/${k}`;
      unique(ind.code, `${base}/code`);
      if (!pillarCodes.has(ind.pillar))
        add(
          `${base}/pillar`,
          'framework.pillar.unknown',
          `pillar "${ind.pillar}" is not one of ${[...pillarCodes].join(', ')}`,
        );
      const schema =
        level === 'space'
          ? SPACE_FORMULA_PARAMS[ind.formula as keyof typeof SPACE_FORMULA_PARAMS]
          : REGION_FORMULA_PARAMS[ind.formula as keyof typeof REGION_FORMULA_PARAMS];
      issues.push(...schemaIssues(schema, ind.params, `${base}/params`, file));
      {
        for (const l of levelsOf(ind) ?? [])
          if (!fw.region.levels.includes(l))
            add(`${base}/levels`, 'framework.level.unknown', `level "${l}" is not in /region/levels`);
      }
      if (ind.formula === 'cohort_weighted_survival') {
        const target = fw.space.indicators.find((s) => s.code === ind.params['indicator']);
        if (target?.formula !== 'km_survival')
          add(
            `${base}/params/indicator`,
            'framework.reference',
            `"${String(ind.params['indicator'])}" must be a space indicator with formula km_survival`,
          );
      }
    });
    spec.pillars.forEach((p, k) => {
      if (!spec.indicators.some((i) => i.pillar === p.code))
        add(`/${level}/pillars/${k}`, 'framework.pillar.empty', `pillar "${p.code}" has no indicator`);
    });
    if (!spec.pillars.some((p) => p.weight > 0))
      add(`/${level}/pillars`, 'framework.weights.zero', 'at least one pillar needs a weight above 0');
  }
  if (issues.length > 0) return issues;
  const levels: IndexLevel[] = ['space', ...fw.region.levels];
  for (const level of levels) {
    const pointer = level === 'space' ? '/space/pipeline' : '/region/pipeline';
    try {
      const engineFw = engineFramework(metaRows(fw, level));
      compilePipeline(level === 'space' ? fw.space.pipeline : fw.region.pipeline, engineFw);
    } catch (e) {
      if (e instanceof PipelineSpecError)
        for (const i of e.issues) issues.push({ ...i, file, path: `${pointer}${i.path ?? ''}` });
      else if (e instanceof FrameworkError) issues.push(...e.issues.map((i) => ({ ...i, file })));
      else throw e;
    }
  }
  const ua = fw.uncertainty;
  if (ua) {
    try {
      parseSensitivitySpec(ua);
    } catch (e) {
      if (!(e instanceof SensitivitySpecError)) throw e;
      for (const i of e.issues) issues.push({ ...i, file, path: `/uncertainty${i.path ?? ''}` });
    }
  }
  const steps = (fw.space.pipeline as { steps?: unknown[] }).steps ?? [];
  if (ua && Array.isArray(ua['inputs'])) {
    (ua['inputs'] as unknown[]).forEach((input, k) => {
      const address = (input as { address?: unknown }).address;
      const m = typeof address === 'string' ? /^\/steps\/(\d+)(\/|$)/.exec(address) : null;
      if (!m || Number(m[1]) >= steps.length)
        add(
          `/uncertainty/inputs/${k}/address`,
          'framework.uncertainty.address',
          `address must point into a step of /space/pipeline (/steps/0..${steps.length - 1}/…)`,
        );
    });
  }
  return issues;
};

/** Checks a parsed framework document; `file` names it in the issues. */
export const parseFramework = (
  doc: unknown,
  file = 'framework.json',
): { framework: MakerFramework | undefined; issues: InputIssue[] } => {
  const issues = schemaIssues(MakerFramework, doc, '', file);
  if (issues.length > 0) return { framework: undefined, issues };
  const fw = doc as MakerFramework;
  const more = semanticIssues(fw, file);
  return { framework: more.length > 0 ? undefined : fw, issues: more };
};

/** Reads and checks one framework file; throws FrameworkError listing every problem. */
export const loadFramework = (path = join(frameworksDir(), DEFAULT_FRAMEWORK_FILE)): MakerFramework => {
  const file = basename(path);
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(resolve(path), 'utf8'));
  } catch (e) {
    throw new FrameworkError([
      {
        severity: 'error',
        code: 'framework.json',
        file,
        message: `not readable JSON: ${(e as Error).message}`,
      },
    ]);
  }
  const { framework, issues } = parseFramework(doc, file);
  if (!framework) throw new FrameworkError(issues);
  return framework;
};

/** Every framework file in a folder (default data/frameworks), by id then version. */
export const listFrameworks = (dir = frameworksDir()): MakerFramework[] =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => loadFramework(join(dir, f)))
    .sort((a, b) => a.id.localeCompare(b.id) || a.version.localeCompare(b.version, 'en', { numeric: true }));
