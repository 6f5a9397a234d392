// Annual reports for synthetic spaces, 2016–2020: one per space and year in which it is active at the
// year's end (so report counts equal the national space counts). Each space draws its own intensities
// from its latent quality and size, then every field is scaled so the national sums equal the targets
// in national-totals.ts (the published figures where CHINA-FACTS §4 gives them). Scaling keeps the
// spread between spaces: strong spaces stay strong, weak ones weak, which the index needs.
import type { AnnualReport, ReportNumberField } from '../../domain/annual-report.js';
import type { SpaceInput } from '../../domain/space.js';
import type { ServiceType } from '../../domain/taxonomy.js';
import { scaleToTotal } from './apportion.js';
import { activeAtYearEnd, SYNTHETIC_SOURCE } from './generate-spaces.js';
import { FACT_YEARS, NATIONAL_SPACES, REPORT_TARGETS } from './national-totals.js';
import type { ChineseType } from './profile.js';
import { hashSeed, SeededRng } from './rng.js';

export interface ReportOptions {
  seed: number;
  /** Years to report; default 2016–2020 (the years with national figures). */
  years?: readonly number[];
  /** Id written to `spaceId`; default the space's synthetic source id (the seeder maps it to the stored id). */
  idOf?: (space: SpaceInput, index: number) => string;
}

/** Service types the national survey asks about. */
const SURVEY_SERVICES: readonly ServiceType[] = ['mentoring', 'financing', 'technology', 'international'];

interface TypeIntensity {
  teams: number;
  startups: number;
  mentors: number;
  financing: number;
  events: number;
  trainings: number;
  revenue: number;
  serviceShare: number;
  students: number;
}
/** Relative intensities by model (assumed), e.g. investment spaces finance more, training spaces host students. */
const BY_TYPE: Readonly<Record<ChineseType, TypeIntensity>> = {
  cn_professional_services: {
    teams: 1,
    startups: 0.9,
    mentors: 1,
    financing: 0.8,
    events: 1.3,
    trainings: 1,
    revenue: 1,
    serviceShare: 0.45,
    students: 0.3,
  },
  cn_training_mentoring: {
    teams: 1.3,
    startups: 0.6,
    mentors: 1.5,
    financing: 0.6,
    events: 1,
    trainings: 1.8,
    revenue: 0.6,
    serviceShare: 0.4,
    students: 0.6,
  },
  cn_media_extension: {
    teams: 0.9,
    startups: 1,
    mentors: 0.9,
    financing: 1.2,
    events: 1.6,
    trainings: 0.9,
    revenue: 1.1,
    serviceShare: 0.55,
    students: 0.2,
  },
  cn_investment_promotion: {
    teams: 0.9,
    startups: 1.1,
    mentors: 1.1,
    financing: 2,
    events: 1.1,
    trainings: 0.8,
    revenue: 0.9,
    serviceShare: 0.35,
    students: 0.2,
  },
  cn_coworking: {
    teams: 0.8,
    startups: 1.2,
    mentors: 0.6,
    financing: 0.6,
    events: 0.9,
    trainings: 0.6,
    revenue: 1.4,
    serviceShare: 0.2,
    students: 0.15,
  },
  cn_integrated_ecosystem: {
    teams: 1.1,
    startups: 1.1,
    mentors: 1.1,
    financing: 1,
    events: 1,
    trainings: 1.1,
    revenue: 1.2,
    serviceShare: 0.35,
    students: 0.25,
  },
};
const SUBSIDY_BY_CERT = { national: 4, provincial: 2, municipal: 1, none: 0.3 } as const;
const TAX_BY_CERT = { national: 5, provincial: 1, municipal: 0, none: 0 } as const;

const isChineseType = (t: string): t is ChineseType => t in BY_TYPE;
const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

/** What one space brings to a year: its constants, drawn once from its own stream. */
interface Unit {
  space: SpaceInput;
  id: string;
  type: ChineseType;
  z: number;
  size: number;
  foundedYear: number;
  rng: SeededRng;
  u: {
    teams: number;
    staff: number;
    mentors: number;
    jobs: number;
    fin: number;
    events: number;
    ip: number;
    rev: number;
    margin: number;
  };
  shares: {
    fresh: number;
    invention: number;
    service: number;
    students: number;
    returnees: number;
    scientists: number;
    executives: number;
    foreigners: number;
    firstTime: number;
    members: number;
  };
}

