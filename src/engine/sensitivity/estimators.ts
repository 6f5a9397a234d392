// Variance-based sensitivity indices from a Saltelli design, as COINr's SA_estimate(): the
// Saltelli (2010) first-order estimator and the Jansen (1999) total-order estimator, with bootstrap
// confidence intervals that resample the per-run terms (the output variance is not resampled).
import { PURPOSE, streamFor } from './design.js';
import { meanR, quantile7, sortedValid, varR } from './stats.js';

export interface SobolEstimates {
  /** Variance of the output over the A and B runs. */
  variance: number;
  /** First-order indices: mean(yB·(yAB_i − yA)) / V. */
  Si: Float64Array;
  /** Total-order indices: Σ(yA − yAB_i)² / (2N·V). */
  STi: Float64Array;
  /** 5th and 95th percentiles of the bootstrap replicates (NaN without a bootstrap). */
  Si_q5: Float64Array;
  Si_q95: Float64Array;
  STi_q5: Float64Array;
  STi_q95: Float64Array;
}

export interface SobolOptions {
  /** Bootstrap replicates; none when omitted (COINr's Nboot = NULL). */
  Nboot?: number;
  /** Seed of the bootstrap draws (replicate b uses its own stream). */
  seed?: number;
}

/**
 * Sensitivity indices from outputs `y` of an N·(d + 2)-run Saltelli design, in COINr's order:
 * y[0, N) = f(A), y[N, 2N) = f(B), then f(AB_1) … f(AB_d), AB_i being A with column i from B.
 */
export const sobolIndices = (
  y: ArrayLike<number>,
  N: number,
  d: number,
  options: SobolOptions = {},
): SobolEstimates => {
  if (y.length !== N * (d + 2))
    throw new RangeError(
      `a Saltelli design with N = ${N}, d = ${d} has ${N * (d + 2)} outputs, got ${y.length}`,
    );
  const yA = Float64Array.from({ length: N }, (_, r) => y[r] as number);
  const yB = Float64Array.from({ length: N }, (_, r) => y[N + r] as number);
  const variance = varR(Float64Array.from({ length: 2 * N }, (_, r) => y[r] as number));
  // Per-run terms of both estimators, column i = input i.
  const firstTerms: Float64Array[] = [];
  const totalTerms: Float64Array[] = [];
  for (let i = 0; i < d; i++) {
    const off = (2 + i) * N;
    firstTerms.push(
      Float64Array.from(
        { length: N },
        (_, r) => (yB[r] as number) * ((y[off + r] as number) - (yA[r] as number)),
      ),
    );
    totalTerms.push(Float64Array.from({ length: N }, (_, r) => (yA[r] as number) - (y[off + r] as number)));
  }
  const first = (terms: ArrayLike<number>) => meanR(terms) / variance;
  const total = (diffs: ArrayLike<number>) => {
    let s = 0;
    for (let r = 0; r < diffs.length; r++) s += (diffs[r] as number) * (diffs[r] as number);
    return s / (2 * N * variance);
  };
  const Si = Float64Array.from(firstTerms, first);
  const STi = Float64Array.from(totalTerms, total);
  const q = () => new Float64Array(d).fill(NaN);
  const out: SobolEstimates = { variance, Si, STi, Si_q5: q(), Si_q95: q(), STi_q5: q(), STi_q95: q() };
  const nboot = options.Nboot ?? 0;
  if (nboot > 0) {
    const siBoot = Array.from({ length: d }, () => new Float64Array(nboot));
    const stBoot = Array.from({ length: d }, () => new Float64Array(nboot));
    const pick = new Float64Array(N);
    for (let b = 0; b < nboot; b++) {
      const rng = streamFor(options.seed ?? 1, PURPOSE.bootstrap, b);
      // COINr draws each input's first-order terms, then each input's total-order terms.
      for (let i = 0; i < d; i++) {
        const src = firstTerms[i] as Float64Array;
        for (let r = 0; r < N; r++) pick[r] = src[rng.nextInt(N)] as number;
        (siBoot[i] as Float64Array)[b] = first(pick);
      }
      for (let i = 0; i < d; i++) {
        const src = totalTerms[i] as Float64Array;
        for (let r = 0; r < N; r++) pick[r] = src[rng.nextInt(N)] as number;
        (stBoot[i] as Float64Array)[b] = total(pick);
      }
    }
    for (let i = 0; i < d; i++) {
      const si = sortedValid(siBoot[i] as Float64Array);
      const st = sortedValid(stBoot[i] as Float64Array);
      out.Si_q5[i] = quantile7(si, 0.05);
      out.Si_q95[i] = quantile7(si, 0.95);
      out.STi_q5[i] = quantile7(st, 0.05);
      out.STi_q95[i] = quantile7(st, 0.95);
    }
  }
  return out;
};
