// Aggregate: build every aggregate level by level (COINr `Aggregate()`).
//
// For each level from 2 up, each aggregate combines its children's columns with `f_ag` (default
// "a_amean"), the children's weights `w`, and extra parameters `f_ag_para`. Any of `f_ag`,
// `f_ag_para`, `w`, `dat_thresh` and `by_df` may be one value for all levels or a list with one
// entry per aggregation (level 2, 3, …).
// Weights `w`: omitted / null / "Original" → iMeta's Weight; "equal" → all 1; "none" → no weights
// (methods that need them fail); another name → a weight set passed to compilePipeline; an object
// {iCode: weight} → those weights, iMeta's for codes it does not name.
// `dat_thresh`: a unit whose share of present children is below it gets NA for that aggregate
// (row methods only, as in COINr). `by_df` is implied by the method (a_copeland and other table
// methods); a contradicting value is an error.
// New columns are appended after the input columns, level by level, in COINr's order (see
// framework.ts aggregationPlan).
import type { Framework } from '../types.js';
import { aggregationPlan } from '../framework.js';
import { EngineError, PipelineSpecError, specIssue } from '../pipeline/errors.js';
import type { AggregateArgs, WeightSpecArgs } from '../pipeline/spec.js';
import { perTimePoint, type CompiledStep, type RunState } from '../pipeline/state.js';
import { aggregatorNames, getAggregator, type Aggregator, type AggParams } from './methods.js';

export type WeightSets = Readonly<Record<string, Readonly<Record<string, number>>>>;

interface LevelPlan {
  agg: Aggregator;
  name: string;
  para: AggParams;
  datThresh: number | undefined;
  groups: { code: string; children: string[]; weights: Float64Array | undefined }[];
}

const perLevel = <T>(
  v: T | readonly T[] | undefined,
  n: number,
  path: string,
  what: string,
  issues: ReturnType<typeof specIssue>[],
): (T | undefined)[] => {
  if (!Array.isArray(v)) return new Array<T | undefined>(n).fill(v as T | undefined);
  if (v.length !== n) {
    issues.push(
      specIssue(
        path,
        'aggregate.levels.length',
        `${what} lists ${v.length} entries but the framework has ${n} aggregation level(s) (levels 2 to ${n + 1})`,
      ),
    );
    return new Array<T | undefined>(n).fill(undefined);
  }
  return [...(v as readonly T[])];
};

