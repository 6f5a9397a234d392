// Parity of the unit-level diagnostics with COINr 1.1.14 on its ASEM example: strengths and
// weaknesses, unit summary, and the effect of removing each pillar on the index ranks.
import { expect, it } from 'vitest';
import { removeElements } from '../src/engine/diagnostics/remove-elements.js';
import { getStrWeak } from '../src/engine/diagnostics/str-weak.js';
import { compareResults, getUnitSummary } from '../src/engine/diagnostics/unit-summary.js';
import type { Dataset } from '../src/engine/types.js';
import { originalWeights, type WeightRow } from '../src/engine/weights/weight-set.js';
import { ASEM, asemFramework, num, readDataset, readRecords } from './engine-diagnostics-fixtures.js';
import { describeShared } from './shared-data.js';

describeShared(ASEM, 'unit diagnostics parity with COINr (ASEM example)', () => {
  const fw = asemFramework();

  it('get_str_weak(Raw, ESP) matches str_weak_ESP_strengths.csv and str_weak_ESP_weaknesses.csv', () => {
    // COINr adjusts directions by default when dset = "Raw".
    const sw = getStrWeak(fw, readDataset('example_coin/Raw.csv'), 'ESP', { adjustDirection: true });
    const pick = (rows: typeof sw.strengths) =>
      rows.map((r) => [r.code, r.name, r.group, r.rank, r.value, r.unit]);
    const want = (rel: string) =>
      readRecords(rel).map((e) => [e.Code, e.Name, e.Pillar, num(e.Rank), num(e.Value), e.Unit]);
    expect(pick(sw.strengths)).toEqual(want('example_coin/str_weak_ESP_strengths.csv'));
    expect(pick(sw.weaknesses)).toEqual(want('example_coin/str_weak_ESP_weaknesses.csv'));
  });

  it('get_unit_summary(IND, levels 4..2) matches unit_summary_IND.csv', () => {
    const rows = getUnitSummary(fw, readDataset('example_coin/Aggregated.csv'), 'IND', [4, 3, 2]);
    const expected = readRecords('example_coin/unit_summary_IND.csv');
    expect(rows.map((r) => [r.code, r.name, r.score, r.rank])).toEqual(
      expected.map((e) => [e.Code, e.Name, num(e.Score), num(e.Rank)]),
    );
  });

  /**
   * Rebuilds the aggregated data set from COINr's Normalised table with given weights: the weighted
   * arithmetic mean of present children, level by level (COINr's a_amean). Earlier steps do not
   * depend on weights, so this is what COINr's Regen yields in remove_elements.
   */
  const normalised = readDataset('example_coin/Normalised.csv');
  const rerun = (weights: WeightRow[]): Dataset => {
    const w = new Map(weights.map((r) => [r.iCode, r.weight]));
    const cols = new Map(normalised.iCodes.map((c, j) => [c, normalised.cols[j] as Float64Array]));
    const n = normalised.uCodes.length;
    for (let lev = 2; lev <= fw.maxLevel; lev++) {
      for (const agg of fw.atLevel(lev)) {
        const kids = fw.childrenOf(agg.iCode);
        cols.set(
          agg.iCode,
          Float64Array.from({ length: n }, (_, i) => {
            let s = 0;
            let sw = 0;
            for (const k of kids) {
              const v = (cols.get(k.iCode) as Float64Array)[i] as number;
              if (Number.isNaN(v)) continue;
              s += (w.get(k.iCode) as number) * v;
              sw += w.get(k.iCode) as number;
            }
            return sw === 0 ? Number.NaN : s / sw;
          }),
        );
      }
    }
    return { uCodes: [...normalised.uCodes], iCodes: [...cols.keys()], cols: [...cols.values()] };
  };

  it('the test rebuild reproduces COINr Aggregated.csv (so it can stand in for Regen)', () => {
    const ours = rerun(originalWeights(fw));
    const theirs = readDataset('example_coin/Aggregated.csv');
    for (const code of ['Physical', 'Conn', 'Index']) {
      const a = ours.cols[ours.iCodes.indexOf(code)] as Float64Array;
      const b = theirs.cols[theirs.iCodes.indexOf(code)] as Float64Array;
      a.forEach((v, i) => expect(Math.abs(v - (b[i] as number))).toBeLessThanOrEqual(1e-9));
    }
  });

  it('remove_elements(Level 2, Index) matches remove_elements_L2_MeanAbsDiff.csv', () => {
    const res = removeElements({
      weights: originalWeights(fw),
      level: 2,
      maxLevel: fw.maxLevel,
      nominal: readDataset('example_coin/Aggregated.csv'),
      iCode: 'Index',
      rerun,
    });
    const expected = readRecords('example_coin/remove_elements_L2_MeanAbsDiff.csv');
    expect(res.meanAbsDiff.map((r) => r.iCode)).toEqual(expected.map((e) => e.iCode));
    expected.forEach((e, k) =>
      expect(
        Math.abs((res.meanAbsDiff[k]?.meanAbsDiff ?? Number.NaN) - num(e.MeanAbsDiff)),
      ).toBeLessThanOrEqual(1e-9),
    );
  });

  it('compare_coins: rank changes between two results, over the union of units sorted by code', () => {
    const agg = readDataset('example_coin/Aggregated.csv');
    const conn = agg.cols[agg.iCodes.indexOf('Conn')] as Float64Array;
    const index = agg.cols[agg.iCodes.indexOf('Index')] as Float64Array;
    const first: Dataset = { uCodes: agg.uCodes, iCodes: ['Index'], cols: [index] };
    // The second result scores by Conn only and lacks the first unit.
    const second: Dataset = { uCodes: agg.uCodes.slice(1), iCodes: ['Index'], cols: [conn.slice(1)] };
    const rows = compareResults(first, second, 'Index');
    expect(rows.map((r) => r.uCode)).toEqual([...agg.uCodes].sort());
    const ranks = readRecords('example_coin/results_full_ranks.csv');
    const nominal = new Map(ranks.map((r) => [r.uCode as string, num(r.Index)]));
    for (const r of rows) expect(r.first).toBe(nominal.get(r.uCode));
    const missing = rows.find((r) => r.uCode === agg.uCodes[0]);
    expect(missing?.second).toBeNaN();
    // Independent ranking of Conn among the remaining units.
    const others = agg.uCodes.slice(1).map((u, i) => ({ u, v: conn[i + 1] as number }));
    for (const { u, v } of others) {
      const expectedRank = 1 + others.filter((o) => o.v > v).length;
      const row = rows.find((r) => r.uCode === u);
      expect(row?.second).toBe(expectedRank);
      expect(row?.diff).toBe((nominal.get(u) as number) - expectedRank);
      expect(row?.absDiff).toBe(Math.abs(row?.diff ?? Number.NaN));
    }
  });
});
