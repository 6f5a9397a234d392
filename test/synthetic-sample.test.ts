// The synthetic sample on real inputs: province GDP from ../shared/data, the shipped region table and
// boundaries. Checks what the unit tests cannot (GDP proportionality on the real figures, points inside
// the real outlines, the space validator's verdict) and prints how long a full sample takes.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import type { SpaceInput } from '../src/domain/space.js';
import { validateSpace } from '../src/domain/validate-space.js';
import { loadGeoIndex } from '../src/io/geo-data.js';
import { loadStudySpaces } from '../src/services/seed-study.js';
import { generateCohorts } from '../src/services/synthetic/cohorts.js';
import { activeAtYearEnd, generateSynthetic } from '../src/services/synthetic/generate-spaces.js';
import { loadProvinceFactsCsv, loadSeats, syntheticInputsFromGeo } from '../src/services/synthetic/inputs.js';
import type { ProvinceFacts } from '../src/services/synthetic/plan.js';
import { SYNTHETIC_DEFAULT_N } from '../src/services/synthetic/plan.js';
import { generateReports } from '../src/services/synthetic/reports.js';
import { describeShared, sharedData } from './shared-data.js';

const CSV = 'cn-stats/cn_province_stats_derived.csv';

describeShared(CSV, 'synthetic sample on the real province facts and boundaries', () => {
  const strict = loadGeoIndex({ toleranceM: 0 });
  const validatorGeo = loadGeoIndex();
  let provinces: ProvinceFacts[];
  let spaces: SpaceInput[];
  const provinceOf = (s: SpaceInput) => `${(s.regionCode as string).slice(0, 2)}0000`;

  beforeAll(async () => {
    provinces = await loadProvinceFactsCsv(sharedData(CSV));
    const inputs = { ...syntheticInputsFromGeo(strict, loadSeats(strict)), provinces };
    const cpu = process.cpuUsage();
    const t0 = performance.now();
    spaces = generateSynthetic(SYNTHETIC_DEFAULT_N, { seed: 1, ...inputs });
    const t1 = performance.now();
    const reports = generateReports(spaces, { seed: 1 });
    const t2 = performance.now();
    const firms = generateCohorts(spaces, { seed: 1 });
    const t3 = performance.now();
    const used = process.cpuUsage(cpu);
    console.log(
      `synthetic sample: ${spaces.length} spaces ${(t1 - t0).toFixed(0)} ms (with real boundaries), ` +
        `${reports.length} reports ${(t2 - t1).toFixed(0)} ms, ${firms.length} cohort firms ${(t3 - t2).toFixed(0)} ms; ` +
        `total ${(t3 - t0).toFixed(0)} ms wall, ${((used.user + used.system) / 1000).toFixed(0)} ms CPU`,
    );
  });

  it('reads the same GDP as the shipped province facts', () => {
    const shipped = new Map(strict.provinceFacts.provinces.map((p) => [p.code, p.gdp2020]));
    expect(provinces.filter((p) => p.gdp2020 !== null)).toHaveLength(31);
    for (const p of provinces) expect(p.gdp2020, p.code).toBe(shipped.get(p.code) ?? null);
  });

  it('gives the other provinces their largest-remainder share of GDP in 2020', () => {
    const counts = new Map<string, number>();
    for (const s of spaces.filter((x) => activeAtYearEnd(x, 2020)))
      counts.set(provinceOf(s), (counts.get(provinceOf(s)) ?? 0) + 1);
    expect(counts.get('440000')).toBe(993);
    expect(counts.get('320000')).toBe(898);
    const rest = provinces.filter((p) => p.gdp2020 !== null && p.code !== '440000' && p.code !== '320000');
    const seats = 8507 - 993 - 898;
    const gdp = rest.reduce((a, p) => a + (p.gdp2020 as number), 0);
    // Hamilton's method written out: floors, then one more seat for the largest remainders.
    const quotas = rest.map((p) => ({ code: p.code, q: (seats * (p.gdp2020 as number)) / gdp }));
    const floors = quotas.reduce((a, x) => a + Math.floor(x.q), 0);
    const rounded = new Set(
      [...quotas]
        .sort((a, b) => (b.q % 1) - (a.q % 1))
        .slice(0, seats - floors)
        .map((x) => x.code),
    );
    for (const { code, q } of quotas)
      expect(counts.get(code), code).toBe(Math.floor(q) + (rounded.has(code) ? 1 : 0));
    // e.g. Zhejiang, with 62.9 % of Guangdong's GDP among the rest, and Tibet, the smallest
    expect(counts.get('330000')).toBeGreaterThan(counts.get('540000') as number);
  });

  it('puts every space inside its province and prefecture outline', () => {
    const outside = spaces.filter(
      (s) =>
        s.lat == null ||
        s.lon == null ||
        strict.provinceAt(s.lat, s.lon) !== provinceOf(s) ||
        !strict.isInRegion(s.lat, s.lon, s.regionCode as string),
    );
    expect(outside.map((s) => `${s.nameZh} ${s.regionCode} ${s.lat},${s.lon}`).slice(0, 5)).toEqual([]);
  });

  it('passes the space validator without errors or warnings, as do the study spaces', async () => {
    const ctx = { geo: validatorGeo, regions: validatorGeo.regions, today: '2026-01-01' };
    const issues = spaces.flatMap((s, i) => validateSpace(s, { ...ctx, where: { path: `/${i}` } }));
    expect(issues.slice(0, 5)).toEqual([]);
    const study = await loadStudySpaces();
    expect(study.flatMap((s, i) => validateSpace(s, { ...ctx, where: { path: `/${i}` } }))).toEqual([]);
  });

  it('reports bad province rows with file, row and field', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'provinces-'));
    const file = join(dir, 'p.csv');
    await writeFile(
      file,
      'adcode,name_zh,gdp_2020_100m_cny\n110000,北京市,36102.6\n12000,天津市,14083.7\n130000,河北省,lots\n',
    );
    await expect(loadProvinceFactsCsv(file)).rejects.toThrow(
      /p\.csv, row 3, field adcode: expected a six-digit province code/,
    );
    await expect(loadProvinceFactsCsv(file)).rejects.toThrow(
      /row 4, field gdp_2020_100m_cny: expected a positive number/,
    );
    await writeFile(file, 'code,gdp\n110000,1\n');
    await expect(loadProvinceFactsCsv(file)).rejects.toThrow(
      /row 1: missing column\(s\) adcode, name_zh, gdp_2020_100m_cny/,
    );
  });
});
