/**
 * Measures the place checks at import scale: `npx tsx scripts/measure-geo.ts [n=100000]`.
 * Points: the province capitals and the centroids of all prefectures (real places, coast-heavy), each jittered
 * by up to ±2 km, so the caches see a realistic spread rather than one repeated point. Prints milliseconds.
 */
import { loadGeoIndex } from '../src/io/geo-data.js';
import { validateSpace } from '../src/domain/validate-space.js';
import { findDuplicates, type DedupeFields } from '../src/domain/dedupe.js';
import type { SpaceInput } from '../src/domain/space.js';

const n = Number(process.argv[2] ?? 100_000);
/** Wall time and this process's CPU time: on a busy machine the CPU figure is the one to compare. */
const time = <T>(label: string, fn: () => T): T => {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const out = fn();
  const cpu = process.cpuUsage(c0);
  const wall = performance.now() - t0;
  console.log(`${label}: ${wall.toFixed(0)} ms wall, ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms CPU`);
  return out;
};

const geo = time('load GeoIndex (3 boundary files, region table)', () => loadGeoIndex());
let seed = 42;
const rnd = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647;

// Real anchor points: province capitals plus a sample of world cities (fablabs-like spread).
const anchors: [number, number, string][] = geo.provinceFacts.provinces
  .filter((p) => p.capital)
  .map((p) => [p.capital!.coordinates[1], p.capital!.coordinates[0], 'CN']);
anchors.push(
  [52.52, 13.405, 'DE'],
  [48.8566, 2.3522, 'FR'],
  [40.7128, -74.006, 'US'],
  [37.7749, -122.4194, 'US'],
  [45.4642, 9.19, 'IT'],
  [-23.5505, -46.6333, 'BR'],
  [19.076, 72.8777, 'IN'],
  [35.6762, 139.6503, 'JP'],
  [51.5072, -0.1276, 'GB'],
  [41.3874, 2.1686, 'ES'],
  [22.2866, 114.1506, 'HK'],
  [1.2903, 103.8519, 'SG'],
  [55.7558, 37.6173, 'RU'],
  [-33.8688, 151.2093, 'AU'],
  [43.6532, -79.3832, 'CA'],
  [25.033, 121.5654, 'TW'],
);
const points = Array.from({ length: n }, (_, i) => {
  const [lat, lon, cc] = anchors[i % anchors.length]!;
  return [lat + (rnd() - 0.5) * 0.036, lon + (rnd() - 0.5) * 0.036, cc] as const;
});

time(`isInCountry × ${n}`, () => points.filter(([la, lo, cc]) => geo.isInCountry(la, lo, cc)).length);
time(`countryAt × ${n}`, () => points.filter(([la, lo]) => geo.countryAt(la, lo)).length);
time(`provinceAt × ${n}`, () => points.filter(([la, lo]) => geo.provinceAt(la, lo)).length);

const drafts: SpaceInput[] = points.map(([lat, lon, cc], i) => ({
  nameEn: `Space ${i % 5000}`,
  type: 'makerspace',
  status: 'active',
  countryCode: cc,
  lat,
  lon,
  ...(cc === 'CN' ? { regionCode: geo.provinceAt(lat, lon) ?? null } : {}),
}));
const issues = time(`validateSpace × ${n}`, () =>
  drafts.reduce((k, d) => k + validateSpace(d, { geo, regions: geo.regions, today: '2025-06-01' }).length, 0),
);
console.log(`  (${issues} issues)`);
const records: DedupeFields[] = drafts;
const pairs = time(`findDuplicates × ${n} (5,000 shared names)`, () => findDuplicates(records));
console.log(`  (${pairs.length} pairs)`);
