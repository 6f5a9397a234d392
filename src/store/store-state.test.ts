import { describe, expect, it } from 'vitest';
import { StoreState, VersionedMemo } from './store-state.js';

describe('VersionedMemo', () => {
  it('serves an entry only for the version it was filed under', () => {
    const m = new VersionedMemo<number>(10);
    m.set('a', 1, 42);
    expect(m.get('a', 1)).toBe(42);
    expect(m.get('a', 2)).toBeUndefined();
    expect(m.get('a', 1)).toBeUndefined(); // a stale entry is dropped when met
  });

  it('evicts the least recently used entries beyond its weight', () => {
    const m = new VersionedMemo<number[]>(5, (v) => v.length);
    m.set('a', 1, [1, 2]);
    m.set('b', 1, [1, 2]);
    expect(m.get('a', 1)).toEqual([1, 2]); // a is now the most recent
    m.set('c', 1, [1, 2]); // weight 6 > 5: b goes
    expect(m.get('b', 1)).toBeUndefined();
    expect(m.get('a', 1)).toEqual([1, 2]);
    expect(m.get('c', 1)).toEqual([1, 2]);
    m.set('big', 1, [1, 2, 3, 4, 5, 6]); // heavier than the memo: kept alone
    expect(m.get('big', 1)).toHaveLength(6);
    expect(m.get('a', 1)).toBeUndefined();
  });

  it('keeps exactly what a reference LRU keeps, over a long mixed run', () => {
    const capacity = 40;
    const weigh = (v: number) => (v % 5) + 1;
    const m = new VersionedMemo<number>(capacity, weigh);
    // Reference: a Map in recency order (moved to the end on every hit).
    const ref = new Map<string, number>();
    let refWeight = 0;
    let seed = 7;
    const rand = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    for (let step = 0; step < 5000; step++) {
      const key = `k${rand(60)}`;
      if (rand(3) === 0) {
        const value = rand(1000);
        m.set(key, 1, value);
        if (ref.has(key)) refWeight -= weigh(ref.get(key)!);
        ref.delete(key);
        ref.set(key, value);
        refWeight += weigh(value);
        for (const [k, v] of ref) {
          if (refWeight <= capacity || k === key) break;
          ref.delete(k);
          refWeight -= weigh(v);
        }
      } else {
        const expected = ref.get(key);
        expect(m.get(key, 1), `step ${step}`).toBe(expected);
        if (expected !== undefined) {
          ref.delete(key);
          ref.set(key, expected);
        }
      }
    }
  });
});

describe('StoreState.memo', () => {
  it('recomputes after a bump and never files a result under a newer version', async () => {
    const s = new StoreState('sqlite');
    let calls = 0;
    const compute = async () => ++calls;
    expect(await s.memo(s.totals, 'k', compute)).toBe(1);
    expect(await s.memo(s.totals, 'k', compute)).toBe(1);
    s.bump();
    expect(await s.memo(s.totals, 'k', compute)).toBe(2);
    // A write lands while a value is computed: that value must not be served afterwards.
    const racing = s.memo(s.totals, 'r', async () => {
      s.bump();
      return -1;
    });
    expect(await racing).toBe(-1);
    expect(await s.memo(s.totals, 'r', compute)).toBe(3);
  });

  it('memoises nothing while disabled', async () => {
    const s = new StoreState('postgres');
    s.setCacheable(false);
    let calls = 0;
    await s.memo(s.totals, 'k', async () => ++calls);
    await s.memo(s.totals, 'k', async () => ++calls);
    expect(calls).toBe(2);
  });
});
