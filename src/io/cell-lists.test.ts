import { describe, expect, it } from 'vitest';
import { joinItems, joinList, splitItems, splitList } from './cell-lists.js';
import { guardCell, isFormulaLike, unguardCell } from './formula-guard.js';

describe('cell lists', () => {
  it('escapes separators and backslashes so every string survives', () => {
    const items = ['a;b', 'c|d', 'e\\f', '', '\\;|', '上海'];
    expect(splitList(joinList(items))).toEqual(items);
    const rows = [
      ['月卡; 学生|优惠', '99.5'],
      ['x\\', '|;'],
      ['', ''],
    ];
    expect(splitItems(joinItems(rows))).toEqual(rows);
  });

  it('reads an empty cell as an empty list', () => {
    expect(splitList('')).toEqual([]);
    expect(splitItems('')).toEqual([]);
  });
});

describe('formula guard', () => {
  it('neutralises cells a spreadsheet would run, but not plain numbers', () => {
    for (const s of ['=1+1', '+86 21', '-x', '@SUM(A1)', '\t=1', '\r=1', '=HYPERLINK("http://e.x")']) {
      expect(isFormulaLike(s)).toBe(true);
      expect(guardCell(s)).toBe(`'${s}`);
    }
    for (const s of ['-33.9', '+5', '1e-3', 'abc', '', '上海']) expect(guardCell(s)).toBe(s);
  });

  it('is undone exactly, including text that itself starts with an apostrophe', () => {
    for (const s of ['=1+1', "'=1+1", "'", "''x", "'hello", '-33.9', "'-5", '@a', 'plain', '']) {
      expect(unguardCell(guardCell(s))).toBe(s);
    }
  });

  it("leaves a user's own leading apostrophe alone when no guard could have put it there", () => {
    expect(unguardCell("'hello")).toBe("'hello");
    expect(unguardCell("'=1")).toBe('=1');
  });
});
