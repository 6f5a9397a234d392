// Screen units by data availability (COINr `Screen()` / `get_data_avail()`).
//
// Per unit, over all indicator columns of the data set:
//   Dat_Avail = 1 − N_missing / n_columns
//   Non_Zero  = 1 − N_zero / (n_columns − N_missing)      (zeros as a share of the values present)
//   LowData = Dat_Avail < dat_thresh (default 2/3), LowNonZero = Non_Zero < nonzero_thresh (default 0.05)
// `unit_screen` decides which flag removes a unit: "byNA" (LowData), "byNZ" (LowNonZero), "byNAandNZ"
// (either), "none" (keep all, just report). COINr's older names "byzeros" / "byNAandzeros" are
// accepted too. `Force` rows then include or exclude units whatever the flags say.
import type { Framework } from '../types.js';
import { PipelineSpecError, specIssue } from '../pipeline/errors.js';
import type { ScreenArgs } from '../pipeline/spec.js';
import { perTimePoint, subsetRows, type CompiledStep, type RunState } from '../pipeline/state.js';

/** COINr's Screened DataSummary table, column-major. */
export interface ScreenDetails {
  uCodes: string[];
  nMissing: Int32Array;
  nZero: Int32Array;
  nMissOrZero: Int32Array;
  datAvail: Float64Array;
  nonZero: Float64Array;
  lowData: Uint8Array;
  lowNonZero: Uint8Array;
  lowDatOrZero: Uint8Array;
  included: Uint8Array;
  removedUnits: string[];
}

type Rule = 'byNA' | 'byNZ' | 'byNAandNZ' | 'none';
const RULES: Record<ScreenArgs['unit_screen'], Rule> = {
  byNA: 'byNA',
  byNZ: 'byNZ',
  byzeros: 'byNZ',
  byNAandNZ: 'byNAandNZ',
  byNAandzeros: 'byNAandNZ',
  none: 'none',
};

export const screenUnits = (
  state: RunState,
  rule: Rule,
  datThresh: number,
  nonzeroThresh: number,
  force: ReadonlyMap<string, boolean>,
): ScreenDetails => {
  const { data } = state;
  const n = data.uCodes.length;
  const m = data.cols.length;
  const nMissing = new Int32Array(n);
  const nZero = new Int32Array(n);
  for (const col of data.cols) {
    for (let i = 0; i < n; i++) {
      const v = col[i] as number;
      if (Number.isNaN(v)) nMissing[i] = (nMissing[i] as number) + 1;
      else if (v === 0) nZero[i] = (nZero[i] as number) + 1;
    }
  }
  const d: ScreenDetails = {
    uCodes: data.uCodes,
    nMissing,
    nZero,
    nMissOrZero: new Int32Array(n),
    datAvail: new Float64Array(n),
    nonZero: new Float64Array(n),
    lowData: new Uint8Array(n),
    lowNonZero: new Uint8Array(n),
    lowDatOrZero: new Uint8Array(n),
    included: new Uint8Array(n),
    removedUnits: [],
  };
  for (let i = 0; i < n; i++) {
    const miss = nMissing[i] as number;
    d.nMissOrZero[i] = miss + (nZero[i] as number);
    d.datAvail[i] = 1 - miss / m;
    // A unit with no values has no share of zeros (0/0): R gives NaN and a NaN flag; we count it
    // as "low" so that "byNZ" removes a unit without data instead of keeping a row of NAs.
    d.nonZero[i] = 1 - (nZero[i] as number) / (m - miss);
    const low = (d.datAvail[i] as number) < datThresh ? 1 : 0;
    const nz = d.nonZero[i] as number;
    const lowNz = Number.isNaN(nz) || nz < nonzeroThresh ? 1 : 0;
    d.lowData[i] = low;
    d.lowNonZero[i] = lowNz;
    d.lowDatOrZero[i] = low | lowNz;
    let inc =
      rule === 'byNA' ? !low : rule === 'byNZ' ? !lowNz : rule === 'byNAandNZ' ? !(low | lowNz) : true;
    const forced = force.get(data.uCodes[i] as string);
    if (forced !== undefined) inc = forced;
    d.included[i] = inc ? 1 : 0;
    if (!inc) d.removedUnits.push(data.uCodes[i] as string);
  }
  return d;
};

export const compileScreen = (args: ScreenArgs, _fw: Framework, index: number): CompiledStep => {
  const rule = RULES[args.unit_screen];
  const datThresh = args.dat_thresh ?? 2 / 3;
  const nonzeroThresh = args.nonzero_thresh ?? 0.05;
  const force = new Map((args.Force ?? []).map((f) => [f.uCode, f.Include] as const));
  const run = (s: RunState) => {
    const unknown = [...force.keys()].filter((u) => !s.data.uCodes.includes(u));
    if (unknown.length) {
      throw new PipelineSpecError([
        specIssue(
          `/steps/${index}/Force`,
          'screen.force.unknown',
          `step ${index + 1} (Screen): Force names units not in the data: ${unknown.join(', ')}`,
        ),
      ]);
    }
    const screen = screenUnits(s, rule, datThresh, nonzeroThresh, force);
    const state = screen.removedUnits.length ? subsetRows(s, screen.included) : s;
    return { state, screen };
  };
  return { type: 'Screen', stage: 'Screened', input: args.dset, run: perTimePoint(run) };
};
