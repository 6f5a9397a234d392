// Source importers on the real files in ../shared/data, with the counts they give and why, plus
// malformed input for each source format.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { InputIssue } from '../src/domain/issue.js';
import type { ImportResult } from '../src/io/import-types.js';
import { parseFablabs } from '../src/io/parse-fablabs.js';
import { hackerspaceFounded, parseHackerspaces } from '../src/io/parse-hackerspaces.js';
import { parseNesta } from '../src/io/parse-nesta.js';
import { describeShared, sharedData } from './shared-data.js';

const count = (items: string[]): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const i of items) out[i] = (out[i] ?? 0) + 1;
  return out;
};
const codes = (issues: InputIssue[]) => count(issues.map((i) => `${i.severity} ${i.code}`));
const top = (r: ImportResult, key: (d: ImportResult['records'][number]['draft']) => string, n: number) =>
  Object.entries(count(r.records.map((x) => key(x.draft))))
    .sort((a, b) => b[1] - a[1])
    .slice(0, n);

describeShared('fablabs-io-2024', 'fablabs.io, Open Know-Where derivative (real file)', () => {
  const r = parseFablabs(readFileSync(sharedData('fablabs-io-2024/preliminary_iop_okw_fac_source_01.json')), {
    file: 'preliminary_iop_okw_fac_source_01.json',
  });

  it('imports all 2,237 labs; 2,036 have coordinates (as PROVENANCE.md says)', () => {
    expect(r.records).toHaveLength(2237);
    expect(r.records.filter((x) => x.draft.lat !== undefined)).toHaveLength(2036);
    expect(top(r, (d) => d.countryCode, 8)).toEqual([
      ['FR', 259],
      ['US', 240],
      ['IT', 169],
      ['BR', 155],
      ['DE', 80],
      ['ES', 76],
      ['IN', 70],
      ['CN', 55],
    ]);
    expect(
      r.records.every(
        (x) => x.draft.type === 'fablab' && x.draft.status === 'active' && x.source.source === 'fablabs.io',
      ),
    ).toBe(true);
  });

  it('drops four over-long postcodes (lists of codes, a PO box) with warnings instead of cutting them', () => {
    expect(codes(r.issues)).toEqual({ 'warning field.too_long': 4 });
    expect(r.issues.every((i) => i.field === 'postcode' && i.path?.endsWith('/postcode'))).toBe(true);
  });

  it('keys records by slug', () => {
    const zagreb = r.records.find((x) => x.source.sourceId === 'fablabhr')!;
    expect(zagreb.draft).toMatchObject({
      nameEn: 'FabLab Zagreb',
      countryCode: 'HR',
      city: 'Zagreb',
      links: [{ kind: 'fablabs', url: 'https://www.fablabs.io/labs/fablabhr' }],
    });
  });
});

describe('fablabs.io API shape (/0/labs.json)', () => {
  const r = parseFablabs(readFileSync(join(import.meta.dirname, 'io-fixtures', 'fablabs-api.json')), {
    file: 'labs.json',
  });
  const bySlug = Object.fromEntries(r.records.map((x) => [x.source.sourceId, x.draft]));

  it('maps capabilities to equipment, activity_status to status, and links', () => {
    expect(bySlug['fablabexample']).toMatchObject({
      nameEn: 'Fab Lab Example',
      countryCode: 'ES',
      address: '1 Example Street, Unit 4',
      postcode: '08005',
      status: 'active',
      equipment: ['3d_printing', 'cnc', 'electronics', 'laser_cutting', 'vinyl_cutting'],
      description: 'Open every weekday; laser, CNC and electronics.',
      profile: {
        'fablabs.kind': 'fab_lab',
        'fablabs.id': 101,
        blurb: 'A community fab lab.',
        county: 'Catalunya',
      },
    });
    expect(bySlug['fablabexample']!.links).toEqual([
      { kind: 'fablabs', url: 'https://www.fablabs.io/labs/fablabexample' },
      { kind: 'website', url: 'https://fablabexample.org' },
      { kind: 'social', url: 'https://twitter.com/fablabexample' },
      { kind: 'email', url: 'mailto:info@fablabexample.org' },
      { kind: 'phone', url: 'tel:+34930000000' },
    ]);
    expect(bySlug['szexample']).toMatchObject({
      nameZh: '深圳示例微观装配实验室',
      status: 'planned',
      lat: 22.54,
      lon: 113.93,
      equipment: ['3d_printing', 'laser_cutting'],
    });
    expect(bySlug['closedlab']).toMatchObject({ status: 'closed' });
    expect(bySlug['closedlab']).not.toHaveProperty('lat');
    expect(bySlug['covidlab']).toMatchObject({ status: 'active' });
    expect(bySlug['plannedkind']).toMatchObject({ status: 'planned' });
  });

  it('reports what it could not use', () => {
    expect(r.records).toHaveLength(5);
    expect(r.issues.map((i) => [i.severity, i.code, i.path])).toEqual([
      ['warning', 'capability.unknown', '/1'],
      ['warning', 'location.none', '/2'],
      ['warning', 'status.unknown', '/3'],
      ['error', 'fablabs.no_slug', '/6'],
      ['error', 'field.required', '/7/countryCode'],
      ['error', 'fablabs.shape', '/8'],
      ['warning', 'duplicate.source_id', '/5'],
    ]);
  });

  it('stops truncated or GBK-encoded files', () => {
    const bytes = readFileSync(join(import.meta.dirname, 'io-fixtures', 'fablabs-api.json'));
    expect(parseFablabs(bytes.subarray(0, 400), { file: 'cut.json' })).toEqual({
      records: [],
      issues: [expect.objectContaining({ code: 'input.truncated' })],
    });
    const gbk = new Uint8Array(iconv.encode(bytes.toString('utf8'), 'gbk'));
    expect(parseFablabs(gbk, { file: 'gbk.json' }).issues[0]!.code).toBe('encoding.not_utf8');
    expect(parseFablabs(new TextEncoder().encode('{"labs": 5}'), { file: 'x.json' }).issues[0]!.code).toBe(
      'fablabs.shape',
    );
  });
});

