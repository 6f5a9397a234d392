import { describe, expect, it } from 'vitest';
import { kaplanMeier, survivalAt } from './survival.js';

describe('kaplanMeier', () => {
  // Worked by hand: six firms, failures at 1, 2, 3, 5; censored at 2 (tied with a failure) and 4.
  //   t=1: 6 at risk, 1 fails      S = 5/6
  //   t=2: 5 at risk, 1 fails, 1 censored  S = 5/6 · 4/5 = 2/3
  //   t=3: 3 at risk, 1 fails      S = 2/3 · 2/3 = 4/9
  //   t=4: 2 at risk, 1 censored   S = 4/9
  //   t=5: 1 at risk, 1 fails      S = 0
  const durations = [3, 1, 2, 5, 2, 4];
  const failed = [1, 1, 0, 1, 1, 0];

  it('reproduces the hand-worked curve', () => {
    const c = kaplanMeier(durations, failed);
    expect(c.n).toBe(6);
    expect(c.events).toBe(4);
    expect(c.maxTime).toBe(5);
    expect(c.steps.map((s) => s.time)).toEqual([1, 2, 3, 4, 5]);
    expect(c.steps.map((s) => s.atRisk)).toEqual([6, 5, 3, 2, 1]);
    expect(c.steps.map((s) => s.events)).toEqual([1, 1, 1, 0, 1]);
    expect(c.steps.map((s) => s.censored)).toEqual([0, 1, 0, 1, 0]);
    const expected = [5 / 6, 2 / 3, 4 / 9, 4 / 9, 0];
    c.steps.forEach((s, i) => expect(s.survival).toBeCloseTo(expected[i] as number, 15));
  });

  it('gives Greenwood standard errors', () => {
    const c = kaplanMeier(durations, failed);
    // Var = S² Σ d/(n(n−d)): at t=1, 1/(6·5); at t=2, + 1/(5·4).
    expect(c.steps[0]?.stdErr).toBeCloseTo((5 / 6) * Math.sqrt(1 / 30), 15);
    expect(c.steps[1]?.stdErr).toBeCloseTo((2 / 3) * Math.sqrt(1 / 30 + 1 / 20), 15);
    expect(Number.isNaN(c.steps[4]?.stdErr)).toBe(true);
  });

  it('reads S(t) as a right-continuous step function, NaN beyond the follow-up', () => {
    const c = kaplanMeier(durations, failed);
    expect(survivalAt(c, 0.5)).toBe(1);
    expect(survivalAt(c, 1)).toBeCloseTo(5 / 6, 15);
    expect(survivalAt(c, 2.5)).toBeCloseTo(2 / 3, 15);
    expect(survivalAt(c, 4.99)).toBeCloseTo(4 / 9, 15);
    expect(survivalAt(c, 5)).toBe(0);
    expect(survivalAt(c, 5.01)).toBeNaN();
    expect(survivalAt(kaplanMeier([], []), 1)).toBeNaN();
  });

  it('matches the published 6-MP arm of Freireich et al. (1963)', () => {
    // Weeks of remission; + = censored. Published KM values: S(6)=.857, S(7)=.807, S(10)=.753,
    // S(13)=.690, S(16)=.627, S(22)=.538, S(23)=.448.
    const weeks = '6 6 6 6+ 7 9+ 10 10+ 11+ 13 16 17+ 19+ 20+ 22 23 25+ 32+ 32+ 34+ 35+'.split(' ');
    const c = kaplanMeier(
      weeks.map((w) => Number.parseInt(w, 10)),
      weeks.map((w) => !w.endsWith('+')),
    );
    const published: [number, number][] = [
      [6, 0.857],
      [7, 0.807],
      [10, 0.753],
      [13, 0.69],
      [16, 0.627],
      [22, 0.538],
      [23, 0.448],
    ];
    for (const [t, s] of published) expect(survivalAt(c, t)).toBeCloseTo(s, 3);
    expect(survivalAt(c, 35)).toBeCloseTo(0.448, 3);
  });

  it('ignores negative and non-finite durations and checks lengths', () => {
    const c = kaplanMeier([1, -1, Number.NaN, 2], [1, 1, 1, 0]);
    expect(c.n).toBe(2);
    expect(survivalAt(c, 1)).toBe(0.5);
    expect(() => kaplanMeier([1, 2], [1])).toThrow(/2 durations but 1 event flags/);
  });
});
