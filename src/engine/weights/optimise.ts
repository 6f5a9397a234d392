// Optimised weights, COINr's get_opt_weights(): weights of one level chosen so that the correlations
// of its components with the index match target "importances" ("balance"), or are as large as
// possible in total ("infomax"). Each trial rebuilds the index through an injected `rerun`.
import { correlate, columnOf, type CorType } from '../diagnostics/correlation.js';
import { coinStructure } from '../diagnostics/structure.js';
import type { Dataset, Framework } from '../types.js';
import { nelderMead } from './nelder-mead.js';
import { originalWeights, type WeightRow, type WeightSet } from './weight-set.js';

export interface OptWeightsInput {
  fw: Framework;
  /** Level whose weights are optimised (its components are correlated with the top level). */
  level: number;
  /** Rebuilds the aggregated data set with the given weights. */
  rerun: (weights: WeightRow[]) => Dataset;
  /** Weights of the other levels, and the start for "infomax". Default: the framework's. */
  weights?: WeightSet;
  /** Relative target importances, one per component of the level in weight-set order, or "equal". */
  itarg?: readonly number[] | 'equal';
  /** Default "balance". */
  optype?: 'balance' | 'infomax';
  /** Default "pearson". */
  cortype?: CorType;
  /** Nelder–Mead relative tolerance. Default 0.1, COINr's (coarse: lower it for precise weights). */
  toler?: number;
  /** Maximum function evaluations. Default 500, COINr's. */
  maxiter?: number;
}

export interface OptWeightsResult {
  /** The full weight set with the optimised level (normalised to sum 1). */
  weights: WeightRow[];
  iCodes: string[];
  optimised: Float64Array;
  /** Normalised targets (balance) or undefined (infomax). */
  desired: Float64Array | undefined;
  /** Correlations with the index at the optimum, normalised to sum 1 for "balance". */
  obtained: Float64Array;
  value: number;
  evaluations: number;
  converged: boolean;
}

/**
 * COINr's get_opt_weights(). Differences, on purpose: correlations are paired with the components in
 * weight-set order (COINr pairs targets with correlations sorted by code, which only agrees when the
 * codes happen to be in that order or the targets are equal), and no correlation is blanked for
 * significance (COINr's default p-value filter can make the objective undefined).
 */
export const getOptWeights = (input: OptWeightsInput): OptWeightsResult => {
  const { fw, level, rerun, optype = 'balance', cortype = 'pearson', toler = 0.1, maxiter = 500 } = input;
  const s = coinStructure(fw);
  if (!Number.isInteger(level) || level < 1 || level >= s.maxLevel) {
    throw new Error(`level must be between 1 and ${s.maxLevel - 1}`);
  }
  const w0 = (input.weights ?? originalWeights(fw)).map((w) => ({ ...w }));
  const slots = w0.map((w, k) => ({ w, k })).filter(({ w }) => w.level === level);
  const iCodes = slots.map(({ w }) => w.iCode);
  const n = iCodes.length;
  if (n < 2) throw new Error(`Level ${level} has ${n} weight(s); optimising needs at least 2`);

  let desired: Float64Array | undefined;
  if (optype === 'balance') {
    if (input.itarg === undefined)
      throw new Error("optype 'balance' needs itarg (target importances or 'equal')");
    const t = input.itarg === 'equal' ? new Array<number>(n).fill(1) : [...input.itarg];
    if (t.length !== n)
      throw new Error(`itarg has ${t.length} entries but level ${level} has ${n} components`);
    if (t.some((v) => !Number.isFinite(v) || v < 0)) throw new Error('itarg entries must be numbers ≥ 0');
    const sum = t.reduce((a, b) => a + b, 0);
    if (!(sum > 0)) throw new Error('itarg must not be all zero');
    desired = Float64Array.from(t, (v) => v / sum);
  }

  const ancestorOf = new Map<string, string>();
  for (const line of s.lineage) ancestorOf.set(line[level - 1] as string, line[s.maxLevel - 1] as string);
  const withLevel = (w: Float64Array): WeightRow[] => {
    const total = w.reduce((a, b) => a + b, 0);
    const out = w0.map((r) => ({ ...r }));
    slots.forEach(({ k }, i) => ((out[k] as WeightRow).weight = (w[i] as number) / total));
    return out;
  };
  const correlations = (w: Float64Array): Float64Array => {
    const data = rerun(withLevel(w));
    return Float64Array.from(iCodes, (c) =>
      correlate(columnOf(data, c), columnOf(data, ancestorOf.get(c) as string), cortype),
    );
  };
  const objective = (w: Float64Array): number => {
    const crs = correlations(w);
    if (optype === 'infomax') return -crs.reduce((a, b) => a + b, 0);
    const sum = crs.reduce((a, b) => a + b, 0);
    let sq = 0;
    crs.forEach((c, i) => (sq += (((desired as Float64Array)[i] as number) - c / sum) ** 2));
    // MIN_VALUE keeps a perfect fit finite: R's optim, like our Nelder–Mead, would read log(0) = −∞
    // as a failed evaluation.
    return Math.log(sq / n + Number.MIN_VALUE);
  };
  const start =
    optype === 'balance' ? (desired as Float64Array) : Float64Array.from(slots, ({ w }) => w.weight);
  const res = nelderMead(objective, start, { reltol: toler, maxit: maxiter });
  const total = res.par.reduce((a, b) => a + b, 0);
  const optimised = res.par.map((v) => v / total);
  const crs = correlations(optimised);
  const crsSum = crs.reduce((a, b) => a + b, 0);
  return {
    weights: withLevel(optimised),
    iCodes,
    optimised,
    desired,
    obtained: optype === 'balance' ? crs.map((c) => c / crsSum) : crs,
    value: res.value,
    evaluations: res.evaluations,
    converged: res.convergence === 0,
  };
};
