import { describe, expect, it } from 'vitest';
import { Value } from 'typebox/value';
import { SpaceInput } from './space.js';

describe('SpaceInput schema', () => {
  const ok = { nameZh: '上海新车间', type: 'cn_professional_services', status: 'active', countryCode: 'CN' };
  it('accepts a minimal Chinese record', () => {
    expect(Value.Check(SpaceInput, ok)).toBe(true);
  });
  it('rejects a bad currency and an unknown field', () => {
    const plan = { name: 'm', amount: 1, currency: 'rmb', interval: 'month' };
    expect(Value.Check(SpaceInput, { ...ok, membershipPlans: [plan] })).toBe(false);
    expect(Value.Check(SpaceInput, { ...ok, colour: 'red' })).toBe(false);
  });
  it('accepts partial founding dates and rejects impossible months', () => {
    expect(Value.Check(SpaceInput, { ...ok, foundedOn: '1981' })).toBe(true);
    expect(Value.Check(SpaceInput, { ...ok, foundedOn: '2010-13' })).toBe(false);
  });
});

// Compile-time check that derived types keep their literal unions.
const _t: import('./space.js').SpaceInput['type'] = 'fablab';
void _t;
