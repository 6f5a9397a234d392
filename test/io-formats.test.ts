// Every format through parseFile: a valid file imports, and a truncated, re-encoded (GBK) or empty
// one gives an error and no records — never a crash or a partial result.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { FORMATS, isFormat, parseFile, type Format } from '../src/io/formats.js';
import { writeCsv } from '../src/io/write-csv.js';
import { writeGeoJson } from '../src/io/write-geojson.js';
import { writeJson } from '../src/io/write-json.js';
import { writeXlsx } from '../src/io/write-xlsx.js';
import { sampleSpaces } from './io-fixtures/sample-spaces.js';

const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(join(import.meta.dirname, 'io-fixtures', name)));
const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

const NESTA_HEADER =
  'Timestamp,Collected by,Name of makerspace,Address,Postcode,Area,Date your space opened (or plans to open),Date your space closed (if it is no longer running)';

describe('parseFile', () => {
  const valid = {} as Record<Format, Uint8Array>;
  beforeAll(async () => {
    // Spaces with coordinates, so the GeoJSON export keeps them all.
    const spaces = sampleSpaces(12, 9).map((s, i) => ({ ...s, lat: 30 + i / 10, lon: 120 }));
    valid.csv = await writeCsv(spaces);
    valid.xlsx = await writeXlsx(spaces);
    valid.json = await writeJson(spaces);
    valid.geojson = (await writeGeoJson(spaces)).bytes;
    valid.spaceapi = fixture('spaceapi/v15.json');
    valid.fablabs = enc(
      JSON.stringify(JSON.parse(new TextDecoder().decode(fixture('fablabs-api.json'))).slice(0, 2)),
    );
    valid.hackerspaces = enc(
      'name,country,city,lat,lon,founded_unix,founded_date,url\n新车间,China,上海,31.2,121.4,1285855200,2010-09-30,http://xinchejian.com\nNoisebridge,United States,San Francisco,37.76,-122.42,,2007-10-01,\n',
    );
    valid.nesta = enc(
      `${NESTA_HEADER}\n11-Jan-15,Makerspace,Build Brighton,"Freehold Terrace\rBrighton",BN2 4AB,Brighton and Hove,01/09/2011,\n`,
    );
  });

  it('knows every format and dispatches to its importer', async () => {
    expect(FORMATS).toEqual([
      'csv',
      'xlsx',
      'json',
      'geojson',
      'spaceapi',
      'fablabs',
      'hackerspaces',
      'nesta',
    ]);
    expect(isFormat('xls')).toBe(false);
    const expected: Record<Format, number> = {
      csv: 12,
      xlsx: 12,
      json: 12,
      geojson: 12,
      spaceapi: 1,
      fablabs: 2,
      hackerspaces: 2,
      nesta: 1,
    };
    for (const f of FORMATS) {
      const r = await parseFile(f, valid[f], { file: `valid.${f}` });
      expect([f, r.issues.filter((i) => i.severity === 'error')]).toEqual([f, []]);
      expect([f, r.records.length]).toEqual([f, expected[f]]);
    }
  });

  // CSV cannot tell a file cut exactly at the end of a cell from a last row without a line break,
  // so the cut is made at a cell boundary inside a row (the common case: a row short of cells).
  const CSV_LIKE = new Set<Format>(['csv', 'hackerspaces', 'nesta']);
  it.each(FORMATS)('%s: a truncated file is an error with no records', async (f) => {
    const bytes = valid[f];
    let at = Math.floor(bytes.length * 0.6);
    if (CSV_LIKE.has(f)) at = bytes.lastIndexOf(0x2c, at);
    const r = await parseFile(f, bytes.subarray(0, at), { file: `cut.${f}` });
    expect(r.records).toEqual([]);
    expect(r.issues.filter((i) => i.severity === 'error').length).toBeGreaterThan(0);
    expect(r.issues.every((i) => i.file === `cut.${f}`)).toBe(true);
  });

  it.each(FORMATS.filter((f) => f !== 'xlsx'))(
    '%s: GBK bytes instead of UTF-8 are an encoding error',
    async (f) => {
      const text = new TextDecoder().decode(valid[f]);
      const r = await parseFile(
        f,
        new Uint8Array(
          iconv.encode(f === 'nesta' ? text.replace('Build Brighton', '布莱顿创客空间') : text, 'gbk'),
        ),
        { file: `gbk.${f}` },
      );
      expect(r.records).toEqual([]);
      expect(r.issues[0]).toMatchObject({ severity: 'error', code: 'encoding.not_utf8' });
    },
  );

  it.each(FORMATS)('%s: an empty file is an error', async (f) => {
    const r = await parseFile(f, new Uint8Array(), { file: `empty.${f}` });
    expect(r.records).toEqual([]);
    expect(r.issues.filter((i) => i.severity === 'error').length).toBeGreaterThan(0);
  });
});
