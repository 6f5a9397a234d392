import { describe, expect, it } from 'vitest';
import type { Dataset, Framework, MetaRow } from '../types.js';
import { correlate } from './correlation.js';
import { getCorr } from './corr-table.js';

const row = (iCode: string, level: number, parent: string | null): MetaRow => ({
  iCode,
  iName: iCode,
  level,
  parent,
  direction: 1,
  weight: 1,
  type: level === 1 ? 'Indicator' : 'Aggregate',
  extra: {},
});
// Two pillars (Q listed before P, as iMeta may do) under one index.
const meta = [
  row('b', 1, 'Q'),
  row('a', 1, 'Q'),
  row('c', 1, 'P'),
  row('Q', 2, 'I'),
  row('P', 2, 'I'),
  row('I', 3, null),
];
const fw: Framework = {
  meta,
  maxLevel: 3,
  indicators: () => meta.filter((m) => m.level === 1),
  atLevel: (l) => meta.filter((m) => m.level === l),
  childrenOf: (c) => meta.filter((m) => m.parent === c),
  levelOf: (c) => meta.find((m) => m.iCode === c)?.level ?? Number.NaN,
  get: (c) => meta.find((m) => m.iCode === c),
  groupCodes: () => [],
  denominatorCodes: () => [],
};
const v = (...x: number[]) => Float64Array.from(x);
const data: Dataset = {
  uCodes: ['u1', 'u2', 'u3', 'u4', 'u5', 'u6'],
  iCodes: ['a', 'b', 'c', 'P', 'Q', 'I'],
  cols: [
    v(1, 2, 3, 4, 5, 6),
    v(2, 1, 4, 3, 6, 5),
    v(6, 1, 5, 2, 4, 3),
    v(6, 1, 5, 2, 4, 3),
    v(1.5, 1.5, 3.5, 3.5, 5.5, 5.5),
    v(3, 1, 4, 3, 5, 4),
  ],
};
const key = (rows: { var1: string; var2: string }[]) => rows.map((r) => `${r.var1}/${r.var2}`);

describe('getCorr', () => {
  it('lists a level against itself column by column in COINr order (level, then parent)', () => {
    const rows = getCorr(fw, data, { pval: 0 });
    // Sorted iMeta: c (parent P), then b, a (parent Q, file order kept).
    expect(key(rows)).toEqual(['c/c', 'b/c', 'a/c', 'c/b', 'b/b', 'a/b', 'c/a', 'b/a', 'a/a']);
    expect(rows[1]?.correlation).toBeCloseTo(correlate(data.cols[1]!, data.cols[2]!), 14);
  });

  it('grouplev keeps pairs inside one group, sorted as R merges', () => {
    expect(key(getCorr(fw, data, { pval: 0, grouplev: 2 }))).toEqual(['a/a', 'a/b', 'b/a', 'b/b', 'c/c']);
  });

  it('withparent pairs each code with its own parent; "family" with every ancestor, named by level', () => {
    expect(key(getCorr(fw, data, { levels: [1, 2], withparent: true, pval: 0 }))).toEqual([
      'P/c',
      'Q/a',
      'Q/b',
    ]);
    const fam = getCorr(fw, data, {
      levels: 1,
      withparent: 'family',
      pval: 0,
      levelNames: ['Ind', 'Pillar', 'Index'],
    });
    expect(key(fam)).toEqual(['Pillar/c', 'Pillar/a', 'Pillar/b', 'Index/a', 'Index/b', 'Index/c']);
    expect(fam[3]?.correlation).toBeCloseTo(correlate(data.cols[0]!, data.cols[5]!), 14);
  });

  it('blanks correlations whose p-value exceeds pval (default 0.05)', () => {
    const rows = getCorr(fw, data, { levels: [1, 2], withparent: true });
    // c and P are identical (p = 0); a and its pillar Q correlate at 0.94 on 6 points (p ≈ 0.005).
    expect(rows.find((r) => r.var2 === 'c')?.correlation).toBeCloseTo(1, 14);
    const weak = getCorr(fw, data, { iCodes: [['b'], ['c']], levels: 1 });
    expect(correlate(data.cols[1]!, data.cols[2]!)).not.toBeNaN();
    expect(weak[0]?.correlation).toBeNaN();
    expect(() => getCorr(fw, data, { levels: 4 })).toThrow(/Level 4 is not in 1..3/);
  });
});
