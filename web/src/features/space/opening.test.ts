import { describe, expect, it } from 'vitest';
import { openState, parseOpeningHours, wallClock, weekHours } from './opening.js';

describe('opening hours', () => {
  it('builds the wall-clock time of another zone', () => {
    // 2024-03-04 02:30 UTC is 10:30 in Shanghai (UTC+8, no daylight saving).
    const d = wallClock(new Date(Date.UTC(2024, 2, 4, 2, 30)), 'Asia/Shanghai');
    expect([d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes()]).toEqual([
      2024, 2, 4, 10, 30,
    ]);
  });

  it('says open or closed and when that changes', async () => {
    const r = await parseOpeningHours('Mo-Fr 09:00-18:00; Sa 10:00-17:00', 'CN');
    if (!('oh' in r)) throw new Error(r.error);
    const monday1030 = new Date(2024, 2, 4, 10, 30);
    const open = openState(r.oh, monday1030);
    expect(open.state).toBe('open');
    expect(open.next?.getHours()).toBe(18);
    const sunday = openState(r.oh, new Date(2024, 2, 10, 12, 0));
    expect(sunday.state).toBe('closed');
    expect(sunday.next?.getDay()).toBe(1); // opens again on Monday
  });

  it('lists a week from Monday, with 24/7 shown as whole days', async () => {
    const r = await parseOpeningHours('Mo-Fr 09:00-21:00; Sa 10:00-17:00', 'CN');
    if (!('oh' in r)) throw new Error(r.error);
    const week = weekHours(r.oh, new Date(2024, 2, 6, 12, 0)); // a Wednesday
    expect(week.map((d) => d.intervals)).toEqual([
      ['09:00–21:00'],
      ['09:00–21:00'],
      ['09:00–21:00'],
      ['09:00–21:00'],
      ['09:00–21:00'],
      ['10:00–17:00'],
      [],
    ]);
    const always = await parseOpeningHours('24/7', 'CN');
    if (!('oh' in always)) throw new Error(always.error);
    expect(weekHours(always.oh, new Date(2024, 2, 6))[0]?.intervals).toEqual(['00:00–24:00']);
  });

  it('reports invalid syntax instead of throwing', async () => {
    const r = await parseOpeningHours('whenever we feel like it', 'CN');
    expect('error' in r).toBe(true);
  });
});
