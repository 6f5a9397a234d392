// Analytic hierarchy process (AHP, 层次分析法): weights from a pairwise comparison matrix on Saaty's
// 1–9 scale, with the consistency check CR = CI / RI.
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import type { InputIssue } from '../../domain/issue.js';

/**
 * Saaty's random consistency index RI for n = 1..15 (Saaty 1980): the mean CI of random reciprocal
 * matrices. RI is 0 for n ≤ 2, where every reciprocal matrix is consistent.
 */
export const SAATY_RI: readonly number[] = [
  0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59,
];

export type AhpMethod = 'eigenvector' | 'geometric' | 'arithmetic';

export interface AhpOptions {
  /**
   * - "eigenvector" (default, Saaty): the principal right eigenvector;
   * - "geometric" (方根法): normalised geometric means of the rows;
   * - "arithmetic" (和积法): mean of the column-normalised rows.
   */
  method?: AhpMethod;
  /** Random index to use instead of Saaty's table (required above n = 15). */
  ri?: number;
  /** CR at or above this fails the check. Default 0.1. */
  crThreshold?: number;
  /**
   * Tolerance of the reciprocal check |a_ij · a_ji − 1|. Default 0.01, so that fractions typed as
   * decimals (1/3 as 0.33) pass while a real contradiction (0.4 against 2) does not.
   */
  reciprocalTolerance?: number;
}

export interface AhpResult {
  weights: Float64Array;
  /** The principal eigenvalue (eigenvector method) or its estimate mean((A w)_i / w_i). */
  lambdaMax: number;
  /** CI = (λmax − n) / (n − 1); 0 for n ≤ 2. */
  ci: number;
  ri: number;
  /** CR = CI / RI; 0 when RI is 0. */
  cr: number;
  /** CR < crThreshold. */
  consistent: boolean;
}

/**
 * Problems of a pairwise comparison matrix, each naming the cell by JSON pointer (/row/column,
 * 0-based): not square, a value that is not a positive finite number, a diagonal entry other than 1,
 * or a pair that is not reciprocal.
 */
export const checkPairwiseMatrix = (a: readonly (readonly number[])[], tolerance = 0.01): InputIssue[] => {
  const issues: InputIssue[] = [];
  const n = a.length;
  const issue = (path: string, code: string, message: string): void => {
    issues.push({ severity: 'error', code, path, message });
  };
  if (n === 0) issue('', 'ahp.matrix.empty', 'The pairwise comparison matrix is empty');
  a.forEach((row, i) => {
    if (row.length !== n)
      issue(`/${i}`, 'ahp.matrix.shape', `Row ${i} has ${row.length} entries; a ${n}×${n} matrix needs ${n}`);
  });
  if (issues.length > 0) return issues;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const v = (a[i] as readonly number[])[j] as number;
      if (!Number.isFinite(v) || v <= 0) {
        issue(
          `/${i}/${j}`,
          'ahp.value.invalid',
          `Entry (${i}, ${j}) is ${v}; comparisons must be positive numbers`,
        );
      } else if (i === j && v !== 1) {
        issue(
          `/${i}/${j}`,
          'ahp.diagonal',
          `Diagonal entry (${i}, ${i}) is ${v}; an item compared with itself is 1`,
        );
      } else if (j > i) {
        const back = (a[j] as readonly number[])[i] as number;
        if (Number.isFinite(back) && back > 0 && Math.abs(v * back - 1) > tolerance + 1e-12) {
          issue(
            `/${j}/${i}`,
            'ahp.reciprocal',
            `Entry (${j}, ${i}) is ${back}; expected 1/${v} = ${1 / v}, the reciprocal of (${i}, ${j})`,
          );
        }
      }
    }
  }
  return issues;
};

const principalEigen = (a: Matrix): { value: number; vector: Float64Array } => {
  const evd = new EigenvalueDecomposition(a);
  const re = evd.realEigenvalues;
  let k = 0;
  for (let i = 1; i < re.length; i++) if ((re[i] as number) > (re[k] as number)) k = i;
  const v = evd.eigenvectorMatrix.getColumn(k);
  // Perron–Frobenius: the principal eigenvector of a positive matrix has one sign.
  const sum = v.reduce((s, x) => s + x, 0);
  return { value: re[k] as number, vector: Float64Array.from(v, (x) => x / sum) };
};

/**
 * AHP weights and consistency of a pairwise comparison matrix (a_ij: importance of item i over j).
 * Throws an Error listing every problem found by `checkPairwiseMatrix`.
 */
export const ahpWeights = (a: readonly (readonly number[])[], opts: AhpOptions = {}): AhpResult => {
  const { method = 'eigenvector', crThreshold = 0.1, reciprocalTolerance = 0.01 } = opts;
  const issues = checkPairwiseMatrix(a, reciprocalTolerance);
  if (issues.length > 0) {
    throw new Error(
      `Invalid pairwise comparison matrix: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
    );
  }
  const n = a.length;
  const m = new Matrix(a.map((r) => [...r]));
  let weights: Float64Array;
  let lambdaMax: number;
  if (method === 'eigenvector') {
    const e = principalEigen(m);
    weights = e.vector;
    lambdaMax = e.value;
  } else {
    if (method === 'geometric') {
      weights = Float64Array.from(a, (row) => Math.exp(row.reduce((s, v) => s + Math.log(v), 0) / n));
    } else {
      const colSums = Array.from({ length: n }, (_, j) => a.reduce((s, row) => s + (row[j] as number), 0));
      weights = Float64Array.from(a, (row) => row.reduce((s, v, j) => s + v / (colSums[j] as number), 0) / n);
    }
    const total = weights.reduce((s, v) => s + v, 0);
    weights = weights.map((v) => v / total);
    const aw = m.mmul(Matrix.columnVector(Array.from(weights))).getColumn(0);
    lambdaMax = aw.reduce((s, v, i) => s + v / (weights[i] as number), 0) / n;
  }
  const ri = opts.ri ?? SAATY_RI[n - 1];
  if (ri === undefined) throw new Error(`Saaty's random index table stops at n = 15; pass ri for n = ${n}`);
  const ci = n <= 2 ? 0 : (lambdaMax - n) / (n - 1);
  const cr = ri === 0 ? 0 : ci / ri;
  return { weights, lambdaMax, ci, ri, cr, consistent: cr < crThreshold };
};
