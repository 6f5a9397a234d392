import { describe, expect, it } from 'vitest';
import { applyTransform, checkMapping, parseMapping } from './mapping.js';

const bytes = (v: unknown): Uint8Array =>
  new TextEncoder().encode(typeof v === 'string' ? v : JSON.stringify(v));

describe('column mapping file', () => {
  it('accepts a full mapping', () => {
    const m = {
      columns: { 名称: 'nameZh', 城市: 'city', 面积: 'areaM2', 备注: 'profile.note', 无用: '' },
      defaults: { countryCode: 'CN', type: 'cn_coworking', status: 'active' },
      transform: { areaM2: { scale: 0.09290304 } },
    };
    expect(parseMapping(bytes(m), 'm.json')).toEqual({ mapping: m, issues: [] });
  });

  it('reports each mistake with a JSON Pointer into the mapping file', () => {
    const r = checkMapping(
      {
        columns: { 名称: 'name', 城市: 'city', 市: 'city' },
        defaults: { countryCode: 'China', colour: 'red' },
        transform: { nope: { trim: true } },
      },
      'm.json',
    );
    expect(r.mapping).toBeUndefined();
    const byPath = Object.fromEntries(r.issues.map((i) => [i.path, i.message]));
    expect(byPath['/columns/名称']).toMatch(/unknown target field "name" \(did you mean "nameZh"\?\)/);
    expect(byPath['/columns/市']).toContain('both map to "city"');
    expect(byPath['/defaults/countryCode']).toContain('not a valid countryCode');
    expect(byPath['/defaults/colour']).toContain('unknown field');
    expect(byPath['/transform/nope']).toContain('unknown field');
    expect(
      r.issues.every((i) => i.severity === 'error' && i.code === 'mapping.invalid' && i.file === 'm.json'),
    ).toBe(true);
  });

  it('rejects wrong shapes and broken JSON', () => {
    expect(parseMapping(bytes('{"columns": '), 'm.json').issues[0]!.message).toContain(
      'not valid UTF-8 JSON',
    );
    expect(checkMapping({ cols: {} }, 'm.json').issues.length).toBeGreaterThan(0);
    expect(checkMapping({ columns: { a: 5 } }, 'm.json').issues[0]!.path).toBe('/columns/a');
    expect(
      checkMapping({ columns: {}, transform: { areaM2: { scale: -1 } } }, 'm.json').issues[0]!.path,
    ).toBe('/transform/areaM2/scale');
  });
});

describe('transforms', () => {
  it('trim, map values, split lists, scale numbers and reorder dates', () => {
    expect(applyTransform('  运营中 ', 'status', { map: { 运营中: 'active' } }, true)).toBe('active');
    expect(
      applyTransform(
        '3D打印、激光切割',
        'equipment',
        { split: '、', map: { '3D打印': '3d_printing', 激光切割: 'laser_cutting' } },
        true,
      ),
    ).toBe('3d_printing;laser_cutting');
    expect(applyTransform('1000', 'areaM2', { scale: 0.5 }, true)).toBe('500');
    expect(applyTransform('31/12/2015', 'foundedOn', { date: 'DMY' }, true)).toBe('2015-12-31');
    expect(applyTransform('12/31/2015', 'foundedOn', { date: 'MDY' }, true)).toBe('2015-12-31');
    expect(applyTransform('2015年3月8日', 'foundedOn', { date: 'YMD' }, true)).toBe('2015-03-08');
    expect(applyTransform('cn', 'countryCode', { case: 'upper' }, true)).toBe('CN');
    expect(applyTransform(' x ', 'city', undefined, false)).toBe(' x ');
  });
});
