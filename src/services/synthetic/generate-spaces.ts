// The synthetic demonstration sample: fictional Chinese maker spaces whose year-end counts follow the
// national statistics exactly (see plan.ts), spread over provinces by the published figures and GDP,
// with plausible profiles. Deterministic for a seed: one seeded stream, consumed in a fixed order.
import { pinyin } from 'pinyin-pro';
import type { Rng } from '../../engine/types.js';
import type { SpaceInput } from '../../domain/space.js';
import { TYPE_INFO } from '../../domain/taxonomy.js';
import { largestRemainder } from './apportion.js';
import { operatorName, SpaceNamer } from './names.js';
import { isMajorCity, placeUnits, type PlaceUnit, type RegionRow } from './places.js';
import {
  nationalCurve,
  privateQuota2020,
  provinceFlows,
  provinceQuotas2020,
  SYNTHETIC_DEFAULT_N,
  type ProvinceFacts,
} from './plan.js';
import {
  drawArea,
  drawEquipment,
  drawLegalForm,
  drawNonPrivateOwnership,
  drawOpeningHours,
  drawPlans,
  drawServices,
  drawType,
  drawWorkstations,
  PRIVATE_PROPENSITY,
  type ChineseType,
  type Ownership,
} from './profile.js';
import { hashSeed, SeededRng } from './rng.js';
import { dayInYear } from './dates.js';

export const SYNTHETIC_SOURCE = 'synthetic';

/** A random point [lon, lat] inside a region (prefecture, county or province code), or undefined. */
export type PointIn = (regionCode: string, rng: Rng) => [number, number] | undefined;

export interface SyntheticOptions {
  seed: number;
  /** Provinces with GDP 2020 (亿元); the others get no spaces. */
  provinces: readonly ProvinceFacts[];
  /** Region table rows (data/regions/cn-regions.json): where spaces go inside a province. */
  regions: readonly RegionRow[];
  /** Places a space: called with its prefecture (or county) code, then with its province code. */
  pointIn: PointIn;
  /** Chinese → pinyin for place names the table has no English for; default pinyin-pro. */
  pinyin?: (zh: string) => string;
}

const defaultPinyin = (zh: string): string => {
  const s = pinyin(zh, { toneType: 'none', type: 'array', v: true }).join('');
  return s.charAt(0).toUpperCase() + s.slice(1);
};

/** Certification shares among spaces open today, assumed (national filing kept 2,251 in its 2020 review). */
const CERT_SHARES = { national: 0.3, provincial: 0.32, municipal: 0.2 } as const;
/** Torch evaluation grades 2021: A 386, B 617, C 262, D 12 (CHINA-FACTS §5). */
const GRADE_COUNTS = [386, 617, 262, 12] as const;
const GRADES = ['A', 'B', 'C', 'D'] as const;
/** Filing needs 18 months of operation: only spaces at least two years old by the last plan year get national or provincial. */
const MIN_CERT_AGE = 2;

interface Draft {
  province: string;
  unit: PlaceUnit;
  type: ChineseType;
  /** Latent quality, standard normal: drives closures, certification, profiles, reports and survival. */
  z: number;
  foundedYear: number;
  closedYear: number | null;
  ownership?: Ownership;
  certification: NonNullable<SpaceInput['certification']>;
  grade: 'A' | 'B' | 'C' | 'D' | null;
}

/** Active at the end of `year`: founded in or before it and not closed in or before it. */
export const activeAtYearEnd = (s: Pick<SpaceInput, 'foundedOn' | 'closedOn'>, year: number): boolean => {
  const founded = s.foundedOn ? Number(s.foundedOn.slice(0, 4)) : NaN;
  const closed = s.closedOn ? Number(s.closedOn.slice(0, 4)) : Infinity;
  return founded <= year && closed > year;
};

