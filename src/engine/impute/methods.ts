// Imputation methods for one vector, keyed by COINr's names. Each fills NaN and leaves every
// present value untouched (COINr checks the same and restores present values afterwards).
import { meanNA, medianNA } from '../pipeline/numeric.js';

/** Group index of each element (-1 = no group), and the number of groups. */
export interface GroupIndex {
  of: Int32Array;
  count: number;
}

export type VectorImputer = (x: Float64Array, groups: GroupIndex | undefined) => Float64Array;

const fillWith = (x: Float64Array, value: number): Float64Array => {
  const out = x.slice();
  for (let i = 0; i < out.length; i++) if (Number.isNaN(out[i] as number)) out[i] = value;
  return out;
};

/**
 * Within each group, fill NaN with the group's statistic of its present values. Elements with no
 * group are left as they are (COINr's `skip_f_na = TRUE`); a group with no present value stays NaN.
 */
const byGroup =
  (stat: (v: ArrayLike<number>) => number): VectorImputer =>
  (x, groups) => {
    if (!groups) throw new Error('group imputation needs a grouping variable (use_group)');
    const buckets: number[][] = Array.from({ length: groups.count }, () => []);
    for (let i = 0; i < x.length; i++) {
      const g = groups.of[i] as number;
      if (g >= 0) buckets[g]?.push(x[i] as number);
    }
    const values = buckets.map((b) => stat(b));
    const out = x.slice();
    for (let i = 0; i < out.length; i++) {
      const g = groups.of[i] as number;
      if (Number.isNaN(out[i] as number) && g >= 0) out[i] = values[g] as number;
    }
    return out;
  };

/** Group means of the present values with R's two-pass mean, in typed arrays (no copies). */
const groupMeans = (x: Float64Array, groups: GroupIndex): Float64Array => {
  const sum = new Float64Array(groups.count);
  const n = new Float64Array(groups.count);
  for (let i = 0; i < x.length; i++) {
    const g = groups.of[i] as number;
    const v = x[i] as number;
    if (g < 0 || v !== v) continue;
    sum[g] = (sum[g] as number) + v;
    n[g] = (n[g] as number) + 1;
  }
  const mean = sum.map((s, g) => s / (n[g] as number));
  const resid = new Float64Array(groups.count);
  for (let i = 0; i < x.length; i++) {
    const g = groups.of[i] as number;
    const v = x[i] as number;
    if (g < 0 || v !== v) continue;
    resid[g] = (resid[g] as number) + (v - (mean[g] as number));
  }
  return mean.map((m, g) => (Number.isFinite(m) ? m + (resid[g] as number) / (n[g] as number) : m));
};

const fillByGroup = (
  x: Float64Array,
  groups: GroupIndex | undefined,
  values: (groups: GroupIndex) => Float64Array,
): Float64Array => {
  if (!groups) throw new Error('group imputation needs a grouping variable (use_group)');
  const v = values(groups);
  const out = x.slice();
  for (let i = 0; i < out.length; i++) {
    const g = groups.of[i] as number;
    if (g >= 0 && (out[i] as number) !== (out[i] as number)) out[i] = v[g] as number;
  }
  return out;
};

/**
 * - `i_mean`: the mean of the present values (COINr `i_mean`).
 * - `i_median`: the median of the present values (COINr `i_median`).
 * - `i_mean_grp`: the mean within the unit's group given by `use_group` (COINr `i_mean_grp`).
 * - `i_median_grp`: the median within the group (COINr `i_median_grp`).
 */
export const VECTOR_IMPUTERS: Record<'i_mean' | 'i_median' | 'i_mean_grp' | 'i_median_grp', VectorImputer> = {
  i_mean: (x) => fillWith(x, meanNA(x)),
  i_median: (x) => fillWith(x, medianNA(x)),
  i_mean_grp: (x, groups) => fillByGroup(x, groups, (g) => groupMeans(x, g)),
  i_median_grp: byGroup(medianNA),
};

export const isGroupMethod = (m: string): boolean => m === 'i_mean_grp' || m === 'i_median_grp';

/** Builds a GroupIndex from labels (null = no group). */
export const groupIndex = (labels: readonly (string | null)[]): GroupIndex => {
  const ids = new Map<string, number>();
  const of = new Int32Array(labels.length);
  labels.forEach((l, i) => {
    if (l === null) {
      of[i] = -1;
      return;
    }
    let g = ids.get(l);
    if (g === undefined) {
      g = ids.size;
      ids.set(l, g);
    }
    of[i] = g;
  });
  return { of, count: ids.size };
};
