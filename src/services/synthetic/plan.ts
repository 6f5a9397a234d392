// How many synthetic spaces each province founds and closes each year, so that year-end counts of
// active spaces follow the national series exactly (CHINA-FACTS §4) and provinces get their share.
// A space is active at the end of year y when founded in or before y and not closed in or before y;
// so active(y) = active(y-1) - closures(y) + foundings(y) in every province and nationally.
import { largestRemainder } from './apportion.js';
import {
  CLOSURE_RATE,
  CONTINUATION,
  EARLY_LEADERS,
  NATIONAL_SPACES,
  PRIVATE_SPACES_2020,
  PROVINCE_SPACES_2020,
  RAMP_SPACES,
} from './national-totals.js';

/** What the generator needs to know about a province: its code and GDP 2020 (亿元). */
export interface ProvinceFacts {
  code: string;
  nameZh: string;
  nameEn?: string | null;
  /** GDP 2020 in 亿元 (100 million yuan); provinces without it get no spaces. */
  gdp2020: number | null;
}

export interface NationalCurve {
  years: number[];
  /** Year-end active count per year (index-aligned with `years`). */
  active: number[];
  closures: number[];
  foundings: number[];
  /** True when the counts of 2016–2020 are the published ones (n within the calibrated range). */
  exact: boolean;
  /** Factor applied to the calibrated curve (1 when exact). */
  scale: number;
}

const RAMP_YEARS = Object.keys(RAMP_SPACES).map(Number);
const FACT_YEAR_LIST = Object.keys(NATIONAL_SPACES).map(Number);
const LAST_FACT_YEAR = Math.max(...FACT_YEAR_LIST);

/** The calibrated curve up to 2020 followed by `continuation` post-2020 foundings (at most the full plan). */
const calibratedCurve = (continuation: number): NationalCurve => {
  const years = [...RAMP_YEARS, ...FACT_YEAR_LIST];
  const active = years.map((y) => (RAMP_SPACES[y] ?? NATIONAL_SPACES[y]) as number);
  const closures = years.map((y, i) =>
    i === 0 ? 0 : Math.round((CLOSURE_RATE[y] ?? 0) * (active[i - 1] as number)),
  );
  const foundings = years.map(
    (_, i) => (active[i] as number) - (i === 0 ? 0 : (active[i - 1] as number)) + (closures[i] as number),
  );
  let left = continuation;
  for (const y of CONTINUATION.years) {
    if (left <= 0) break;
    const prev = active[active.length - 1] as number;
    const f = Math.min(left, Math.round(CONTINUATION.foundingRate * prev));
    const c = Math.round(CONTINUATION.closureRate * prev);
    years.push(y);
    foundings.push(f);
    closures.push(c);
    active.push(prev + f - c);
    left -= f;
  }
  return { years, active, closures, foundings, exact: true, scale: 1 };
};

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

/** Spaces that exist up to the end of 2020: the 8,507 active then plus every earlier closure. */
export const SYNTHETIC_BASE_2020 = sum(calibratedCurve(0).foundings);
/** The default sample: the calibrated curve with the full post-2020 continuation. */
export const SYNTHETIC_DEFAULT_N = sum(calibratedCurve(Number.MAX_SAFE_INTEGER).foundings);

/**
 * The national curve for a sample of n spaces. For SYNTHETIC_BASE_2020 ≤ n ≤ SYNTHETIC_DEFAULT_N the
 * counts of 2016–2020 are exactly the published ones and n − SYNTHETIC_BASE_2020 spaces are founded
 * after 2020. Any other n scales the whole default curve by n / SYNTHETIC_DEFAULT_N (benchmarks).
 */
export const nationalCurve = (n: number): NationalCurve => {
  if (!Number.isInteger(n) || n < 1)
    throw new RangeError(`synthetic sample size must be a positive integer, got ${n}`);
  if (n >= SYNTHETIC_BASE_2020 && n <= SYNTHETIC_DEFAULT_N) return calibratedCurve(n - SYNTHETIC_BASE_2020);
  const full = calibratedCurve(Number.MAX_SAFE_INTEGER);
  const scale = n / SYNTHETIC_DEFAULT_N;
  const active = full.active.map((a) => Math.round(a * scale));
  const closures = full.closures.map((c, i) =>
    i === 0 ? 0 : Math.min(Math.round(c * scale), active[i - 1] as number),
  );
  const foundings = active.map(
    (a, i) => a - (i === 0 ? 0 : (active[i - 1] as number)) + (closures[i] as number),
  );
  // Rounding may leave the total a few spaces off n: the last year absorbs the difference.
  const last = foundings.length - 1;
  const diff = n - sum(foundings);
  foundings[last] = (foundings[last] as number) + diff;
  active[last] = (active[last] as number) + diff;
  if (foundings.some((f) => f < 0))
    throw new RangeError(`synthetic sample size ${n} is too small to spread over the years`);
  return { years: full.years, active, closures, foundings, exact: false, scale };
};

