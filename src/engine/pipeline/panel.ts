// Panel data: COINr builds one coin per Time value (a "purse") and runs each step on every coin;
// a few steps look across years (impute_panel, global normalisation). We keep one RunState per
// time point, in ascending time order.
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