/** Founding years and closures over provinces and places, per the plan. */
const draftSpaces = (n: number, opts: SyntheticOptions, rng: SeededRng) => {
  const curve = nationalCurve(n);
  const flows = provinceFlows(curve, provinceQuotas2020(opts.provinces, curve));
  const places = placeUnits(opts.regions, flows.codes, opts.pinyin ?? defaultPinyin);
  // Units where pointIn finds no point (三沙市's outline is a few reefs) get no spaces, unless no
  // unit of the province has one: then spaces keep their unit and fall back to a province point.
  const probe = new SeededRng(hashSeed(opts.seed, 'synthetic-probe'));
  for (const [p, units] of places) {
    const drawable = units.filter((u) => opts.pointIn(u.code, probe) !== undefined);
    if (drawable.length > 0) places.set(p, drawable);
  }
  const weights = new Map([...places].map(([p, units]) => [p, units.map((u) => u.weight)]));
  const drafts: Draft[] = [];
  const active = flows.codes.map(() => [] as Draft[]);
  flows.years.forEach((year, t) => {
    flows.codes.forEach((province, p) => {
      const open = active[p] as Draft[];
      const closing = flows.closures[p]![t] as number;
      if (closing > 0) {
        // Weak spaces close first, with noise: a good space can still fail.
        const keyed = open.map((d) => ({ d, key: d.z + 0.8 * rng.normal() }));
        keyed.sort((a, b) => a.key - b.key);
        for (const { d } of keyed.slice(0, closing)) d.closedYear = year;
        active[p] = keyed.slice(closing).map(({ d }) => d);
      }
      const units = places.get(province) as PlaceUnit[];
      const w = weights.get(province) as number[];
      for (let k = 0; k < (flows.foundings[p]![t] as number); k++) {
        const d: Draft = {
          province,
          unit: units[rng.weighted(w)] as PlaceUnit,
          type: drawType(rng),
          z: rng.normal(),
          foundedYear: year,
          closedYear: null,
          certification: 'none',
          grade: null,
        };
        drafts.push(d);
        (active[p] as Draft[]).push(d);
      }
    });
  });
  return { curve, drafts };
};

/** Exactly the published number of private operators among spaces active at the end of 2020. */
const assignOwnership = (drafts: Draft[], privateCount: number, rng: SeededRng): void => {
  const in2020 = drafts.filter(
    (d) => d.foundedYear <= 2020 && (d.closedYear === null || d.closedYear > 2020),
  );
  // Weighted sampling without replacement (Efraimidis–Spirakis): key u^(1/w), the largest keys win.
  const keyed = in2020.map((d) => ({ d, key: Math.pow(rng.next(), 1 / PRIVATE_PROPENSITY[d.type]) }));
  keyed.sort((a, b) => b.key - a.key);
  keyed.forEach(({ d }, i) => {
    d.ownership = i < privateCount ? 'private' : drawNonPrivateOwnership(rng, d.type);
  });
  const share = in2020.length > 0 ? privateCount / in2020.length : 0.84;
  for (const d of drafts) {
    if (d.ownership === undefined)
      d.ownership = rng.chance(share) ? 'private' : drawNonPrivateOwnership(rng, d.type);
  }
};

/** Certification of spaces open today, by quality with noise; grades for nationally filed spaces. */
const assignCertification = (drafts: Draft[], lastYear: number, rng: SeededRng): void => {
  const open = drafts.filter((d) => d.closedYear === null);
  const keyed = open.map((d) => ({ d, key: d.z + 0.6 * rng.normal() })).sort((a, b) => b.key - a.key);
  const eligible = keyed.filter(({ d }) => lastYear - d.foundedYear >= MIN_CERT_AGE);
  const nNational = Math.round(CERT_SHARES.national * eligible.length);
  const nProvincial = Math.round(CERT_SHARES.provincial * eligible.length);
  const nMunicipal = Math.round(CERT_SHARES.municipal * eligible.length);
  eligible.forEach(({ d }, i) => {
    d.certification =
      i < nNational
        ? 'national'
        : i < nNational + nProvincial
          ? 'provincial'
          : i < nNational + nProvincial + nMunicipal
            ? 'municipal'
            : 'none';
  });
  for (const { d } of keyed) {
    if (lastYear - d.foundedYear < MIN_CERT_AGE)
      d.certification = rng.chance(CERT_SHARES.municipal) ? 'municipal' : 'none';
  }
  const national = eligible.filter(({ d }) => d.certification === 'national');
  const perGrade = largestRemainder(national.length, [...GRADE_COUNTS]);
  let g = 0;
  let left = perGrade[0] as number;
  for (const { d } of national) {
    while (left === 0) left = perGrade[++g] as number;
    d.grade = GRADES[g] as Draft['grade'];
    left--;
  }
};

