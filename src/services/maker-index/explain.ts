// Explaining a score: with the weighted arithmetic mean at every level (COINr's a_amean, missing
// values dropped and the remaining weights renormalised), a unit's index is exactly
//   Σ over indicators k of  e_k · x_k,   e_k = Π over the path from k to the top of w / Σw(present siblings)
// where x_k is the normalised value. So each indicator's contribution is e_k · x_k, the contributions
// of a pillar add up to its share of the index, and all of them add up to the index score (up to
// float rounding). e_k is the unit's own effective weight: it equals COINr's effective weight when
// the unit has every value, and renormalises like a_amean when some are missing.
import type { PipelineSpecType } from '../../engine/pipeline/spec.js';
import type { Framework, MetaRow } from '../../engine/types.js';

export class ExplainUnsupportedError extends Error {
  override readonly name = 'ExplainUnsupportedError';
}

/**
 * Checks that the pipeline aggregates with a_amean and iMeta's weights at every level and without a
 * data-availability threshold: the only case in which contributions add up exactly.
 */
export const assertAdditive = (spec: PipelineSpecType): void => {
  const agg = [...spec.steps].reverse().find((s) => s.step === 'Aggregate');
  if (!agg || agg.step !== 'Aggregate')
    throw new ExplainUnsupportedError('the pipeline has no Aggregate step');
  const methods = Array.isArray(agg.f_ag) ? agg.f_ag : [agg.f_ag ?? 'a_amean'];
  if (methods.some((m) => m !== 'a_amean'))
    throw new ExplainUnsupportedError(
      `contributions add up only for the weighted arithmetic mean (a_amean); the pipeline aggregates with ${methods.join(', ')}`,
    );
  const ws = Array.isArray(agg.w) ? agg.w : [agg.w];
  if (ws.some((w) => w !== undefined && w !== null && w !== 'Original'))
    throw new ExplainUnsupportedError(
      'explanations use the framework (iMeta) weights; the pipeline names other weights',
    );
  if (agg.dat_thresh !== undefined)
    throw new ExplainUnsupportedError(
      'explanations do not support a data-availability threshold in Aggregate',
    );
};

export interface IndicatorContribution {
  code: string;
  parent: string;
  /** Normalised value (NaN = missing: then weight and contribution are 0). */
  value: number;
  /** The framework weight (iMeta). */
  weight: number;
  /** This unit's effective weight: the share of the index the indicator carries. */
  effectiveWeight: number;
  contribution: number;
}

export interface AggregateContribution {
  code: string;
  parent: string | null;
  level: number;
  weight: number;
  effectiveWeight: number;
  /** Σ of its indicators' contributions (for the index: the explained score). */
  contribution: number;
}

export interface Explanation {
  indicators: IndicatorContribution[];
  aggregates: AggregateContribution[];
  /** Σ of every indicator's contribution. */
  total: number;
}

/** Contributions of a unit's normalised indicator values (by code) to its index. */
export const explainUnit = (fw: Framework, normalised: ReadonlyMap<string, number>): Explanation => {
  const top = fw.atLevel(fw.maxLevel);
  if (top.length !== 1)
    throw new ExplainUnsupportedError(`the framework needs one top aggregate, it has ${top.length}`);
  // Which nodes have a value: an indicator with a number, an aggregate with any such descendant.
  const present = new Map<string, boolean>();
  const isPresent = (row: MetaRow): boolean => {
    const known = present.get(row.iCode);
    if (known !== undefined) return known;
    const v =
      row.type === 'Indicator'
        ? !Number.isNaN(normalised.get(row.iCode) ?? Number.NaN)
        : fw.childrenOf(row.iCode).some(isPresent);
    present.set(row.iCode, v);
    return v;
  };
  const effective = new Map<string, number>();
  const visit = (row: MetaRow, eff: number): void => {
    effective.set(row.iCode, eff);
    const kids = fw.childrenOf(row.iCode);
    let sw = 0;
    for (const k of kids) if (isPresent(k)) sw += k.weight;
    for (const k of kids) visit(k, isPresent(k) && sw > 0 ? (eff * k.weight) / sw : 0);
  };
  const root = top[0] as MetaRow;
  visit(root, isPresent(root) ? 1 : 0);

  const indicators: IndicatorContribution[] = fw.indicators().map((r) => {
    const value = normalised.get(r.iCode) ?? Number.NaN;
    const e = effective.get(r.iCode) ?? 0;
    return {
      code: r.iCode,
      parent: r.parent ?? '',
      value,
      weight: r.weight,
      effectiveWeight: e,
      contribution: Number.isNaN(value) ? 0 : e * value,
    };
  });
  const sumUnder = (code: string): number => {
    let s = 0;
    for (const c of fw.childrenOf(code))
      s += c.type === 'Indicator' ? contributionOf(c.iCode) : sumUnder(c.iCode);
    return s;
  };
  const byCode = new Map(indicators.map((i) => [i.code, i.contribution] as const));
  const contributionOf = (code: string): number => byCode.get(code) ?? 0;
  const aggregates: AggregateContribution[] = fw.meta
    .filter((r) => r.type === 'Aggregate')
    .sort((a, b) => b.level - a.level)
    .map((r) => ({
      code: r.iCode,
      parent: r.parent,
      level: r.level,
      weight: r.weight,
      effectiveWeight: effective.get(r.iCode) ?? 0,
      contribution: sumUnder(r.iCode),
    }));
  let total = 0;
  for (const i of indicators) total += i.contribution;
  return { indicators, aggregates, total };
};
