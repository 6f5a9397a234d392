import { describe, expect, it } from 'vitest';
import type { Dataset, Framework, MetaRow } from '../types.js';
import { getStrWeak } from './str-weak.js';

const ind = (iCode: string, parent: string, direction: 1 | -1 = 1): MetaRow => ({
  iCode,
  iName: `name ${iCode}`,
  level: 1,
  parent,
  direction,
  weight: 1,
  type: 'Indicator',
  unit: 'pts',
  extra: {},
});
const agg = (iCode: string, level: number, parent: string | null): MetaRow => ({
  iCode,
  iName: iCode,
  level,
  parent,
  direction: 1,
  weight: 1,
  type: 'Aggregate',
  extra: {},
});
const meta = [
  ind('a', 'P'),
  ind('b', 'P'),
  ind('c', 'Q', -1),
  ind('d', 'Q'),
  ind('e', 'Q'),
  agg('P', 2, 'I'),
  agg('Q', 2, 'I'),
  agg('I', 3, null),
];
const fw: Framework = {
  meta,
  maxLevel: 3,
  indicators: () => meta.filter((m) => m.type === 'Indicator'),
  atLevel: (l) => meta.filter((m) => m.level === l),
  childrenOf: (c) => meta.filter((m) => m.parent === c),
  levelOf: (c) => meta.find((m) => m.iCode === c)?.level ?? Number.NaN,
  get: (c) => meta.find((m) => m.iCode === c),
  groupCodes: () => [],
  denominatorCodes: () => [],
};
// Unit u1: best on a, second on b, worst on d (a zero shared with u3), missing on e; c is a cost.
const data: Dataset = {
  uCodes: ['u1', 'u2', 'u3', 'u4'],
  iCodes: ['a', 'b', 'c', 'd', 'e'],
  cols: [
    Float64Array.from([9, 5, 3, 1]),
    Float64Array.from([7, 8, 1, 2]),
    Float64Array.from([2, 5, 3, 4]),
    Float64Array.from([0, 3, 0, 2]),
    Float64Array.from([Number.NaN, 1, 2, 3]),
  ],
};

describe('getStrWeak', () => {
  it('drops missing values and, by default, indicators where the unit has the worst rank', () => {
    const sw = getStrWeak(fw, data, 'u1', { topN: 2, bottomN: 2 });
    // Without direction adjustment c's value 2 is the lowest: rank 4 = worst, dropped with d.
    expect(sw.strengths.map((r) => [r.code, r.rank])).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
    expect(sw.weaknesses.map((r) => r.code)).toEqual(['a', 'b']);
    const all = getStrWeak(fw, data, 'u1', { topN: 4, bottomN: 1, minDiscard: false });
    expect(all.strengths.map((r) => [r.code, r.rank])).toEqual([
      ['a', 1],
      ['b', 2],
      ['d', 3],
      ['c', 4],
    ]);
  });

  it('adjusts directions on request, so a low cost is a strength', () => {
    const sw = getStrWeak(fw, data, 'u1', { topN: 1, bottomN: 1, adjustDirection: true });
    expect(sw.strengths[0]).toMatchObject({ code: 'a', rank: 1, group: 'P', unit: 'pts', name: 'name a' });
    const c = getStrWeak(fw, data, 'u1', { topN: 3, bottomN: 1, adjustDirection: true }).strengths.find(
      (r) => r.code === 'c',
    );
    expect(c).toMatchObject({ rank: 1, value: 2, group: 'Q' });
  });

  it('ranks within groups, filters by unique share, and reports a higher level on request', () => {
    const groups = ['g1', 'g1', 'g2', 'g2'];
    const sw = getStrWeak(fw, data, 'u1', { topN: 1, bottomN: 1, groups, minDiscard: false, reportLevel: 3 });
    expect(sw.strengths[0]).toMatchObject({ code: 'a', rank: 1, group: 'I' });
    // Within g1 (u1, u2) u1 ranks 2 on b, c and d; ties keep framework order, so d comes last.
    expect(sw.weaknesses[0]).toMatchObject({ code: 'd', rank: 2 });
    // d has 3 distinct values in 4 rows (0.75): not above 0.8, so it is ignored.
    const filtered = getStrWeak(fw, data, 'u1', { topN: 4, bottomN: 1, unqDiscard: 0.8, minDiscard: false });
    expect(filtered.strengths.map((r) => r.code)).toEqual(['a', 'b', 'c']);
    expect(() => getStrWeak(fw, data, 'zz')).toThrow(/"zz" is not in the data set/);
  });
});
