// Winsorisation, the log transforms and the two-stage Treat step on hand-made examples.
import { describe, expect, it } from 'vitest';
import { frameworkOf } from '../framework.js';
import type { MetaRow } from '../types.js';
import { TRANSFORMS, type TreatParams } from './transforms.js';
import { compileTreat } from './treat.js';
import { winsorise } from './winsorise.js';

const P: TreatParams = {
  naRm: true,
  winmax: 5,
  skewThresh: 2,
  kurtThresh: 3.5,
  forceWin: false,
  lambda: undefined,
  makepos: true,
};
const f = (v: number[]) => Float64Array.from(v);
const seq = (n: number, v = 1) => new Array<number>(n).fill(v);

describe('winsorise (COINr)', () => {
  it("COINr's example 1:10, 30, 100: the top point moves to 30 and the check then passes", () => {
    // After moving 100 → 30 the skew is ≈ 1.71 (< 2), so one point is enough.
    const r = winsorise(f([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30, 100]), P);
    expect(Array.from(r.x)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30, 30]);
    expect(r.nwin).toBe(1);
    expect(r.treated?.[11]).toBe('winhi');
    expect(r.treated?.filter((t) => t !== '')).toHaveLength(1);
  });
  it('points tied at the extreme move together to the next value inward', () => {
    const seq20 = Array.from({ length: 20 }, (_, i) => i + 1);
    const r = winsorise(f([...seq20, 100, 100]), P);
    expect(Array.from(r.x.slice(19))).toEqual([20, 20, 20]);
    expect(r.nwin).toBe(2);
    expect(r.treated?.slice(19)).toEqual(['', 'winhi', 'winhi']);
  });
  it('negative skew winsorises the low end; winmax 0 changes nothing', () => {
    const r = winsorise(f([-100, -30, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), P);
    expect(r.x[0]).toBe(-30);
    expect(r.treated?.[0]).toBe('winlo');
    const none = winsorise(f([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30, 100]), { ...P, winmax: 0 });
    expect(none.nwin).toBe(0);
    expect(Array.from(none.x)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30, 100]);
  });
  it('points moved earlier move again with the next extreme', () => {
    // 1..20, 60, 100 still fails after 100 → 60, so both top points then move to 20.
    const r = winsorise(f([...Array.from({ length: 20 }, (_, i) => i + 1), 60, 100]), P);
    expect(r.nwin).toBe(2);
    expect(Array.from(r.x.slice(19))).toEqual([20, 20, 20]);
    expect(r.treated?.slice(20)).toEqual(['winhi', 'winhi']);
  });
  it('fails (COINr stops, Treat keeps the column) when winsorising leaves a constant vector', () => {
    // 20 ones, 50, 100: 100 → 50 still fails, then both → 1 and the moments are undefined.
    expect(() => winsorise(f([...seq(20), 50, 100]), P)).toThrow(/undefined/);
  });
});

describe('log transforms and Box-Cox (COINr)', () => {
  const x = f([1, 2, 11]);
  it('log_CT = log(x − min + 0.01(max − min))', () => {
    expect(Array.from(TRANSFORMS.log_CT?.(x, P).x ?? [])).toEqual([
      Math.log(0.1),
      Math.log(1.1),
      Math.log(10.1),
    ]);
  });
  it('log_CT_orig, log_GII, boxcox', () => {
    expect(Array.from(TRANSFORMS.log_CT_orig?.(x, P).x ?? [])).toEqual([
      Math.log(1),
      Math.log(2),
      Math.log(11),
    ]);
    // (max − 1)(x − min)/(max − min) + 1 = x here
    TRANSFORMS.log_GII?.(x, P).x.forEach((v, i) => expect(v).toBeCloseTo(Math.log(x[i] as number), 14));
    expect(Array.from(TRANSFORMS.boxcox?.(x, { ...P, lambda: 2 }).x ?? [])).toEqual([0, 1.5, 60]);
    expect(TRANSFORMS.boxcox?.(x, { ...P, lambda: 2 }).treated).toBeUndefined();
    expect(Array.from(TRANSFORMS.boxcox?.(x, { ...P, lambda: 0 }).x ?? [])).toEqual([
      0,
      Math.log(2),
      Math.log(11),
    ]);
  });
  it('log_CT_plus mirrors the log for negative skew', () => {
    const r = TRANSFORMS.log_CT_plus?.(f([1, 10, 11]), P);
    expect(r?.treated?.[0]).toBe('log_CT_neg');
    [-Math.log(10.1), -Math.log(1.1), -Math.log(0.1)].forEach((v, i) => expect(r?.x[i]).toBeCloseTo(v, 14));
  });
});

