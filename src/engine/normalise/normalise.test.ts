import { describe, expect, it } from 'vitest';
import { frameworkOf } from '../framework.js';
import type { MetaRow } from '../types.js';
import { compileNormalise } from './normalise.js';

const row = (iCode: string, direction: 1 | -1, extra: MetaRow['extra'] = {}, target?: number): MetaRow => ({
  iCode,
  iName: iCode,
  level: 1,
  parent: 'Index',
  direction,
  weight: 1,
  type: 'Indicator',
  extra,
  ...(target !== undefined ? { target } : {}),
});
const fw = frameworkOf([
  row('T', -1, { dist2targ_cap_max: 'FALSE', minmax_lower: 1, minmax_upper: 10 }, 2),
  row('U', 1, { Minmax_Lower: 0, MINMAX_UPPER: 1 }, 4),
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
]);
const state = () => {
  const uCodes = ['a', 'b', 'c'];
  return {
    data: { uCodes, iCodes: ['T', 'U'], cols: [Float64Array.from([1, 3, 5]), Float64Array.from([2, 3, 6])] },
    units: { uCodes, uNames: uCodes, groups: {}, denominators: { uCodes, iCodes: [], cols: [] } },
  };
};
const cols = (args: Parameters<typeof compileNormalise>[0]) =>
  compileNormalise(args, fw, 0)
    .run([state()])[0]
    ?.state.data.cols.map((c) => Array.from(c));

describe('Normalise step', () => {
  it('multiplies by the direction first (−T), default min-max 0–100', () => {
    expect(cols({ step: 'Normalise' })).toEqual([
      [100, 50, 0],
      [0, 25, 100],
    ]);
  });
  it('directions override iMeta', () => {
    expect(cols({ step: 'Normalise', directions: { T: 1 } })?.[0]).toEqual([0, 50, 100]);
  });
  it('use_iMeta: Target × Direction for n_dist2targ; columns matched case-insensitively', () => {
    // −T = −1, −3, −5 and target −2: (x − (−5)) / (−2 − (−5))
    const t = cols({ step: 'Normalise', global_specs: { f_n: 'n_dist2targ', f_n_para: 'use_iMeta' } });
    t?.[0]?.forEach((v, i) => expect(v).toBeCloseTo(([4, 2, 0][i] as number) / 3, 14));
    // U: (x − 2)/(4 − 2)
    expect(t?.[1]).toEqual([0, 0.5, 2]);
    const mm = cols({ step: 'Normalise', global_specs: { f_n: 'n_minmax', f_n_para: 'use_iMeta' } });
    expect(mm).toEqual([
      [10, 5.5, 1],
      [0, 0.25, 1],
    ]);
  });
  it('indiv_specs replace the global spec for one indicator', () => {
    expect(cols({ step: 'Normalise', indiv_specs: { U: { f_n: 'n_fracmax' } } })?.[1]).toEqual([
      2 / 6,
      3 / 6,
      1,
    ]);
    expect(() => compileNormalise({ step: 'Normalise', indiv_specs: { Z: {} } }, fw, 3)).toThrow(
      /step 4 \(Normalise\).*"Z"/,
    );
    expect(() =>
      compileNormalise(
        { step: 'Normalise', global_specs: { f_n: 'n_zscore', f_n_para: 'use_iMeta' } },
        fw,
        0,
      ),
    ).toThrow(/zscore_mean, zscore_sd/);
  });
});
