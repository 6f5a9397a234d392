import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Value } from 'typebox/value';
import { SpaceInput } from '../domain/space.js';
import { CHINESE_TYPES } from '../domain/taxonomy.js';
import { loadStudySpaces, parseStudySpaces, StudySpacesError } from './seed-study.js';

// Every space the study names, with the type the study's tables give it.
const TABLE_1: Record<string, (typeof CHINESE_TYPES)[number]> = {
  北京创客空间: 'cn_professional_services',
  上海新车间: 'cn_professional_services',
  深圳柴火空间: 'cn_professional_services',
  '清华x-lab': 'cn_training_mentoring',
  北大创业孵化营: 'cn_training_mentoring',
  亚杰汇: 'cn_training_mentoring',
  '36氪': 'cn_media_extension',
  创业家: 'cn_media_extension',
  创业邦: 'cn_media_extension',
  车库咖啡: 'cn_investment_promotion',
  Binggo咖啡: 'cn_investment_promotion',
  天使汇: 'cn_investment_promotion',
  'SOHO 3Q': 'cn_coworking',
  优客工场: 'cn_coworking',
  创业公社: 'cn_integrated_ecosystem',
  科技寺: 'cn_integrated_ecosystem',
  融创空间: 'cn_integrated_ecosystem',
};
const TABLE_2: Record<string, { year: string; country: string }> = {
  TechShop: { year: '2006', country: 'US' },
  'Fab Lab': { year: '2001', country: 'US' },
  'Access Space': { year: '2000', country: 'GB' },
  Metalab: { year: '2006', country: 'AT' },
  'Y Combinator': { year: '2005', country: 'US' },
  'Plug and Play': { year: '2006', country: 'US' },
  WeWork: { year: '2011', country: 'US' },
  'Chaos Computer Club': { year: '1981', country: 'DE' },
};

const spaces = await loadStudySpaces();
const byZh = new Map(spaces.map((s) => [s.nameZh, s]));
const byEn = new Map(spaces.map((s) => [s.nameEn, s]));
const plans = (en: string) =>
  (byEn.get(en)?.membershipPlans ?? []).map((p) => `${p.amount} ${p.currency}/${p.interval}`);

describe('the seed study spaces', () => {
  it('holds exactly the spaces the study names, each valid and not synthetic', () => {
    expect(spaces).toHaveLength(Object.keys(TABLE_1).length + Object.keys(TABLE_2).length);
    for (const s of spaces) {
      expect(Value.Check(SpaceInput, s)).toBe(true);
      expect(s.synthetic).toBe(false);
    }
  });

  it('gives the Chinese examples of Table 1 their model, China and a seed-study source', () => {
    for (const [zh, type] of Object.entries(TABLE_1)) {
      const s = byZh.get(zh);
      expect(s, zh).toBeDefined();
      expect(s?.type).toBe(type);
      expect(s?.countryCode).toBe('CN');
      expect(s?.sources?.[0]?.source).toBe('seed-study');
      expect(s?.description).toBeTruthy();
    }
  });

  it('dates 上海新车间 to 2010-10-01 and gives city-level places only where the name implies them', () => {
    expect(byZh.get('上海新车间')?.foundedOn).toBe('2010-10-01');
    expect(byZh.get('深圳柴火空间')).toMatchObject({ regionCode: '440300', approximate: true });
    expect(byZh.get('清华x-lab')?.regionCode).toBe('110108');
    // The study says nothing about where 36氪 is: nothing is invented.
    expect(byZh.get('36氪')).toMatchObject({ regionCode: null, lat: null, lon: null });
    for (const s of spaces) {
      expect(s.lat === null || s.lat === undefined || s.approximate === true).toBe(true);
    }
  });

  it('gives the foreign cases of Table 2 their founding year, country and fees', () => {
    for (const [en, { year, country }] of Object.entries(TABLE_2)) {
      const s = byEn.get(en);
      expect(s, en).toBeDefined();
      expect(s?.foundedOn).toBe(year);
      expect(s?.countryCode).toBe(country);
    }
    expect(plans('TechShop')).toEqual(['150 USD/month', '95 USD/month']);
    expect(plans('Access Space')).toEqual(['1 GBP/month', '3 GBP/month', '10 GBP/month']);
    expect(plans('WeWork')).toEqual(['450 USD/month']);
    expect(byEn.get('TechShop')?.profile).toMatchObject({ courseFeeUsdMin: 50, courseFeeUsdMax: 150 });
    expect(byEn.get('Chaos Computer Club')).toMatchObject({ city: 'Berlin', nameZh: '混沌电脑俱乐部' });
  });

  it('uses unique, stable source ids', () => {
    const ids = spaces.map((s) => s.sources?.[0]?.sourceId);
    expect(new Set(ids).size).toBe(spaces.length);
    expect(ids).toContain('xinchejian');
  });
});

describe('loadStudySpaces on bad input', () => {
  const ok = { nameZh: '甲', type: 'cn_coworking', status: 'active', countryCode: 'CN' };
  const src = (id: string) => [{ source: 'seed-study', sourceId: id }];

  it('names the file, the index and the field of an invalid record', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'study-'));
    const file = join(dir, 'spaces.json');
    await writeFile(
      file,
      JSON.stringify([
        { ...ok, sources: src('a') },
        { ...ok, lat: 200, sources: src('b') },
      ]),
    );
    await expect(loadStudySpaces(file)).rejects.toThrow(
      /spaces\.json: \/1 is not a valid SpaceInput: \/lat must be <= 90/,
    );
  });

  it('rejects non-arrays, bad JSON, duplicate and missing source ids', async () => {
    expect(() => parseStudySpaces({}, 'f.json')).toThrow(StudySpacesError);
    expect(() =>
      parseStudySpaces(
        [
          { ...ok, sources: src('a') },
          { ...ok, sources: src('a') },
        ],
        'f.json',
      ),
    ).toThrow("f.json: /1 repeats seed-study sourceId 'a' of /0");
    expect(() => parseStudySpaces([ok], 'f.json')).toThrow(/\/0\/sources must hold exactly one/);
    const dir = await mkdtemp(join(tmpdir(), 'study-'));
    await writeFile(join(dir, 'bad.json'), '[{');
    await expect(loadStudySpaces(join(dir, 'bad.json'))).rejects.toThrow(/bad\.json: not valid JSON/);
  });
});
