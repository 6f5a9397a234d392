// Impute: fill missing values (COINr `Impute()`).
//
// - `f_i` (default "i_mean") names a method of methods.ts, or "impute_panel" for panel data
//   (impute-panel.ts), or "none".
// - `impute_by`: "column" (default) imputes each indicator over the units; "row" imputes each unit
//   over its indicators; "df" uses the statistic of the whole table.
// - `normalise_first` (default: true for rows, false otherwise): before imputing, each column is
//   multiplied by its direction and min-max scaled to [0, 1]; afterwards the scaling is undone.
//   This is what makes a row mean over indicators on different scales meaningful.
// - `group_level`: with "row" or "df", impute within the indicator groups at that framework level.
// - `use_group`: a group column of iData for i_mean_grp / i_median_grp (column-wise only).
// - `disable`: pass the data through unchanged (COINr's switch for sensitivity analysis).
// Present values are never changed. A column (or row) with no value at all cannot be imputed: COINr
// stops there, and so do we, naming it.
import type { Framework, MetaRow } from '../types.js';
import { EngineError, PipelineSpecError, specIssue } from '../pipeline/errors.js';
import { hasNaN, maxNA, minNA } from '../pipeline/numeric.js';
import type { ImputeArgs } from '../pipeline/spec.js';
import { perTimePoint, type CompiledStep, type RunState } from '../pipeline/state.js';
import { compileImputePanel } from './impute-panel.js';
import { VECTOR_IMPUTERS, groupIndex, isGroupMethod, type VectorImputer } from './methods.js';

const ancestorAt = (fw: Framework, code: string, level: number): string => {
  let row: MetaRow | undefined = fw.get(code);
  while (row && row.level < level) row = row.parent === null ? undefined : fw.get(row.parent);
  return row?.iCode ?? code;
};

