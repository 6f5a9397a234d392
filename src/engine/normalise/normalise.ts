// Normalise: bring every column onto a common scale (COINr `Normalise()`).
//
// Each column is first multiplied by its direction (iMeta `Direction`, or `directions[iCode]`), then
// passed to the method of its spec: `indiv_specs[iCode]` if given, else `global_specs`, else COINr's
// default `{f_n: "n_minmax", f_n_para: {l_u: [0, 100]}}`. A spec replaces the default as a whole
// (COINr does not merge them); a missing `f_n` means n_minmax and a missing parameter takes the
// method's own default.
// `f_n_para: "use_iMeta"` reads each indicator's parameters from iMeta columns, as COINr does:
//   n_minmax: minmax_lower, minmax_upper      n_zscore: zscore_mean, zscore_sd
//   n_scaled: scaled_lower, scaled_upper      n_dist2targ: Target (× Direction), dist2targ_cap_max
//   n_goalposts: goalpost_lower, goalpost_upper, goalpost_scale, goalpost_trunc2posts
//     (with Direction −1 the posts become [−upper, −lower] like the data)
// Column names match case-insensitively; goalpost_trunc2posts and dist2targ_cap_max may be absent
// (true and false). Panel data: `global` (default true, as COINr's Normalise.purse) normalises all
// time points together, so scores are comparable across years; false normalises each year alone.
import type { Framework, MetaRow } from '../types.js';
import { EngineError, PipelineSpecError, specIssue } from '../pipeline/errors.js';
import type { NormaliseArgs, NormaliseParaArgs, NormaliseSpecsArgs } from '../pipeline/spec.js';
import type { CompiledStep, RunState, StepOutput } from '../pipeline/state.js';
import { NORMALISERS } from './methods.js';

interface ColumnPlan {
  method: string;
  para: NormaliseParaArgs;
  direction: 1 | -1;
}

const META_PARAMS: Record<string, string[]> = {
  n_minmax: ['minmax_lower', 'minmax_upper'],
  n_scaled: ['scaled_lower', 'scaled_upper'],
  n_zscore: ['zscore_mean', 'zscore_sd'],
  n_dist2targ: ['Target'],
  n_goalposts: ['goalpost_lower', 'goalpost_upper', 'goalpost_scale'],
};

const metaValue = (row: MetaRow, name: string): number | undefined => {
  if (name === 'Target') return row.target;
  const key = Object.keys(row.extra).find((k) => k.toLowerCase() === name.toLowerCase());
  if (key === undefined) return undefined;
  const v = row.extra[key];
  if (typeof v === 'number') return v;
  if (v === undefined || v === '') return undefined;
  const t = String(v).toUpperCase();
  return t === 'TRUE' ? 1 : t === 'FALSE' ? 0 : Number(v);
};

/** Parameters from iMeta for one indicator, or a message naming what is missing. */
const paraFromMeta = (method: string, row: MetaRow): NormaliseParaArgs | string => {
  const needed = META_PARAMS[method];
  if (!needed)
    return `method "${method}" takes no parameters from iMeta (supported: ${Object.keys(META_PARAMS).join(', ')})`;
  const v = needed.map((n) => metaValue(row, n));
  const missing = needed.filter((_, k) => v[k] === undefined || Number.isNaN(v[k]));
  if (missing.length)
    return `iMeta row "${row.iCode}" has no value for ${missing.join(', ')} (needed by ${method} with "use_iMeta")`;
  const [a, b, c] = v as number[];
  const d = row.direction;
  switch (method) {
    case 'n_minmax':
      return { l_u: [a as number, b as number] };
    case 'n_scaled':
      return { npara: [a as number, b as number] };
    case 'n_zscore':
      return { m_sd: [a as number, b as number] };
    case 'n_dist2targ':
      return { targ: (a as number) * d, cap_max: metaValue(row, 'dist2targ_cap_max') === 1 };
    default: {
      const gp: [number, number, number] =
        d === -1 ? [-(b as number), -(a as number), c as number] : [a as number, b as number, c as number];
      return { gposts: gp, trunc2posts: metaValue(row, 'goalpost_trunc2posts') !== 0 };
    }
  }
};

