import { describe, expect, it } from 'vitest';
import { frameworkOf } from '../framework.js';
import type { MetaRow } from '../types.js';
import { compileDenominate } from './denominate.js';

const meta: MetaRow[] = [
  {
    iCode: 'Goods',
    iName: 'Goods',
    level: 1,
    parent: 'Index',
    direction: 1,
    weight: 1,
    type: 'Indicator',
    denominator: 'GDP',
    extra: {},
  },
  {
    iCode: 'LPI',
    iName: 'LPI',
    level: 1,
    parent: 'Index',
    direction: 1,
    weight: 1,
    type: 'Indicator',
    extra: {},
  },
  {
    iCode: 'Index',
    iName: 'Index',
    level: 2,
    parent: null,
    direction: 1,
    weight: 1,
    type: 'Aggregate',
    extra: {},
  },
  {
    iCode: 'GDP',
    iName: 'GDP',
    level: NaN,
    parent: null,
    direction: 1,
    weight: 1,
    type: 'Denominator',
    extra: {},
  },
];
const fw = frameworkOf(meta);
const s = {
  data: {
    uCodes: ['A', 'B'],
    iCodes: ['Goods', 'LPI'],
    cols: [Float64Array.from([10, 20]), Float64Array.from([3, 4])],
  },
  units: {
    uCodes: ['A', 'B'],
    uNames: ['A', 'B'],
    groups: {},
    denominators: { uCodes: ['A', 'B'], iCodes: ['GDP'], cols: [Float64Array.from([2, 4])] },
  },
};

describe('Denominate step (COINr Denominate)', () => {
  it('divides by the iMeta Denominator column and leaves other indicators alone', () => {
    const o = compileDenominate({ step: 'Denominate' }, fw, 0).run([s])[0];
    expect(Array.from(o?.state.data.cols[0] ?? [])).toEqual([5, 5]);
    expect(o?.state.data.cols[1]).toBe(s.data.cols[1]);
  });
  it('x / (denominator / ScaleFactor) with denomby, and inline denoms', () => {
    const o = compileDenominate(
      { step: 'Denominate', denomby: [{ iCode: 'LPI', Denominator: 'GDP', ScaleFactor: 1000 }] },
      fw,
      0,
    ).run([s])[0];
    expect(Array.from(o?.state.data.cols[1] ?? [])).toEqual([1500, 1000]);
    const inline = compileDenominate(
      {
        step: 'Denominate',
        denoms: [
          { uCode: 'A', GDP: 10 },
          { uCode: 'B', GDP: 5 },
        ],
      },
      fw,
      0,
    ).run([s])[0];
    expect(Array.from(inline?.state.data.cols[0] ?? [])).toEqual([1, 4]);
  });
  it('rejects unknown indicators and zero scale factors', () => {
    expect(() =>
      compileDenominate(
        { step: 'Denominate', denomby: [{ iCode: 'X', Denominator: 'GDP', ScaleFactor: 0 }] },
        fw,
        4,
      ),
    ).toThrow(/step 5 \(Denominate\)/);
  });
});
