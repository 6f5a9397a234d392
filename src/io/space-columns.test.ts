import { describe, expect, it } from 'vitest';
import { SpaceInput } from '../domain/space.js';
import { decodeCell, encodeCell, FIELD_KINDS, SPACE_COLUMNS, SPACE_FIELDS } from './space-columns.js';

describe('our columns', () => {
  it('have one column per SpaceInput field, plus id and timestamps', () => {
    expect(new Set(SPACE_FIELDS)).toEqual(new Set(Object.keys(SpaceInput.properties)));
    expect(Object.keys(FIELD_KINDS)).toHaveLength(Object.keys(SpaceInput.properties).length);
    expect(SPACE_COLUMNS[0]).toBe('id');
    expect(SPACE_COLUMNS.slice(-2)).toEqual(['createdAt', 'updatedAt']);
  });

  it('explain a bad cell the way a person would fix it', () => {
    expect(decodeCell('lat', '北纬22度')).toEqual({
      ok: false,
      expected: 'expected a number, found "北纬22度"',
    });
    expect(decodeCell('workstations', '2.5')).toMatchObject({
      ok: false,
      expected: 'expected a whole number, found "2.5"',
    });
    expect(decodeCell('approximate', 'yes')).toMatchObject({ ok: false });
    expect(decodeCell('type', 'makerspac')).toMatchObject({
      ok: false,
      expected: expect.stringContaining('one of'),
    });
    expect(decodeCell('equipment', '3d_printing;lasers')).toMatchObject({
      ok: false,
      expected: expect.stringContaining('"lasers"'),
    });
    expect(decodeCell('membershipPlans', 'Monthly|abc|CNY|month')).toMatchObject({
      ok: false,
      expected: expect.stringContaining('plan 1'),
    });
    expect(decodeCell('membershipPlans', 'Monthly|30|CNY|fortnight')).toMatchObject({
      ok: false,
      expected: expect.stringContaining('interval'),
    });
    expect(decodeCell('profile', '{bad json')).toMatchObject({ ok: false });
    expect(decodeCell('profile', '{"a":{"nested":1}}')).toMatchObject({ ok: false });
  });

  it('read empty cells as null, empty lists or absent', () => {
    expect(decodeCell('city', '')).toEqual({ ok: true, value: null });
    expect(decodeCell('equipment', '')).toEqual({ ok: true, value: [] });
    expect(decodeCell('profile', '')).toEqual({ ok: true, value: {} });
    expect(decodeCell('approximate', '')).toEqual({ ok: true, absent: true });
    expect(decodeCell('legalForm', '')).toEqual({ ok: true, value: null });
  });

  it('accept a bare URL in the links column and classify it', () => {
    expect(decodeCell('links', 'https://weibo.com/x;mailto:a@b.cn;website|https://a.cn')).toEqual({
      ok: true,
      value: [
        { kind: 'social', url: 'https://weibo.com/x' },
        { kind: 'email', url: 'mailto:a@b.cn' },
        { kind: 'website', url: 'https://a.cn' },
      ],
    });
  });

  it('write numbers in their shortest exact form', () => {
    expect(encodeCell('lat', 31.230416)).toBe('31.230416');
    expect(decodeCell('lat', encodeCell('lat', 0.1 + 0.2))).toEqual({ ok: true, value: 0.1 + 0.2 });
    expect(encodeCell('sources', [{ source: 's', sourceId: 'i' }])).toBe('s|i');
  });
});
