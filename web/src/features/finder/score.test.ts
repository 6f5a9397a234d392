import { describe, expect, it } from 'vitest';
import {
  distanceFit,
  meetsNeed,
  priceFit,
  rankMatches,
  scoreCandidate,
  stageFit,
  WEIGHTS,
  type Candidate,
  type FinderQuery,
} from './score.js';

// Shenzhen (Futian) and places around it.
const SZ = { lat: 22.5431, lon: 114.0579 };
const space = (over: Partial<Candidate>): Candidate => ({
  id: 'x',
  lat: SZ.lat,
  lon: SZ.lon,
  type: 'makerspace',
  status: 'active',
  price: 500,
  services: [],
  equipment: [],
  index: null,
  ...over,
});

const hardwareFounder: FinderQuery = {
  origin: SZ,
  radiusKm: 25,
  stage: 'prototype',
  needs: ['tools', 'mentoring'],
  budget: 1000,
};

describe('fits', () => {
  it('distance: linear to zero at the radius', () => {
    expect(distanceFit(0, 25)).toBe(1);
    expect(distanceFit(12.5, 25)).toBe(0.5);
    expect(distanceFit(30, 25)).toBe(0);
  });
  it('price: full within budget, zero at twice the budget, half when unknown', () => {
    expect(priceFit(800, 1000)).toBe(1);
    expect(priceFit(1500, 1000)).toBe(0.5);
    expect(priceFit(2500, 1000)).toBe(0);
    expect(priceFit(null, 1000)).toBe(0.5);
    expect(priceFit(9999, null)).toBe(1);
  });
  it('needs: tools are met by equipment too', () => {
    expect(meetsNeed('tools', [], ['3d_printing'])).toBe(true);
    expect(meetsNeed('tools', ['tools'], [])).toBe(true);
    expect(meetsNeed('tools', ['desk'], [])).toBe(false);
    expect(meetsNeed('mentoring', ['mentoring'], [])).toBe(true);
  });
  it('stage: tool spaces for prototypes, incubators for companies', () => {
    expect(stageFit('prototype', 'fablab')).toBe(1);
    expect(stageFit('prototype', 'cn_investment_promotion')).toBe(0.4);
    expect(stageFit('growth', 'cn_investment_promotion')).toBe(1);
    expect(stageFit('idea', 'cn_professional_services')).toBe(0.75);
  });
  it('weights sum to one', () => {
    expect(Object.values(WEIGHTS).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });
});

describe('a hardware founder in Shenzhen on a small budget', () => {
  const lab = space({
    id: 'lab',
    type: 'fablab',
    price: 600,
    services: ['mentoring'],
    equipment: ['3d_printing'],
    index: 70,
    lat: 22.55,
    lon: 114.06,
  });
  const office = space({
    id: 'office',
    type: 'cn_coworking',
    price: 2500,
    services: ['desk', 'financing'],
    index: 90,
    lat: 22.54,
    lon: 114.05,
  });
  const far = space({
    id: 'far',
    type: 'fablab',
    price: 300,
    services: ['mentoring', 'tools'],
    lat: 23.13,
    lon: 113.26,
  }); // Guangzhou, ~100 km
  const closed = space({
    id: 'closed',
    type: 'fablab',
    status: 'closed',
    services: ['mentoring'],
    equipment: ['cnc'],
  });
  const unknownPrice = space({
    id: 'unknown',
    type: 'makerspace',
    price: null,
    services: ['tools'],
    lat: 22.6,
    lon: 114.1,
  });

  it('ranks the affordable lab with tools and mentors first and explains why', () => {
    const ranked = rankMatches([office, far, closed, lab, unknownPrice], hardwareFounder);
    expect(ranked.map((m) => m.candidate.id)).toEqual(['lab', 'unknown', 'office']);
    const top = ranked[0]!;
    const kinds = top.reasons.map((r) => r.kind).sort();
    expect(kinds).toEqual(['distance', 'index', 'needs', 'price', 'stage']);
    const needs = top.reasons.find((r) => r.kind === 'needs');
    expect(needs).toMatchObject({ covered: ['tools', 'mentoring'], missing: [], fit: 1 });
    const price = top.reasons.find((r) => r.kind === 'price');
    expect(price).toMatchObject({ price: 600, budget: 1000, fit: 1 });
    const dist = top.reasons.find((r) => r.kind === 'distance') as { km: number };
    expect(dist.km).toBeGreaterThan(0.5);
    expect(dist.km).toBeLessThan(1.5);
  });

  it('leaves out closed spaces and spaces beyond the radius', () => {
    expect(scoreCandidate(closed, hardwareFounder)).toBeNull();
    expect(scoreCandidate(far, hardwareFounder)).toBeNull();
    expect(scoreCandidate(far, { ...hardwareFounder, radiusKm: 150 })).not.toBeNull();
  });

  it('adds up the weighted fits into the score', () => {
    const m = scoreCandidate(office, hardwareFounder)!;
    const expected = 100 * m.reasons.reduce((s, r) => s + WEIGHTS[r.kind] * r.fit, 0);
    expect(m.score).toBeCloseTo(expected, 10);
    // over budget (2500 vs 1000) and missing both needs: a poor match despite the high index
    expect(m.reasons.find((r) => r.kind === 'price')?.fit).toBe(0);
    expect(m.score).toBeLessThan(scoreCandidate(lab, hardwareFounder)!.score / 2);
  });
});
