// Imputation methods, row-wise imputation with normalisation, and panel time-series filling,
// with expected values worked out by hand.
import { describe, expect, it } from 'vitest';
import { frameworkOf } from '../framework.js';
import { EngineError } from '../pipeline/errors.js';
import type { RunState } from '../pipeline/state.js';
import type { MetaRow } from '../types.js';
import { compileImpute } from './impute.js';
import { fillSeries } from './impute-panel.js';

const ind = (code: string, direction: 1 | -1 = 1, parent = 'Index'): MetaRow => ({
  iCode: code,
  iName: code,
  level: 1,
  parent,
  direction,
  weight: 1,
  type: 'Indicator',
  extra: {},
});
const agg = (code: string, level: number, parent: string | null): MetaRow => ({
  iCode: code,
  iName: code,
  level,
  parent,
  direction: 1,
  weight: 1,
  type: 'Aggregate',
  extra: {},
});
const fw = frameworkOf([
  ind('I1'),
  ind('I2', -1),
  agg('Index', 2, null),
  { iCode: 'Grp', iName: 'Grp', level: NaN, parent: null, direction: 1, weight: 1, type: 'Group', extra: {} },
]);
const state = (cols: number[][], groups: (string | null)[] = [], time?: number): RunState => {
  const uCodes = (cols[0] ?? []).map((_, i) => `U${i + 1}`);
  return {
    data: { uCodes, iCodes: cols.map((_, j) => `I${j + 1}`), cols: cols.map((c) => Float64Array.from(c)) },
    units: {
      uCodes,
      uNames: uCodes,
      groups: { Grp: groups },
      denominators: { uCodes, iCodes: [], cols: [] },
      ...(time !== undefined ? { time: new Float64Array(uCodes.length).fill(time) } : {}),
    },
  };
};
const out = (step: ReturnType<typeof compileImpute>, s: RunState | RunState[]) =>
  step.run(Array.isArray(s) ? s : [s]).map((o) => o.state.data.cols.map((c) => Array.from(c)));

describe('Impute step (COINr Impute)', () => {
  it('i_mean and i_median by column', () => {
    expect(
      out(
        compileImpute({ step: 'Impute' }, fw, 0),
        state([
          [1, NaN, 3],
          [1, 2, 3],
        ]),
      )[0],
    ).toEqual([
      [1, 2, 3],
      [1, 2, 3],
    ]);
    expect(
      out(
        compileImpute({ step: 'Impute', f_i: 'i_median' }, fw, 0),
        state([
          [1, NaN, 3, 10],
          [1, 2, 3, 4],
        ]),
      )[0]?.[0],
    ).toEqual([1, 3, 3, 10]);
  });
  it('i_mean_grp / i_median_grp within use_group; units without a group stay missing', () => {
    const s = state(
      [
        [1, NaN, 3, 10, NaN, NaN],
        [1, 1, 1, 1, 1, 1],
      ],
      ['a', 'a', 'a', 'b', 'b', null],
    );
    expect(
      out(compileImpute({ step: 'Impute', f_i: 'i_mean_grp', use_group: 'Grp' }, fw, 0), s)[0]?.[0],
    ).toEqual([1, 2, 3, 10, 10, NaN]);
    expect(
      out(compileImpute({ step: 'Impute', f_i: 'i_median_grp', use_group: 'Grp' }, fw, 0), s)[0]?.[0],
    ).toEqual([1, 2, 3, 10, 10, NaN]);
    expect(() => compileImpute({ step: 'Impute', f_i: 'i_mean_grp' }, fw, 1)).toThrow(
      /step 2 \(Impute\).*use_group/,
    );
  });
  it('row-wise imputation normalises first (direction applied) and scales back', () => {
    // I1 = 0, 10, 2.5 → 0, 1, 0.25; I2 (direction −1) = 0, 100, NaN → −I2 in [−100, 0] → 1, 0, NaN.
    // Row 3: mean of the present 0.25 → −I2 = 0.25·100 − 100 = −75 → I2 = 75.
    const r = out(
      compileImpute({ step: 'Impute', impute_by: 'row' }, fw, 0),
      state([
        [0, 10, 2.5],
        [0, 100, NaN],
      ]),
    )[0];
    expect(r?.[1]?.[2]).toBeCloseTo(75, 12);
    expect(r?.[0]).toEqual([0, 10, 2.5]);
    // Without normalisation the raw row mean is used.
    const raw = out(
      compileImpute({ step: 'Impute', impute_by: 'row', normalise_first: false }, fw, 0),
      state([
        [0, 10, 2.5],
        [0, 100, NaN],
      ]),
    )[0];
    expect(raw?.[1]?.[2]).toBe(2.5);
  });
  it('impute_by "df" uses the whole table; group_level imputes rows within framework groups', () => {
    expect(
      out(
        compileImpute({ step: 'Impute', impute_by: 'df' }, fw, 0),
        state([
          [1, NaN],
          [3, 5],
        ]),
      )[0],
    ).toEqual([
      [1, 3],
      [3, 5],
    ]);
    const fw2 = frameworkOf([
      ind('I1', 1, 'P1'),
      ind('I2', 1, 'P1'),
      ind('I3', 1, 'P2'),
      agg('P1', 2, 'Index'),
      agg('P2', 2, 'Index'),
      agg('Index', 3, null),
    ]);
    const s = state([
      [1, 2],
      [NaN, 3],
      [100, 4],
    ]);
    const byRow = { step: 'Impute' as const, impute_by: 'row' as const, normalise_first: false };
    expect(out(compileImpute(byRow, fw2, 0), s)[0]?.[1]).toEqual([50.5, 3]);
    expect(out(compileImpute({ ...byRow, group_level: 2 }, fw2, 0), s)[0]?.[1]).toEqual([1, 3]);
  });
  it('a column with no value at all cannot be imputed (COINr stops there)', () => {
    expect(() =>
      compileImpute({ step: 'Impute' }, fw, 0).run([
        state([
          [NaN, NaN],
          [1, 2],
        ]),
      ]),
    ).toThrow(EngineError);
  });
  it('"none" and disable pass the data through', () => {
    const s = state([
      [1, NaN],
      [1, 2],
    ]);
    expect(compileImpute({ step: 'Impute', f_i: 'none' }, fw, 0).run([s])[0]?.state).toBe(s);
  });
});

