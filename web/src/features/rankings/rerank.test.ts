import { describe, expect, it } from 'vitest';
import { formatWeights, parseWeights, rerank, shares, toColumns } from './rerank.js';

// Three units, three pillars: A strong on the first, B on the second, C missing the third.
const values = [
  [90, 40, 60],
  [30, 80, 50],
  [50, 50, null],
];

describe('live re-ranking', () => {
  it('reproduces the weighted mean and ranks best first', () => {
    const { scores, ranks } = rerank(toColumns(values), [0.5, 0.3, 0.2]);
    expect(scores[0]).toBeCloseTo(0.5 * 90 + 0.3 * 30 + 0.2 * 50, 12);
    expect(scores[1]).toBeCloseTo(0.5 * 40 + 0.3 * 80 + 0.2 * 50, 12);
    // C has no third pillar: the other weights are renormalised (0.5 + 0.3)
    expect(scores[2]).toBeCloseTo((0.5 * 60 + 0.3 * 50) / 0.8, 12);
    expect([...ranks]).toEqual([1, 3, 2]);
  });

  it('moves units when a weight moves', () => {
    const before = rerank(toColumns(values), [1, 0, 0]).ranks;
    const after = rerank(toColumns(values), [0, 1, 0]).ranks;
    expect([...before]).toEqual([1, 3, 2]);
    expect([...after]).toEqual([3, 1, 2]);
  });

  it('shares ties and leaves units without any value unranked', () => {
    const { ranks } = rerank(
      toColumns([
        [10, 10, null],
        [5, 5, null],
      ]),
      [1, 1],
    );
    expect(ranks[0]).toBe(1);
    expect(ranks[1]).toBe(1);
    expect(Number.isNaN(ranks[2] as number)).toBe(true);
  });

  it('reads and writes weights in the URL, keeping defaults for codes not given', () => {
    const w = parseWeights('IP:50,SC:abc,XX:3', ['SC', 'IP', 'OS'], [0.3, 0.4, 0.15]);
    expect(w).toEqual([0.3, 50, 0.15]);
    expect(formatWeights(['SC', 'IP'], [0.3, 50])).toBe('SC:0.3,IP:50');
    expect(shares([1, 3])).toEqual([0.25, 0.75]);
    expect(shares([0, 0])).toEqual([0, 0]);
  });
});
