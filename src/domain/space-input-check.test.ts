import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isSpaceInput, spaceInputValidator } from './space-input-check.js';

const studyDrafts = JSON.parse(
  readFileSync(new URL('../../data/seed/study-spaces.json', import.meta.url), 'utf8'),
) as Record<string, unknown>[];

const full: Record<string, unknown> = {
  nameZh: '柴火创客空间',
  nameEn: 'Chaihuo Makerspace',
  type: 'cn_integrated_ecosystem',
  status: 'active',
  foundedOn: '2011-06',
  countryCode: 'CN',
  regionCode: '440300',
  lat: 22.54,
  lon: 113.94,
  membershipPlans: [{ name: '会员', amount: 100, currency: 'CNY', interval: 'month' }],
  equipment: ['3d_printing', 'electronics'],
  services: ['desk', 'mentoring', 'events'],
  links: [{ kind: 'website', url: 'https://chaihuo.org' }],
  profile: { members: 120, open: true, note: null },
  sources: [{ source: 'csv', sourceId: 'row-1' }],
};

/** Variants of a valid draft, each breaking (or not) one rule. */
const variants = (d: Record<string, unknown>): unknown[] => {
  const hidden = { ...d };
  Object.defineProperty(hidden, 'secret', { value: 1, enumerable: false });
  return [
    d,
    { ...d, colour: 'red' },
    { ...d, equipment: ['cnc', 'cnc'] },
    { ...d, services: ['desk', 'tools', 'desk'] },
    { ...d, services: [] },
    { ...d, equipment: ['cnc', 'laser'] },
    { ...d, membershipPlans: [{ name: 'm', amount: 1, currency: 'CNY', interval: 'month', extra: 1 }] },
    { ...d, sources: [{ source: 'csv', sourceId: 'x', other: 'y' }] },
    {
      ...d,
      links: [
        { kind: 'website', url: 'https://a' },
        { kind: 'website', url: 'https://a' },
      ],
    },
    { ...d, profile: { nested: { a: 1 } } },
    { ...d, lat: 'north' },
    { ...d, type: undefined },
    hidden,
    Object.assign(Object.create({ inherited: 1 }), d),
  ];
};

describe('isSpaceInput', () => {
  it('agrees with the full compiled schema on valid drafts and on every kind of violation', () => {
    const cases = [full, ...studyDrafts].flatMap(variants);
    cases.push(null, undefined, 1, 'x', [], [full], {});
    let accepted = 0;
    for (const c of cases) {
      const expected = spaceInputValidator.Check(c);
      expect(isSpaceInput(c), JSON.stringify(c)).toBe(expected);
      if (expected) accepted++;
    }
    // Both outcomes are exercised: the study's records and their harmless variants pass, the rest fail.
    expect(accepted).toBeGreaterThan(studyDrafts.length);
    expect(cases.length - accepted).toBeGreaterThan(studyDrafts.length * 8);
  });
});
