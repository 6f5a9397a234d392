import { describe, expect, it } from 'vitest';
import { parseSensitivitySpec, SensitivitySpecError } from './validate.js';

const good = {
  type: 'SA',
  N: 10,
  target: { iCode: 'Index' },
  inputs: [
    { name: 'A', address: '/steps/0/winmax', type: 'discrete', distribution: [1, 2] },
    { name: 'B', address: '/steps/1/w', type: 'continuous', distribution: [0, 1] },
  ],
};

const issues = (spec: unknown) => {
  try {
    parseSensitivitySpec(spec);
  } catch (e) {
    if (e instanceof SensitivitySpecError) return e.issues.map((i) => `${i.path} ${i.message}`);
    throw e;
  }
  return [];
};
const input = (k: number, patch: object) => ({
  ...good,
  inputs: good.inputs.map((inp, i) => (i === k ? { ...inp, ...patch } : inp)),
});

describe('parseSensitivitySpec', () => {
  it('accepts a well-formed spec', () => {
    expect(issues(good)).toEqual([]);
    expect(parseSensitivitySpec(good).inputs).toHaveLength(2);
  });

  it('rejects a non-object and lists every structural problem with a pointer', () => {
    expect(issues([1])[0]).toMatch(/must be a JSON object/);
    const all = issues({ type: 'SA', N: 'many', target: {}, inputs: [{ name: 'A' }], extra: true });
    expect(all.some((m) => m.startsWith('/extra ') && /unknown key "extra"/.test(m))).toBe(true);
    expect(all.some((m) => m.startsWith('/N '))).toBe(true);
    expect(all.some((m) => /\/target .*missing "iCode"/.test(m))).toBe(true);
    expect(all.some((m) => /\/inputs\/0 input 1 \("A"\): missing/.test(m))).toBe(true);
  });

  it('names the input for type, distribution and noisy weights problems', () => {
    expect(issues(input(0, { type: 'normal' }))).toEqual([
      '/inputs/0/type input 1 ("A"): unknown type "normal" (expected "discrete" or "continuous")',
    ]);
    expect(issues(input(0, { distribution: [] }))[0]).toMatch(
      /^\/inputs\/0\/distribution input 1 \("A"\): the distribution is empty/,
    );
    expect(issues(input(0, { distribution: undefined }))[0]).toMatch(/needs "distribution"/);
    expect(issues(input(1, { distribution: [3, 1] }))[0]).toMatch(
      /^\/inputs\/1\/distribution .*upper > lower; got \[3,1\]/,
    );
    expect(
      issues(
        input(0, {
          distribution: undefined,
          noisy_weights: { levels: [2, 2], noise_factor: [0.1], n_rep: 5 },
        }),
      ),
    ).toEqual([
      '/inputs/0/noisy_weights input 1 ("A"): noisy_weights needs one noise_factor per level (got 2 level(s), 1 factor(s))',
      '/inputs/0/noisy_weights/levels input 1 ("A"): noisy_weights lists a level twice',
    ]);
    expect(issues(input(0, { noisy_weights: { levels: [2], noise_factor: [0.1], n_rep: 5 } }))[0]).toMatch(
      /either "distribution" or "noisy_weights"/,
    );
  });

  it('checks the analysis: type, at least two inputs for SA, unique names, pointer form', () => {
    expect(issues({ ...good, type: 'GSA' })[0]).toMatch(/^\/type unknown analysis type "GSA"/);
    expect(issues({ ...good, inputs: [good.inputs[0]] })[0]).toMatch(/at least two uncertain inputs/);
    expect(issues({ ...good, type: 'UA', inputs: [good.inputs[0]] })).toEqual([]);
    expect(issues(input(1, { name: 'A' }))[0]).toMatch(
      /^\/inputs\/1\/name input 2 \("A"\): the name is already used by input 1/,
    );
    expect(issues(input(0, { address: 'winmax' }))[0]).toMatch(/must be a JSON Pointer into a step/);
  });
});
