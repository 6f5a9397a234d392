// Plausible profiles for synthetic spaces: model, size, prices, equipment, services, hours and the
// operator. Shares and medians are assumptions chosen to look like the Chinese sector (coworking and
// integrated spaces are large and many; professional-service spaces hold the tools), tilted by the
// space's latent quality `z` so that good spaces look good on several fronts at once.
import type { MembershipPlan } from '../../domain/space.js';
import {
  CHINESE_TYPES,
  EQUIPMENT,
  OWNERSHIPS,
  type EquipmentCategory,
  type ServiceType,
  type SpaceType,
} from '../../domain/taxonomy.js';
import type { OperatorLegalForm } from './names.js';
import type { SeededRng } from './rng.js';

export type ChineseType = (typeof CHINESE_TYPES)[number];
export type Ownership = (typeof OWNERSHIPS)[number];

/** Assumed mix of the six Chinese models among synthetic spaces. */
export const TYPE_MIX: Readonly<Record<ChineseType, number>> = {
  cn_professional_services: 0.2,
  cn_training_mentoring: 0.13,
  cn_media_extension: 0.05,
  cn_investment_promotion: 0.14,
  cn_coworking: 0.2,
  cn_integrated_ecosystem: 0.28,
};
const TYPE_WEIGHTS = CHINESE_TYPES.map((t) => TYPE_MIX[t]);
export const drawType = (rng: SeededRng): ChineseType =>
  CHINESE_TYPES[rng.weighted(TYPE_WEIGHTS)] as ChineseType;

/** Median floor area by model (m²): the national median sits between 1,000 and 2,000 m². */
const AREA_MEDIAN: Readonly<Record<ChineseType, number>> = {
  cn_professional_services: 1500,
  cn_training_mentoring: 1000,
  cn_media_extension: 800,
  cn_investment_promotion: 1000,
  cn_coworking: 2000,
  cn_integrated_ecosystem: 2500,
};

export const drawArea = (rng: SeededRng, type: ChineseType, z: number): number => {
  const a = rng.lognormal(AREA_MEDIAN[type], 0.65) * Math.exp(0.15 * z);
  return Math.round(Math.min(60_000, Math.max(120, a)) / 10) * 10;
};

/** Workstations from area: 8–16 m² of floor per desk, at least 8 desks. */
export const drawWorkstations = (rng: SeededRng, area: number): number =>
  Math.max(8, Math.round(area / (8 + 8 * rng.next())));

const round50 = (x: number): number => Math.max(50, Math.round(x / 50) * 50);

/** Prices in CNY: a fixed desk per month, often a hot desk per day, sometimes free places for students or funded teams. */
export const drawPlans = (rng: SeededRng, type: ChineseType, majorCity: boolean): MembershipPlan[] => {
  const cityFactor = majorCity ? 1.6 : 1;
  const typeFactor = type === 'cn_coworking' ? 1.5 : type === 'cn_training_mentoring' ? 0.6 : 1;
  const plans: MembershipPlan[] = [
    {
      name: '固定工位',
      amount: round50(rng.lognormal(650, 0.35) * cityFactor * typeFactor),
      currency: 'CNY',
      interval: 'month',
    },
  ];
  if (rng.chance(type === 'cn_coworking' ? 0.85 : 0.45)) {
    plans.push({
      name: '流动工位',
      amount: Math.max(10, Math.round((rng.lognormal(45, 0.35) * cityFactor * typeFactor) / 5) * 5),
      currency: 'CNY',
      interval: 'day',
    });
  }
  if (type === 'cn_coworking' || rng.chance(0.2)) {
    plans.push({
      name: '独立办公室（4人）',
      amount: round50(rng.lognormal(3200, 0.35) * cityFactor * typeFactor),
      currency: 'CNY',
      interval: 'month',
    });
  }
  if (type === 'cn_training_mentoring' && rng.chance(0.5)) {
    plans.push({ name: '在校学生团队工位', amount: 0, currency: 'CNY', interval: 'month' });
  }
  if (type === 'cn_investment_promotion' && rng.chance(0.4)) {
    plans.push({ name: '获投团队免租工位', amount: 0, currency: 'CNY', interval: 'month' });
  }
  return plans;
};

/** Chance of each equipment category in a professional-services space; other models have fewer tools. */
const EQUIPMENT_CHANCE: Readonly<Record<EquipmentCategory, number>> = {
  '3d_printing': 0.8,
  laser_cutting: 0.6,
  cnc: 0.35,
  electronics: 0.6,
  woodwork: 0.15,
  metalwork: 0.15,
  textiles: 0.05,
  computers: 0.7,
  biolab: 0.03,
  ceramics: 0.03,
  print_media: 0.2,
  photo_video: 0.3,
  vinyl_cutting: 0.15,
  welding: 0.08,
  prototyping_lab: 0.4,
};
const TOOL_FACTOR: Readonly<Record<ChineseType, number>> = {
  cn_professional_services: 1,
  cn_training_mentoring: 0.5,
  cn_media_extension: 0.25,
  cn_investment_promotion: 0.2,
  cn_coworking: 0.15,
  cn_integrated_ecosystem: 0.4,
};

export const drawEquipment = (rng: SeededRng, type: ChineseType, z: number): EquipmentCategory[] => {
  const f = TOOL_FACTOR[type] * Math.exp(0.25 * z);
  return EQUIPMENT.filter((e) => rng.chance(Math.min(0.95, EQUIPMENT_CHANCE[e] * f)));
};

