// JSON and GeoJSON: round trips, JSON Pointer issues, geometry rules and broken documents.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { InputIssue } from '../src/domain/issue.js';
import { parseGeoJson } from '../src/io/parse-geojson.js';
import { parseJson } from '../src/io/parse-json.js';
import { toSpaceInput } from '../src/io/space-columns.js';
import { writeGeoJson } from '../src/io/write-geojson.js';
import { writeJson } from '../src/io/write-json.js';
import { sampleSpaces } from './io-fixtures/sample-spaces.js';

const enc = (v: unknown): Uint8Array =>
  new TextEncoder().encode(typeof v === 'string' ? v : JSON.stringify(v));
const errors = (r: { issues: InputIssue[] }): InputIssue[] => r.issues.filter((i) => i.severity === 'error');
const ok = { type: 'makerspace', status: 'active', countryCode: 'CN' };

describe('JSON', () => {
  const spaces = sampleSpaces(250, 3);

  it('export → import gives back exactly the drafts (our read-only members are ignored)', async () => {
    const bytes = await writeJson(spaces);
    const doc = JSON.parse(new TextDecoder().decode(bytes)) as { spaces: unknown[] };
    expect(doc.spaces).toHaveLength(250);
    const r = parseJson(bytes, { file: 'spaces.json' });
    expect(r.issues).toEqual([]);
    expect(r.records.map((x) => x.draft)).toEqual(spaces.map(toSpaceInput));
    expect(r.records[3]!.path).toBe('/spaces/3');
  });

  it('accepts a bare array and points issues into it', () => {
    const r = parseJson(
      enc([
        { ...ok, nameZh: '甲' },
        { ...ok, lat: '31.2' },
        'x',
        { ...ok, colour: 'red', nameEn: 'n'.repeat(1_048_576) },
      ]),
      { file: 'a.json' },
    );
    expect(r.records.map((x) => [x.path, x.draft.nameZh, x.source])).toEqual([
      ['/0', '甲', { source: 'json', sourceId: 'a.json#/0' }],
    ]);
    expect(errors(r).map((i) => [i.path, i.code])).toEqual([
      ['/1/lat', 'field.invalid'],
      ['/2', 'json.shape'],
      ['/3/colour', 'field.unknown'],
      ['/3/nameEn', 'field.too_long'],
    ]);
    expect(errors(r)[0]!.message).toBe('lat: expected number, found "31.2"');
  });

  it('reports out-of-range and swapped coordinates', () => {
    const r = parseJson(
      enc([
        { ...ok, lat: 121.47, lon: 31.23 },
        { ...ok, lat: 10, lon: -190 },
      ]),
      { file: 'c.json' },
    );
    expect(errors(r).map((i) => [i.path, i.field])).toEqual([
      ['/0/lat', 'lat'],
      ['/1/lon', 'lon'],
    ]);
    expect(errors(r)[0]!.message).toContain('look swapped');
  });

  it('reports duplicate source ids within the file', () => {
    const src = [{ source: 'fablabs.io', sourceId: 'x' }];
    const r = parseJson(
      enc({
        spaces: [
          { ...ok, sources: src },
          { ...ok, sources: src },
        ],
      }),
      { file: 'd.json' },
    );
    expect(errors(r)).toEqual([expect.objectContaining({ code: 'duplicate.source_id', path: '/spaces/1' })]);
    expect(r.records).toHaveLength(1);
  });

  it('stops truncated and malformed documents, GBK bytes and wrong shapes', () => {
    const text = JSON.stringify({ spaces: [{ ...ok, nameZh: '上海新车间' }] });
    expect(parseJson(enc(text.slice(0, -5)), { file: 't.json' })).toEqual({
      records: [],
      issues: [expect.objectContaining({ code: 'input.truncated', severity: 'error' })],
    });
    const bad = parseJson(enc('[{"type": "fablab",, }]'), { file: 'm.json' });
    expect(bad.issues[0]).toMatchObject({ code: 'json.malformed' });
    expect(bad.issues[0]!.message).toContain('line 1, column');
    expect(parseJson(new Uint8Array(iconv.encode(text, 'gbk')), { file: 'g.json' }).issues[0]!.code).toBe(
      'encoding.not_utf8',
    );
    expect(parseJson(enc({ items: [] }), { file: 's.json' }).issues[0]!.code).toBe('json.shape');
    expect(parseJson(enc([ok, ok, ok]), { file: 'n.json', limits: { maxRows: 2 } }).issues[0]!.code).toBe(
      'input.too_many_rows',
    );
  });

  it('renames keys with a mapping and reads their strings like cells', () => {
    const r = parseJson(enc([{ 名称: '上海新车间', 纬度: '31.2', 经度: 121.4, 状态: '运营中' }]), {
      file: 'their.json',
      mapping: {
        columns: { 名称: 'nameZh', 纬度: 'lat', 经度: 'lon', 状态: 'status' },
        defaults: { type: 'makerspace', countryCode: 'CN' },
        transform: { status: { map: { 运营中: 'active' } } },
      },
    });
    expect(r.records[0]!.draft).toEqual({
      nameZh: '上海新车间',
      lat: 31.2,
      lon: 121.4,
      status: 'active',
      type: 'makerspace',
      countryCode: 'CN',
    });
  });
});

