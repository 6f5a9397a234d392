// The finder's scoring: how well a space fits a founder, as a weighted sum of five fits in [0, 1],
// each kept as a reason so the page can say why a space ranks where it does. Pure functions.
import { haversineMetres } from '../../../../src/domain/geo.js';
import { familyOf, type SpaceType } from '../../../../src/domain/taxonomy.js';

export const STAGES = ['idea', 'prototype', 'startup', 'growth'] as const;
export type Stage = (typeof STAGES)[number];

export const NEEDS = ['desk', 'tools', 'mentoring', 'financing', 'training'] as const;
export type Need = (typeof NEEDS)[number];

export const RADII_KM = [5, 10, 25, 50, 100, 300] as const;

export interface FinderQuery {
  origin: { lat: number; lon: number };
  radiusKm: number;
  stage: Stage;
  needs: readonly Need[];
  /** Most the founder can pay per month (CNY); null: no limit given. */
  budget: number | null;
}

export interface Candidate {
  id: string;
  lat: number;
  lon: number;
  type: SpaceType;
  status: 'planned' | 'active' | 'closed';
  /** Cheapest membership per month (CNY), null when unknown. */
  price: number | null;
  services: readonly string[];
  equipment: readonly string[];
  /** Maker Index score (0–100) of the latest release, null when not scored. */
  index: number | null;
}

export type Reason =
  | { kind: 'distance'; fit: number; km: number }
  | { kind: 'price'; fit: number; price: number | null; budget: number | null }
  | { kind: 'needs'; fit: number; covered: Need[]; missing: Need[] }
  | { kind: 'stage'; fit: number; stage: Stage; family: 'tools' | 'incubation' | 'mixed' }
  | { kind: 'index'; fit: number; score: number | null };

export interface Match {
  candidate: Candidate;
  /** 0–100. */
  score: number;
  reasons: Reason[];
}

/** Weights of the fits; needs weigh most (a space without tools is no use to a hardware founder). */
export const WEIGHTS: Record<Reason['kind'], number> = {
  needs: 0.3,
  distance: 0.25,
  price: 0.25,
  stage: 0.1,
  index: 0.1,
};

/** Linear from 1 at the origin to 0 at the radius. */
export const distanceFit = (km: number, radiusKm: number): number => Math.max(0, 1 - km / radiusKm);

/**
 * 1 within budget, falling linearly to 0 at twice the budget; an unknown price is a half fit
 * (neither promised nor ruled out), and no budget means every price fits.
 */
export const priceFit = (price: number | null, budget: number | null): number => {
  if (budget === null) return 1;
  if (price === null) return 0.5;
  if (price <= budget) return 1;
  if (budget <= 0) return 0;
  return Math.max(0, 1 - (price - budget) / budget);
};

/** Whether a space meets a need: tools count as met by the service or by any listed equipment. */
export const meetsNeed = (need: Need, services: readonly string[], equipment: readonly string[]): boolean =>
  need === 'tools' ? services.includes('tools') || equipment.length > 0 : services.includes(need);

/**
 * Which family of space suits a stage (seed study §3.2): tool-centred spaces for ideas and
 * prototypes, incubation-centred ones for companies; mixed spaces suit everyone fairly well.
 */
export const stageFit = (stage: Stage, type: SpaceType): number => {
  const family = familyOf(type);
  if (family === 'mixed') return 0.75;
  const wantsTools = stage === 'idea' || stage === 'prototype';
  return (family === 'tools') === wantsTools ? 1 : 0.4;
};

/** The match of one space, or null when it is closed or outside the radius. */
export const scoreCandidate = (c: Candidate, q: FinderQuery): Match | null => {
  if (c.status === 'closed') return null;
  const km = haversineMetres(q.origin.lat, q.origin.lon, c.lat, c.lon) / 1000;
  if (km > q.radiusKm) return null;
  const covered = q.needs.filter((n) => meetsNeed(n, c.services, c.equipment));
  const missing = q.needs.filter((n) => !covered.includes(n));
  const reasons: Reason[] = [
    { kind: 'needs', fit: q.needs.length === 0 ? 1 : covered.length / q.needs.length, covered, missing },
    { kind: 'distance', fit: distanceFit(km, q.radiusKm), km },
    { kind: 'price', fit: priceFit(c.price, q.budget), price: c.price, budget: q.budget },
    { kind: 'stage', fit: stageFit(q.stage, c.type), stage: q.stage, family: familyOf(c.type) },
    { kind: 'index', fit: c.index === null ? 0.5 : Math.min(1, Math.max(0, c.index / 100)), score: c.index },
  ];
  const score = 100 * reasons.reduce((s, r) => s + WEIGHTS[r.kind] * r.fit, 0);
  return { candidate: c, score, reasons };
};

/** Matches within the radius, best first (ties: nearer first, then id), at most `limit`. */
export const rankMatches = (candidates: Iterable<Candidate>, q: FinderQuery, limit = 20): Match[] => {
  const out: Match[] = [];
  for (const c of candidates) {
    const m = scoreCandidate(c, q);
    if (m) out.push(m);
  }
  const km = (m: Match) => (m.reasons.find((r) => r.kind === 'distance') as { km: number }).km;
  out.sort((a, b) => b.score - a.score || km(a) - km(b) || a.candidate.id.localeCompare(b.candidate.id));
  return out.slice(0, limit);
};
