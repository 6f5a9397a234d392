// Panel data: COINr builds one coin per Time value (a "purse") and runs each step on every coin;
// a few steps look across years (impute_panel, global normalisation). We keep one RunState per
// time point, in ascending time order.
import { compareCodes } from '../framework.js';
import type { RunState } from './state.js';
import { subsetRows } from './state.js';

/**
 * Splits a state whose units carry a Time column into one state per distinct Time (ascending).
 * Data without Time, or with a single Time value (like ASEM_iData), stay one time point.
 */
export const splitByTime = (state: RunState): RunState[] => {
  const time = state.units.time;
  if (!time) return [state];
  const values = [...new Set(Array.from(time).filter((t) => !Number.isNaN(t)))].sort((a, b) => a - b);
  if (values.length <= 1) return [state];
  return values.map((t) =>
    subsetRows(
      state,
      Array.from(time, (v) => v === t),
    ),
  );
};

/**
 * Puts rows in the order COINr's new_coin() gives them: by uCode (by Time, then uCode, for panel
 * data). Results and the Treated_Points table depend on this order.
 */
export const orderLikeCoinr = (state: RunState): RunState => {
  const { uCodes, time } = state.units;
  const idx = uCodes.map((_, i) => i);
  idx.sort(
    (a, b) =>
      (time && time[a] !== time[b] ? (time[a] as number) - (time[b] as number) : 0) ||
      compareCodes(uCodes[a] as string, uCodes[b] as string) ||
      a - b,
  );
  if (idx.every((v, i) => v === i)) return state;
  const take = (col: Float64Array): Float64Array => Float64Array.from(idx, (i) => col[i] as number);
  const pick = <T>(arr: readonly T[]): T[] => idx.map((i) => arr[i] as T);
  const groups: Record<string, (string | null)[]> = {};
  for (const [k, v] of Object.entries(state.units.groups)) groups[k] = pick(v);
  const d = state.units.denominators;
  return {
    data: { uCodes: pick(state.data.uCodes), iCodes: state.data.iCodes, cols: state.data.cols.map(take) },
    units: {
      uCodes: pick(uCodes),
      uNames: pick(state.units.uNames),
      groups,
      denominators: { uCodes: pick(d.uCodes), iCodes: d.iCodes, cols: d.cols.map(take) },
      ...(time ? { time: take(time) } : {}),
    },
  };
};
