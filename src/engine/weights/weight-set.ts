// A named set of weights, the shape of COINr's coin$Meta$Weights entries: one row per indicator and
// aggregate with its level. Weights are relative within their parent group; aggregation rescales them.
import { coinStructure } from '../diagnostics/structure.js';
import type { Framework } from '../types.js';

export interface WeightRow {
  iCode: string;
  level: number;
  weight: number;
}

export type WeightSet = readonly WeightRow[];

/**
 * The weights written in iMeta (COINr's "Original" set), for Indicator and Aggregate rows in COINr's
 * order (level, then parent).
 */
export const originalWeights = (fw: Framework): WeightRow[] =>
  coinStructure(fw).meta.map((m) => ({ iCode: m.iCode, level: m.level, weight: m.weight }));

/** A copy of `ws` with some weights replaced; throws naming any code that is not in the set. */
export const withWeights = (
  ws: WeightSet,
  changes: ReadonlyMap<string, number> | Record<string, number>,
): WeightRow[] => {
  const map = changes instanceof Map ? changes : new Map(Object.entries(changes));
  const known = new Set(ws.map((w) => w.iCode));
  const unknown = [...map.keys()].filter((c) => !known.has(c));
  if (unknown.length > 0) throw new Error(`Weights for codes not in the weight set: ${unknown.join(', ')}`);
  return ws.map((w) => (map.has(w.iCode) ? { ...w, weight: map.get(w.iCode) as number } : { ...w }));
};

/** Weights of one level, in set order. */
export const weightsAt = (ws: WeightSet, level: number): WeightRow[] => ws.filter((w) => w.level === level);

/** The `{ iCode: weight }` form that the Aggregate step's `w` accepts. */
export const toWeightMap = (ws: WeightSet): Record<string, number> =>
  Object.fromEntries(ws.map((w) => [w.iCode, w.weight]));