describe('GeoJSON', () => {
  const spaces = sampleSpaces(250, 5);

  it('export is an RFC 7946 FeatureCollection of [lon, lat] points; spaces without coordinates are counted', async () => {
    const out = await writeGeoJson(spaces);
    const located = spaces.filter((s) => s.lat !== null && s.lon !== null);
    expect(out.written).toBe(located.length);
    expect(out.omitted).toBe(spaces.length - located.length);
    expect(out.omitted).toBeGreaterThan(0);
    const doc = JSON.parse(new TextDecoder().decode(out.bytes)) as {
      type: string;
      features: { id: string; geometry: { coordinates: number[] }; properties: Record<string, unknown> }[];
    };
    expect(doc.type).toBe('FeatureCollection');
    expect(doc.features[0]!.id).toBe(located[0]!.id);
    expect(doc.features[0]!.geometry.coordinates).toEqual([located[0]!.lon, located[0]!.lat]);
    expect(doc.features[0]!.properties).not.toHaveProperty('lat');
    const r = parseGeoJson(out.bytes, { file: 'spaces.geojson' });
    expect(r.issues).toEqual([]);
    expect(r.records.map((x) => x.draft)).toEqual(located.map(toSpaceInput));
  });

  const fc = (...features: unknown[]) => enc({ type: 'FeatureCollection', features });
  const point = (coordinates: unknown, properties: unknown = ok) => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates },
    properties,
  });

  it('rejects non-Point geometries and impossible positions with the feature pointer', () => {
    const r = parseGeoJson(
      fc(
        point([121.47, 31.23]),
        {
          type: 'Feature',
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [0, 0],
                [1, 0],
                [1, 1],
                [0, 0],
              ],
            ],
          },
          properties: ok,
        },
        point([31.23, 121.47]),
        point([200, 10]),
        point(['121', 31]),
      ),
      { file: 'g.geojson' },
    );
    expect(r.records.map((x) => [x.draft.lon, x.draft.lat])).toEqual([[121.47, 31.23]]);
    expect(errors(r).map((i) => [i.path, i.code])).toEqual([
      ['/features/1/geometry', 'geometry.not_point'],
      ['/features/2/geometry/coordinates', 'geometry.invalid'],
      ['/features/3/geometry/coordinates', 'geometry.invalid'],
      ['/features/4/geometry/coordinates', 'geometry.invalid'],
    ]);
    expect(errors(r)[1]!.message).toContain('look swapped');
  });

  it('keeps a feature without geometry as a space without location, with a warning', () => {
    const r = parseGeoJson(fc({ type: 'Feature', geometry: null, properties: { ...ok, nameZh: '无坐标' } }), {
      file: 'n.geojson',
    });
    expect(r.records[0]!.draft).toEqual({ ...ok, nameZh: '无坐标' });
    expect(r.issues).toEqual([expect.objectContaining({ severity: 'warning', code: 'geometry.missing' })]);
  });

  it('stops truncated documents, GBK bytes and non-collections', () => {
    const text = new TextDecoder().decode(fc(point([1, 2])));
    expect(parseGeoJson(enc(text.slice(0, 30)), { file: 't.geojson' }).issues[0]!.code).toBe(
      'input.truncated',
    );
    expect(
      parseGeoJson(
        new Uint8Array(
          iconv.encode(
            JSON.stringify({
              type: 'FeatureCollection',
              features: [point([1, 2], { ...ok, nameZh: '上海' })],
            }),
            'gbk',
          ),
        ),
        { file: 'g.geojson' },
      ).issues[0]!.code,
    ).toBe('encoding.not_utf8');
    expect(parseGeoJson(enc({ type: 'Topology' }), { file: 'x.geojson' }).issues[0]!.code).toBe(
      'geojson.shape',
    );
  });
});
