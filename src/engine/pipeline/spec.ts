// The pipeline spec: COINr's build steps as JSON, with COINr's function and argument names so an
// index team can move a COINr index across. Written once as TypeBox schemas; the types derive.
import { Type, type Static } from 'typebox';

const closed = { additionalProperties: false } as const;
const Comment = Type.Optional(Type.String());
/** COINr's `dset`: the data set a step reads. Default: the output of the previous step. */
const Dset = Type.Optional(
  Type.Enum(['Raw', 'Denominated', 'Imputed', 'Screened', 'Treated', 'Normalised', 'Aggregated'] as const),
);
const Pair = Type.Tuple([Type.Number(), Type.Number()]);

export const DenominateStep = Type.Object(
  {
    step: Type.Literal('Denominate'),
    comment: Comment,
    dset: Dset,
    /** Extra denominator rows `{uCode, <denominator>: value}`; default: the denominator columns of iData. */
    denoms: Type.Optional(
      Type.Array(Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Null()]))),
    ),
    /** Which indicators to divide by what; default: the iMeta `Denominator` column. */
    denomby: Type.Optional(
      Type.Array(
        Type.Object(
          { iCode: Type.String(), Denominator: Type.String(), ScaleFactor: Type.Optional(Type.Number()) },
          closed,
        ),
      ),
    ),
    denoms_ID: Type.Optional(Type.String()),
  },
  closed,
);

export const IMPUTE_METHODS = [
  'i_mean',
  'i_median',
  'i_mean_grp',
  'i_median_grp',
  'impute_panel',
  'none',
] as const;
export const PANEL_IMPUTE_TYPES = ['latest', 'constant', 'linear', 'linear-constant'] as const;
export const ImputeStep = Type.Object(
  {
    step: Type.Literal('Impute'),
    comment: Comment,
    dset: Dset,
    f_i: Type.Optional(Type.Enum(IMPUTE_METHODS)),
    f_i_para: Type.Optional(
      Type.Object(
        {
          skip_f_na: Type.Optional(Type.Boolean()),
          imp_type: Type.Optional(Type.Enum(PANEL_IMPUTE_TYPES)),
          max_time: Type.Optional(Type.Integer({ minimum: 1 })),
        },
        closed,
      ),
    ),
    impute_by: Type.Optional(Type.Enum(['column', 'row', 'df'] as const)),
    use_group: Type.Optional(Type.String()),
    group_level: Type.Optional(Type.Integer({ minimum: 1 })),
    normalise_first: Type.Optional(Type.Boolean()),
    disable: Type.Optional(Type.Boolean()),
  },
  closed,
);

export const SCREEN_METHODS = ['byNA', 'byNZ', 'byNAandNZ', 'none', 'byzeros', 'byNAandzeros'] as const;
export const ScreenStep = Type.Object(
  {
    step: Type.Literal('Screen'),
    comment: Comment,
    dset: Dset,
    unit_screen: Type.Enum(SCREEN_METHODS),
    dat_thresh: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
    nonzero_thresh: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
    Force: Type.Optional(Type.Array(Type.Object({ uCode: Type.String(), Include: Type.Boolean() }, closed))),
  },
  closed,
);

export const TREAT_FUNCTIONS = [
  'winsorise',
  'log_CT',
  'log_CT_plus',
  'log_CT_orig',
  'log_GII',
  'boxcox',
] as const;
const TreatPara = Type.Object(
  {
    'na.rm': Type.Optional(Type.Boolean()),
    winmax: Type.Optional(Type.Union([Type.Integer({ minimum: 0 }), Type.Null()])),
    skew_thresh: Type.Optional(Type.Number({ minimum: 0 })),
    kurt_thresh: Type.Optional(Type.Number()),
    force_win: Type.Optional(Type.Boolean()),
    lambda: Type.Optional(Type.Number()),
    makepos: Type.Optional(Type.Boolean()),
  },
  closed,
);
export const TreatSpecs = Type.Object(
  {
    f1: Type.Optional(Type.Enum(TREAT_FUNCTIONS)),
    f1_para: Type.Optional(TreatPara),
    f2: Type.Optional(Type.Union([Type.Enum(TREAT_FUNCTIONS), Type.Null()])),
    f2_para: Type.Optional(TreatPara),
    f_pass: Type.Optional(Type.Enum(['check_SkewKurt'] as const)),
    f_pass_para: Type.Optional(
      Type.Object(
        {
          'na.rm': Type.Optional(Type.Boolean()),
          skew_thresh: Type.Optional(Type.Number({ minimum: 0 })),
          kurt_thresh: Type.Optional(Type.Number()),
        },
        closed,
      ),
    ),
  },
  closed,
);
export const TreatStep = Type.Object(
  {
    step: Type.Literal('Treat'),
    comment: Comment,
    dset: Dset,
    global_specs: Type.Optional(Type.Union([TreatSpecs, Type.Literal('none')])),
    indiv_specs: Type.Optional(Type.Record(Type.String(), Type.Union([TreatSpecs, Type.Literal('none')]))),
    combine_treat: Type.Optional(Type.Boolean()),
    disable: Type.Optional(Type.Boolean()),
    // COINr's qTreat() shorthand: set both the winsorisation and the pass check at once.
    winmax: Type.Optional(Type.Union([Type.Integer({ minimum: 0 }), Type.Null()])),
    skew_thresh: Type.Optional(Type.Number({ minimum: 0 })),
    kurt_thresh: Type.Optional(Type.Number()),
    f2: Type.Optional(Type.Enum(TREAT_FUNCTIONS)),
  },
  closed,
);

