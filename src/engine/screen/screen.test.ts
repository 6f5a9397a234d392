import { describe, expect, it } from 'vitest';
import { frameworkOf } from '../framework.js';
import type { MetaRow } from '../types.js';
import { compileScreen } from './screen.js';

const meta: MetaRow[] = [
  ...['I1', 'I2', 'I3'].map((c) => ({
    iCode: c,
    iName: c,
    level: 1,
    parent: 'Index',
    direction: 1 as const,
    weight: 1,
    type: 'Indicator' as const,
    extra: {},
  })),
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
];
const fw = frameworkOf(meta);
// A: 1, 0, NA (2/3 present, half of them zero); B: NA, NA, 2 (1/3 present); C: 0, 0, 0.
const s = () => {
  const uCodes = ['A', 'B', 'C'];
  return {
    data: {
      uCodes,
      iCodes: ['I1', 'I2', 'I3'],
      cols: [Float64Array.from([1, NaN, 0]), Float64Array.from([0, NaN, 0]), Float64Array.from([NaN, 2, 0])],
    },
    units: {
      uCodes,
      uNames: uCodes,
      groups: { g: ['x', 'y', 'z'] },
      denominators: { uCodes, iCodes: [], cols: [] },
    },
  };
};
const run = (args: Parameters<typeof compileScreen>[0]) => compileScreen(args, fw, 0).run([s()])[0];

describe('Screen step (COINr Screen)', () => {
  it('reports availability and the share of non-zero values', () => {
    const d = run({ step: 'Screen', unit_screen: 'none' })?.screen;
    expect(Array.from(d?.nMissing ?? [])).toEqual([1, 2, 0]);
    expect(Array.from(d?.nZero ?? [])).toEqual([1, 0, 3]);
    expect(Array.from(d?.datAvail ?? [])).toEqual([1 - 1 / 3, 1 - 2 / 3, 1]); // 1 − missing/columns, as COINr
    expect(Array.from(d?.nonZero ?? [])).toEqual([0.5, 1, 0]);
    expect(d?.removedUnits).toEqual([]);
  });
  it('byNA, byNZ, byNAandNZ with the default thresholds (2/3, 0.05)', () => {
    expect(run({ step: 'Screen', unit_screen: 'byNA' })?.screen?.removedUnits).toEqual(['B']);
    expect(run({ step: 'Screen', unit_screen: 'byNZ' })?.screen?.removedUnits).toEqual(['C']);
    expect(run({ step: 'Screen', unit_screen: 'byNAandNZ' })?.screen?.removedUnits).toEqual(['B', 'C']);
    expect(run({ step: 'Screen', unit_screen: 'byNA', dat_thresh: 0.9 })?.screen?.removedUnits).toEqual([
      'A',
      'B',
    ]);
  });
  it('Force overrides the rules, and removed units leave data and unit columns', () => {
    const o = run({
      step: 'Screen',
      unit_screen: 'byNAandNZ',
      Force: [
        { uCode: 'B', Include: true },
        { uCode: 'A', Include: false },
      ],
    });
    expect(o?.screen?.removedUnits).toEqual(['A', 'C']);
    expect(o?.state.data.uCodes).toEqual(['B']);
    expect(o?.state.units.groups.g).toEqual(['y']);
    expect(Array.from(o?.state.data.cols[2] ?? [])).toEqual([2]);
    expect(() =>
      run({ step: 'Screen', unit_screen: 'byNA', Force: [{ uCode: 'Z', Include: true }] }),
    ).toThrow(/Z/);
  });
});