export const compileAggregate = (
  args: AggregateArgs,
  fw: Framework,
  index: number,
  weightSets: WeightSets = {},
): CompiledStep => {
  const where = `step ${index + 1} (Aggregate)`;
  const base = `/steps/${index}`;
  const issues: ReturnType<typeof specIssue>[] = [];
  const plan = aggregationPlan(fw);
  const nLev = plan.length;
  if (nLev === 0)
    issues.push(
      specIssue(
        base,
        'aggregate.levels.none',
        `${where}: the framework has no aggregation level (no Aggregate rows in iMeta)`,
      ),
    );
  const fAgs = perLevel(args.f_ag, nLev, `${base}/f_ag`, `${where}: f_ag`, issues);
  const paras = perLevel(
    args.f_ag_para as AggParams | null | readonly (AggParams | null)[] | undefined,
    nLev,
    `${base}/f_ag_para`,
    `${where}: f_ag_para`,
    issues,
  );
  const ws = perLevel<WeightSpecArgs>(
    args.w as WeightSpecArgs | readonly WeightSpecArgs[] | undefined,
    nLev,
    `${base}/w`,
    `${where}: w`,
    issues,
  );
  const dts = perLevel(
    args.dat_thresh as number | null | readonly (number | null)[] | undefined,
    nLev,
    `${base}/dat_thresh`,
    `${where}: dat_thresh`,
    issues,
  );
  const byDfs = perLevel(args.by_df, nLev, `${base}/by_df`, `${where}: by_df`, issues);

  const levels: LevelPlan[] = plan.map((groups, l) => {
    const lev = l + 2;
    const path = (k: string) =>
      Array.isArray(args[k as keyof AggregateArgs]) ? `${base}/${k}/${l}` : `${base}/${k}`;
    const name = fAgs[l] ?? 'a_amean';
    const agg = getAggregator(name);
    if (!agg) {
      issues.push(
        specIssue(
          path('f_ag'),
          'aggregate.method.unknown',
          `${where}: unknown aggregation method "${name}" for level ${lev} (known: ${aggregatorNames().join(', ')})`,
        ),
      );
    }
    const para: AggParams = paras[l] ?? {};
    if (agg) {
      for (const key of Object.keys(para)) {
        if (!agg.params.includes(key)) {
          issues.push(
            specIssue(
              `${path('f_ag_para')}/${key}`,
              'pipeline.arg.unknown',
              `${where}: unknown argument "f_ag_para.${key}" for ${name} (allowed: ${agg.params.join(', ') || 'none'})`,
            ),
          );
        }
      }
      for (const key of agg.required ?? []) {
        if (para[key] === undefined)
          issues.push(
            specIssue(
              path('f_ag_para'),
              'pipeline.arg.missing',
              `${where}: ${name} needs f_ag_para.${key} (level ${lev})`,
            ),
          );
      }
      const byDf = byDfs[l];
      if (byDf !== undefined && byDf !== (agg.kind === 'table')) {
        issues.push(
          specIssue(
            path('by_df'),
            'aggregate.by_df',
            `${where}: ${name} ${agg.kind === 'table' ? 'scores whole tables, so by_df must be true' : 'works row by row, so by_df must be false'}`,
          ),
        );
      }
    }
    const w = ws[l];
    const weightOf = (code: string, fallback: number): number | undefined => {
      if (w === undefined || w === null || w === 'Original') return fallback;
      if (w === 'equal') return 1;
      if (w === 'none') return undefined;
      if (typeof w === 'string') return weightSets[w]?.[code] ?? fallback;
      return w[code] ?? fallback;
    };
    if (typeof w === 'string' && !['Original', 'equal', 'none'].includes(w) && !weightSets[w]) {
      issues.push(
        specIssue(
          path('w'),
          'aggregate.weights.unknown',
          `${where}: weight set "${w}" is not defined (known: Original, equal, none${Object.keys(weightSets)
            .map((k) => `, ${k}`)
            .join('')})`,
        ),
      );
    }
    if (w !== null && typeof w === 'object') {
      for (const [code, v] of Object.entries(w)) {
        if (Number.isNaN(fw.levelOf(code)))
          issues.push(
            specIssue(
              `${path('w')}/${code}`,
              'aggregate.weights.code',
              `${where}: weight given for "${code}", which is not an indicator or aggregate`,
            ),
          );
        else if (!Number.isFinite(v))
          issues.push(
            specIssue(
              `${path('w')}/${code}`,
              'aggregate.weights.value',
              `${where}: weight of "${code}" must be a finite number`,
            ),
          );
      }
    }
    return {
      agg: agg ?? (getAggregator('a_amean') as Aggregator),
      name,
      para,
      datThresh: dts[l] ?? undefined,
      groups: groups.map((g) => ({
        code: g.code,
        children: g.children,
        weights:
          w === 'none'
            ? undefined
            : Float64Array.from(g.children, (c, k) => weightOf(c, g.weights[k] as number) as number),
      })),
    };
  });
  if (issues.length) throw new PipelineSpecError(issues);

  const run = (s: RunState): RunState => {
    const { data } = s;
    const n = data.uCodes.length;
    const iCodes = data.iCodes.slice();
    const cols = data.cols.slice();
    const pos = new Map(iCodes.map((c, j) => [c, j] as const));
    for (const level of levels) {
      const made: [string, Float64Array][] = [];
      for (const g of level.groups) {
        const childCols = g.children.map((c) => {
          const j = pos.get(c);
          if (j === undefined)
            throw new EngineError(
              'aggregate.column.missing',
              `Aggregate: "${c}" (a child of "${g.code}") is not in the data set`,
            );
          return cols[j] as Float64Array;
        });
        let out: Float64Array;
        try {
          if (level.agg.kind === 'table')
            out = level.agg.fn(childCols, g.weights, level.para, { uCodes: data.uCodes });
          else out = aggregateRows(level.agg, childCols, g.weights, level.para, level.datThresh, n);
        } catch (e) {
          if (e instanceof EngineError)
            throw new EngineError(e.code, `Aggregate "${g.code}" with ${level.name}: ${e.message}`);
          throw e;
        }
        made.push([g.code, out]);
      }
      for (const [code, col] of made) {
        pos.set(code, cols.length);
        iCodes.push(code);
        cols.push(col);
      }
    }
    return { data: { uCodes: data.uCodes, iCodes, cols }, units: s.units };
  };
  return {
    type: 'Aggregate',
    stage: 'Aggregated',
    input: args.dset,
    run: perTimePoint((st) => ({ state: run(st) })),
  };
};

const aggregateRows = (
  agg: Extract<Aggregator, { kind: 'row' }>,
  childCols: Float64Array[],
  w: Float64Array | undefined,
  para: AggParams,
  datThresh: number | undefined,
  n: number,
): Float64Array => {
  const m = childCols.length;
  const out = new Float64Array(n);
  const row = new Float64Array(m);
  for (let i = 0; i < n; i++) {
    let present = 0;
    for (let k = 0; k < m; k++) {
      const v = (childCols[k] as Float64Array)[i] as number;
      row[k] = v;
      if (!Number.isNaN(v)) present++;
    }
    out[i] = datThresh !== undefined && present / m < datThresh ? NaN : agg.fn(row, w, para);
  }
  return out;
};