describeShared('hackerspaces-timeline-2016', 'hackerspaces.org (real file)', () => {
  const r = parseHackerspaces(
    readFileSync(sharedData('hackerspaces-timeline-2016/hackerspaces_active_2016-12.csv')),
    { file: 'hackerspaces_active_2016-12.csv', now: '2016-12-05' },
  );

  it('imports 1,147 of 1,151 rows; rejects "Best Korea" and three rows without a country', () => {
    expect(r.records).toHaveLength(1147);
    const rejected = r.issues.filter((i) => i.severity === 'error');
    expect(rejected.map((i) => [i.row, i.code])).toEqual([
      [3, 'country.unknown'],
      [213, 'country.unknown'],
      [227, 'country.unknown'],
      [1096, 'country.unknown'],
    ]);
    expect(rejected[0]!.message).toContain('"Best Korea"');
  });

  it('keeps the 121 spaces at lat = lon = 0 without coordinates, with a warning each', () => {
    expect(codes(r.issues)).toEqual({ 'error country.unknown': 4, 'warning location.none': 121 });
    expect(r.records.filter((x) => x.draft.lat === undefined)).toHaveLength(121);
    expect(top(r, (d) => d.countryCode, 6)).toEqual([
      ['US', 376],
      ['DE', 121],
      ['GB', 54],
      ['FR', 47],
      ['CA', 39],
      ['BR', 38],
    ]);
    expect(r.records.filter((x) => x.draft.countryCode === 'CN')).toHaveLength(20);
  });

  it('corrects the founding dates printed one day early, and keys by wiki page', () => {
    const first = r.records[0]!;
    expect(first.draft).toMatchObject({
      nameEn: 'Tsinghua i.Center',
      foundedOn: '1922-09-01',
      countryCode: 'CN',
      status: 'active',
    });
    expect(first.source).toEqual({
      source: 'hackerspaces.org',
      sourceId: 'Tsinghua i.Center',
      url: 'https://wiki.hackerspaces.org/Tsinghua_i.Center',
    });
    // 74 rows print 12-31: they are 1 January, the usual "founded in year N" entry.
    expect(r.records.filter((x) => x.draft.foundedOn?.endsWith('-01-01')).length).toBe(74);
  });
});

