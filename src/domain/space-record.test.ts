import { describe, expect, it } from 'vitest';
import { Value } from 'typebox/value';
import { Space } from './space.js';
import { inputOf, newSpace } from './space-record.js';

const meta = { id: 'sp-1', at: '2026-01-02T03:04:05.000Z', source: 'csv:a.csv', actor: 'tester' };

describe('newSpace', () => {
  it('fills defaults and stamps provenance only on the fields the input set', () => {
    const s = newSpace(
      {
        nameZh: '柴火创客空间',
        type: 'cn_professional_services',
        status: 'active',
        countryCode: 'CN',
        profile: { members: 40 },
      },
      meta,
    );
    expect(Value.Check(Space, s)).toBe(true);
    expect(s.certification).toBe('none');
    expect(s.membershipPlans).toEqual([]);
    expect(Object.keys(s.provenance).sort()).toEqual([
      'countryCode',
      'nameZh',
      'profile.members',
      'status',
      'type',
    ]);
    expect(s.provenance['nameZh']).toEqual({ source: 'csv:a.csv', at: meta.at, actor: 'tester' });
  });

  it('round-trips through inputOf', () => {
    const input = {
      nameEn: 'Metalab',
      type: 'hackerspace' as const,
      status: 'active' as const,
      countryCode: 'AT',
      lat: 48.2,
      lon: 16.37,
      approximate: true,
      synthetic: false,
      certification: 'none' as const,
      equipment: ['3d_printing' as const],
    };
    expect(inputOf(newSpace(input, meta))).toEqual(input);
  });
});
