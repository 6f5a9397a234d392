// The province layer's numbers and classes. Pure, so the rules are tested apart from the map.
import { CHOROPLETH_RAMP } from './colors.js';

export const METRICS = ['count', 'density', 'index', 'none'] as const;
export type Metric = (typeof METRICS)[number];

export interface ProvinceFact {
  code: string;
  population2020: number | null;
}

/**
 * Value per province for the metric: spaces, spaces per million residents (only where the
 * population is known), or the region index score. Provinces without a value are left out.
 */
export const provinceValues = (
  metric: Metric,
  counts: ReadonlyMap<string, number>,
  facts: readonly ProvinceFact[],
  index: ReadonlyMap<string, number> | undefined,
): Map<string, number> => {
  const out = new Map<string, number>();
  if (metric === 'none') return out;
  for (const f of facts) {
    if (metric === 'count') out.set(f.code, counts.get(f.code) ?? 0);
    else if (metric === 'density') {
      if (f.population2020 && f.population2020 > 0)
        out.set(f.code, ((counts.get(f.code) ?? 0) / f.population2020) * 1e6);
    } else {
      const v = index?.get(f.code);
      if (v !== undefined && Number.isFinite(v)) out.set(f.code, v);
    }
  }
  return out;
};

/** x rounded up to two significant digits (17 → 17, 231 → 240, 0.734 → 0.74): readable limits. */
export const niceCeil = (x: number): number => {
  if (x <= 0) return 0;
  const p = 10 ** (Math.floor(Math.log10(x)) - 1);
  return Math.ceil(x / p - 1e-9) * p;
};

/**
 * Upper class limits (k − 1 of them) at the quantiles of the values, rounded to two digits and
 * made strictly increasing: equal-count classes suit skewed counts (a few provinces hold most spaces).
 */
export const classBreaks = (values: readonly number[], k: number = CHOROPLETH_RAMP.length): number[] => {
  const v = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (v.length === 0) return [];
  const breaks: number[] = [];
  for (let c = 1; c < k; c++) {
    const q = v[Math.min(v.length - 1, Math.floor((c / k) * v.length))] as number;
    const b = niceCeil(q);
    if (b > (breaks[breaks.length - 1] ?? -Infinity) && b < (v[v.length - 1] as number)) breaks.push(b);
  }
  return breaks;
};

/** Index of the class of `x` given upper limits `breaks` (x ≥ breaks[i] falls in class i + 1). */
export const classOf = (x: number, breaks: readonly number[]): number => {
  let c = 0;
  while (c < breaks.length && x >= (breaks[c] as number)) c++;
  return c;
};

/** Colour per class for `breaks`, spread across the ramp so few classes still span light to dark. */
export const rampFor = (breaks: readonly number[]): string[] => {
  const n = breaks.length + 1;
  const r = CHOROPLETH_RAMP;
  if (n >= r.length) return [...r];
  return Array.from(
    { length: n },
    (_, i) => r[Math.round((i * (r.length - 1)) / Math.max(1, n - 1))] as string,
  );
};