const unitOf = (space: SpaceInput, index: number, opts: ReportOptions): Unit | undefined => {
  const src = space.sources?.find((s) => s.source === SYNTHETIC_SOURCE);
  if (!space.synthetic || !src || !isChineseType(space.type)) return undefined;
  const rng = new SeededRng(hashSeed(opts.seed, `report:${src.sourceId}`));
  const zRaw = space.profile?.['syntheticQuality'];
  const z = typeof zRaw === 'number' ? zRaw : 0;
  const t = BY_TYPE[space.type];
  const n = () => rng.normal();
  const founders = {
    students: clamp(t.students * Math.exp(0.4 * n()), 0, 0.8),
    returnees: clamp(0.04 * Math.exp(0.5 * n() + 0.2 * z), 0, 0.3),
    scientists: clamp(0.1 * Math.exp(0.5 * n() + 0.2 * z), 0, 0.4),
    executives: clamp(0.06 * Math.exp(0.5 * n()), 0, 0.3),
    foreigners: clamp(0.01 * Math.exp(0.7 * n()), 0, 0.1),
  };
  // The categories are exclusive (the lead founder's background): their shares may not pass 1.
  const total = Object.values(founders).reduce((a, b) => a + b, 0);
  if (total > 0.95)
    for (const k of Object.keys(founders) as (keyof typeof founders)[]) founders[k] *= 0.95 / total;
  return {
    space,
    id: opts.idOf ? opts.idOf(space, index) : src.sourceId,
    type: space.type,
    z,
    size: Math.pow((space.areaM2 ?? 1500) / 1500, 0.8),
    foundedYear: Number((space.foundedOn ?? '2016').slice(0, 4)),
    rng,
    u: {
      teams: 0.4 * n(),
      staff: 0.3 * n(),
      mentors: 0.4 * n(),
      jobs: 0.35 * n(),
      fin: 0.5 * n(),
      events: 0.5 * n(),
      ip: 0.6 * n(),
      rev: 0.5 * n(),
      margin: -0.05 + 0.08 * z + 0.15 * n(),
    },
    shares: {
      fresh: clamp(0.13 * Math.exp(0.3 * n()), 0.02, 0.6),
      invention: clamp(0.15 * Math.exp(0.4 * n()), 0.01, 0.8),
      service: clamp(t.serviceShare * Math.exp(0.3 * n()), 0.05, 0.95),
      ...founders,
      firstTime: clamp(0.6 + 0.1 * n(), 0.2, 0.95),
      members: clamp(4 * Math.exp(0.2 * n()), 1.5, 10),
    },
  };
};

type Raw = Record<ReportNumberField, Float64Array>;

const targetFor = (field: ReportNumberField, year: number, ratio: number): number => {
  const series = REPORT_TARGETS[field];
  const v = series?.[year];
  if (v === undefined) throw new RangeError(`no national target for ${field} in ${year}`);
  return Math.round(v * ratio);
};

/**
 * Annual reports of the synthetic spaces among `spaces` (others are skipped). With the full default
 * sample the national sums equal REPORT_TARGETS; a subset gets targets scaled by its share of the
 * national space count, so a smaller or larger sample keeps per-space magnitudes.
 */
export const generateReports = (spaces: readonly SpaceInput[], opts: ReportOptions): AnnualReport[] => {
  const years = opts.years ?? FACT_YEARS;
  const units = spaces.map((s, i) => unitOf(s, i, opts)).filter((u): u is Unit => u !== undefined);
  const out: AnnualReport[] = [];
  for (const year of years) {
    const national = NATIONAL_SPACES[year];
    if (national === undefined) throw new RangeError(`reports: no national space count for ${year}`);
    const active = units.filter((u) => activeAtYearEnd(u.space, year));
    if (active.length === 0) continue;
    out.push(...reportsForYear(active, year, active.length / national));
  }
  return out;
};

