// What flows between pipeline steps, and the shape of a compiled step.
import type { Dataset, StageName, UnitInfo } from '../types.js';
import type { ScreenDetails } from '../screen/screen.js';
import type { TreatDetails } from '../treat/treat.js';
import type { StepType } from './spec.js';

/** The data a step reads and writes: indicator (and later aggregate) columns plus unit columns. */
export interface RunState {
  data: Dataset;
  /** Aligned with `data.uCodes` (Screen removes rows from both). */
  units: UnitInfo;
}

export interface StepOutput {
  state: RunState;
  screen?: ScreenDetails;
  treat?: TreatDetails;
}

/**
 * A validated step ready to run. It receives one state per time point (one for cross-sectional
 * data) so that panel methods (impute_panel, global normalisation) can look across years; other
 * steps simply map over the list.
 */
export interface CompiledStep {
  readonly type: StepType;
  /** The data set the step writes, named as COINr names it. */
  readonly stage: StageName;
  /** The data set the step reads (`dset`), or undefined for "the previous step's output". */
  readonly input: StageName | undefined;
  run(inputs: readonly RunState[]): StepOutput[];
}

/** Lifts a per-time-point function to the list form of CompiledStep.run. */
export const perTimePoint =
  (f: (s: RunState) => StepOutput) =>
  (inputs: readonly RunState[]): StepOutput[] =>
    inputs.map(f);

/** Indicator positions of `codes` in a dataset; -1 when absent. */
export const columnIndex = (ds: Dataset): Map<string, number> =>
  new Map(ds.iCodes.map((c, j) => [c, j] as const));

/** Keeps the rows where `keep[i]` is true, in every column and in the unit table. */
export const subsetRows = (state: RunState, keep: ArrayLike<boolean | number>): RunState => {
  const rows: number[] = [];
  for (let i = 0; i < keep.length; i++) if (keep[i]) rows.push(i);
  const take = (col: Float64Array): Float64Array => Float64Array.from(rows, (i) => col[i] as number);
  const pick = <T>(arr: readonly T[]): T[] => rows.map((i) => arr[i] as T);
  const { data, units } = state;
  const groups: Record<string, (string | null)[]> = {};
  for (const [k, v] of Object.entries(units.groups)) groups[k] = pick(v);
  return {
    data: { uCodes: pick(data.uCodes), iCodes: data.iCodes, cols: data.cols.map(take) },
    units: {
      uCodes: pick(units.uCodes),
      uNames: pick(units.uNames),
      groups,
      denominators: {
        uCodes: pick(units.denominators.uCodes),
        iCodes: units.denominators.iCodes,
        cols: units.denominators.cols.map(take),
      },
      ...(units.time ? { time: take(units.time) } : {}),
    },
  };
};
