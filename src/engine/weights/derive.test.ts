import { describe, expect, it } from 'vitest';
import type { Dataset, Framework, MetaRow } from '../types.js';
import { deriveWeights, weightsByGroup } from './derive.js';
import { toWeightMap } from './weight-set.js';

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
const meta = [
  row('a', 1, 'P'),
  row('b', 1, 'P'),
  row('c', 1, 'Q'),
  row('d', 1, 'Q'),
  row('P', 2, 'I'),
  row('Q', 2, 'I'),
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
const data: Dataset = {
  uCodes: ['u1', 'u2', 'u3', 'u4'],
  iCodes: ['a', 'b', 'c', 'd'],
  cols: [
    Float64Array.from([1, 2, 3, 4]),
    Float64Array.from([0, 0, 0, 10]),
    Float64Array.from([5, 1, 4, 2]),
    Float64Array.from([1, 2, 2, 1]),
  ],
};

describe('deriveWeights and weightsByGroup', () => {
  it('derives each group’s weights from its own columns only', () => {
    const ws = weightsByGroup(fw, data, 1, 'entropy');
    const w = toWeightMap(ws);
    // a: min–max 0, 1/3, 2/3, 1 (p = 0, 1/6, 1/3, 1/2); b: 0, 0, 0, 1 (entropy 0).
    const eA = -((1 / 6) * Math.log(1 / 6) + (1 / 3) * Math.log(1 / 3) + 0.5 * Math.log(0.5)) / Math.log(4);
    expect(w.a).toBeCloseTo((1 - eA) / (1 - eA + 1), 14);
    expect(w.b).toBeCloseTo(1 / (1 - eA + 1), 14);
    expect((w.c ?? 0) + (w.d ?? 0)).toBeCloseTo(1, 14);
    expect([w.P, w.Q, w.I]).toEqual([1, 1, 1]);
  });

  it('equal gives 1s and pca gives unit-length first-component loadings', () => {
    expect(Array.from(deriveWeights('equal', data))).toEqual([1, 1, 1, 1]);
    const l = deriveWeights('pca', data);
    expect(l.reduce((s, v) => s + v * v, 0)).toBeCloseTo(1, 12);
    expect(() => weightsByGroup(fw, data, 3, 'equal')).toThrow(/between 1 and 2/);
  });
});
