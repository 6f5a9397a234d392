import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readCoinrTables } from './coinr-tables.js';

const IMETA = [
  'Level,iCode,iName,Direction,Weight,Parent,Type,Unit,Target,Denominator,goalpost_lower',
  '1,LPI,Logistics,1,1,Idx,Indicator,Score,4.1,,1',
  '1,Goods,Goods,1,2,Idx,Indicator,USD,,GDP,',
  '2,Idx,Index,1,1,,Aggregate,,,,',
  ',Grp_group,Group,,,,Group,,,,',
  ',GDP,GDP,,,,Denominator,,,,',
].join('\n');
const IDATA = ['uCode,uName,Grp_group,GDP,LPI,Goods', 'B,Bee,x,2,3.5,10', 'A,Ay,y,4,,NA'].join('\n');
const read = (
  idata: string | Uint8Array,
  imeta: string | Uint8Array = IMETA,
  names = ['iData.csv', 'iMeta.csv'],
) =>
  readCoinrTables({ name: names[0] as string, content: idata }, { name: names[1] as string, content: imeta });

describe('readCoinrTables', () => {
  it('reads COINr columns into a framework and a state sorted by uCode', async () => {
    const t = await read(IDATA);
    expect(t.issues).toEqual([]);
    expect(t.meta[0]).toMatchObject({
      iCode: 'LPI',
      level: 1,
      parent: 'Idx',
      direction: 1,
      weight: 1,
      type: 'Indicator',
      unit: 'Score',
      target: 4.1,
      extra: { goalpost_lower: 1 },
    });
    expect(t.meta[1]?.denominator).toBe('GDP');
    expect(t.state?.data.uCodes).toEqual(['A', 'B']);
    expect(t.state?.data.iCodes).toEqual(['LPI', 'Goods']);
    expect(Array.from(t.state?.data.cols[0] ?? [])).toEqual([NaN, 3.5]);
    expect(Array.from(t.state?.data.cols[1] ?? [])).toEqual([NaN, 10]);
    expect(t.state?.units.groups.Grp_group).toEqual(['y', 'x']);
    expect(t.state?.units.uNames).toEqual(['Ay', 'Bee']);
    expect(Array.from(t.state?.units.denominators.cols[0] ?? [])).toEqual([4, 2]);
    expect(t.isPanel).toBe(false);
  });
  it('names file, row and field of every bad cell', async () => {
    const t = await read(
      ['uCode,Grp_group,GDP,LPI,Goods,Extra', 'A,x,1,abc,1,', 'A,x,1,2,1,', ',x,1,2,1,'].join('\n'),
    );
    const found = t.issues.map((i) => `${i.severity}:${i.code}@${i.file}:${i.row ?? ''}:${i.field ?? ''}`);
    expect(found).toContain('error:idata.value.invalid@iData.csv:2:LPI');
    expect(found).toContain('error:idata.ucode.duplicate@iData.csv:3:uCode');
    expect(found).toContain('error:idata.ucode.missing@iData.csv:4:uCode');
    expect(found).toContain('warning:idata.column.unknown@iData.csv::Extra');
    expect(t.state).toBeUndefined();
    const missing = await read('uCode,LPI\nA,1');
    expect(missing.issues.map((i) => i.message).join('\n')).toMatch(/no column for indicator "Goods"/);
  });
  it('reports iMeta problems: bad Type, non-numeric Weight, missing columns', async () => {
    const t = await read(
      IDATA,
      IMETA.replace('1,Goods,Goods,1,2,', '1,Goods,Goods,1,two,').replace(
        'Idx,Indicator,Score',
        'Idx,Indicatr,Score',
      ),
    );
    const found = t.issues.map((i) => `${i.code}@${i.row}:${i.field}`);
    expect(found).toEqual(['imeta.value.invalid@2:Type', 'imeta.value.invalid@3:Weight']);
    expect(t.framework).toBeUndefined();
    const cols = await read(IDATA, 'iCode,Level\nA,1');
    expect(cols.issues.map((i) => i.field)).toEqual(['Direction', 'Weight', 'Parent', 'Type']);
  });
  it('detects panels and sorts by Time, then uCode', async () => {
    const t = await read(
      ['uCode,Time,GDP,LPI,Goods', 'B,2021,1,1,1', 'A,2021,1,2,1', 'A,2020,1,3,1'].join('\n'),
    );
    expect(t.isPanel).toBe(true);
    expect(t.state?.data.uCodes).toEqual(['A', 'A', 'B']);
    expect(Array.from(t.state?.units.time ?? [])).toEqual([2020, 2021, 2021]);
    expect(Array.from(t.state?.data.cols[0] ?? [])).toEqual([3, 2, 1]);
  });
  it('reads XLSX and GBK-encoded CSV', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('iData');
    for (const line of IDATA.split('\n'))
      ws.addRow(
        line.split(',').map((v) => (v !== '' && !Number.isNaN(Number(v)) ? Number(v) : v === '' ? null : v)),
      );
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const x = await read(bytes, IMETA, ['iData.xlsx', 'iMeta.csv']);
    expect(x.issues).toEqual([]);
    expect(Array.from(x.state?.data.cols[0] ?? [])).toEqual([NaN, 3.5]);
    // GBK (Chinese Excel's CSV default) is refused with advice, or read when the encoding is given.
    const gbk = new Uint8Array(iconv.encode(IDATA.replace('Bee', '北京'), 'gbk'));
    const refused = await read(gbk);
    expect(refused.issues.map((i) => `${i.code}@${i.file}`)).toEqual(['encoding.not_utf8@iData.csv']);
    expect(refused.state).toBeUndefined();
    const g = await readCoinrTables(
      { name: 'iData.csv', content: gbk, encoding: 'gbk' },
      { name: 'iMeta.csv', content: IMETA },
    );
    expect(g.issues).toEqual([]);
    expect(g.state?.units.uNames).toEqual(['Ay', '北京']);
  });
});
