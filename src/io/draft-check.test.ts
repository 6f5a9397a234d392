import { describe, expect, it } from 'vitest';
import { finishDraft } from './draft-check.js';

const ok = { type: 'fablab', status: 'active', countryCode: 'CN' };

describe('finishDraft', () => {
  it('passes a valid draft through unchanged', () => {
    expect(finishDraft({ ...ok, nameZh: '上海新车间' }, { file: 'f' })).toEqual({
      draft: { ...ok, nameZh: '上海新车间' },
      issues: [],
    });
  });

  it('rejects a record with an over-long field and says by how much, never cutting it', () => {
    const r = finishDraft({ ...ok, nameEn: 'x'.repeat(1_048_576) }, { file: 'f.csv', row: 7 });
    expect(r.draft).toBeUndefined();
    expect(r.issues).toEqual([
      {
        severity: 'error',
        code: 'field.too_long',
        file: 'f.csv',
        row: 7,
        field: 'nameEn',
        message: 'nameEn: 1,048,576 characters, at most 300 allowed (values are never cut)',
      },
    ]);
  });

  it('drops a bad optional field with a warning under the "drop" policy, but never a required one', () => {
    const r = finishDraft(
      { ...ok, postcode: '12001, 04009, 15306, 08200' },
      { file: 'labs.json', path: '/3' },
      'drop',
    );
    expect(r.draft).toEqual(ok);
    expect(r.issues[0]).toMatchObject({
      severity: 'warning',
      code: 'field.too_long',
      path: '/3/postcode',
      field: 'postcode',
    });
    const bad = finishDraft({ ...ok, countryCode: 'Germany' }, { file: 'f' }, 'drop');
    expect(bad.draft).toBeUndefined();
    expect(bad.issues[0]).toMatchObject({ severity: 'error', field: 'countryCode' });
  });

  it('hints at swapped coordinates and names nested paths', () => {
    const r = finishDraft(
      {
        ...ok,
        lat: 121.47,
        lon: 31.23,
        membershipPlans: [{ name: 'm', amount: 1, currency: 'rmb', interval: 'month' }],
      },
      { file: 'f', path: '/0' },
    );
    const lat = r.issues.find((i) => i.field === 'lat')!;
    expect(lat.message).toBe(
      'lat: expected a number <= 90, found 121.47; lat and lon look swapped (latitude is at most ±90)',
    );
    const plan = r.issues.find((i) => i.field === 'membershipPlans')!;
    expect(plan.path).toBe('/0/membershipPlans/0/currency');
    expect(plan.message).toContain('membershipPlans.0.currency');
  });

  it('names unknown and missing fields', () => {
    const r = finishDraft({ type: 'fablab', colour: 'red' }, { file: 'f' });
    expect(r.issues.map((i) => [i.code, i.field]).sort()).toEqual([
      ['field.required', 'countryCode'],
      ['field.required', 'status'],
      ['field.unknown', 'colour'],
    ]);
  });
});
