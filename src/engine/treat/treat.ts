// Treat: two-stage outlier treatment of every column (COINr `Treat()`, `Treat.numeric()`).
//
// Per indicator, with the specs below (COINr's defaults):
//   1. check with f_pass (check_SkewKurt: |skew| < 2 OR kurt < 3.5); pass → unchanged;
//   2. else apply f1 (winsorise, up to winmax = 5 points) and check again;
//   3. if still failing and f2 is set (log_CT), apply f2 to the ORIGINAL values (or to f1's output
//      when `combine_treat` is true) and check once more.
// `global_specs` is merged into the defaults key by key (R's modifyList; a null removes a key, so
// `f2: null` means no second stage), `indiv_specs[iCode]` is merged on top for one indicator, and
// "none" (globally or per indicator) skips treatment. The top-level `winmax`, `skew_thresh`,
// `kurt_thresh` and `f2` are COINr's qTreat() shorthand and set both f1_para and f_pass_para.
// Deviation: `winmax: null` means "no limit" (in R a NULL would fall back to the default 5).
// COINr catches any failure inside one indicator's treatment (e.g. a constant column) and returns
// the indicator untreated; we do the same and record why.
import type { Framework } from '../types.js';
import { EngineError, PipelineSpecError, specIssue } from '../pipeline/errors.js';
import type { TreatArgs, TreatSpecsArgs } from '../pipeline/spec.js';
import { perTimePoint, type CompiledStep, type RunState } from '../pipeline/state.js';
import { checkSkewKurt, type SkewKurtCheck } from './moments.js';
import { TRANSFORMS, type TreatParams } from './transforms.js';

export interface TreatIndicatorDetails {
  iCode: string;
  /** none: skipped by spec; passed: no treatment needed; treated: f1 and maybe f2 ran; failed: left untreated. */
  status: 'none' | 'passed' | 'treated' | 'failed';
  check0?: SkewKurtCheck;
  f1?: string;
  /** Points winsorised (when f1 is winsorise). */
  nwin?: number;
  check1?: SkewKurtCheck;
  f2?: string;
  check2?: SkewKurtCheck;
  message?: string;
}

/** COINr's Treated Dets_Table and Treated_Points. */
export interface TreatDetails {
  uCodes: string[];
  indicators: TreatIndicatorDetails[];
  /**
   * Per column that went through the check, one label per unit: "", "winhi", "winlo", "log_CT",
   * "winhi+log_CT", … Columns that passed share one frozen all-"" array.
   */
  points: { iCode: string; labels: readonly string[] }[];
}

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * R's utils::modifyList: recursive merge where a null removes the key. Exception: `winmax: null`
 * is kept and means "no limit" (see the header).
 */
const modifyList = (a: Json, b: Json): Json => {
  const out: Json = { ...a };
  for (const [k, v] of Object.entries(b)) {
    if (v === null && k !== 'winmax') delete out[k];
    else if (isObj(v) && isObj(out[k])) out[k] = modifyList(out[k] as Json, v);
    else if (v !== undefined) out[k] = v;
  }
  return out;
};

const DEFAULTS: Json = {
  f1: 'winsorise',
  f1_para: { 'na.rm': true, winmax: 5, skew_thresh: 2, kurt_thresh: 3.5, force_win: false },
  f2: 'log_CT',
  f2_para: { 'na.rm': true },
  f_pass: 'check_SkewKurt',
  f_pass_para: { 'na.rm': true, skew_thresh: 2, kurt_thresh: 3.5 },
};

interface Plan {
  f1: string;
  p1: TreatParams;
  f2: string | null;
  p2: TreatParams;
  naRm: boolean;
  skewThresh: number;
  kurtThresh: number;
}

const params = (p: unknown): TreatParams => {
  const o = isObj(p) ? p : {};
  return {
    naRm: (o['na.rm'] as boolean | undefined) ?? false,
    winmax: o.winmax === undefined ? 5 : (o.winmax as number | null),
    skewThresh: (o.skew_thresh as number | undefined) ?? 2,
    kurtThresh: (o.kurt_thresh as number | undefined) ?? 3.5,
    forceWin: (o.force_win as boolean | undefined) ?? false,
    lambda: o.lambda as number | undefined,
    makepos: (o.makepos as boolean | undefined) ?? true,
  };
};

const planOf = (specs: Json): Plan => {
  const pass = params(specs.f_pass_para);
  return {
    f1: specs.f1 as string,
    p1: params(specs.f1_para),
    f2: (specs.f2 as string | undefined) ?? null,
    p2: params(specs.f2_para),
    naRm: pass.naRm,
    skewThresh: pass.skewThresh,
    kurtThresh: pass.kurtThresh,
  };
};