export const compileImpute = (args: ImputeArgs, fw: Framework, index: number): CompiledStep => {
  const where = `step ${index + 1} (Impute)`;
  const base = `/steps/${index}`;
  const method = args.f_i ?? 'i_mean';
  if (method === 'impute_panel') return compileImputePanel(args, index);
  const by = args.impute_by ?? 'column';
  const issues = [];
  if (args.f_i_para?.imp_type !== undefined || args.f_i_para?.max_time !== undefined) {
    issues.push(
      specIssue(
        `${base}/f_i_para`,
        'impute.para.panel',
        `${where}: imp_type and max_time apply only to f_i "impute_panel"`,
      ),
    );
  }
  if (isGroupMethod(method) && args.use_group === undefined) {
    issues.push(
      specIssue(
        `${base}/use_group`,
        'impute.group.missing',
        `${where}: ${method} needs "use_group", the name of a group column of iData`,
      ),
    );
  }
  if (isGroupMethod(method) && by !== 'column') {
    issues.push(
      specIssue(
        `${base}/impute_by`,
        'impute.group.by',
        `${where}: ${method} groups units, so impute_by must be "column"`,
      ),
    );
  }
  if (
    args.use_group !== undefined &&
    !fw.groupCodes().includes(args.use_group) &&
    !args.use_group.endsWith('_group')
  ) {
    issues.push(
      specIssue(
        `${base}/use_group`,
        'impute.group.unknown',
        `${where}: use_group "${args.use_group}" is not a group column (Type Group in iMeta)`,
      ),
    );
  }
  if (args.group_level !== undefined && args.group_level > fw.maxLevel) {
    issues.push(
      specIssue(
        `${base}/group_level`,
        'impute.level.range',
        `${where}: group_level must be between 1 and ${fw.maxLevel}`,
      ),
    );
  }
  if (issues.length) throw new PipelineSpecError(issues);

  const stepOf = (f: (s: RunState) => RunState): CompiledStep => ({
    type: 'Impute',
    stage: 'Imputed',
    input: args.dset,
    run: perTimePoint((s) => ({ state: f(s) })),
  });
  if (method === 'none' || args.disable) return stepOf((s) => s);
  const imputer = VECTOR_IMPUTERS[method];
  const normaliseFirst = args.normalise_first ?? by === 'row';
  const skipNa = args.f_i_para?.skip_f_na ?? true;

  return stepOf((s) => {
    const { data, units } = s;
    if (!data.cols.some(hasNaN)) return s;
    const dirs = data.iCodes.map((c) => fw.get(c)?.direction ?? 1);
    let cols = data.cols;
    let scale: { min: number; max: number }[] = [];
    if (normaliseFirst) {
      scale = cols.map((c, j) => {
        const d = dirs[j] as number;
        const lo = minNA(c) * (d === 1 ? 1 : -1);
        const hi = maxNA(c) * (d === 1 ? 1 : -1);
        return d === 1 ? { min: lo, max: hi } : { min: hi, max: lo };
      });
      cols = cols.map((c, j) => {
        const d = dirs[j] as number;
        const { min, max } = scale[j] as { min: number; max: number };
        return c.map((v) => (v * d - min) / (max - min));
      });
    }
    let imputed: Float64Array[];
    if (by === 'column') {
      const groups = args.use_group !== undefined ? units.groups[args.use_group] : undefined;
      if (args.use_group !== undefined && !groups) {
        throw new EngineError(
          'impute.group.missing',
          `Impute: group column "${args.use_group}" is not in iData`,
        );
      }
      if (groups && !skipNa && groups.some((g) => g === null)) {
        throw new EngineError(
          'impute.group.na',
          `Impute: group column "${args.use_group}" has missing labels and skip_f_na is false`,
        );
      }
      const gi = groups ? groupIndex(groups) : undefined;
      imputed = cols.map((c, j) => imputeOne(imputer, c, gi, `indicator "${data.iCodes[j]}"`));
    } else {
      // Blocks of indicators imputed together: all of them, or their groups at group_level.
      const blocks = new Map<string, number[]>();
      data.iCodes.forEach((c, j) => {
        const key = args.group_level === undefined ? '' : ancestorAt(fw, c, args.group_level);
        blocks.set(key, [...(blocks.get(key) ?? []), j]);
      });
      imputed = cols.slice();
      for (const [block, js] of blocks) {
        const label = block ? ` in group "${block}"` : '';
        if (by === 'row') {
          for (let i = 0; i < data.uCodes.length; i++) {
            const row = Float64Array.from(js, (j) => (cols[j] as Float64Array)[i] as number);
            if (!hasNaN(row)) continue;
            const filled = imputeOne(imputer, row, undefined, `unit "${data.uCodes[i]}"${label}`);
            js.forEach((j, k) => {
              if (imputed[j] === cols[j]) imputed[j] = (cols[j] as Float64Array).slice();
              (imputed[j] as Float64Array)[i] = filled[k] as number;
            });
          }
        } else {
          const flat = new Float64Array(js.length * data.uCodes.length);
          js.forEach((j, k) => flat.set(cols[j] as Float64Array, k * data.uCodes.length));
          const filled = imputeOne(imputer, flat, undefined, `the data set${label}`);
          js.forEach(
            (j, k) => (imputed[j] = filled.slice(k * data.uCodes.length, (k + 1) * data.uCodes.length)),
          );
        }
      }
    }
    // Undo the scaling and restore every present value exactly (COINr does the same).
    const out = imputed.map((c, j) => {
      const orig = data.cols[j] as Float64Array;
      if (c === orig) return orig;
      // Without scaling the methods only fill NaN, so their output is already the answer.
      if (!normaliseFirst && by === 'column') return c;
      const res = orig.slice();
      const d = dirs[j] as number;
      for (let i = 0; i < res.length; i++) {
        if (!Number.isNaN(res[i] as number)) continue;
        const v = c[i] as number;
        if (normaliseFirst) {
          const { min, max } = scale[j] as { min: number; max: number };
          res[i] = (v * (max - min) + min) * d;
        } else res[i] = v;
      }
      return res;
    });
    return { data: { uCodes: data.uCodes, iCodes: data.iCodes, cols: out }, units };
  });
};

const imputeOne = (
  imputer: VectorImputer,
  x: Float64Array,
  groups: Parameters<VectorImputer>[1],
  what: string,
): Float64Array => {
  let missing = 0;
  for (let i = 0; i < x.length; i++) if (Number.isNaN(x[i] as number)) missing++;
  if (missing === 0) return x;
  if (missing === x.length)
    throw new EngineError(
      'impute.all.missing',
      `Impute: ${what} has no values at all, so it cannot be imputed`,
    );
  return imputer(x, groups);
};
