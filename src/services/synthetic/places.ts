// Where synthetic spaces go inside a province: prefecture-level units (and counties directly under the
// province) from the region table, weighted toward the capital and the big cities, as real maker
// spaces cluster where universities, capital and firms are.

/** The slice of a data/regions/cn-regions.json row the generator reads. */
export interface RegionRow {
  code: string;
  nameZh: string;
  nameEn?: string | null;
  level: 'province' | 'prefecture' | 'county';
  parent: string | null;
}

export interface PlaceUnit {
  /** GB/T 2260 code the space is filed under (a prefecture, or a county directly under the province). */
  code: string;
  provinceCode: string;
  /** City as written on an address, e.g. 苏州市, 北京市. */
  city: string;
  /** Short name used in fictional space names, e.g. 苏州. */
  shortZh: string;
  shortEn: string;
  weight: number;
}

/**
 * Sub-provincial cities (副省级城市) that are not capitals, and other large city economies: they get
 * more spaces than an ordinary prefecture. Capitals are recognised by code (xx0100).
 */
const BIG_CITIES = new Set([
  '440300', // 深圳
  '330200', // 宁波
  '370200', // 青岛
  '350200', // 厦门
  '210200', // 大连
  '320500', // 苏州
  '320200', // 无锡
  '440600', // 佛山
  '441900', // 东莞
  '350500', // 泉州
  '330300', // 温州
  '370600', // 烟台
  '130200', // 唐山
]);
const CAPITAL_WEIGHT = 8;
const BIG_CITY_WEIGHT = 5;
const PREFECTURE_WEIGHT = 1;
/** Counties directly under a province (仙桃, 济源, 五指山…) are small towns. */
const DIRECT_COUNTY_WEIGHT = 0.4;

const isCapital = (code: string): boolean => code.endsWith('0100');

/** Ethnic group names that appear in autonomous prefecture names; the place name is what precedes them. */
const ETHNIC = [
  '朝鲜族',
  '土家族',
  '苗族',
  '侗族',
  '布依族',
  '藏族',
  '羌族',
  '彝族',
  '哈尼族',
  '傣族',
  '白族',
  '景颇族',
  '傈僳族',
  '壮族',
  '回族',
  '蒙古',
  '哈萨克',
  '柯尔克孜',
];

/** 苏州市 → 苏州, 延边朝鲜族自治州 → 延边, 重庆市（县） → 重庆, 锡林郭勒盟 → 锡林郭勒. */
export const shortPlaceName = (nameZh: string): string => {
  let s = nameZh.replace(/[（(].*[）)]$/, '');
  for (const e of ETHNIC) {
    const at = s.indexOf(e);
    if (at >= 2) s = s.slice(0, at);
  }
  const stripped = s.replace(/(自治州|自治县|特别行政区|地区|林区|盟|市|县|区)$/, '');
  return stripped.length >= 2 ? stripped : s;
};

/** English short name: the table's English name without its administrative tail, else pinyin. */
export const shortPlaceNameEn = (row: RegionRow, pinyin: (zh: string) => string): string => {
  const en = row.nameEn
    ?.replace(/\s*\(.*\)$/, '')
    .replace(/\s+(Autonomous Prefecture|Prefecture|League|City|Shi)$/i, '');
  return en && en.length > 0 ? en : pinyin(shortPlaceName(row.nameZh));
};

/** Places per province code, from the region table. Provinces without rows get their own code as the only place. */
export const placeUnits = (
  regions: readonly RegionRow[],
  provinceCodes: readonly string[],
  pinyin: (zh: string) => string,
): Map<string, PlaceUnit[]> => {
  const byCode = new Map(regions.map((r) => [r.code, r]));
  const out = new Map<string, PlaceUnit[]>();
  for (const p of provinceCodes) out.set(p, []);
  for (const r of regions) {
    if (r.parent === null || !out.has(r.parent)) continue;
    if (r.level !== 'prefecture' && r.level !== 'county') continue;
    const weight =
      r.level === 'county'
        ? DIRECT_COUNTY_WEIGHT
        : isCapital(r.code)
          ? CAPITAL_WEIGHT
          : BIG_CITIES.has(r.code)
            ? BIG_CITY_WEIGHT
            : PREFECTURE_WEIGHT;
    (out.get(r.parent) as PlaceUnit[]).push({
      code: r.code,
      provinceCode: r.parent,
      city: r.nameZh.replace(/[（(].*[）)]$/, ''),
      shortZh: shortPlaceName(r.nameZh),
      shortEn: shortPlaceNameEn(r, pinyin),
      weight,
    });
  }
  for (const [p, units] of out) {
    if (units.length > 0) continue;
    const row = byCode.get(p);
    const nameZh = row?.nameZh ?? p;
    units.push({
      code: p,
      provinceCode: p,
      city: nameZh,
      shortZh: shortPlaceName(nameZh),
      shortEn: row ? shortPlaceNameEn(row, pinyin) : p,
      weight: 1,
    });
  }
  return out;
};

/** True for the big-city and capital units: they get higher prices in the membership plans. */
export const isMajorCity = (code: string): boolean => isCapital(code) || BIG_CITIES.has(code);