/** Treats one vector; throws EngineError when COINr would fail (the caller keeps it untreated). */
export const treatVector = (
  x: Float64Array,
  plan: Plan,
  combine: boolean,
): { x: Float64Array; detail: Omit<TreatIndicatorDetails, 'iCode'>; labels: string[] | undefined } => {
  const check = (v: Float64Array) => checkSkewKurt(v, plan.naRm, plan.skewThresh, plan.kurtThresh);
  // R's Treat.numeric stops on an NA check (e.g. a constant column); COINr then keeps the column.
  const na = (): never => {
    throw new EngineError('treat.check.na', 'the skew/kurtosis check is undefined (NA)');
  };
  const check0 = check(x);
  if (check0.pass === null) na();
  if (check0.pass) return { x, detail: { status: 'passed', check0 }, labels: undefined };
  const f1Labels = new Array<string>(x.length).fill('');
  let f2Labels: string[] | undefined;
  const t1 = (TRANSFORMS[plan.f1] as (typeof TRANSFORMS)[string])(x, plan.p1);
  if (t1.treated) for (let i = 0; i < x.length; i++) f1Labels[i] = t1.treated[i] as string;
  const check1 = check(t1.x);
  if (check1.pass === null) na();
  const detail: Omit<TreatIndicatorDetails, 'iCode'> = { status: 'treated', check0, f1: plan.f1, check1 };
  if (t1.nwin !== undefined) detail.nwin = t1.nwin;
  let out = t1.x;
  if (!check1.pass && plan.f2 !== null) {
    const t2 = (TRANSFORMS[plan.f2] as (typeof TRANSFORMS)[string])(combine ? t1.x : x, plan.p2);
    f2Labels = t2.treated ?? new Array<string>(x.length).fill('');
    const check2 = check(t2.x);
    if (check2.pass === null) na();
    detail.f2 = plan.f2;
    detail.check2 = check2;
    out = t2.x;
  }
  // COINr glues the two label columns: "f1" alone, or "f1+f2" when f2 labelled the point, and a
  // bare "+" (neither) becomes "".
  const labels = f2Labels
    ? f1Labels.map((a, i) => {
        const b = f2Labels?.[i] ?? '';
        if (b === '') return a;
        return `${a}+${b}`;
      })
    : f1Labels;
  return { x: out, detail, labels };
};

const checkSpecs = (
  s: TreatSpecsArgs | 'none',
  path: string,
  where: string,
  issues: ReturnType<typeof specIssue>[],
): void => {
  if (s === 'none') return;
  for (const [f, p] of [
    ['f1', s.f1_para],
    ['f2', s.f2_para],
  ] as const) {
    if (s[f] === 'boxcox' && p?.lambda === undefined) {
      issues.push(
        specIssue(
          `${path}/${f}_para/lambda`,
          'treat.boxcox.lambda',
          `${where}: ${f} "boxcox" needs ${f}_para.lambda`,
        ),
      );
    }
  }
};

export const compileTreat = (args: TreatArgs, fw: Framework, index: number): CompiledStep => {
  const where = `step ${index + 1} (Treat)`;
  const base = `/steps/${index}`;
  const issues: ReturnType<typeof specIssue>[] = [];
  if (args.global_specs) checkSpecs(args.global_specs, `${base}/global_specs`, where, issues);
  for (const [code, s] of Object.entries(args.indiv_specs ?? {})) {
    if (Number.isNaN(fw.levelOf(code))) {
      issues.push(
        specIssue(
          `${base}/indiv_specs/${code}`,
          'treat.indiv.unknown',
          `${where}: indiv_specs names "${code}", which is not an indicator or aggregate`,
        ),
      );
    }
    checkSpecs(s, `${base}/indiv_specs/${code}`, where, issues);
  }
  if (issues.length) throw new PipelineSpecError(issues);

  const shorthand: Json = {};
  if (args.winmax !== undefined) shorthand.f1_para = { winmax: args.winmax };
  if (args.skew_thresh !== undefined || args.kurt_thresh !== undefined) {
    const t: Json = {};
    if (args.skew_thresh !== undefined) t.skew_thresh = args.skew_thresh;
    if (args.kurt_thresh !== undefined) t.kurt_thresh = args.kurt_thresh;
    shorthand.f1_para = { ...(shorthand.f1_para as Json | undefined), ...t };
    shorthand.f_pass_para = t;
  }
  if (args.f2 !== undefined) shorthand.f2 = args.f2;
  const base0 = modifyList(DEFAULTS, shorthand);
  // "none" globally: only indicators named in indiv_specs are treated (merged on the defaults).
  const global =
    args.global_specs === 'none'
      ? null
      : args.global_specs
        ? modifyList(base0, args.global_specs as Json)
        : base0;
  const globalPlan = global === null ? null : planOf(global);
  const indiv = new Map<string, Plan | null>();
  for (const [code, s] of Object.entries(args.indiv_specs ?? {})) {
    indiv.set(code, s === 'none' ? null : planOf(modifyList(global ?? base0, s as Json)));
  }
  const combine = args.combine_treat ?? false;

  const run = (s: RunState) => {
    const { data } = s;
    if (args.disable) return { state: s };
    const details: TreatDetails = { uCodes: data.uCodes, indicators: [], points: [] };
    let blank: readonly string[] | undefined;
    const cols = data.cols.map((col, j) => {
      const code = data.iCodes[j] as string;
      const plan = indiv.has(code) ? (indiv.get(code) ?? null) : globalPlan;
      if (plan === null) {
        details.indicators.push({ iCode: code, status: 'none' });
        return col;
      }
      try {
        const r = treatVector(col, plan, combine);
        details.indicators.push({ iCode: code, ...r.detail });
        blank ??= Object.freeze(new Array<string>(data.uCodes.length).fill(''));
        details.points.push({ iCode: code, labels: r.labels ?? blank });
        return r.x;
      } catch (e) {
        if (!(e instanceof EngineError)) throw e;
        details.indicators.push({
          iCode: code,
          status: 'failed',
          message: `${code} left untreated: ${e.message}`,
        });
        return col;
      }
    });
    return {
      state: { data: { uCodes: data.uCodes, iCodes: data.iCodes, cols }, units: s.units },
      treat: details,
    };
  };
  return { type: 'Treat', stage: 'Treated', input: args.dset, run: perTimePoint(run) };
};
