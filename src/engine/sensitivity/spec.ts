// The sensitivity spec: COINr's get_sensitivity() arguments as JSON. Each uncertain input replaces the
// value at a JSON Pointer into the pipeline spec (COINr's `Address` into the coin's log) with one of
// its alternatives. Written once as TypeBox schemas; the types derive.
import { Type, type Static } from 'typebox';

const closed = { additionalProperties: false } as const;

/** COINr's get_noisy_weights(): `n_rep` replicates of the iMeta weights with noise at some levels. */
export const NoisyWeightsSpec = Type.Object(
  {
    /** Levels whose weights get noise (1 = indicators). */
    levels: Type.Array(Type.Integer({ minimum: 1 })),
    /** One factor per level: each weight w becomes w + (2U − 1)·f·w, U uniform on [0, 1). */
    noise_factor: Type.Array(Type.Number({ minimum: 0 })),
    /** Number of noisy weight sets; the input then picks one of them uniformly. */
    n_rep: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
  },
  closed,
);

export const INPUT_TYPES = ['discrete', 'continuous'] as const;

export const UncertainInput = Type.Object(
  {
    /** Label of the input in the results (COINr's names(SA_specs)). */
    name: Type.String(),
    /** JSON Pointer into the pipeline spec, inside one step, e.g. "/steps/3/global_specs/f1_para/winmax". */
    address: Type.String(),
    /** "discrete": one of the alternatives, uniformly; "continuous": uniform on [lower, upper]. */
    type: Type.String(),
    /** Discrete: the alternatives (any JSON). Continuous: [lower, upper]. */
    distribution: Type.Optional(Type.Array(Type.Unknown())),
    /** Discrete only, instead of `distribution`: noisy replicates of the iMeta weights. */
    noisy_weights: Type.Optional(NoisyWeightsSpec),
    comment: Type.Optional(Type.String()),
  },
  closed,
);

export const SensitivityTarget = Type.Object(
  {
    /** Data set to read the target from (COINr's `dset`). Default "Aggregated". */
    dset: Type.Optional(
      Type.Enum([
        'Raw',
        'Denominated',
        'Imputed',
        'Screened',
        'Treated',
        'Normalised',
        'Aggregated',
      ] as const),
    ),
    /** Column whose ranks are analysed (COINr's `iCode`), usually the index. */
    iCode: Type.String(),
    /** Panel data: the time point to analyse (required when there are several). */
    time: Type.Optional(Type.Number()),
  },
  closed,
);

export const ANALYSIS_TYPES = ['UA', 'SA'] as const;

export const SensitivitySpec = Type.Object(
  {
    comment: Type.Optional(Type.String()),
    /** "UA": N random runs; "SA": Saltelli design, N·(d + 2) runs, plus sensitivity indices. */
    type: Type.String(),
    /** Sample size (COINr requires N > 2). */
    N: Type.Integer({ minimum: 3 }),
    /** Seed of every random choice; the same seed gives the same results. Default 1. */
    seed: Type.Optional(Type.Integer()),
    /** Bootstrap replicates for the confidence intervals of Si and STi (SA only). */
    Nboot: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000 })),
    target: SensitivityTarget,
    inputs: Type.Array(UncertainInput),
  },
  closed,
);

export type NoisyWeightsSpecType = Static<typeof NoisyWeightsSpec>;
export type UncertainInputSpec = Static<typeof UncertainInput>;
export type SensitivityTargetSpec = Static<typeof SensitivityTarget>;
export type SensitivitySpecType = Static<typeof SensitivitySpec>;
export type AnalysisType = (typeof ANALYSIS_TYPES)[number];
export type InputType = (typeof INPUT_TYPES)[number];
