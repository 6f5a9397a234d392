import { Compile } from 'typebox/compile';
import { Value } from 'typebox/value';
import { beforeAll, describe, expect, it } from 'vitest';
import { AnnualReport, type ReportNumberField } from '../../domain/annual-report.js';
import type { SpaceInput } from '../../domain/space.js';
import { repoProvinces, repoRegions, stubPointIn } from '../../../test/synthetic-fixtures.js';
import { generateSynthetic } from './generate-spaces.js';
import { SYNTHETIC_DEFAULT_N } from './plan.js';
import { generateReports } from './reports.js';

// CHINA-FACTS §4 as report sums (money in 千元), written out as the specification.
const FACTS: { year: number; fields: ReportNumberField[]; value: number; atLeast?: true }[] = [
  { year: 2016, fields: ['financingKCny'], value: 53_950_000 },
  { year: 2017, fields: ['revenueKCny'], value: 15_000_000, atLeast: true },
  { year: 2017, fields: ['events'], value: 151_493 },
  { year: 2017, fields: ['teamsServed'], value: 237_126 },
  { year: 2017, fields: ['startupsServed'], value: 182_462 },
  { year: 2019, fields: ['teamsServed', 'startupsServed'], value: 441_000 },
  { year: 2019, fields: ['revenueKCny'], value: 20_370_000 },
  { year: 2019, fields: ['operatingCostKCny'], value: 21_530_000 },
  { year: 2019, fields: ['staff'], value: 95_000 },
  { year: 2019, fields: ['jobs'], value: 1_550_000 },
  { year: 2019, fields: ['jobsFreshGraduates'], value: 199_000 },
  { year: 2020, fields: ['teamsServed', 'startupsServed'], value: 439_000 },
  { year: 2020, fields: ['jobs'], value: 1_930_000 },
  { year: 2020, fields: ['subsidyKCny'], value: 3_020_000 },
  { year: 2020, fields: ['taxReliefKCny'], value: 221_000 },
];
const SPACES_PER_YEAR = { 2016: 4298, 2017: 5739, 2018: 6959, 2019: 8000, 2020: 8507 };

const checkReport = Compile(AnnualReport);
const n = (x: number | null): number => x ?? 0;
const sumOf = (rs: readonly AnnualReport[], fields: readonly ReportNumberField[]) =>
  rs.reduce((a, r) => a + fields.reduce((b, f) => b + n(r[f]), 0), 0);
const ranks = (xs: readonly number[]) => {
  const order = xs.map((x, i) => [x, i] as const).sort((a, b) => a[0] - b[0]);
  const r = new Array<number>(xs.length);
  order.forEach(([, i], k) => (r[i] = k));
  return r;
};
const pearson = (a: readonly number[], b: readonly number[]) => {
  const m = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const ma = m(a);
  const mb = m(b);
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  a.forEach((x, i) => {
    const y = b[i] as number;
    sab += (x - ma) * (y - mb);
    saa += (x - ma) ** 2;
    sbb += (y - mb) ** 2;
  });
  return sab / Math.sqrt(saa * sbb);
};
const spearman = (a: readonly number[], b: readonly number[]) => pearson(ranks(a), ranks(b));
const quantile = (xs: readonly number[], q: number) => {
  const s = [...xs].sort((x, y) => x - y);
  return s[Math.floor(q * (s.length - 1))] as number;
};

