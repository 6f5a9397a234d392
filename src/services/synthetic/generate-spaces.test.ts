import OpeningHours from 'opening_hours';
import { Compile } from 'typebox/compile';
import { Value } from 'typebox/value';
import { beforeAll, describe, expect, it } from 'vitest';
import { SpaceInput } from '../../domain/space.js';
import { CHINESE_TYPES } from '../../domain/taxonomy.js';
import { repoProvinces, repoRegions, stubPointIn } from '../../../test/synthetic-fixtures.js';
import {
  activeAtYearEnd,
  generateSynthetic,
  generateSyntheticAtScale,
  type SyntheticOptions,
} from './generate-spaces.js';
import { SYNTHETIC_BASE_2020, SYNTHETIC_DEFAULT_N } from './plan.js';

// CHINA-FACTS §4, written out here so a changed constant in the code cannot pass unnoticed.
const NATIONAL_SPACES = { 2016: 4298, 2017: 5739, 2018: 6959, 2019: 8000, 2020: 8507 };
const PRIVATE_SPACES_2020 = 7174;

const options = (seed: number, calls?: string[]): SyntheticOptions => ({
  seed,
  provinces: repoProvinces(),
  regions: repoRegions(),
  pointIn: stubPointIn(calls),
});
// Compiled once: checking ~10^4 records with Value.Check would take seconds.
const spaceInput = Compile(SpaceInput);
const provinceOf = (s: SpaceInput) => `${(s.regionCode as string).slice(0, 2)}0000`;
const count = <T>(xs: readonly T[], key: (x: T) => string) => {
  const m = new Map<string, number>();
  for (const x of xs) m.set(key(x), (m.get(key(x)) ?? 0) + 1);
  return m;
};

