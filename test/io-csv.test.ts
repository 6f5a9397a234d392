// CSV and XLSX: round trips of awkward spaces, foreign files through a mapping, and hostile or broken input.
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../src/io/parse-csv.js';
import { parseXlsx } from '../src/io/parse-xlsx.js';
import { SPACE_COLUMNS, toSpaceInput } from '../src/io/space-columns.js';
import { writeCsv } from '../src/io/write-csv.js';
import { writeXlsx } from '../src/io/write-xlsx.js';
import type { ColumnMapping } from '../src/io/mapping.js';
import type { InputIssue } from '../src/domain/issue.js';
import { sampleSpaces } from './io-fixtures/sample-spaces.js';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const HEADER = 'nameZh,type,status,countryCode,lat,lon';
const csv = (...rows: string[]): Uint8Array => enc([HEADER, ...rows].join('\n') + '\n');
const errors = (r: { issues: InputIssue[] }): InputIssue[] => r.issues.filter((i) => i.severity === 'error');

describe('CSV export → import', () => {
  const spaces = sampleSpaces(300);

  it('gives back exactly the drafts of the spaces', async () => {
    const r = parseCsv(await writeCsv(spaces), { file: 'spaces.csv' });
    expect(r.issues).toEqual([]);
    expect(r.records.map((x) => x.draft)).toEqual(spaces.map(toSpaceInput));
    expect(r.records.map((x) => x.row)).toEqual(spaces.map((_, i) => i + 2));
  });

  it('writes a BOM, our header, CRLF rows and neutralised formulas', async () => {
    const base = spaces[0]!;
    const names = [
      '=HYPERLINK("http://evil.example","点我")',
      '+86 创客',
      '@提及空间',
      "'已带引号",
      '-33.9',
      '\t=1',
    ];
    const hostile = names.map((nameZh, i) => ({ ...base, id: `h${i}`, nameZh, sources: [] }));
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await writeCsv(hostile));
    expect(text.startsWith('\uFEFF' + SPACE_COLUMNS.join(',') + '\r\n')).toBe(true);
    expect(text).toContain(`h0,"'=HYPERLINK(""http://evil.example"",""点我"")",`);
    expect(text).toContain("h1,'+86 创客,");
    expect(text).toContain("h2,'@提及空间,");
    expect(text).toContain("h3,''已带引号,");
    expect(text).toContain('h4,-33.9,'); // a plain number is not a formula
    expect(text).toContain("h5,'\t=1,");
    const cells = text.split(/[,\r\n]/);
    expect(cells.some((c) => /^[=+@]/.test(c))).toBe(false);
    expect(parseCsv(enc(text), { file: 'h.csv' }).records.map((r) => r.draft.nameZh)).toEqual(names);
  });

  it('streams: an async iterable of spaces gives the same bytes', async () => {
    async function* gen() {
      for (const s of spaces.slice(0, 50)) yield s;
    }
    expect(await writeCsv(gen())).toEqual(await writeCsv(spaces.slice(0, 50)));
  });
});

