// Expert points (专家打分法): weights from points that several experts give to the same items.
import type { InputIssue } from '../../domain/issue.js';

export interface ExpertPointsOptions {
  /**
   * - "budget" (default; the OECD/JRC handbook's budget allocation): each expert's points are first
   *   turned into shares of that expert's total, then the shares are averaged, so every expert counts
   *   equally however many points they spent;
   * - "score": points are averaged across experts and the averages normalised (importance scores).
   */
  method?: 'budget' | 'score';
  /** Points each expert must spend (e.g. 100); checked when given. */
  budget?: number;
  /** Combine experts by "mean" (default) or "median" (robust to one outlying expert). */
  combine?: 'mean' | 'median';
}

export interface ExpertPointsResult {
  /** Sum to 1. */
  weights: Float64Array;
  /** Each expert's normalised allocation (budget method) or raw points (score method). */
  perExpert: Float64Array[];
  /** Smallest and largest share any expert gave each item (budget method), for reporting spread. */
  min: Float64Array;
  max: Float64Array;
}

/** Problems of an experts × items points table, each named by JSON pointer /expert/item. */
export const checkExpertPoints = (points: readonly (readonly number[])[], budget?: number): InputIssue[] => {
  const issues: InputIssue[] = [];
  const add = (path: string, code: string, message: string): void => {
    issues.push({ severity: 'error', code, path, message });
  };
  if (points.length === 0) add('', 'expert.none', 'No expert gave points');
  const m = points[0]?.length ?? 0;
  if (points.length > 0 && m === 0) add('/0', 'expert.items.none', 'Expert 0 gave points to no item');
  points.forEach((row, e) => {
    if (row.length !== m)
      add(`/${e}`, 'expert.items.count', `Expert ${e} scored ${row.length} items; expert 0 scored ${m}`);
    row.forEach((v, i) => {
      if (!Number.isFinite(v) || v < 0)
        add(
          `/${e}/${i}`,
          'expert.points.invalid',
          `Expert ${e} gave item ${i} ${v} points; points must be numbers ≥ 0`,
        );
    });
    const total = row.reduce((s, v) => s + v, 0);
    if (!(total > 0)) add(`/${e}`, 'expert.points.zero', `Expert ${e} gave no points at all`);
    else if (budget !== undefined && Math.abs(total - budget) > 1e-9 * Math.max(1, budget)) {
      add(`/${e}`, 'expert.budget', `Expert ${e} spent ${total} points; the budget is ${budget}`);
    }
  });
  return issues;
};

const medianOf = (v: number[]): number => {
  const s = [...v].sort((a, b) => a - b);
  const h = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[h] as number) : ((s[h - 1] as number) + (s[h] as number)) / 2;
};

/**
 * Weights from expert points (rows: experts, columns: items). Throws an Error listing every problem
 * found by `checkExpertPoints`.
 */
export const expertPointWeights = (
  points: readonly (readonly number[])[],
  opts: ExpertPointsOptions = {},
): ExpertPointsResult => {
  const { method = 'budget', combine = 'mean' } = opts;
  const issues = checkExpertPoints(points, opts.budget);
  if (issues.length > 0)
    throw new Error(`Invalid expert points: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
  const m = (points[0] as readonly number[]).length;
  const perExpert = points.map((row) => {
    const total = row.reduce((s, v) => s + v, 0);
    return Float64Array.from(row, (v) => (method === 'budget' ? v / total : v));
  });
  const column = (i: number): number[] => perExpert.map((r) => r[i] as number);
  const centre = Float64Array.from({ length: m }, (_, i) => {
    const c = column(i);
    return combine === 'median' ? medianOf(c) : c.reduce((s, v) => s + v, 0) / c.length;
  });
  const total = centre.reduce((s, v) => s + v, 0);
  if (!(total > 0)) throw new Error('Every item has a combined score of 0; no weights can be formed');
  return {
    weights: centre.map((v) => v / total),
    perExpert,
    min: Float64Array.from({ length: m }, (_, i) => Math.min(...column(i))),
    max: Float64Array.from({ length: m }, (_, i) => Math.max(...column(i))),
  };
};