/**
 * Province counts at the end of 2020: the published ones (Guangdong, Jiangsu), the rest of the
 * national count split by GDP 2020 with the largest-remainder method. Scaled with the curve.
 */
export const provinceQuotas2020 = (
  provinces: readonly ProvinceFacts[],
  curve: NationalCurve,
): Map<string, number> => {
  const i2020 = curve.years.indexOf(LAST_FACT_YEAR);
  const total = curve.active[i2020] as number;
  const eligible = provinces.filter((p) => p.gdp2020 !== null && p.gdp2020 > 0);
  if (eligible.length === 0) throw new RangeError('synthetic sample: no province has a GDP 2020');
  const seen = new Set<string>();
  for (const p of eligible) {
    if (seen.has(p.code)) throw new RangeError(`synthetic sample: province ${p.code} is listed twice`);
    seen.add(p.code);
  }
  const fixed = new Map<string, number>();
  for (const [code, count] of Object.entries(PROVINCE_SPACES_2020)) {
    if (seen.has(code)) fixed.set(code, Math.round(count * curve.scale));
  }
  const rest = eligible.filter((p) => !fixed.has(p.code));
  const restTotal = total - [...fixed.values()].reduce((a, b) => a + b, 0);
  const shares = largestRemainder(
    restTotal,
    rest.map((p) => p.gdp2020 as number),
  );
  const out = new Map<string, number>();
  for (const p of eligible) out.set(p.code, fixed.get(p.code) ?? (shares[rest.indexOf(p)] as number));
  return out;
};

/** Private operators among the spaces active at the end of 2020, scaled with the curve. */
export const privateQuota2020 = (curve: NationalCurve): number =>
  curve.exact ? PRIVATE_SPACES_2020 : Math.round(PRIVATE_SPACES_2020 * curve.scale);

export interface ProvinceFlows {
  codes: string[];
  years: number[];
  /** [province][year] */
  active: number[][];
  closures: number[][];
  foundings: number[][];
}

/**
 * Splits the national curve over provinces: each year's count by the 2020 quotas (with the study's
 * early leaders weighted double in the ramp years), closures in proportion to the previous count.
 */
export const provinceFlows = (curve: NationalCurve, quotas: Map<string, number>): ProvinceFlows => {
  const codes = [...quotas.keys()];
  const base = codes.map((c) => quotas.get(c) as number);
  const leaders = new Set<string>(EARLY_LEADERS);
  const perYearActive = curve.years.map((y, t) => {
    const w =
      y < FACT_YEAR_LIST[0]! ? base.map((q, p) => q * (leaders.has(codes[p] as string) ? 2 : 1)) : base;
    return largestRemainder(curve.active[t] as number, w);
  });
  const perYearClosures = curve.years.map((_, t) =>
    t === 0
      ? codes.map(() => 0)
      : largestRemainder(curve.closures[t] as number, perYearActive[t - 1] as number[]),
  );
  const perYearFoundings = curve.years.map((_, t) =>
    codes.map((_, p) => {
      const prev = t === 0 ? 0 : (perYearActive[t - 1]![p] as number);
      return (perYearActive[t]![p] as number) - prev + (perYearClosures[t]![p] as number);
    }),
  );
  // Rounding can leave a province with fewer spaces than last year minus its closures (a negative
  // founding count): move closures to it from provinces that found at least one space that year.
  for (let t = 1; t < curve.years.length; t++) {
    const f = perYearFoundings[t] as number[];
    const c = perYearClosures[t] as number[];
    for (let p = 0; p < codes.length; p++) {
      while ((f[p] as number) < 0) {
        const q = f.findIndex((fq, i) => i !== p && fq > 0 && (c[i] as number) > 0);
        if (q < 0)
          throw new RangeError(
            `synthetic plan: province ${codes[p]} shrinks in ${curve.years[t]} beyond repair`,
          );
        c[q] = (c[q] as number) - 1;
        f[q] = (f[q] as number) - 1;
        c[p] = (c[p] as number) + 1;
        f[p] = (f[p] as number) + 1;
      }
    }
  }
  const byProvince = (m: number[][]) => codes.map((_, p) => m.map((row) => row[p] as number));
  return {
    codes,
    years: curve.years,
    active: byProvince(perYearActive),
    closures: byProvince(perYearClosures),
    foundings: byProvince(perYearFoundings),
  };
};