describe('hackerspaces.org format', () => {
  const H = 'name,country,city,lat,lon,founded_unix,founded_date,url\n';
  it('reads dates from local-midnight timestamps in both CET and CEST', () => {
    expect(hackerspaceFounded('36630000', '1971-02-28')).toBe('1971-03-01'); // 23:00 UTC
    expect(hackerspaceFounded('1277935200', '2010-06-30')).toBe('2010-07-01'); // 22:00 UTC
    expect(hackerspaceFounded('', '2010-06-30')).toBe('2010-06-30');
  });

  it('rejects a wrong header, truncated quotes, GBK and planned spaces by date', () => {
    expect(
      parseHackerspaces(new TextEncoder().encode('name,country\nx,Germany\n'), { file: 'h.csv' }).issues[0]!
        .code,
    ).toBe('header.unknown');
    expect(
      parseHackerspaces(new TextEncoder().encode(`${H}"Cut,Germany,Berlin,1,2,0,2010-01-01,\n`), {
        file: 'h.csv',
      }).issues[0]!.code,
    ).toBe('input.truncated');
    expect(
      parseHackerspaces(
        new Uint8Array(iconv.encode(`${H}上海新车间,China,上海,31.2,121.4,,2010-10-01,\n`, 'gbk')),
        { file: 'h.csv' },
      ).issues[0]!.code,
    ).toBe('encoding.not_utf8');
    const r = parseHackerspaces(
      new TextEncoder().encode(
        `${H}Future,Germany,Berlin,52.5,13.4,,2030-01-01,\nBad,Germany,Berlin,abc,13.4,,,\nFuture,Germany,Berlin,0,0,,,\n`,
      ),
      { file: 'h.csv', now: '2026-01-01' },
    );
    expect(r.records.map((x) => [x.draft.nameEn, x.draft.status, x.draft.lat])).toEqual([
      ['Future', 'planned', 52.5],
      ['Bad', 'active', undefined],
    ]);
    expect(r.issues.map((i) => [i.row, i.code])).toEqual([
      [3, 'field.invalid'],
      [4, 'location.none'],
      [4, 'duplicate.source_id'],
    ]);
  });
});

describeShared('nesta-uk-makerspaces-2015', 'Nesta UK makerspaces 2015 (real file)', () => {
  const r = parseNesta(
    readFileSync(sharedData('nesta-uk-makerspaces-2015/ukmakerspacesidentifiabledata.csv')),
    { file: 'ukmakerspacesidentifiabledata.csv' },
  );

  it('imports the 97 spaces the README promises; the 98th row has no name', () => {
    expect(r.records).toHaveLength(97);
    expect(codes(r.issues)).toEqual({
      'warning encoding.assumed': 1,
      'warning row.no_name': 1,
      'warning field.too_long': 1,
    });
    expect(r.issues.find((i) => i.code === 'row.no_name')!.row).toBe(99);
    // Row 11 answered the address question with a 642-character paragraph.
    expect(r.issues.find((i) => i.code === 'field.too_long')).toMatchObject({ row: 11, field: 'address' });
  });

  it('decodes the Windows-1252 file (fees in £) and keeps survey answers in the profile', () => {
    const brighton = r.records[0]!.draft;
    expect(brighton).toMatchObject({
      nameEn: 'Build Brighton',
      countryCode: 'GB',
      postcode: 'BN2 4AB',
      foundedOn: '2011-09-01',
      status: 'active',
      areaM2: 150,
      membershipPlans: [{ name: 'Membership', amount: 5, currency: 'GBP', interval: 'month' }],
    });
    expect(brighton.profile!['fees']).toContain('£5 per month minimum');
    expect(brighton.profile).toMatchObject({
      members: 107,
      region: 'South East',
      sizeCluster: 'large',
      surveyDate: '2015-01-11',
    });
  });

  it('derives statuses, floor space, plans and equipment (counts on the published file)', () => {
    expect(count(r.records.map((x) => x.draft.status))).toEqual({ active: 86, planned: 11 });
    expect(r.records.filter((x) => x.draft.areaM2 !== undefined)).toHaveLength(47);
    expect(r.records.filter((x) => x.draft.membershipPlans?.length)).toHaveLength(45);
    expect(r.records.filter((x) => x.draft.equipment?.length)).toHaveLength(79);
    expect(count(r.records.flatMap((x) => x.draft.equipment ?? []))).toMatchObject({
      '3d_printing': 56,
      laser_cutting: 47,
      electronics: 53,
      woodwork: 43,
    });
    expect(count(r.records.map((x) => x.draft.type))).toEqual({
      makerspace: 65,
      hackerspace: 19,
      fablab: 13,
    });
    const bristol = r.records.find((x) => x.draft.nameEn === 'Bristol Hackspace')!.draft;
    expect(bristol.profile!['costPerMonthGBP']).toBe('10-20'); // Excel had turned it into "Oct-20"
  });
});

describe('Nesta format', () => {
  it('refuses a file that is not the survey and a truncated one', () => {
    expect(parseNesta(new TextEncoder().encode('a,b\n1,2\n'), { file: 'x.csv' }).issues[0]!.code).toBe(
      'header.missing',
    );
    expect(
      parseNesta(new TextEncoder().encode('Timestamp,Name of makerspace\n"11-Jan-15,Cut\n'), {
        file: 'x.csv',
      }).issues[0]!.code,
    ).toBe('input.truncated');
  });
});
