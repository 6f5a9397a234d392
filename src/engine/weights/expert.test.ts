import { describe, expect, it } from 'vitest';
import { checkExpertPoints, expertPointWeights } from './expert.js';

describe('expertPointWeights', () => {
  const points = [
    [40, 30, 20, 10],
    [25, 25, 25, 25],
    [50, 20, 20, 10],
  ];

  it('averages each expert’s budget shares (budget allocation)', () => {
    const r = expertPointWeights(points, { budget: 100 });
    const expected = [
      (0.4 + 0.25 + 0.5) / 3,
      (0.3 + 0.25 + 0.2) / 3,
      (0.2 + 0.25 + 0.2) / 3,
      (0.1 + 0.25 + 0.1) / 3,
    ];
    expected.forEach((w, i) => expect(r.weights[i]).toBeCloseTo(w, 14));
    expect(Array.from(r.min)).toEqual([0.25, 0.2, 0.2, 0.1]);
    expect(Array.from(r.max)).toEqual([0.5, 0.3, 0.25, 0.25]);
  });

  it('lets every expert count equally however many points they spent, unlike the score method', () => {
    const uneven = [
      [9, 1],
      [1, 1],
    ];
    const budget = expertPointWeights(uneven);
    expect(budget.weights[0]).toBeCloseTo((0.9 + 0.5) / 2, 14);
    const score = expertPointWeights(uneven, { method: 'score' });
    expect(score.weights[0]).toBeCloseTo(5 / 6, 14); // mean points 5 and 1
    const med = expertPointWeights([...points, [90, 5, 3, 2]], { combine: 'median' });
    const m0 = (0.4 + 0.5) / 2; // median of 0.25, 0.4, 0.5, 0.9
    const medians = [m0, (0.2 + 0.25) / 2, 0.2, 0.1];
    const s = medians.reduce((a, b) => a + b, 0);
    medians.forEach((v, i) => expect(med.weights[i]).toBeCloseTo(v / s, 14));
  });

  it('reports bad points by JSON pointer and refuses them', () => {
    const issues = checkExpertPoints([[50, 50], [60, -5], [0, 0], [100]], 100);
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ['expert.points.invalid', '/1/1'],
      ['expert.budget', '/1'],
      ['expert.points.zero', '/2'],
      ['expert.items.count', '/3'],
    ]);
    expect(() => expertPointWeights([[60, 30]], { budget: 100 })).toThrow(
      /\/0: Expert 0 spent 90 points; the budget is 100/,
    );
  });
});