const reportsForYear = (units: readonly Unit[], year: number, ratio: number): AnnualReport[] => {
  const m = units.length;
  const arr = () => new Float64Array(m);
  const raw = {} as Partial<Raw>;
  const get = (f: ReportNumberField): Float64Array => (raw[f] ??= arr());
  const scale = (f: ReportNumberField, opts: Parameters<typeof scaleToTotal>[2] = {}) =>
    scaleToTotal(get(f), targetFor(f, year, ratio), opts);
  const noise = units.map((u) => 0.15 * u.rng.normal());
  // A space grows into its capacity: a new space serves fewer teams in its first year.
  const maturity = units.map((u) => (year === u.foundedYear ? 0.45 : year === u.foundedYear + 1 ? 0.8 : 1));

  units.forEach((u, i) => {
    const t = BY_TYPE[u.type];
    const e = noise[i] as number;
    const k = (maturity[i] as number) * u.size;
    get('teamsServed')[i] = k * t.teams * Math.exp(0.25 * u.z + u.u.teams + e);
    get('startupsServed')[i] =
      k * t.startups * Math.exp(0.25 * u.z + 0.8 * u.u.teams + 0.1 * u.rng.normal() + e);
    get('staff')[i] = Math.pow(u.size, 0.7) * Math.exp(0.15 * u.z + u.u.staff);
  });
  const teams = scale('teamsServed', { min: 1 });
  const startups = scale('startupsServed', { min: 1 });
  const served = teams.map((x, i) => x + (startups[i] as number));
  const staff = scale('staff', { min: 1 });

  units.forEach((u, i) => {
    const t = BY_TYPE[u.type];
    const e = noise[i] as number;
    const s = served[i] as number;
    get('teamMembers')[i] = (teams[i] as number) * u.shares.members;
    get('mentors')[i] = Math.pow(s, 0.8) * t.mentors * Math.exp(0.5 * u.z + u.u.mentors);
    get('jobs')[i] =
      ((startups[i] as number) * Math.exp(0.35 * u.z + u.u.jobs) + 0.3 * (teams[i] as number)) * Math.exp(e);
    get('financedCount')[i] = s * t.financing * Math.exp(0.6 * u.z + u.u.fin + e);
    get('events')[i] = Math.sqrt(u.size) * t.events * Math.exp(0.4 * u.z + u.u.events + e);
    get('trainings')[i] = Math.sqrt(u.size) * t.trainings * Math.exp(0.3 * u.z + 0.5 * u.u.events + e);
    get('validIp')[i] = (startups[i] as number) * Math.exp(0.5 * u.z + u.u.ip);
    get('revenueKCny')[i] = u.size * t.revenue * Math.exp(0.2 * u.z + u.u.rev + e);
  });
  const members = scale('teamMembers', { min: teams });
  const mentors = scale('mentors');
  const jobs = scale('jobs');
  // At most one financing per team or firm served: the cap keeps the share of financed ≤ 1.
  const financed = scale('financedCount', { cap: served });
  const events = scale('events');
  const trainings = scale('trainings');
  const ip = scale('validIp');
  const revenue = scale('revenueKCny');

  units.forEach((u, i) => {
    const rev = revenue[i] as number;
    get('jobsFreshGraduates')[i] = (jobs[i] as number) * u.shares.fresh;
    // Heavy-tailed amount per financed team; zero when nobody was financed.
    get('financingKCny')[i] = (financed[i] as number) * Math.exp(0.5 * u.z + 0.8 * u.rng.normal());
    get('inventionPatents')[i] = (ip[i] as number) * u.shares.invention;
    get('serviceRevenueKCny')[i] = rev * u.shares.service;
    get('operatingCostKCny')[i] = Math.max(rev, 50 * u.size) * Math.exp(-u.u.margin + 0.1 * u.rng.normal());
    const cert = u.space.certification ?? 'none';
    get('subsidyKCny')[i] = u.rng.chance(cert === 'none' ? 0.5 : 0.05)
      ? 0
      : SUBSIDY_BY_CERT[cert] * Math.sqrt(u.size) * Math.exp(0.6 * u.rng.normal());
    get('taxReliefKCny')[i] =
      TAX_BY_CERT[cert] * Math.sqrt(Math.max(rev, 1)) * Math.exp(0.4 * u.rng.normal());
  });
  const fresh = scale('jobsFreshGraduates', { cap: jobs });
  const financing = scale('financingKCny');
  const inventions = scale('inventionPatents', { cap: ip });
  const serviceRevenue = scale('serviceRevenueKCny', { cap: revenue });
  const cost = scale('operatingCostKCny');
  const subsidy = scale('subsidyKCny');
  const taxRelief = scale('taxReliefKCny');

  const at = (xs: readonly number[], i: number): number => xs[i] as number;
  return units.map((u, i): AnnualReport => {
    const tm = teams[i] as number;
    const share = (x: number) => Math.floor(tm * x);
    const services = u.space.services ?? [];
    return {
      spaceId: u.id,
      year,
      areaM2: u.space.areaM2 ?? null,
      workstations: u.space.workstations ?? null,
      staff: at(staff, i),
      mentors: at(mentors, i),
      teamsServed: tm,
      teamMembers: at(members, i),
      startupsServed: startups[i] as number,
      jobs: at(jobs, i),
      jobsFreshGraduates: at(fresh, i),
      // Founder backgrounds are exclusive categories of a team's lead founder; first-time founders overlap them.
      teamsStudents: share(u.shares.students),
      teamsReturnees: share(u.shares.returnees),
      teamsScientists: share(u.shares.scientists),
      teamsExecutives: share(u.shares.executives),
      teamsForeigners: share(u.shares.foreigners),
      teamsFirstTime: share(u.shares.firstTime),
      financedCount: at(financed, i),
      financingKCny: at(financing, i),
      events: at(events, i),
      trainings: at(trainings, i),
      validIp: at(ip, i),
      inventionPatents: at(inventions, i),
      revenueKCny: at(revenue, i),
      serviceRevenueKCny: at(serviceRevenue, i),
      operatingCostKCny: at(cost, i),
      subsidyKCny: at(subsidy, i),
      taxReliefKCny: at(taxRelief, i),
      serviceTypes: SURVEY_SERVICES.filter((s) => services.includes(s)),
      listedFirms: u.rng.chance(0.004 * Math.exp(u.z)) ? 1 : 0,
      ownership: u.space.ownership ?? null,
      status: 'accepted',
    };
  });
};
