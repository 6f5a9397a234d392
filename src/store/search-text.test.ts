import { describe, expect, it } from 'vitest';
import { nameText, normaliseQuery } from './search-text.js';

const searchText = ([zh, en]: [string | null, string?]) => nameText(zh, en ?? null).searchText;
const nameSortKey = (zh: string | null, en: string | null) => nameText(zh, en).nameSort;

describe('searchText', () => {
  const text = searchText(['柴火创客空间', 'Chaihuo Makerspace']);
  const finds = (q: string) => text.includes(normaliseQuery(q));

  it('finds a Chinese name by characters, full pinyin and initials', () => {
    expect(finds('柴火')).toBe(true);
    expect(finds('chaihuo')).toBe(true);
    expect(finds('chai huo')).toBe(true);
    expect(finds('chckkj')).toBe(true);
    expect(finds('CHCK')).toBe(true);
  });

  it('finds the English name regardless of case and spacing', () => {
    expect(finds('Chaihuo Maker')).toBe(true);
    expect(finds('makerspace')).toBe(true);
  });

  it('does not match across two variants', () => {
    // The English name ends "makerspace" and the next variant starts with the Chinese name.
    expect(finds('makerspace柴')).toBe(false);
    expect(finds('zhongguancun')).toBe(false);
  });

  it('reads polyphonic characters from context', () => {
    expect(searchText(['重庆创客'])).toContain('chongqing');
    expect(searchText(['银行大厦'])).toContain('yinhang');
  });

  it('folds full-width letters', () => {
    expect(searchText(['ＦａｂＬａｂ'])).toBe('fablab');
  });
});

describe('nameSortKey', () => {
  it('puts Chinese names among Latin ones by pinyin', () => {
    const keys = [
      nameSortKey('柴火创客空间', null),
      nameSortKey(null, 'Beta Lab'),
      nameSortKey(null, 'Delta'),
    ];
    expect([...keys].sort()).toEqual([keys[1], keys[0], keys[2]]);
  });
  it('prefers the Chinese name and collapses spaces', () => {
    expect(nameSortKey('上海新车间', 'XinCheJian')).toBe('shang hai xin che jian');
    expect(nameSortKey(null, '  Fab   Lab ')).toBe('fab lab');
    expect(nameSortKey(null, null)).toBe('');
  });
});
