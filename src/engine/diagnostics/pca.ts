// Principal component analysis of indicator or aggregate columns, COINr's get_PCA(): R's
// prcomp(center = TRUE, scale = TRUE) on the complete rows, per group of a level or over the level.
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import type { Dataset, Framework } from '../types.js';
import { originalWeights, type WeightRow, type WeightSet } from '../weights/weight-set.js';
import { columnOf } from './correlation.js';
import { meanNA as mean, sdNA as sd } from '../pipeline/numeric.js';
import { coinStructure, selectCodes } from './structure.js';

export interface PcaResult {
  /** Columns analysed, in the order of `rotation` rows. */
  iCodes: string[];
  /** Standard deviations of the principal components (√ eigenvalues of the correlation matrix). */
  sdev: Float64Array;
  /** `rotation[v][k]`: loading of column v on component k (unit-length columns). */
  rotation: Float64Array[];
  /** Share of total variance of each component. */
  proportion: Float64Array;
  /** Rows used (complete on every column) and rows left out for missing values. */
  nUsed: number;
  nDropped: number;
}

/**
 * prcomp(x, center = TRUE, scale. = TRUE) on the rows where every column is present. R takes the SVD
 * of the standardised data; we take the symmetric eigendecomposition of its correlation matrix (the
 * same components, far cheaper for many units: the matrix is only columns × columns). The sign of a
 * component is arbitrary (R's follows LAPACK); we fix it so that each component's loadings sum to a
 * non-negative number, which makes PCA weights mostly positive and results repeatable.
 */
export const pca = (iCodes: readonly string[], cols: readonly ArrayLike<number>[]): PcaResult => {
  const p = cols.length;
  if (p === 0) throw new Error('PCA needs at least one column');
  const n0 = (cols[0] as ArrayLike<number>).length;
  const rows: number[] = [];
  for (let i = 0; i < n0; i++) if (cols.every((c) => !Number.isNaN(c[i] as number))) rows.push(i);
  const n = rows.length;
  if (n < 2) throw new Error(`PCA needs at least 2 complete rows, found ${n}`);
  const z = cols.map((c, j) => {
    const v = Float64Array.from(rows, (i) => c[i] as number);
    const m = mean(v);
    const s = sd(v);
    if (!(s > 0)) throw new Error(`Cannot scale column "${iCodes[j]}" to unit variance: it is constant`);
    return v.map((val) => (val - m) / s);
  });
  const corr = new Matrix(p, p);
  for (let a = 0; a < p; a++) {
    const za = z[a] as Float64Array;
    for (let b = a; b < p; b++) {
      const zb = z[b] as Float64Array;
      let sum = 0;
      for (let i = 0; i < n; i++) sum += (za[i] as number) * (zb[i] as number);
      corr.set(a, b, sum / (n - 1));
      corr.set(b, a, sum / (n - 1));
    }
  }
  const evd = new EigenvalueDecomposition(corr, { assumeSymmetric: true });
  const values = evd.realEigenvalues;
  const vectors = evd.eigenvectorMatrix;
  const byValue = Array.from({ length: p }, (_, k) => k).sort(
    (a, b) => (values[b] as number) - (values[a] as number),
  );
  // With fewer rows than columns only n − 1 components carry variance; R returns min(n, p) of them.
  const k = Math.min(n, p);
  const sdev = Float64Array.from({ length: k }, (_, c) =>
    Math.sqrt(Math.max(0, values[byValue[c] as number] as number)),
  );
  const rotation = Array.from({ length: p }, () => new Float64Array(k));
  for (let c = 0; c < k; c++) {
    const col = byValue[c] as number;
    let sum = 0;
    for (let v = 0; v < p; v++) sum += vectors.get(v, col);
    const sign = sum < 0 ? -1 : 1;
    for (let v = 0; v < p; v++) (rotation[v] as Float64Array)[c] = sign * vectors.get(v, col);
  }
  let total = 0;
  for (const s of sdev) total += s * s;
  return {
    iCodes: [...iCodes],
    sdev,
    rotation,
    proportion: sdev.map((s) => (s * s) / total),
    nUsed: n,
    nDropped: n0 - n,
  };
};

export interface GetPcaOptions {
  /** Codes to analyse, selected as get_data() does with `level`. Default: the whole level. */
  iCodes?: readonly string[] | null;
  /** Level of the analysed columns. Default 1. */
  level?: number;
  /** One PCA per group of the level above (default true), or one over all selected columns. */
  byGroups?: boolean;
  /** Weight set to copy the PCA weights into. Default: the framework's original weights. */
  weights?: WeightSet;
}

export interface GetPcaResult {
  /** The weight set with each analysed column's weight replaced by its PC1 loading. */
  weights: WeightRow[];
  /** One result per group (named by the parent code) or one named "All". */
  results: { group: string; pca: PcaResult }[];
}

/**
 * COINr's get_PCA(): PCA per group (or overall) and "PCA weights", the loadings of the first
 * component, written into a copy of the weight set. Rows with a missing value in any analysed column
 * are left out of that PCA (reported in nDropped).
 */
export const getPCA = (fw: Framework, data: Dataset, opts: GetPcaOptions = {}): GetPcaResult => {
  const s = coinStructure(fw);
  const level = opts.level ?? 1;
  const byGroups = opts.byGroups ?? true;
  const weights = (opts.weights ?? originalWeights(fw)).map((w) => ({ ...w }));
  const selected = selectCodes(s, opts.iCodes ?? null, level);
  let groups: { group: string; codes: string[] }[];
  if (byGroups) {
    if (level >= s.maxLevel) throw new Error('byGroups needs a level below the top level');
    const parents: string[] = [];
    for (const line of s.lineage) {
      const parent = line[level] as string;
      if (selected.includes(line[level - 1] as string) && !parents.includes(parent)) parents.push(parent);
    }
    groups = parents.map((g) => ({ group: g, codes: selectCodes(s, [g], level) }));
  } else {
    groups = [{ group: 'All', codes: selected }];
  }
  const results = groups.map(({ group, codes }) => {
    const res = pca(
      codes,
      codes.map((c) => columnOf(data, c)),
    );
    codes.forEach((c, v) => {
      const w = weights.find((row) => row.iCode === c);
      if (w) w.weight = (res.rotation[v] as Float64Array)[0] as number;
    });
    return { group, pca: res };
  });
  return { weights, results };
};
