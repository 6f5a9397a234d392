// Data-driven weights by name, per aggregation group: a strategy table in the style of the other
// engine steps, so a weighting choice can be written in a spec or varied in a sensitivity analysis.
import { pca } from '../diagnostics/pca.js';
import { columnOf } from '../diagnostics/correlation.js';
import { coinStructure } from '../diagnostics/structure.js';
import type { Dataset, Framework } from '../types.js';
import { entropyWeights, type EntropyOptions } from './entropy.js';
import { originalWeights, type WeightRow, type WeightSet } from './weight-set.js';

export type DataWeightMethod = 'equal' | 'entropy' | 'pca';
export const DATA_WEIGHT_METHODS = ['equal', 'entropy', 'pca'] as const;

export interface DeriveOptions {
  /** Options of the entropy method (its min–max step, directions, shift). */
  entropy?: EntropyOptions;
}

/**
 * Weights of the columns of `data` (one group of siblings):
 * - "equal": all 1;
 * - "entropy": entropy weights (熵权法), summing to 1 (see entropyWeights);
 * - "pca": loadings of the first principal component, COINr's get_PCA weights (may be negative;
 *   aggregation rescales them).
 */
export const deriveWeights = (
  method: DataWeightMethod,
  data: Dataset,
  opts: DeriveOptions = {},
): Float64Array => {
  switch (method) {
    case 'equal':
      return new Float64Array(data.cols.length).fill(1);
    case 'entropy':
      return entropyWeights(data, opts.entropy).weights;
    case 'pca':
      return Float64Array.from(pca(data.iCodes, data.cols).rotation, (r) => r[0] as number);
  }
};

/**
 * A weight set where the weights of every group of `level` codes (the children of one aggregate) are
 * derived from their columns in `data` with `method`; other levels keep the weights of `base`
 * (default: the framework's).
 */
export const weightsByGroup = (
  fw: Framework,
  data: Dataset,
  level: number,
  method: DataWeightMethod,
  opts: DeriveOptions & { base?: WeightSet } = {},
): WeightRow[] => {
  const s = coinStructure(fw);
  if (!Number.isInteger(level) || level < 1 || level >= s.maxLevel) {
    throw new Error(`level must be between 1 and ${s.maxLevel - 1}`);
  }
  const out = (opts.base ?? originalWeights(fw)).map((w) => ({ ...w }));
  const parents = [...new Set(s.codesAt(level).map((c) => s.row(c)?.parent ?? null))];
  for (const parent of parents) {
    const codes = s.codesAt(level).filter((c) => (s.row(c)?.parent ?? null) === parent);
    const group: Dataset = { uCodes: data.uCodes, iCodes: codes, cols: codes.map((c) => columnOf(data, c)) };
    const w = deriveWeights(method, group, opts);
    codes.forEach((c, k) => {
      const row = out.find((r) => r.iCode === c);
      if (!row) throw new Error(`"${c}" is not in the weight set`);
      row.weight = w[k] as number;
    });
  }
  return out;
};