describe('panel imputation (COINr impute_panel)', () => {
  const t = [2018, 2019, 2020, 2021, 2022];
  const v = Float64Array.from([NaN, 2, NaN, NaN, 5]);
  it('latest: the latest earlier value, at most max_time back', () => {
    expect(Array.from(fillSeries(t, v, 'latest', undefined, 'x'))).toEqual([NaN, 2, 2, 2, 5]);
    expect(Array.from(fillSeries(t, v, 'latest', 1, 'x'))).toEqual([NaN, 2, 2, NaN, 5]);
  });
  it('constant and linear interpolate inside and hold the nearest value outside (rule = 2)', () => {
    expect(Array.from(fillSeries(t, v, 'constant', undefined, 'x'))).toEqual([2, 2, 2, 2, 5]);
    expect(Array.from(fillSeries(t, v, 'linear', undefined, 'x'))).toEqual([2, 2, 3, 4, 5]);
    // uneven years: 2 at 2019, 5 at 2025 → 2021 is a third of the way
    expect(
      fillSeries([2019, 2021, 2025], Float64Array.from([2, NaN, 5]), 'linear', undefined, 'x')[1],
    ).toBeCloseTo(3, 14);
  });
  it("COINr's own test: (3, NA, 5) → 4, (NA, 5, 6) → 5, (7, 8, NA) → 8", () => {
    expect(
      Array.from(fillSeries([1, 2, 3], Float64Array.from([3, NaN, 5]), 'linear', undefined, 'x')),
    ).toEqual([3, 4, 5]);
    expect(
      Array.from(fillSeries([1, 2, 3], Float64Array.from([NaN, 5, 6]), 'linear', undefined, 'x')),
    ).toEqual([5, 5, 6]);
    expect(
      Array.from(fillSeries([1, 2, 3], Float64Array.from([7, 8, NaN]), 'linear', undefined, 'x')),
    ).toEqual([7, 8, 8]);
  });
  it('linear needs two observations; linear-constant falls back to constant', () => {
    const one = Float64Array.from([NaN, 4, NaN]);
    expect(() => fillSeries([1, 2, 3], one, 'linear', undefined, 'unit A')).toThrow(/unit A/);
    expect(Array.from(fillSeries([1, 2, 3], one, 'linear-constant', undefined, 'x'))).toEqual([4, 4, 4]);
  });
  it('the Impute step fills each unit across time points, even when years come unsorted', () => {
    const step = compileImpute(
      { step: 'Impute', f_i: 'impute_panel', f_i_para: { imp_type: 'linear' } },
      fw,
      0,
    );
    const y2020 = state(
      [
        [3, 1],
        [1, 1],
      ],
      [],
      2020,
    );
    const y2018 = state(
      [
        [1, NaN],
        [1, 1],
      ],
      [],
      2018,
    );
    const y2019 = state(
      [
        [NaN, 5],
        [1, 1],
      ],
      [],
      2019,
    );
    const r = out(step, [y2020, y2018, y2019]);
    expect(r[2]?.[0]).toEqual([2, 5]); // 2019, U1 between 1 and 3
    expect(r[1]?.[0]).toEqual([1, 5]); // 2018, U2 before its first value 5
    expect(() => step.run([y2020])).toThrow(/only one time point/);
  });
});
