import { Compile } from 'typebox/compile';
import { beforeAll, describe, expect, it } from 'vitest';
import { CohortFirm } from '../../domain/cohort.js';
import type { SpaceInput } from '../../domain/space.js';
import { repoProvinces, repoRegions, stubPointIn } from '../../../test/synthetic-fixtures.js';
import { generateCohorts } from './cohorts.js';
import { dayOfIso } from './dates.js';
import { generateSynthetic } from './generate-spaces.js';
import { SYNTHETIC_DEFAULT_N } from './plan.js';

const checkFirm = Compile(CohortFirm);
const AS_OF = '2020-12-31';

/** Kaplan–Meier survival at `days` after entry; only `closed` is a failure, every other exit is censored. */
const survivalAt = (firms: readonly CohortFirm[], days: number): number => {
  const obs = firms.map((f) => ({
    t: dayOfIso(f.exitedOn ?? AS_OF) - dayOfIso(f.enteredOn),
    failed: f.exitKind === 'closed',
  }));
  obs.sort((a, b) => a.t - b.t);
  let atRisk = obs.length;
  let s = 1;
  let i = 0;
  while (i < obs.length && (obs[i] as { t: number }).t <= days) {
    const t = (obs[i] as { t: number }).t;
    let deaths = 0;
    let leaving = 0;
    while (i < obs.length && (obs[i] as { t: number }).t === t) {
      if ((obs[i] as { failed: boolean }).failed) deaths++;
      leaving++;
      i++;
    }
    s *= 1 - deaths / atRisk;
    atRisk -= leaving;
  }
  return s;
};

describe('generateCohorts', () => {
  let spaces: SpaceInput[];
  let firms: CohortFirm[];
  beforeAll(() => {
    spaces = generateSynthetic(SYNTHETIC_DEFAULT_N, {
      seed: 1,
      provinces: repoProvinces(),
      regions: repoRegions(),
      pointIn: stubPointIn(),
    });
    firms = generateCohorts(spaces, { seed: 1 });
  });

  it('makes valid firms with unique ids, entering 2016–2020 while their space is open', () => {
    expect(firms.length).toBeGreaterThan(50_000);
    const bySpace = new Map(spaces.map((s) => [s.sources?.[0]?.sourceId as string, s]));
    const bad: string[] = [];
    for (const f of firms) {
      const space = bySpace.get(f.spaceId);
      if (!checkFirm.Check(f as unknown)) bad.push(`${f.id}: schema`);
      if (!space) bad.push(`${f.id}: unknown space`);
      else {
        if (f.enteredOn < (space.foundedOn as string)) bad.push(`${f.id}: entered before the space opened`);
        if (space.closedOn && f.enteredOn >= space.closedOn)
          bad.push(`${f.id}: entered after the space closed`);
        if (space.closedOn && f.exitedOn && f.exitedOn > space.closedOn)
          bad.push(`${f.id}: left after the space closed`);
      }
      if (f.enteredOn < '2016-01-01' || f.enteredOn > AS_OF) bad.push(`${f.id}: entry year`);
      if ((f.exitKind === 'resident') !== (f.exitedOn === null)) bad.push(`${f.id}: resident ⇔ no exit date`);
      if (f.exitedOn && (f.exitedOn <= f.enteredOn || f.exitedOn > AS_OF)) bad.push(`${f.id}: exit date`);
      if (!f.synthetic) bad.push(`${f.id}: not flagged synthetic`);
    }
    expect(bad.slice(0, 5)).toEqual([]);
    expect(new Set(firms.map((f) => f.id)).size).toBe(firms.length);
  });

  it('has every kind of exit', () => {
    const kinds = new Set(firms.map((f) => f.exitKind));
    expect([...kinds].sort()).toEqual(['acquired', 'closed', 'graduated', 'moved', 'resident']);
  });

  it('gives a national two-year survival between 60 % and 80 %', () => {
    const s2 = survivalAt(firms, 730);
    expect(s2).toBeGreaterThan(0.6);
    expect(s2).toBeLessThan(0.8);
  });

  it('lets survival vary with the quality of the space', () => {
    const quality = new Map(
      spaces.map((s) => [s.sources?.[0]?.sourceId as string, s.profile?.['syntheticQuality'] as number]),
    );
    const q = (f: CohortFirm) => quality.get(f.spaceId) as number;
    const top = firms.filter((f) => q(f) > 0.67);
    const bottom = firms.filter((f) => q(f) < -0.67);
    expect(survivalAt(top, 730) - survivalAt(bottom, 730)).toBeGreaterThan(0.1);
    // and between single spaces: the middle 80 % of spaces with enough firms spans more than 15 points
    const perSpace = new Map<string, CohortFirm[]>();
    for (const f of firms) perSpace.set(f.spaceId, [...(perSpace.get(f.spaceId) ?? []), f]);
    const rates = [...perSpace.values()].filter((fs) => fs.length >= 30).map((fs) => survivalAt(fs, 730));
    rates.sort((a, b) => a - b);
    const p10 = rates[Math.floor(rates.length * 0.1)] as number;
    const p90 = rates[Math.floor(rates.length * 0.9)] as number;
    expect(p90 - p10).toBeGreaterThan(0.15);
  });

  it('is deterministic for a seed and maps ids', () => {
    const few = spaces.slice(0, 300);
    expect(generateCohorts(few, { seed: 1 })).toEqual(
      firms.filter((f) => few.some((s) => s.sources?.[0]?.sourceId === f.spaceId)),
    );
    const mapped = generateCohorts(few, { seed: 1, idOf: (_, i) => `space-${i}` });
    expect(mapped.every((f) => f.spaceId.startsWith('space-') && f.id.startsWith(`${f.spaceId}-f`))).toBe(
      true,
    );
    expect(generateCohorts(few, { seed: 2 })).not.toEqual(generateCohorts(few, { seed: 1 }));
  });
});
