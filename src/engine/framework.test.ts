import { describe, expect, it } from 'vitest';
import { aggregationPlan, buildFramework, lineageOrder, resultsOrder } from './framework.js';
import type { MetaRow } from './types.js';

const row = (
  iCode: string,
  level: number,
  parent: string | null,
  type: MetaRow['type'] = level === 1 ? 'Indicator' : 'Aggregate',
  weight = 1,
): MetaRow => ({
  iCode,
  iName: iCode,
  level,
  parent,
  direction: 1,
  weight,
  type,
  extra: {},
});
const meta: MetaRow[] = [
  row('zeta', 1, 'Pb'),
  row('alpha', 1, 'Pa', 'Indicator', 2),
  row('Beta', 1, 'Pa'),
  row('Pb', 2, 'Idx'),
  row('Pa', 2, 'Idx'),
  row('Idx', 3, null),
  row('G', NaN, null, 'Group'),
];

describe('buildFramework', () => {
  it('indexes levels, children and types', () => {
    const { framework: fw, issues } = buildFramework(meta);
    expect(issues).toEqual([]);
    expect(fw?.maxLevel).toBe(3);
    expect(fw?.indicators().map((r) => r.iCode)).toEqual(['zeta', 'alpha', 'Beta']);
    expect(fw?.childrenOf('Pa').map((r) => r.iCode)).toEqual(['alpha', 'Beta']);
    expect(fw?.levelOf('Pb')).toBe(2);
    expect(fw?.levelOf('G')).toBeNaN();
    expect(fw?.groupCodes()).toEqual(['G']);
  });
  it('reports each structural problem with its row and field', () => {
    const bad = [
      row('a', 1, 'P'),
      row('a', 1, 'Nope'),
      row('P', 2, null),
      row('E', 2, null),
      row('b', 2, 'P', 'Indicator'),
    ];
    const { framework, issues } = buildFramework(bad, 'iMeta.csv');
    expect(framework).toBeUndefined();
    const codes = issues.map((i) => `${i.code}@${i.row}/${i.field}`);
    expect(codes).toContain('imeta.code.duplicate@3/iCode');
    expect(codes).toContain('imeta.parent.unknown@3/Parent');
    expect(codes).toContain('imeta.aggregate.empty@5/iCode');
    expect(codes).toContain('imeta.level.indicator@6/Level');
    expect(issues.every((i) => i.file === 'iMeta.csv')).toBe(true);
  });
});

describe('COINr orderings', () => {
  const fw = buildFramework(meta).framework;
  if (!fw) throw new Error('framework');
  it('aggregates of a level are built in sorted code order (tapply)', () => {
    expect(aggregationPlan(fw).map((l) => l.map((g) => g.code))).toEqual([['Pa', 'Pb'], ['Idx']]);
    expect(Array.from(aggregationPlan(fw)[0]?.[0]?.weights ?? [])).toEqual([2, 1]);
  });
  it('lineage order sorts by the ancestors from the top, then the code (case-insensitive first)', () => {
    expect(lineageOrder(fw)).toEqual(['alpha', 'Beta', 'zeta']);
  });
  it('results order: level descending, then parent, then iMeta order', () => {
    expect(resultsOrder(fw).map((r) => r.iCode)).toEqual(['Idx', 'Pb', 'Pa', 'alpha', 'Beta', 'zeta']);
  });
});
