// Gathers batch results into preallocated arrays (whatever order batches arrive in) and turns them
// into COINr's outputs: RankStats and, for SA, the sensitivity indices.
import { compareCodes } from '../framework.js';
import type { BatchResult } from './evaluate.js';
import { sobolIndices } from './estimators.js';
import type { SensitivityPlan } from './plan.js';
import { meanR, medianSorted, quantile7 } from './stats.js';

/** One row of COINr's RankStats. Missing values are NaN. */
export interface RankStatsRow {
  uCode: string;
  Nominal: number;
  Mean: number;
  Median: number;
  Q5: number;
  Q95: number;
}

/** One row of COINr's Sensitivity table; the quantiles are NaN without a bootstrap (Nboot). */
export interface SensitivityIndexRow {
  Variable: string;
  Si: number;
  STi: number;
  Si_q5: number;
  Si_q95: number;
  STi_q5: number;
  STi_q95: number;
}

export interface SensitivityResult {
  type: SensitivityPlan['type'];
  N: number;
  /** Pipeline runs evaluated. */
  runs: number;
  seed: number;
  /** Per unit, sorted by uCode (COINr merges by uCode): nominal rank and rank distribution. */
  rankStats: RankStatsRow[];
  /** SA only: per input, in spec order. */
  indices?: SensitivityIndexRow[];
  /** SA only: variance of the output (mean absolute rank change) over the A and B runs. */
  variance?: number;
  /** Runs that failed (COINr: "Regen failed"): their ranks are missing. */
  failures: number;
  firstFailure?: { run: number; message: string };
}

export interface Collector {
  /** Runs recorded so far. */
  readonly done: number;
  add(runs: ArrayLike<number>, batch: BatchResult): void;
  result(): SensitivityResult;
}

export const createCollector = (
  plan: SensitivityPlan,
  units: readonly string[],
  nominal: Int32Array,
): Collector => {
  const nUnits = units.length;
  const S = plan.statRuns;
  // Unit-major, so each unit's rank distribution is one contiguous slice.
  const ranks = new Int32Array(nUnits * S);
  const shifts = new Float64Array(plan.runs).fill(NaN);
  let done = 0;
  let failures = 0;
  let firstFailure: SensitivityResult['firstFailure'];
  return {
    get done() {
      return done;
    },
    add(runs, batch) {
      let row = 0;
      for (let k = 0; k < runs.length; k++) {
        const run = runs[k] as number;
        shifts[run] = batch.shifts[k] as number;
        if (run >= S) continue;
        const off = row++ * nUnits;
        for (let u = 0; u < nUnits; u++) ranks[u * S + run] = batch.ranks[off + u] as number;
      }
      done += runs.length;
      failures += batch.failures;
      const f = batch.firstFailure;
      if (f && (!firstFailure || f.run < firstFailure.run)) firstFailure = f;
    },
    result() {
      if (done !== plan.runs) throw new Error(`only ${done} of ${plan.runs} runs were recorded`);
      const rows: RankStatsRow[] = [];
      const values = new Float64Array(S);
      units.forEach((uCode, u) => {
        let n = 0;
        for (let r = 0; r < S; r++) {
          const v = ranks[u * S + r] as number;
          if (v > 0) values[n++] = v;
        }
        const nom = nominal[u] as number;
        if (n === 0 && nom === 0) return; // never ranked (screened out everywhere)
        const sorted = values.subarray(0, n).sort();
        rows.push({
          uCode,
          Nominal: nom > 0 ? nom : NaN,
          Mean: meanR(sorted),
          Median: medianSorted(sorted),
          Q5: quantile7(sorted, 0.05),
          Q95: quantile7(sorted, 0.95),
        });
      });
      rows.sort((a, b) => compareCodes(a.uCode, b.uCode));
      const out: SensitivityResult = {
        type: plan.type,
        N: plan.N,
        runs: plan.runs,
        seed: plan.seed,
        rankStats: rows,
        failures,
        ...(firstFailure ? { firstFailure } : {}),
      };
      if (plan.type === 'SA') {
        const est = sobolIndices(shifts, plan.N, plan.d, {
          ...(plan.Nboot !== undefined ? { Nboot: plan.Nboot } : {}),
          seed: plan.seed,
        });
        out.variance = est.variance;
        out.indices = plan.inputs.map((inp, i) => ({
          Variable: inp.name,
          Si: est.Si[i] as number,
          STi: est.STi[i] as number,
          Si_q5: est.Si_q5[i] as number,
          Si_q95: est.Si_q95[i] as number,
          STi_q5: est.STi_q5[i] as number,
          STi_q95: est.STi_q95[i] as number,
        }));
      }
      return out;
    },
  };
};
