// Effective weights, COINr's get_eff_wts(): the share of the final index that each indicator and
// aggregate carries once the weights of all levels above it are applied.
import { coinStructure } from '../diagnostics/structure.js';
import type { Framework } from '../types.js';
import { originalWeights, type WeightSet } from './weight-set.js';

export interface EffWeightRow {
  iCode: string;
  level: number;
  weight: number;
  effWeight: number;
}

/**
 * Weights are first rescaled to sum to 1 within each parent group (the top level counts as one
 * group), then multiplied by the effective weight of the parent, from the top level down. A group
 * whose weights sum to 0 gives NaN, as in COINr. Rows follow COINr's meta order.
 */
export const effectiveWeights = (fw: Framework, weights?: WeightSet): EffWeightRow[] => {
  const s = coinStructure(fw);
  const ws = weights ?? originalWeights(fw);
  const weightOf = new Map(ws.map((w) => [w.iCode, w.weight]));
  const rows = s.meta.map((m) => {
    const w = weightOf.get(m.iCode);
    if (w === undefined) throw new Error(`No weight for "${m.iCode}" in the weight set`);
    return {
      iCode: m.iCode,
      level: m.level,
      weight: w,
      parent: m.level === s.maxLevel ? '' : (m.parent ?? ''),
    };
  });
  const groupSum = new Map<string, number>();
  for (const r of rows) groupSum.set(r.parent, (groupSum.get(r.parent) ?? 0) + r.weight);
  const eff = new Map<string, number>();
  for (const r of rows) eff.set(r.iCode, r.weight / (groupSum.get(r.parent) as number));
  for (let lev = s.maxLevel - 1; lev >= 1; lev--) {
    for (const r of rows) {
      if (r.level !== lev) continue;
      eff.set(r.iCode, (eff.get(r.iCode) as number) * (eff.get(r.parent) ?? Number.NaN));
    }
  }
  return rows.map((r) => ({
    iCode: r.iCode,
    level: r.level,
    weight: r.weight,
    effWeight: eff.get(r.iCode) as number,
  }));
};