describe('generateReports', () => {
  let spaces: SpaceInput[];
  let reports: AnnualReport[];
  beforeAll(() => {
    spaces = generateSynthetic(SYNTHETIC_DEFAULT_N, {
      seed: 1,
      provinces: repoProvinces(),
      regions: repoRegions(),
      pointIn: stubPointIn(),
    });
    reports = generateReports(spaces, { seed: 1 });
  });
  const inYear = (y: number) => reports.filter((r) => r.year === y);

  it('files one valid report per active space and year, 2016–2020', () => {
    for (const r of reports)
      if (!checkReport.Check(r)) expect.fail(JSON.stringify(Value.Errors(AnnualReport, r)[0]));
    for (const [year, count] of Object.entries(SPACES_PER_YEAR))
      expect(inYear(Number(year)).length).toBe(count);
    expect(new Set(reports.map((r) => `${r.spaceId}/${r.year}`)).size).toBe(reports.length);
  });

  it('adds up to the national figures within 1 %', () => {
    for (const f of FACTS) {
      const got = sumOf(inYear(f.year), f.fields);
      if (f.atLeast) expect(got, `${f.year} ${f.fields.join('+')}`).toBeGreaterThan(f.value);
      else
        expect(
          Math.abs(got - f.value) / f.value,
          `${f.year} ${f.fields.join('+')}: ${got}`,
        ).toBeLessThanOrEqual(0.01);
    }
  });

  it('keeps every report internally consistent', () => {
    // Collected, then asserted once: 33,000 reports × a dozen expect() calls would take seconds.
    const bad: string[] = [];
    const rule = (r: AnnualReport, ok: boolean, what: string) => {
      if (!ok) bad.push(`${r.spaceId}/${r.year}: ${what}`);
    };
    const surveyServices = ['mentoring', 'financing', 'technology', 'international'];
    for (const r of reports) {
      const served = n(r.teamsServed) + n(r.startupsServed);
      const founders =
        n(r.teamsStudents) +
        n(r.teamsReturnees) +
        n(r.teamsScientists) +
        n(r.teamsExecutives) +
        n(r.teamsForeigners);
      rule(r, n(r.jobsFreshGraduates) <= n(r.jobs), 'fresh graduates ≤ jobs');
      rule(r, n(r.serviceRevenueKCny) <= n(r.revenueKCny), 'service revenue ≤ revenue');
      rule(r, n(r.inventionPatents) <= n(r.validIp), 'invention patents ≤ valid IP');
      rule(r, n(r.financedCount) <= served, 'financed ≤ served');
      rule(r, r.financedCount !== 0 || r.financingKCny === 0, 'no financing without financed teams');
      rule(r, n(r.teamMembers) >= n(r.teamsServed), 'members ≥ teams');
      rule(r, founders <= n(r.teamsServed), 'founder types ≤ teams');
      rule(r, n(r.teamsServed) >= 1 && n(r.staff) >= 1, 'at least one team and one staff');
      rule(
        r,
        r.serviceTypes.every((t) => surveyServices.includes(t)),
        'survey service types only',
      );
    }
    expect(bad.slice(0, 5)).toEqual([]);
  });

  it('spreads spaces apart, and better spaces do better', () => {
    const y = inYear(2019);
    const quality = new Map(
      spaces.map((s) => [s.sources?.[0]?.sourceId, s.profile?.['syntheticQuality'] as number]),
    );
    const q = y.map((r) => quality.get(r.spaceId) as number);
    const served = y.map((r) => n(r.teamsServed) + n(r.startupsServed));
    const mentorsPer10 = y.map((r, i) => (10 * n(r.mentors)) / (served[i] as number));
    const financedShare = y.map((r, i) => n(r.financedCount) / (served[i] as number));
    const margin = y.map((r) => (n(r.revenueKCny) - n(r.operatingCostKCny)) / Math.max(1, n(r.revenueKCny)));
    expect(quantile(mentorsPer10, 0.9) / quantile(mentorsPer10, 0.1)).toBeGreaterThan(3);
    expect(financedShare.filter((s) => s === 0).length).toBeGreaterThan(y.length * 0.05);
    expect(quantile(financedShare, 0.9)).toBeGreaterThan(2 * quantile(financedShare, 0.5));
    expect(spearman(q, mentorsPer10)).toBeGreaterThan(0.2);
    expect(spearman(q, financedShare)).toBeGreaterThan(0.2);
    expect(spearman(q, margin)).toBeGreaterThan(0.1);
    // subsidies and tax relief go mostly to certified spaces
    const bySpace = new Map(spaces.map((s) => [s.sources?.[0]?.sourceId, s]));
    const tax = (cert: string) =>
      sumOf(
        y.filter((r) => bySpace.get(r.spaceId)?.certification === cert),
        ['taxReliefKCny'],
      );
    expect(tax('none')).toBe(0);
    expect(tax('national')).toBeGreaterThan(tax('provincial'));
  });

  it('is deterministic for a seed; another seed changes spaces but not the national sums', () => {
    expect(generateReports(spaces, { seed: 1 })).toEqual(reports);
    const other = generateReports(spaces, { seed: 2 });
    expect(other.slice(0, 20).map((r) => r.mentors)).not.toEqual(reports.slice(0, 20).map((r) => r.mentors));
    expect(
      sumOf(
        other.filter((r) => r.year === 2019),
        ['jobs'],
      ),
    ).toBe(sumOf(inYear(2019), ['jobs']));
  });

  it('scales targets to a subset, skips non-synthetic spaces and maps ids', () => {
    const half = spaces.filter((_, i) => i % 2 === 0);
    const study: SpaceInput = {
      nameZh: '上海新车间',
      type: 'cn_professional_services',
      status: 'active',
      countryCode: 'CN',
      foundedOn: '2010-10-01',
      synthetic: false,
    };
    const sub = generateReports([study, ...half], { seed: 1, years: [2019], idOf: (s, i) => `space-${i}` });
    const share = sub.length / 8000;
    expect(sub.every((r) => r.year === 2019 && r.spaceId !== 'space-0')).toBe(true);
    expect(sumOf(sub, ['jobs']) / (1_550_000 * share)).toBeCloseTo(1, 2);
    expect(() => generateReports(spaces, { seed: 1, years: [2015] })).toThrow(
      /no national space count for 2015/,
    );
  });
});
