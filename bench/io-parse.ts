// Import speed: 100,000 rows of our own CSV export (target: about 2 s or less to parse into
// validated drafts), with the bare CSV tokenisers on the same text as the baseline, and JSON and
// XLSX for comparison. Medians of 3 runs after a warm-up, process CPU time beside them.
//
//   npx tsx bench/io-parse.ts [rows]
import { parse as csvParse } from 'csv-parse/sync';
import Papa from 'papaparse';
import type { Space } from '../src/domain/space.js';
import { parseCsv } from '../src/io/parse-csv.js';
import { parseJson } from '../src/io/parse-json.js';
import { parseXlsx } from '../src/io/parse-xlsx.js';
import { writeCsv } from '../src/io/write-csv.js';
import { writeJson } from '../src/io/write-json.js';
import { writeXlsx } from '../src/io/write-xlsx.js';

const ROWS = Number(process.argv[2] ?? 100_000);
const CITIES = [
  ['上海', '310104', 31.19, 121.43],
  ['深圳', '440305', 22.53, 113.93],
  ['北京', '110108', 39.98, 116.3],
  ['杭州', '330106', 30.27, 120.12],
] as const;

/** A typical registry row: names, place, coordinates, one plan, a few tools and services, one link. */
const space = (i: number): Space => {
  const [city, region, lat, lon] = CITIES[i % CITIES.length]!;
  return {
    id: `sp${i}`,
    nameZh: `${city}创客空间${i}号`,
    nameEn: `Maker Space ${i}`,
    type: 'cn_coworking',
    status: i % 10 === 0 ? 'closed' : 'active',
    foundedOn: `${2010 + (i % 12)}-0${1 + (i % 9)}`,
    closedOn: null,
    countryCode: 'CN',
    regionCode: region,
    city,
    address: `${city}市某某路${i}号${i % 30}楼`,
    postcode: '200000',
    lat: lat + (i % 1000) / 10_000,
    lon: lon + (i % 997) / 10_000,
    approximate: false,
    operatorName: `${city}某某科技有限公司`,
    legalForm: 'company',
    ownership: 'private',
    areaM2: 500 + (i % 3000),
    workstations: 30 + (i % 200),
    membershipPlans: [{ name: '月卡', amount: 300 + (i % 500), currency: 'CNY', interval: 'month' }],
    equipment: ['3d_printing', 'laser_cutting'],
    services: ['desk', 'mentoring', 'events'],
    openingHours: 'Mo-Fr 09:00-18:00',
    links: [{ kind: 'website', url: `https://space${i}.example.cn` }],
    certification: i % 7 === 0 ? 'provincial' : 'none',
    certificationGrade: null,
    description: null,
    synthetic: true,
    profile: {},
    sources: [],
    provenance: {},
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
  };
};

const median = async (f: () => unknown, runs = 3): Promise<{ ms: number; cpu: number }> => {
  await f();
  const times: number[] = [];
  const c0 = process.cpuUsage();
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await f();
    times.push(performance.now() - t);
  }
  const c = process.cpuUsage(c0);
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(runs / 2)]!, cpu: (c.user + c.system) / 1000 / runs };
};

const line = (label: string, r: { ms: number; cpu: number }, base?: number): void =>
  console.log(
    `${label.padEnd(52)} ${r.ms.toFixed(0).padStart(7)} ms   cpu ${r.cpu.toFixed(0).padStart(6)} ms${base ? `   ×${(r.ms / base).toFixed(2)} of baseline` : ''}`,
  );

const spaces = Array.from({ length: ROWS }, (_, i) => space(i));
const csv = await writeCsv(spaces);
const text = new TextDecoder().decode(csv);
console.log(`${ROWS.toLocaleString('en')} rows, CSV ${(csv.length / 1e6).toFixed(1)} MB`);

const papa = await median(() => Papa.parse(text, { skipEmptyLines: false }));
line('baseline: papaparse tokenising only', papa);
line(
  'csv-parse tokenising only (for reference)',
  await median(() => csvParse(text, { relax_column_count: true }), 1),
  papa.ms,
);
const full = await median(() => {
  const r = parseCsv(csv, { file: 'bench.csv' });
  if (r.records.length !== ROWS || r.issues.length)
    throw new Error(`unexpected result: ${r.records.length} records, ${r.issues.length} issues`);
});
line('parseCsv: decode + tokenise + drafts + schema check', full, papa.ms);

const json = await writeJson(spaces);
line(
  `parseJson (${(json.length / 1e6).toFixed(1)} MB)`,
  await median(() => parseJson(json, { file: 'bench.json' })),
  papa.ms,
);

const xlsxRows = Math.min(ROWS, 20_000);
const xlsx = await writeXlsx(spaces.slice(0, xlsxRows));
line(
  `parseXlsx, ${xlsxRows.toLocaleString('en')} rows (${(xlsx.length / 1e6).toFixed(1)} MB)`,
  await median(() => parseXlsx(xlsx, { file: 'bench.xlsx' }), 1),
);
line(`writeCsv, ${ROWS.toLocaleString('en')} rows`, await median(() => writeCsv(spaces), 1));