describe('CSV import of our columns', () => {
  it('reports each bad cell with row and field, and keeps the good rows', () => {
    const r = parseCsv(
      csv(
        '上海新车间,makerspace,active,CN,31.2,121.4',
        '坏坐标,makerspace,active,CN,北纬22度,114',
        ',fablab,active,CN,,',
        '类型错,maker,active,CN,,',
      ),
      { file: 'a.csv' },
    );
    expect(r.records.map((x) => x.draft.nameZh)).toEqual(['上海新车间', null]);
    expect(errors(r)).toEqual([
      {
        severity: 'error',
        code: 'cell.invalid',
        file: 'a.csv',
        row: 3,
        field: 'lat',
        message: 'lat: expected a number, found "北纬22度"',
      },
      expect.objectContaining({ code: 'cell.invalid', row: 5, field: 'type' }),
    ]);
  });

  it('rejects out-of-range and swapped coordinates at parse level', () => {
    const r = parseCsv(csv('甲,makerspace,active,CN,121.47,31.23', '乙,makerspace,active,CN,31.23,200'), {
      file: 'a.csv',
    });
    expect(r.records).toEqual([]);
    expect(errors(r).map((i) => [i.row, i.field, i.code])).toEqual([
      [2, 'lat', 'field.out_of_range'],
      [3, 'lon', 'field.out_of_range'],
    ]);
    expect(errors(r)[0]!.message).toContain('look swapped');
  });

  it('rejects an absurdly long field without cutting it', () => {
    const r = parseCsv(csv(`${'名'.repeat(1_000_000)},makerspace,active,CN,,`), { file: 'a.csv' });
    expect(r.records).toEqual([]);
    expect(errors(r)).toEqual([
      expect.objectContaining({
        row: 2,
        field: 'nameZh',
        code: 'field.too_long',
        message: 'nameZh: 1,000,000 characters, at most 300 allowed (values are never cut)',
      }),
    ]);
  });

  it('reports duplicate source ids within the file', () => {
    const h = 'nameEn,type,status,countryCode,sources\n';
    const r = parseCsv(
      enc(
        h +
          'A,fablab,active,DE,fablabs.io|a\nB,fablab,active,DE,fablabs.io|b\nA2,fablab,active,DE,fablabs.io|a\n',
      ),
      { file: 'd.csv' },
    );
    expect(errors(r)).toEqual([
      expect.objectContaining({
        code: 'duplicate.source_id',
        row: 4,
        message: 'fablabs.io id "a" already appears at row 2',
      }),
    ]);
  });

  it('warns about formula-like text that arrives unguarded, and keeps it as text', () => {
    const r = parseCsv(
      csv('"=HYPERLINK(""http://evil"",""x"")",makerspace,active,CN,,', "'=1+1,makerspace,active,CN,,"),
      { file: 'f.csv' },
    );
    expect(r.records.map((x) => x.draft.nameZh)).toEqual(['=HYPERLINK("http://evil","x")', '=1+1']);
    expect(r.issues).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'cell.formula_like', row: 2, field: 'nameZh' }),
    ]);
  });

  it('accepts only our column names without a mapping', () => {
    const r = parseCsv(enc('名称,type,status,countryCode,Lat\nx,fablab,active,CN,1\n'), { file: 'h.csv' });
    expect(r.records).toEqual([]);
    expect(errors(r).map((i) => [i.code, i.field])).toEqual([
      ['header.unknown', '名称'],
      ['header.unknown', 'Lat'],
    ]);
    expect(errors(r)[1]!.message).toContain('did you mean "lat"');
    expect(errors(parseCsv(enc('nameZh,status\nx,active\n'), { file: 'h.csv' })).map((i) => i.field)).toEqual(
      ['type', 'countryCode'],
    );
  });

  it('stops truncated files, GBK bytes and zip files without partial results', () => {
    const cut = parseCsv(enc(`${HEADER}\n甲,makerspace,active,CN,,\n"乙,makerspace,active,CN,,\n`), {
      file: 't.csv',
    });
    expect(cut).toEqual({
      records: [],
      issues: [expect.objectContaining({ code: 'input.truncated', severity: 'error' })],
    });
    const gbk = parseCsv(
      new Uint8Array(iconv.encode(`${HEADER}\n上海新车间,makerspace,active,CN,,\n`, 'gbk')),
      { file: 'g.csv' },
    );
    expect(gbk.records).toEqual([]);
    expect(gbk.issues[0]).toMatchObject({ code: 'encoding.not_utf8' });
    const withGbk = parseCsv(
      new Uint8Array(iconv.encode(`${HEADER}\n上海新车间,makerspace,active,CN,,\n`, 'gbk')),
      { file: 'g.csv', encoding: 'gbk' },
    );
    expect(withGbk.records[0]!.draft.nameZh).toBe('上海新车间');
    expect(parseCsv(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2]), { file: 'x.csv' }).issues[0]!.code).toBe(
      'format.mismatch',
    );
    expect(parseCsv(enc(''), { file: 'e.csv' }).issues[0]!.code).toBe('input.empty');
  });

  it('enforces the row and byte limits', () => {
    const rows = Array.from({ length: 11 }, (_, i) => `s${i},makerspace,active,CN,,`);
    expect(parseCsv(csv(...rows), { file: 'big.csv', limits: { maxRows: 10 } })).toEqual({
      records: [],
      issues: [expect.objectContaining({ code: 'input.too_many_rows' })],
    });
    expect(parseCsv(csv(...rows), { file: 'big.csv', limits: { maxBytes: 100 } }).issues[0]!.code).toBe(
      'input.too_large',
    );
  });
});