describe('generateSynthetic (default sample)', () => {
  let spaces: SpaceInput[];
  const calls: string[] = [];
  beforeAll(() => {
    spaces = generateSynthetic(SYNTHETIC_DEFAULT_N, options(1, calls));
  });

  it('makes n valid, synthetic, sourced records', () => {
    expect(spaces).toHaveLength(SYNTHETIC_DEFAULT_N);
    for (const s of spaces) {
      if (!spaceInput.Check(s)) expect.fail(JSON.stringify(Value.Errors(SpaceInput, s)[0]));
      expect(s.synthetic).toBe(true);
      expect(s.sources?.[0]?.source).toBe('synthetic');
    }
    expect(new Set(spaces.map((s) => s.sources?.[0]?.sourceId)).size).toBe(spaces.length);
    expect(new Set(spaces.map((s) => s.nameZh)).size).toBe(spaces.length);
  });

  it('has exactly the national count of active spaces at the end of 2016–2020', () => {
    for (const [year, n] of Object.entries(NATIONAL_SPACES)) {
      expect(spaces.filter((s) => activeAtYearEnd(s, Number(year))).length, year).toBe(n);
    }
    // a plausible ramp before: none before 2011 (China's first space opened in October 2010), about 1,000 in 2015
    expect(spaces.filter((s) => activeAtYearEnd(s, 2010)).length).toBe(0);
    expect(spaces.filter((s) => activeAtYearEnd(s, 2015)).length).toBe(1000);
  });

  it('closes some spaces, always after they opened, and marks them closed', () => {
    const closed = spaces.filter((s) => s.closedOn);
    expect(closed.length).toBe(SYNTHETIC_DEFAULT_N - spaces.filter((s) => activeAtYearEnd(s, 2023)).length);
    expect(closed.length).toBeGreaterThan(SYNTHETIC_BASE_2020 - 8507);
    for (const s of closed) {
      expect(s.status).toBe('closed');
      expect((s.closedOn as string) > (s.foundedOn as string)).toBe(true);
      expect(s.certification).toBe('none');
    }
    expect(spaces.filter((s) => !s.closedOn).every((s) => s.status === 'active')).toBe(true);
  });

  it('gives Guangdong 993 and Jiangsu 898 spaces in 2020, and 7,174 private operators', () => {
    const in2020 = spaces.filter((s) => activeAtYearEnd(s, 2020));
    const byProvince = count(in2020, provinceOf);
    expect(byProvince.get('440000')).toBe(993);
    expect(byProvince.get('320000')).toBe(898);
    expect(in2020.filter((s) => s.ownership === 'private').length).toBe(PRIVATE_SPACES_2020);
    // every mainland province has spaces; Hong Kong, Macao and Taiwan have none (no GDP in the facts)
    expect(byProvince.size).toBe(31);
  });

  it('favours the capital and big cities within a province', () => {
    const gd = count(
      spaces.filter((s) => provinceOf(s) === '440000'),
      (s) => s.regionCode as string,
    );
    const guangzhou = gd.get('440100') as number;
    const shenzhen = gd.get('440300') as number;
    const yunfu = gd.get('445300') as number;
    expect(guangzhou).toBeGreaterThan(3 * yunfu);
    expect(shenzhen).toBeGreaterThan(2 * yunfu);
  });

  it('places each space through pointIn with its own region code first', () => {
    // one probe per place first (places without a point get no spaces), then one call per space
    const perSpace = calls.slice(calls.length - SYNTHETIC_DEFAULT_N);
    expect(perSpace).toEqual(spaces.map((s) => s.regionCode));
    expect(spaces.every((s) => s.lat !== null && s.approximate === true)).toBe(true);
  });

  it('draws plausible profiles: all six models, areas around 1,000–2,000 m², CNY plans, valid opening hours', () => {
    const types = count(spaces, (s) => s.type);
    for (const t of CHINESE_TYPES) expect(types.get(t), t).toBeGreaterThan(300);
    const areas = spaces.map((s) => s.areaM2 as number).sort((a, b) => a - b);
    const median = areas[Math.floor(areas.length / 2)] as number;
    expect(median).toBeGreaterThanOrEqual(1000);
    expect(median).toBeLessThanOrEqual(2000);
    expect(spaces.every((s) => (s.membershipPlans ?? []).every((p) => p.currency === 'CNY'))).toBe(true);
    for (const h of new Set(spaces.map((s) => s.openingHours as string))) {
      expect(new OpeningHours(h).getWarnings(), h).toEqual([]);
    }
    const tools = spaces
      .filter((s) => s.type === 'cn_professional_services')
      .map((s) => s.equipment?.length ?? 0);
    const desks = spaces.filter((s) => s.type === 'cn_coworking').map((s) => s.equipment?.length ?? 0);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(tools)).toBeGreaterThan(2 * mean(desks));
  });

  it('certifies a share of open spaces, better ones more often, and grades the national ones', () => {
    const open = spaces.filter((s) => !s.closedOn);
    const level = count(open, (s) => s.certification as string);
    for (const l of ['national', 'provincial', 'municipal', 'none'])
      expect(level.get(l), l).toBeGreaterThan(open.length * 0.1);
    const q = (s: SpaceInput) => s.profile?.['syntheticQuality'] as number;
    const meanQ = (xs: SpaceInput[]) => xs.reduce((a, s) => a + q(s), 0) / xs.length;
    expect(meanQ(open.filter((s) => s.certification === 'national'))).toBeGreaterThan(
      meanQ(open.filter((s) => s.certification === 'none')) + 0.5,
    );
    const national = open.filter((s) => s.certification === 'national');
    expect(national.every((s) => s.certificationGrade !== null)).toBe(true);
    expect(
      open.filter((s) => s.certification !== 'national').every((s) => s.certificationGrade === null),
    ).toBe(true);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const again = generateSynthetic(SYNTHETIC_DEFAULT_N, options(1));
    expect(again).toEqual(spaces);
    const other = generateSynthetic(SYNTHETIC_DEFAULT_N, options(2));
    expect(other.slice(0, 50).map((s) => s.nameZh)).not.toEqual(spaces.slice(0, 50).map((s) => s.nameZh));
  });
});

describe('generateSynthetic, other sizes', () => {
  it('falls back to the province when pointIn has no outline for the prefecture, and to null coordinates', () => {
    const opts = options(5);
    const onlyProvinces = generateSynthetic(SYNTHETIC_BASE_2020, {
      ...opts,
      pointIn: (code, rng) => (code.endsWith('0000') ? stubPointIn()(code, rng) : undefined),
    });
    expect(onlyProvinces.every((s) => s.lat !== null)).toBe(true);
    const nowhere = generateSynthetic(SYNTHETIC_BASE_2020, { ...opts, pointIn: () => undefined });
    expect(nowhere.every((s) => s.lat === null && s.lon === null)).toBe(true);
    // n = 8,507 + closures: nothing founded after 2020
    expect(onlyProvinces.every((s) => (s.foundedOn as string) < '2021')).toBe(true);
  });

  it('scales for benchmarks with the same generator', () => {
    const big = generateSyntheticAtScale(30_000, options(3));
    expect(big).toHaveLength(30_000);
    const in2020 = big.filter((s) => activeAtYearEnd(s, 2020)).length;
    expect(in2020 / 8507).toBeCloseTo(30_000 / SYNTHETIC_DEFAULT_N, 2);
    expect(big.every((s) => spaceInput.Check(s))).toBe(true);
  });
});
