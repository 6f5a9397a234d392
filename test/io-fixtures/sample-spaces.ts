// Deterministic, deliberately awkward spaces for exporter and round-trip tests: Chinese text,
// separators and quotes inside values, formula-like names, missing coordinates, every field kind.
import type { Space } from '../../src/domain/space.js';
import { EQUIPMENT, PLAN_INTERVALS, SERVICES, SPACE_TYPES } from '../../src/domain/taxonomy.js';

/** Small seeded PRNG (mulberry32) so every run builds the same spaces. */
const rng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const AWKWARD_NAMES = [
  '上海新车间',
  '=HYPERLINK("http://evil.example","点我")',
  '+86 创客',
  '-负号开头',
  '@提及空间',
  "'已带引号",
  'Semi;colon | pipe \\ backslash',
  'Quote "inside" and, comma',
  'Line\nbreak',
  '\tTab start',
  '柴火创客空间 🛠️',
  "''double apostrophe",
];

export const sampleSpace = (i: number, seed = 7): Space => {
  const r = rng(seed * 1000 + i);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const some = <T>(xs: readonly T[]): T[] => xs.filter(() => r() < 0.3);
  const hasCoords = i % 4 !== 3;
  const cn = i % 2 === 0;
  return {
    id: `sp_${i.toString(36).padStart(6, '0')}`,
    nameZh: cn ? AWKWARD_NAMES[i % AWKWARD_NAMES.length]! : null,
    nameEn: i % 3 === 0 ? null : `Space ${i} ${pick(AWKWARD_NAMES)}`,
    type: pick(SPACE_TYPES),
    status: pick(['planned', 'active', 'closed'] as const),
    foundedOn: pick([null, '2010', '2015-06', '2010-10-01']),
    closedOn: i % 7 === 0 ? '2020-01-31' : null,
    countryCode: cn ? 'CN' : pick(['GB', 'DE', 'US', 'FR']),
    regionCode: cn ? pick(['310000', '440300', '110105']) : null,
    city: cn ? pick(['上海', '深圳', '北京']) : pick([null, 'London', 'Berlin']),
    address: i % 5 === 0 ? null : `Road ${i}, "Building" B; Floor 3 | Unit 2`,
    postcode: i % 2 ? null : '200000',
    lat: hasCoords ? Math.round((r() * 170 - 85) * 1e6) / 1e6 : null,
    lon: hasCoords ? -179.5 + r() * 359 : null,
    approximate: r() < 0.2,
    operatorName: r() < 0.5 ? null : '某某科技有限公司',
    legalForm: pick([null, 'company', 'nonprofit', 'university']),
    ownership: pick([null, 'private', 'state']),
    areaM2: r() < 0.3 ? null : Math.round(r() * 5000 * 100) / 100,
    workstations: r() < 0.3 ? null : Math.floor(r() * 400),
    membershipPlans:
      i % 3 === 1
        ? []
        : [
            { name: '月卡; 学生|优惠', amount: 99.5, currency: 'CNY', interval: pick(PLAN_INTERVALS) },
            { name: '=SUM(A1)', amount: 0, currency: 'EUR', interval: 'year' },
          ],
    equipment: some(EQUIPMENT),
    services: some(SERVICES),
    openingHours: r() < 0.5 ? null : 'Mo-Fr 09:00-18:00; Sa 10:00-16:00',
    links:
      i % 4 === 0
        ? []
        : [
            { kind: 'website', url: `https://example.org/space/${i}?a=1;b=2|c` },
            { kind: 'email', url: 'mailto:hello@example.org' },
            { kind: 'phone', url: 'tel:+86-21-5555-0000' },
            { kind: 'social', url: 'https://twitter.com/example' },
          ],
    certification: pick(['none', 'national', 'provincial', 'municipal'] as const),
    certificationGrade: pick([null, 'A', 'C']),
    description: r() < 0.5 ? null : `第一行\n第二行 "引号", 逗号; 分号 | 竖线 ${i}`,
    synthetic: r() < 0.5,
    profile: i % 3 === 0 ? {} : { members: Math.floor(r() * 300), note: '=1+1', open: true, missing: null },
    sources:
      i % 2
        ? []
        : [
            { source: 'test', sourceId: `id-${i}` },
            { source: 'x|y', sourceId: `a;b-${i}`, url: 'https://x.example/a;b' },
          ],
    provenance: {},
    createdAt: '2024-01-01T00:00:00.000Z',
    updatedAt: '2024-06-01T12:00:00.000Z',
  };
};

export const sampleSpaces = (n: number, seed = 7): Space[] =>
  Array.from({ length: n }, (_, i) => sampleSpace(i, seed));