describe('CSV import with a mapping', () => {
  const mapping: ColumnMapping = {
    columns: {
      空间名称: 'nameZh',
      所在城市: 'city',
      纬度: 'lat',
      经度: 'lon',
      运营状态: 'status',
      设备: 'equipment',
      面积平方英尺: 'areaM2',
      成立日期: 'foundedOn',
      会员数: 'profile.members',
    },
    defaults: { countryCode: 'CN', type: 'cn_coworking' },
    transform: {
      status: { map: { 运营中: 'active', 已关闭: 'closed', 筹建中: 'planned' } },
      equipment: { split: '、', map: { '3D打印': '3d_printing', 激光切割: 'laser_cutting' } },
      areaM2: { scale: 0.09290304 },
      foundedOn: { date: 'DMY' },
    },
  };
  const file = [
    '空间名称;所在城市;纬度;经度;运营状态;设备;面积平方英尺;成立日期;会员数;备注',
    ' 上海新车间 ;上海;31.2;121.4;运营中;3D打印、激光切割;1000;01/10/2010;120;无',
    '深圳柴火;深圳;abc;114;已关闭;;;;;',
  ].join('\n');

  it('reads any header (semicolon-separated here) into our fields', () => {
    const r = parseCsv(enc(file), { file: 'theirs.csv', mapping });
    expect(r.records[0]!.draft).toEqual({
      nameZh: '上海新车间',
      city: '上海',
      lat: 31.2,
      lon: 121.4,
      status: 'active',
      equipment: ['3d_printing', 'laser_cutting'],
      areaM2: 1000 * 0.09290304,
      foundedOn: '2010-10-01',
      profile: { members: '120' },
      countryCode: 'CN',
      type: 'cn_coworking',
    });
    expect(r.issues).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'header.unmapped',
        message: 'columns not in the mapping are ignored: "备注"',
      }),
      expect.objectContaining({
        severity: 'error',
        row: 3,
        field: 'lat',
        message: 'lat: expected a number, found "abc"',
      }),
    ]);
  });

  it('stops before reading rows when the mapping is bad', () => {
    const r = parseCsv(enc(file), { file: 'theirs.csv', mapping: { columns: { 空间名称: 'title' } } });
    expect(r.records).toEqual([]);
    expect(r.issues).toEqual([
      expect.objectContaining({ code: 'mapping.invalid', path: '/columns/空间名称' }),
    ]);
    const noType = parseCsv(enc(file), { file: 'theirs.csv', mapping: { columns: { 空间名称: 'nameZh' } } });
    expect(errors(noType).map((i) => i.field)).toEqual(['type', 'status', 'countryCode']);
  });
});

describe('XLSX export → import', () => {
  const spaces = sampleSpaces(200, 11);

  it('gives back exactly the drafts, with numbers stored as numbers and text as text', async () => {
    const bytes = await writeXlsx(spaces);
    const r = await parseXlsx(bytes, { file: 'spaces.xlsx' });
    expect(r.issues).toEqual([]);
    expect(r.records.map((x) => x.draft)).toEqual(spaces.map(toSpaceInput));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    const ws = wb.worksheets[0]!;
    const col = (name: string) => SPACE_COLUMNS.indexOf(name) + 1;
    expect(ws.getRow(1).getCell(1).value).toBe('id');
    const withLat = spaces.findIndex((s) => s.lat !== null);
    expect(typeof ws.getRow(withLat + 2).getCell(col('lat')).value).toBe('number');
    expect(ws.getRow(3).getCell(col('nameZh')).type).toBe(ExcelJS.ValueType.Null); // sample 1 has no Chinese name
    expect(ws.getRow(2 + 1).getCell(col('nameEn')).type).toBe(ExcelJS.ValueType.String);
  });

  it('reads a hand-made workbook with a mapping, formulas and dates', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('空间');
    ws.addRow(['名称', '纬度', '经度', '成立']);
    ws.addRow(['上海新车间', 31.2, 121.4, new Date(Date.UTC(2010, 9, 1))]);
    ws.addRow([
      { richText: [{ text: '柴火' }, { text: '创客' }] },
      { formula: '20+2.5', result: 22.5 },
      114,
      null,
    ]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const r = await parseXlsx(bytes, {
      file: 'their.xlsx',
      mapping: {
        columns: { 名称: 'nameZh', 纬度: 'lat', 经度: 'lon', 成立: 'foundedOn' },
        defaults: { type: 'makerspace', status: 'active', countryCode: 'CN' },
      },
    });
    expect(r.records.map((x) => [x.row, x.draft.nameZh, x.draft.lat, x.draft.foundedOn])).toEqual([
      [2, '上海新车间', 31.2, '2010-10-01'],
      [3, '柴火创客', 22.5, null],
    ]);
    expect(r.issues).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'cell.formula', row: 3 }),
    ]);
  });

  it('stops truncated workbooks, non-zip input and sheets over the row limit', async () => {
    const bytes = await writeXlsx(spaces);
    const cut = await parseXlsx(bytes.slice(0, Math.floor(bytes.length / 2)), { file: 'cut.xlsx' });
    expect(cut).toEqual({
      records: [],
      issues: [expect.objectContaining({ severity: 'error', code: 'xlsx.malformed' })],
    });
    expect((await parseXlsx(enc('nameZh,type\n'), { file: 'a.xlsx' })).issues[0]!.code).toBe(
      'format.mismatch',
    );
    const many = await parseXlsx(bytes, { file: 'big.xlsx', limits: { maxRows: 20 } });
    expect(many).toEqual({ records: [], issues: [expect.objectContaining({ code: 'input.too_many_rows' })] });
  });
});