const meta = (codes: string[]): MetaRow[] => [
  ...codes.map((c) => ({
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
const stateOf = (cols: number[][]) => {
  const uCodes = (cols[0] ?? []).map((_, i) => `U${i + 1}`);
  const iCodes = cols.map((_, j) => `I${j + 1}`);
  return {
    data: { uCodes, iCodes, cols: cols.map((c) => Float64Array.from(c)) },
    units: { uCodes, uNames: uCodes, groups: {}, denominators: { uCodes, iCodes: [], cols: [] } },
  };
};

describe('Treat step', () => {
  const fw = frameworkOf(meta(['I1', 'I2']));
  const heavy = [...seq(20), 50, 100];
  const fine = Array.from({ length: 22 }, (_, i) => i);
  it('falls back to log_CT on the ORIGINAL values when winsorising up to winmax is not enough', () => {
    const step = compileTreat({ step: 'Treat', global_specs: { f1_para: { winmax: 1 } } }, fw, 0);
    const [out] = step.run([stateOf([heavy, fine])]);
    const col = out?.state.data.cols[0] as Float64Array;
    expect(Array.from(col)).toEqual([...seq(20, Math.log(0.99)), Math.log(49.99), Math.log(99.99)]);
    expect(out?.state.data.cols[1]).toBe(out?.state.data.cols[1]);
    const d = out?.treat?.indicators[0];
    expect(d?.status).toBe('treated');
    expect(d?.nwin).toBe(1);
    expect(d?.check1?.pass).toBe(false);
    expect(d?.f2).toBe('log_CT');
    expect(out?.treat?.points[0]?.labels[21]).toBe('winhi+log_CT');
    expect(out?.treat?.points[0]?.labels[0]).toBe('+log_CT');
    expect(out?.treat?.indicators[1]?.status).toBe('passed');
  });
  it('combine_treat applies f2 to the winsorised values; indiv_specs "none" skips a column', () => {
    const step = compileTreat(
      {
        step: 'Treat',
        global_specs: { f1_para: { winmax: 1 } },
        combine_treat: true,
        indiv_specs: { I2: 'none' },
      },
      fw,
      0,
    );
    const [out] = step.run([stateOf([heavy, fine])]);
    const col = out?.state.data.cols[0] as Float64Array;
    // winsorised: 20 ones, 50, 50 → log(x − 1 + 0.49)
    expect(Array.from(col)).toEqual([...seq(20, Math.log(0.49)), Math.log(49.49), Math.log(49.49)]);
    expect(out?.treat?.indicators[1]?.status).toBe('none');
  });
  it('f2 null stops after winsorising; a constant column is left untreated', () => {
    const step = compileTreat({ step: 'Treat', winmax: 1, global_specs: { f2: null } }, fw, 0);
    const [out] = step.run([stateOf([heavy, seq(22, 3)])]);
    expect(Array.from((out?.state.data.cols[0] as Float64Array).slice(20))).toEqual([50, 50]);
    expect(out?.treat?.indicators[0]?.f2).toBeUndefined();
    expect(out?.treat?.indicators[1]?.status).toBe('failed');
    expect(Array.from(out?.state.data.cols[1] as Float64Array)).toEqual(seq(22, 3));
  });
  it('rejects boxcox without lambda and unknown indiv_specs codes', () => {
    expect(() => compileTreat({ step: 'Treat', global_specs: { f2: 'boxcox' } }, fw, 2)).toThrow(/lambda/);
    expect(() => compileTreat({ step: 'Treat', indiv_specs: { Nope: 'none' } }, fw, 2)).toThrow(
      /step 3 \(Treat\).*"Nope"/,
    );
  });
});
