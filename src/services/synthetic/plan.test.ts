import { describe, expect, it } from 'vitest';
import { NATIONAL_SPACES, PROVINCE_SPACES_2020 } from './national-totals.js';
import {
  nationalCurve,
  provinceFlows,
  provinceQuotas2020,
  SYNTHETIC_BASE_2020,
  SYNTHETIC_DEFAULT_N,
  type ProvinceFacts,
} from './plan.js';
import { repoProvinces } from '../../../test/synthetic-fixtures.js';

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const at = (curve: ReturnType<typeof nationalCurve>, year: number) => curve.active[curve.years.indexOf(year)];

describe('nationalCurve', () => {
  it('hits the published year-end counts and uses every space exactly once', () => {
    for (const n of [SYNTHETIC_BASE_2020, SYNTHETIC_BASE_2020 + 300, SYNTHETIC_DEFAULT_N]) {
      const c = nationalCurve(n);
      expect(c.exact).toBe(true);
      for (const [year, count] of Object.entries(NATIONAL_SPACES)) expect(at(c, Number(year))).toBe(count);
      expect(sum(c.foundings)).toBe(n);
      // active(y) = active(y-1) - closures(y) + foundings(y)
      c.years.forEach((_, t) =>
        expect(c.active[t]).toBe(
          (t ? (c.active[t - 1] as number) : 0) - (c.closures[t] as number) + (c.foundings[t] as number),
        ),
      );
    }
  });

  it('has no post-2020 foundings at n = 8,507 + closures, and a modest continuation above', () => {
    const base = nationalCurve(SYNTHETIC_BASE_2020);
    expect(base.years[base.years.length - 1]).toBe(2020);
    expect(SYNTHETIC_BASE_2020 - 8507).toBe(sum(base.closures));
    const full = nationalCurve(SYNTHETIC_DEFAULT_N);
    expect(full.years[full.years.length - 1]).toBeGreaterThan(2020);
    const last = full.active[full.active.length - 1] as number;
    expect(last / 8507).toBeGreaterThan(1);
    expect(last / 8507).toBeLessThan(1.1);
  });

  it('scales the whole curve for other sizes and still uses exactly n spaces', () => {
    for (const n of [100_000, 500]) {
      const c = nationalCurve(n);
      expect(c.exact).toBe(false);
      expect(sum(c.foundings)).toBe(n);
      expect(c.foundings.every((f) => f >= 0)).toBe(true);
      expect((at(c, 2020) as number) / 8507).toBeCloseTo(n / SYNTHETIC_DEFAULT_N, 2);
    }
    expect(() => nationalCurve(0)).toThrow(/positive integer/);
    expect(() => nationalCurve(10.5)).toThrow(/positive integer/);
  });
});

describe('provinceQuotas2020', () => {
  const provinces = repoProvinces();
  const curve = nationalCurve(SYNTHETIC_DEFAULT_N);
  const quotas = provinceQuotas2020(provinces, curve);

  it('gives Guangdong and Jiangsu their published counts and the rest by GDP (largest remainder)', () => {
    expect(quotas.get('440000')).toBe(PROVINCE_SPACES_2020['440000']);
    expect(quotas.get('320000')).toBe(PROVINCE_SPACES_2020['320000']);
    expect(sum([...quotas.values()])).toBe(8507);
    const rest = provinces.filter((p) => p.gdp2020 && !(p.code in PROVINCE_SPACES_2020));
    const gdp = sum(rest.map((p) => p.gdp2020 as number));
    const restTotal = 8507 - 993 - 898;
    // Hamilton: each province gets the floor or the ceiling of its exact quota, and only the
    // largest remainders are rounded up.
    const exact = rest.map((p) => ({ code: p.code, q: (restTotal * (p.gdp2020 as number)) / gdp }));
    const up = exact.filter(
      (e) => quotas.get(e.code) === Math.ceil(e.q) && Math.ceil(e.q) !== Math.floor(e.q),
    );
    for (const e of exact) expect([Math.floor(e.q), Math.ceil(e.q)]).toContain(quotas.get(e.code));
    const minUp = Math.min(...up.map((e) => e.q % 1));
    const maxDown = Math.max(...exact.filter((e) => !up.includes(e)).map((e) => e.q % 1));
    expect(minUp).toBeGreaterThanOrEqual(maxDown);
    expect(up.length).toBe(restTotal - sum(exact.map((e) => Math.floor(e.q))));
  });

  it('leaves out provinces without GDP (Hong Kong, Macao, Taiwan) and rejects duplicates', () => {
    expect(quotas.has('810000')).toBe(false);
    expect(quotas.has('710000')).toBe(false);
    const twice: ProvinceFacts[] = [provinces[0] as ProvinceFacts, provinces[0] as ProvinceFacts];
    expect(() => provinceQuotas2020(twice, curve)).toThrow(/listed twice/);
    expect(() => provinceQuotas2020([{ code: '110000', nameZh: '北京市', gdp2020: null }], curve)).toThrow(
      /no province/,
    );
  });

  it('splits every year over provinces so that province counts add up and flows balance', () => {
    const flows = provinceFlows(curve, quotas);
    flows.years.forEach((year, t) => {
      expect(sum(flows.active.map((row) => row[t] as number))).toBe(curve.active[t]);
      expect(sum(flows.closures.map((row) => row[t] as number))).toBe(curve.closures[t]);
      flows.codes.forEach((code, p) => {
        const prev = t ? (flows.active[p]![t - 1] as number) : 0;
        expect(flows.foundings[p]![t], `${code} ${year}`).toBeGreaterThanOrEqual(0);
        expect(flows.closures[p]![t]).toBeLessThanOrEqual(prev);
        expect(flows.active[p]![t]).toBe(
          prev - (flows.closures[p]![t] as number) + (flows.foundings[p]![t] as number),
        );
      });
    });
    const i2020 = flows.years.indexOf(2020);
    flows.codes.forEach((code, p) => expect(flows.active[p]![i2020]).toBe(quotas.get(code)));
  });
});
