// Core data types of the composite-index engine. They mirror COINr's data model (iData / iMeta and
// the data sets a "coin" accumulates) but store numbers column-major in typed arrays so the maths
// runs without per-cell objects, in Node and in the browser alike.

/**
 * A table of numbers: one row per unit, one column per indicator (or aggregate).
 * Column-major: `cols[j][i]` is unit `uCodes[i]`, indicator `iCodes[j]`.
 * Missing values are NaN: a Float64Array cannot hold null (it would coerce it to 0), and NaN
 * propagates through arithmetic, which is the behaviour COINr gets from R's NA.
 */
export interface Dataset {
  uCodes: string[];
  iCodes: string[];
  cols: Float64Array[];
}

/** COINr's iMeta `Type` column. */
export type MetaType = 'Indicator' | 'Aggregate' | 'Group' | 'Denominator' | 'Other';
export const META_TYPES = ['Indicator', 'Aggregate', 'Group', 'Denominator', 'Other'] as const;

/** One row of COINr's iMeta. Columns COINr does not define go to `extra` (e.g. Goalpost_lower). */
export interface MetaRow {
  iCode: string;
  iName: string;
  /** 1 = indicator, 2.. = aggregation levels. NaN for Group/Denominator/Other rows (no level). */
  level: number;
  parent: string | null;
  direction: 1 | -1;
  weight: number;
  type: MetaType;
  unit?: string;
  target?: number;
  /** iCode of the denominator this indicator is divided by in the Denominate step. */
  denominator?: string;
  extra: Record<string, string | number>;
}

/**
 * The index structure, validated and precomputed once (see framework.ts) so pipeline runs never
 * search the metadata again.
 */
export interface Framework {
  /** All iMeta rows in input order. */
  readonly meta: readonly MetaRow[];
  /** Highest level (the index itself). */
  readonly maxLevel: number;
  /** Level-1 rows of type Indicator, in iMeta order (the order of indicator columns). */
  indicators(): readonly MetaRow[];
  /** Rows of the given level (Indicator or Aggregate), in iMeta order. */
  atLevel(level: number): readonly MetaRow[];
  /** Direct children of an aggregate, in iMeta order; empty for an indicator or unknown code. */
  childrenOf(code: string): readonly MetaRow[];
  /** Level of a code; NaN when the code is not an indicator or aggregate of the framework. */
  levelOf(code: string): number;
  /** The row of a code, or undefined. */
  get(code: string): MetaRow | undefined;
  /** Codes of rows with Type = Group (grouping columns of iData). */
  groupCodes(): readonly string[];
  /** Codes of rows with Type = Denominator. */
  denominatorCodes(): readonly string[];
}

/**
 * The non-indicator columns of iData, aligned with a Dataset's `uCodes`:
 * names, group labels (null = missing), denominators, and the panel `Time` column if present.
 */
export interface UnitInfo {
  uCodes: string[];
  uNames: string[];
  groups: Record<string, (string | null)[]>;
  denominators: Dataset;
  /** Panel data only: the Time value of each row (NaN if missing). */
  time?: Float64Array;
}

/** Names of the data sets a pipeline produces, as COINr names them in `coin$Data`. */
export type StageName =
  'Raw' | 'Denominated' | 'Imputed' | 'Screened' | 'Treated' | 'Normalised' | 'Aggregated';
export const STAGE_NAMES = [
  'Raw',
  'Denominated',
  'Imputed',
  'Screened',
  'Treated',
  'Normalised',
  'Aggregated',
] as const;

/**
 * A source of uniform random numbers in [0, 1). The engine never calls Math.random: callers pass a
 * seeded generator (see random.ts) so that every run can be repeated exactly.
 */
export interface Rng {
  next(): number;
}