type ServiceChance = Partial<Record<ServiceType, number>>;
const SERVICE_BASE: Readonly<Record<Exclude<ServiceType, 'desk'>, number>> = {
  tools: 0.3,
  mentoring: 0.7,
  financing: 0.5,
  training: 0.6,
  events: 0.85,
  technology: 0.3,
  international: 0.08,
  legal: 0.4,
  ip: 0.35,
  hr: 0.3,
  marketing: 0.35,
  policy: 0.5,
  accommodation: 0.03,
};
/** Model-specific chances that override the base (the study's description of each model). */
const SERVICE_BY_TYPE: Readonly<Record<ChineseType, ServiceChance>> = {
  cn_professional_services: { tools: 0.85, technology: 0.8, events: 0.95 },
  cn_training_mentoring: { training: 0.95, mentoring: 0.95 },
  cn_media_extension: { marketing: 0.9, events: 0.95, financing: 0.6 },
  cn_investment_promotion: { financing: 0.95, mentoring: 0.8 },
  cn_coworking: { events: 0.8, legal: 0.5, hr: 0.4 },
  cn_integrated_ecosystem: {
    financing: 0.7,
    training: 0.75,
    hr: 0.6,
    legal: 0.65,
    policy: 0.75,
    accommodation: 0.25,
  },
};

/** Every space rents desks; the rest depends on the model and, a little, on quality. */
const SERVICE_CHANCES = Object.fromEntries(
  CHINESE_TYPES.map((t) => [
    t,
    (Object.entries(SERVICE_BASE) as [ServiceType, number][]).map(([s, base]): [ServiceType, number] => [
      s,
      SERVICE_BY_TYPE[t][s] ?? base,
    ]),
  ]),
) as Record<ChineseType, [ServiceType, number][]>;

export const drawServices = (rng: SeededRng, type: ChineseType, z: number): ServiceType[] => {
  const out: ServiceType[] = ['desk'];
  const tilt = Math.exp(0.3 * z);
  for (const [s, p] of SERVICE_CHANCES[type]) if (rng.chance(Math.min(0.97, p * tilt))) out.push(s);
  return out;
};

/** Opening hours in OpenStreetMap syntax, with assumed shares. */
const HOURS: readonly [string, number][] = [
  ['Mo-Fr 09:00-18:00', 0.35],
  ['Mo-Fr 09:00-21:00; Sa 10:00-17:00', 0.2],
  ['Mo-Sa 09:00-18:00', 0.15],
  ['Mo-Su 09:00-22:00', 0.15],
  ['24/7', 0.1],
  ['Mo-Fr 08:30-17:30', 0.05],
];
const HOUR_WEIGHTS = HOURS.map(([, w]) => w);
const HOUR_WEIGHTS_COWORKING = HOURS.map(([h, w]) => (h === '24/7' ? w * 4 : w));

export const drawOpeningHours = (rng: SeededRng, type: SpaceType): string =>
  HOURS[rng.weighted(type === 'cn_coworking' ? HOUR_WEIGHTS_COWORKING : HOUR_WEIGHTS)]![0];

/** Relative chance of a private operator by model: university-based training spaces are often not private. */
export const PRIVATE_PROPENSITY: Readonly<Record<ChineseType, number>> = {
  cn_professional_services: 1,
  cn_training_mentoring: 0.35,
  cn_media_extension: 1.2,
  cn_investment_promotion: 1.2,
  cn_coworking: 1.3,
  cn_integrated_ecosystem: 0.9,
};

const NON_PRIVATE: readonly Exclude<Ownership, 'private'>[] = [
  'state',
  'university',
  'mixed',
  'foreign',
  'other',
];
const NON_PRIVATE_WEIGHTS: Readonly<Record<'training' | 'other', readonly number[]>> = {
  training: [0.2, 0.65, 0.1, 0.01, 0.04],
  other: [0.45, 0.12, 0.28, 0.05, 0.1],
};

/** A non-private ownership, university-heavy for training spaces. */
export const drawNonPrivateOwnership = (rng: SeededRng, type: ChineseType): Ownership =>
  NON_PRIVATE[rng.weighted(NON_PRIVATE_WEIGHTS[type === 'cn_training_mentoring' ? 'training' : 'other'])]!;

const LEGAL_FORM_BY_OWNERSHIP: Readonly<Record<Ownership, readonly [OperatorLegalForm, number][]>> = {
  private: [
    ['company', 0.9],
    ['nonprofit', 0.04],
    ['individual', 0.03],
    ['association', 0.03],
  ],
  state: [
    ['company', 0.6],
    ['government', 0.25],
    ['nonprofit', 0.15],
  ],
  university: [
    ['university', 0.6],
    ['company', 0.4],
  ],
  mixed: [['company', 1]],
  foreign: [['company', 1]],
  other: [
    ['association', 0.5],
    ['nonprofit', 0.3],
    ['other', 0.2],
  ],
};

export const drawLegalForm = (rng: SeededRng, ownership: Ownership): OperatorLegalForm => {
  const options = LEGAL_FORM_BY_OWNERSHIP[ownership];
  return options[rng.weighted(options.map(([, w]) => w))]![0];
};