export const NORMALISE_METHODS = [
  'n_minmax',
  'n_zscore',
  'n_scaled',
  'n_dist2max',
  'n_dist2ref',
  'n_dist2targ',
  'n_fracmax',
  'n_rank',
  'n_borda',
  'n_prank',
  'n_goalposts',
  'none',
] as const;
export const NormalisePara = Type.Object(
  {
    l_u: Type.Optional(Pair),
    m_sd: Type.Optional(Pair),
    npara: Type.Optional(Pair),
    /** n_dist2ref: 1-based row index as in COINr, or a uCode. */
    iref: Type.Optional(Type.Union([Type.Integer({ minimum: 1 }), Type.String()])),
    cap_max: Type.Optional(Type.Boolean()),
    targ: Type.Optional(Type.Number()),
    gposts: Type.Optional(Type.Tuple([Type.Number(), Type.Number(), Type.Number()])),
    trunc2posts: Type.Optional(Type.Boolean()),
    direction: Type.Optional(Type.Union([Type.Literal(1), Type.Literal(-1)])),
    'ties.method': Type.Optional(Type.Literal('min')),
  },
  closed,
);
export const NormaliseSpecs = Type.Object(
  {
    f_n: Type.Optional(Type.Enum(NORMALISE_METHODS)),
    f_n_para: Type.Optional(Type.Union([NormalisePara, Type.Literal('use_iMeta')])),
  },
  closed,
);
export const NormaliseStep = Type.Object(
  {
    step: Type.Literal('Normalise'),
    comment: Comment,
    dset: Dset,
    global_specs: Type.Optional(NormaliseSpecs),
    indiv_specs: Type.Optional(Type.Record(Type.String(), NormaliseSpecs)),
    /** Overrides iMeta's Direction per iCode. */
    directions: Type.Optional(Type.Record(Type.String(), Type.Union([Type.Literal(1), Type.Literal(-1)]))),
    /** Panel data only: normalise all years together (COINr's default for a purse) or each year alone. */
    global: Type.Optional(Type.Boolean()),
  },
  closed,
);

/** A weight set name ("Original" = iMeta weights, "equal", "none", or a set passed to compile), or explicit weights. */
export const WeightSpec = Type.Union([Type.String(), Type.Record(Type.String(), Type.Number()), Type.Null()]);
const AggPara = Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]);
export const AggregateStep = Type.Object(
  {
    step: Type.Literal('Aggregate'),
    comment: Comment,
    dset: Dset,
    f_ag: Type.Optional(Type.Union([Type.String(), Type.Array(Type.String())])),
    f_ag_para: Type.Optional(Type.Union([AggPara, Type.Array(AggPara)])),
    w: Type.Optional(Type.Union([WeightSpec, Type.Array(WeightSpec)])),
    dat_thresh: Type.Optional(
      Type.Union([
        Type.Number({ minimum: 0, maximum: 1 }),
        Type.Array(Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()])),
      ]),
    ),
    by_df: Type.Optional(Type.Union([Type.Boolean(), Type.Array(Type.Boolean())])),
  },
  closed,
);

export const STEP_SCHEMAS = {
  Denominate: DenominateStep,
  Impute: ImputeStep,
  Screen: ScreenStep,
  Treat: TreatStep,
  Normalise: NormaliseStep,
  Aggregate: AggregateStep,
} as const;
export type StepType = keyof typeof STEP_SCHEMAS;
export const STEP_TYPES = Object.keys(STEP_SCHEMAS) as StepType[];

export const PipelineStep = Type.Union([
  DenominateStep,
  ImputeStep,
  ScreenStep,
  TreatStep,
  NormaliseStep,
  AggregateStep,
]);
export const PipelineSpec = Type.Object(
  { comment: Comment, steps: Type.Array(PipelineStep, { minItems: 1 }) },
  closed,
);

export type DenominateArgs = Static<typeof DenominateStep>;
export type ImputeArgs = Static<typeof ImputeStep>;
export type ScreenArgs = Static<typeof ScreenStep>;
export type TreatArgs = Static<typeof TreatStep>;
export type TreatSpecsArgs = Static<typeof TreatSpecs>;
export type NormaliseArgs = Static<typeof NormaliseStep>;
export type NormaliseSpecsArgs = Static<typeof NormaliseSpecs>;
export type NormaliseParaArgs = Static<typeof NormalisePara>;
export type AggregateArgs = Static<typeof AggregateStep>;
export type WeightSpecArgs = Static<typeof WeightSpec>;
export type PipelineStepSpec = Static<typeof PipelineStep>;
export type PipelineSpecType = Static<typeof PipelineSpec>;