export const compileNormalise = (args: NormaliseArgs, fw: Framework, index: number): CompiledStep => {
  const where = `step ${index + 1} (Normalise)`;
  const base = `/steps/${index}`;
  const issues: ReturnType<typeof specIssue>[] = [];
  const global: NormaliseSpecsArgs = args.global_specs ?? { f_n: 'n_minmax', f_n_para: { l_u: [0, 100] } };
  for (const code of Object.keys(args.indiv_specs ?? {})) {
    if (Number.isNaN(fw.levelOf(code))) {
      issues.push(
        specIssue(
          `${base}/indiv_specs/${code}`,
          'normalise.indiv.unknown',
          `${where}: indiv_specs names "${code}", which is not an indicator or aggregate`,
        ),
      );
    }
  }
  for (const code of Object.keys(args.directions ?? {})) {
    if (Number.isNaN(fw.levelOf(code))) {
      issues.push(
        specIssue(
          `${base}/directions/${code}`,
          'normalise.direction.unknown',
          `${where}: directions names "${code}", which is not an indicator or aggregate`,
        ),
      );
    }
  }
  const plans = new Map<string, ColumnPlan>();
  const planFor = (row: MetaRow, record: boolean): ColumnPlan | undefined => {
    const indiv = args.indiv_specs?.[row.iCode];
    const spec = indiv ?? global;
    const method = spec.f_n ?? 'n_minmax';
    const path = indiv ? `${base}/indiv_specs/${row.iCode}/f_n_para` : `${base}/global_specs/f_n_para`;
    let para: NormaliseParaArgs = {};
    if (spec.f_n_para === 'use_iMeta') {
      const p = paraFromMeta(method, row);
      if (typeof p === 'string') {
        if (record) issues.push(specIssue(path, 'normalise.imeta.missing', `${where}: ${p}`));
        return undefined;
      }
      para = p;
    } else if (spec.f_n_para) para = spec.f_n_para;
    if (method === 'n_dist2targ' && para.targ === undefined && record) {
      issues.push(
        specIssue(path, 'normalise.targ.missing', `${where}: n_dist2targ needs "targ" for "${row.iCode}"`),
      );
    }
    if (method === 'n_goalposts' && para.gposts === undefined && record) {
      issues.push(
        specIssue(
          path,
          'normalise.gposts.missing',
          `${where}: n_goalposts needs "gposts" [lower, upper, scale] for "${row.iCode}"`,
        ),
      );
    }
    if (method === 'n_dist2ref' && para.iref === undefined && record) {
      issues.push(
        specIssue(
          path,
          'normalise.iref.missing',
          `${where}: n_dist2ref needs "iref" (a row number or uCode) for "${row.iCode}"`,
        ),
      );
    }
    return { method, para, direction: args.directions?.[row.iCode] ?? row.direction };
  };
  for (const row of fw.indicators()) {
    const p = planFor(row, true);
    if (p) plans.set(row.iCode, p);
  }
  if (issues.length) throw new PipelineSpecError(issues);

  const planOf = (code: string): ColumnPlan => {
    const known = plans.get(code);
    if (known) return known;
    const row = fw.get(code);
    const p = row ? planFor(row, false) : undefined;
    if (!p)
      throw new EngineError(
        'normalise.column.unknown',
        `Normalise: column "${code}" is not in the framework or lacks its iMeta parameters`,
      );
    plans.set(code, p);
    return p;
  };
  const normaliseColumn = (code: string, col: Float64Array, uCodes: readonly string[]): Float64Array => {
    const plan = planOf(code);
    const x = plan.direction === 1 ? col : col.map((v) => -v);
    try {
      return (NORMALISERS[plan.method] as (typeof NORMALISERS)[string])(x, plan.para, { uCodes });
    } catch (e) {
      if (e instanceof RangeError)
        throw new EngineError('normalise.method', `Normalise "${code}": ${e.message}`);
      throw e;
    }
  };
  const one = (s: RunState): StepOutput => ({
    state: {
      data: {
        uCodes: s.data.uCodes,
        iCodes: s.data.iCodes,
        cols: s.data.cols.map((c, j) => normaliseColumn(s.data.iCodes[j] as string, c, s.data.uCodes)),
      },
      units: s.units,
    },
  });
  const run = (inputs: readonly RunState[]): StepOutput[] => {
    if (inputs.length === 1 || args.global === false) return inputs.map(one);
    // Global: stack the time points, normalise once, cut back into time points.
    const first = inputs[0] as RunState;
    const sizes = inputs.map((s) => s.data.uCodes.length);
    const uCodes = inputs.flatMap((s) => s.data.uCodes);
    const outCols = first.data.iCodes.map((code) => {
      const stacked = new Float64Array(uCodes.length);
      let off = 0;
      for (const s of inputs) {
        const j = s.data.iCodes.indexOf(code);
        if (j < 0)
          throw new EngineError(
            'normalise.panel.columns',
            `Normalise (global): column "${code}" is missing in one time point`,
          );
        stacked.set(s.data.cols[j] as Float64Array, off);
        off += s.data.uCodes.length;
      }
      return normaliseColumn(code, stacked, uCodes);
    });
    let off = 0;
    return inputs.map((s, t) => {
      const n = sizes[t] as number;
      const cols = outCols.map((c) => c.slice(off, off + n));
      off += n;
      return { state: { data: { uCodes: s.data.uCodes, iCodes: first.data.iCodes, cols }, units: s.units } };
    });
  };
  return { type: 'Normalise', stage: 'Normalised', input: args.dset, run };
};