const round5 = (x: number): number => Math.round(x * 1e5) / 1e5;

/**
 * `n` fictional spaces. With n = SYNTHETIC_DEFAULT_N (or anything from SYNTHETIC_BASE_2020 up to it)
 * the active counts at the end of 2016–2020 are the national figures, Guangdong and Jiangsu have their
 * 2020 counts, other provinces follow GDP, and 7,174 of the spaces active in 2020 are private.
 */
export const generateSynthetic = (n: number, opts: SyntheticOptions): SpaceInput[] => {
  const rng = new SeededRng(hashSeed(opts.seed, 'synthetic-spaces'));
  const { curve, drafts } = draftSpaces(n, opts, rng);
  assignOwnership(drafts, privateQuota2020(curve), rng);
  assignCertification(drafts, curve.years[curve.years.length - 1] as number, rng);
  const namer = new SpaceNamer();
  const width = Math.max(6, String(drafts.length).length);
  return drafts.map((d, i): SpaceInput => {
    const sourceId = `syn-${opts.seed}-${String(i + 1).padStart(width, '0')}`;
    const { unit, type, z } = d;
    const name = namer.name(rng, unit.shortZh, unit.shortEn, type);
    const ownership = d.ownership as Ownership;
    const legalForm = drawLegalForm(rng, ownership);
    const unitPoint = opts.pointIn(unit.code, rng);
    const point = unitPoint ?? opts.pointIn(d.province, rng);
    // A point drawn in the province only is filed under the province, so code and point agree.
    const regionCode = unitPoint || !point ? unit.code : d.province;
    const areaM2 = drawArea(rng, type, z);
    const foundedOn = dayInYear(d.foundedYear, rng.next());
    const closedOn = d.closedYear === null ? null : dayInYear(d.closedYear, rng.next());
    return {
      nameZh: name.zh,
      nameEn: name.en,
      type,
      status: closedOn ? 'closed' : 'active',
      foundedOn,
      closedOn,
      countryCode: 'CN',
      regionCode,
      city: unit.city,
      address: null,
      postcode: null,
      lat: point ? round5(point[1]) : null,
      lon: point ? round5(point[0]) : null,
      approximate: true,
      operatorName: operatorName(rng, unit.shortZh, name.word.zh, legalForm),
      legalForm,
      ownership,
      areaM2,
      workstations: drawWorkstations(rng, areaM2),
      membershipPlans: drawPlans(rng, type, isMajorCity(unit.code)),
      equipment: drawEquipment(rng, type, z),
      services: drawServices(rng, type, z),
      openingHours: drawOpeningHours(rng, type),
      links: [],
      certification: closedOn ? 'none' : d.certification,
      certificationGrade: closedOn ? null : d.grade,
      description: `合成演示数据（虚构空间，并非真实记录）：位于${unit.city}的${TYPE_INFO[type].zh}众创空间。`,
      synthetic: true,
      // The latent quality is kept so that index tests can check that scores recover it.
      profile: { syntheticQuality: Math.round(z * 1000) / 1000 },
      sources: [{ source: SYNTHETIC_SOURCE, sourceId }],
    };
  });
};

/** The same generator for benchmarks: n = 100,000 scales the national curve up (counts are then not the published ones). */
export const generateSyntheticAtScale = (n: number, opts: SyntheticOptions): SpaceInput[] =>
  generateSynthetic(n, opts);

export { SYNTHETIC_DEFAULT_N };
