// Panel imputation (COINr `impute_panel()`, used by `Impute(purse, f_i = "impute_panel")`):
// each unit-indicator pair is a time series across the time points, and its gaps are filled from
// the same series.
//
// `imp_type` (in `f_i_para`, default "latest"):
// - "latest": the value of the latest earlier time point that has one, looking back at most
//   `max_time` time points (default: all). Nothing is filled from later years.
// - "constant": R's `approx(method = "constant", rule = 2)`: inside the observed range the last
//   observed value carries forward; before the first observation the first value is used, after the
//   last the last (constant extrapolation).
// - "linear": `approx(method = "linear", rule = 2)`: linear interpolation between observations and
//   constant extrapolation outside them. A series with one observation cannot be interpolated:
//   COINr stops, and so do we.
// - "linear-constant": "linear", falling back to "constant" for series with one observation.
// Series with no observation stay missing.
import { EngineError, PipelineSpecError, specIssue } from '../pipeline/errors.js';
import type { ImputeArgs } from '../pipeline/spec.js';
import type { CompiledStep, RunState, StepOutput } from '../pipeline/state.js';

type ImpType = 'latest' | 'constant' | 'linear' | 'linear-constant';

/** Fills one series given its times (ascending) and values (NaN = missing). */
export const fillSeries = (
  times: ArrayLike<number>,
  values: Float64Array,
  type: ImpType,
  maxTime: number | undefined,
  what: string,
): Float64Array => {
  const n = values.length;
  const known: number[] = [];
  for (let k = 0; k < n; k++) if (!Number.isNaN(values[k] as number)) known.push(k);
  if (known.length === n || known.length === 0) return values;
  const out = values.slice();
  if (type === 'latest') {
    const limit = maxTime ?? n;
    for (let k = 0; k < n; k++) {
      if (!Number.isNaN(values[k] as number)) continue;
      for (let back = 1; back <= limit && k - back >= 0; back++) {
        const v = values[k - back] as number;
        if (!Number.isNaN(v)) {
          out[k] = v;
          break;
        }
      }
    }
    return out;
  }
  let linear = type === 'linear' || type === 'linear-constant';
  if (linear && known.length < 2) {
    if (type === 'linear') {
      throw new EngineError(
        'impute.panel.linear',
        `Impute (impute_panel, linear): ${what} has only one observed time point; use imp_type "linear-constant"`,
      );
    }
    linear = false;
  }
  const first = known[0] as number;
  const last = known[known.length - 1] as number;
  let seg = 0; // index into `known` of the observation at or before k
  for (let k = 0; k < n; k++) {
    if (!Number.isNaN(values[k] as number)) continue;
    if (k < first) out[k] = values[first] as number;
    else if (k > last) out[k] = values[last] as number;
    else {
      while ((known[seg + 1] as number) < k) seg++;
      const a = known[seg] as number;
      const b = known[seg + 1] as number;
      const ya = values[a] as number;
      const yb = values[b] as number;
      const ta = times[a] as number;
      const tb = times[b] as number;
      out[k] = linear ? ya + ((yb - ya) * ((times[k] as number) - ta)) / (tb - ta) : ya;
    }
  }
  return out;
};

export const compileImputePanel = (args: ImputeArgs, index: number): CompiledStep => {
  const type: ImpType = args.f_i_para?.imp_type ?? 'latest';
  const maxTime = args.f_i_para?.max_time;
  if (
    args.use_group !== undefined ||
    args.group_level !== undefined ||
    (args.impute_by ?? 'column') !== 'column'
  ) {
    throw new PipelineSpecError([
      specIssue(
        `/steps/${index}`,
        'impute.panel.args',
        `step ${index + 1} (Impute): impute_panel imputes each unit's time series; use_group, group_level and impute_by do not apply`,
      ),
    ]);
  }
  const run = (inputs: readonly RunState[]): StepOutput[] => {
    if (args.disable) return inputs.map((state) => ({ state }));
    if (inputs.length < 2) {
      throw new EngineError(
        'impute.panel.single',
        'Impute (impute_panel): the data have only one time point, so there is nothing to impute from',
      );
    }
    const times = inputs.map((s, t) => {
      const v = s.units.time?.[0];
      if (v === undefined || Number.isNaN(v))
        throw new EngineError(
          'impute.panel.time',
          `Impute (impute_panel): time point ${t + 1} has no Time value`,
        );
      return v;
    });
    const order = times.map((_, t) => t).sort((a, b) => (times[a] as number) - (times[b] as number));
    const sortedTimes = order.map((t) => times[t] as number);
    // Every unit that appears in any year, and its row in each year (-1 = absent that year).
    const units = [...new Set(inputs.flatMap((s) => s.data.uCodes))];
    const rowOf = order.map(
      (t) => new Map((inputs[t] as RunState).data.uCodes.map((u, i) => [u, i] as const)),
    );
    const codes = (inputs[0] as RunState).data.iCodes;
    const outCols = inputs.map((s) => s.data.cols.slice());
    codes.forEach((code) => {
      const colIn = order.map(
        (t) => (inputs[t] as RunState).data.cols[(inputs[t] as RunState).data.iCodes.indexOf(code)],
      );
      for (const u of units) {
        const present: number[] = [];
        const series: number[] = [];
        const ts: number[] = [];
        order.forEach((_, k) => {
          const i = rowOf[k]?.get(u);
          const col = colIn[k];
          if (i === undefined || !col) return;
          present.push(k);
          series.push(col[i] as number);
          ts.push(sortedTimes[k] as number);
        });
        const values = Float64Array.from(series);
        if (!values.some(Number.isNaN)) continue;
        const filled = fillSeries(ts, values, type, maxTime, `unit "${u}", indicator "${code}"`);
        if (filled === values) continue;
        present.forEach((k, p) => {
          const t = order[k] as number;
          const i = rowOf[k]?.get(u) as number;
          const cols = outCols[t] as Float64Array[];
          const jj = (inputs[t] as RunState).data.iCodes.indexOf(code);
          if (cols[jj] === (inputs[t] as RunState).data.cols[jj])
            cols[jj] = (cols[jj] as Float64Array).slice();
          (cols[jj] as Float64Array)[i] = filled[p] as number;
        });
      }
    });
    return inputs.map((s, t) => ({
      state: {
        data: { uCodes: s.data.uCodes, iCodes: s.data.iCodes, cols: outCols[t] as Float64Array[] },
        units: s.units,
      },
    }));
  };
  return { type: 'Impute', stage: 'Imputed', input: args.dset, run };
};
