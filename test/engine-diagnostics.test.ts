// Parity of the diagnostics with COINr 1.1.14 on its ASEM example: statistics, correlations,
// Cronbach's alpha, PCA and weights, each computed from COINr's own stage tables.
import { expect, it } from 'vitest';
import { getCorr, getCorrFlags } from '../src/engine/diagnostics/corr-table.js';
import { getCronbach } from '../src/engine/diagnostics/cronbach.js';
import { getPCA } from '../src/engine/diagnostics/pca.js';
import { getStats, type StatsRow } from '../src/engine/diagnostics/stats.js';
import { effectiveWeights } from '../src/engine/weights/effective.js';
import { originalWeights } from '../src/engine/weights/weight-set.js';
import {
  ASEM,
  asemFramework,
  expectClose,
  num,
  readDataset,
  readRecords,
  readTable,
} from './engine-diagnostics-fixtures.js';
import { describeShared } from './shared-data.js';

describeShared(ASEM, 'diagnostics parity with COINr (ASEM example)', () => {
  const fw = asemFramework();

  for (const stage of ['Raw', 'Treated'] as const) {
    it(`get_stats on ${stage} matches stats_${stage}.csv`, () => {
      const expected = readRecords(`example_coin/stats_${stage}.csv`);
      const actual = getStats(readDataset(`example_coin/${stage}.csv`));
      expect(actual.map((r) => r.iCode)).toEqual(expected.map((r) => r.iCode));
      expected.forEach((e, i) => {
        const a = actual[i] as StatsRow;
        for (const [field, value] of Object.entries(e)) {
          if (field === 'iCode') continue;
          const got = a[field as keyof StatsRow];
          if (field.startsWith('Flag.')) expect(got, `${e.iCode} ${field}`).toBe(value);
          else expectClose(got as number, num(value), `${e.iCode} ${field}`);
        }
      });
    });
  }

  const compareCorr = (rel: string, actual: { var1: string; var2: string; correlation: number }[]): void => {
    const expected = readRecords(rel);
    expect(actual.map((r) => `${r.var1}/${r.var2}`)).toEqual(expected.map((r) => `${r.Var1}/${r.Var2}`));
    expected.forEach((e, i) =>
      expectClose(
        (actual[i] as { correlation: number }).correlation,
        num(e.Correlation),
        `${e.Var1}/${e.Var2}`,
      ),
    );
  };

  it('get_corr Spearman within level 1 of Raw matches corr_Raw_L1_spearman.csv (order and values)', () => {
    const rows = getCorr(fw, readDataset('example_coin/Raw.csv'), {
      levels: 1,
      cortype: 'spearman',
      pval: 0,
    });
    expect(rows).toHaveLength(49 * 49);
    compareCorr('example_coin/corr_Raw_L1_spearman.csv', rows);
  });

  it('get_corr of indicators with their parent pillar matches corr_L1_L2_parent.csv', () => {
    const rows = getCorr(fw, readDataset('example_coin/Aggregated.csv'), {
      levels: [1, 2],
      withparent: true,
      pval: 0,
    });
    compareCorr('example_coin/corr_L1_L2_parent.csv', rows);
  });

  it('get_corr between levels 3 and 4 matches corr_L3_L4.csv', () => {
    const rows = getCorr(fw, readDataset('example_coin/Aggregated.csv'), { levels: [3, 4] });
    compareCorr('example_coin/corr_L3_L4.csv', rows);
  });

  it('get_corr_flags above 0.75 within pillars matches corr_flags_Normalised_0.75.csv', () => {
    const flags = getCorrFlags(fw, readDataset('example_coin/Normalised.csv'), {
      corThresh: 0.75,
      grouplev: 2,
    });
    const expected = readRecords('example_coin/corr_flags_Normalised_0.75.csv');
    expect(flags.map((f) => [f.group, f.ind1, f.ind2])).toEqual(
      expected.map((e) => [e.Group, e.Ind1, e.Ind2]),
    );
    expected.forEach((e, i) => expectClose(flags[i]?.corr ?? Number.NaN, num(e.Corr), `${e.Ind1}/${e.Ind2}`));
  });

  it("Cronbach's alpha of each sub-index's indicators matches cronbach_Normalised.csv", () => {
    const data = readDataset('example_coin/Normalised.csv');
    const [e] = readRecords('example_coin/cronbach_Normalised.csv');
    for (const group of ['Conn', 'Sust'])
      expectClose(getCronbach(fw, data, [group], 1), num(e?.[group]), group);
  });

  it('PCA over all indicators: sdev matches PCA_Normalised_L1_all_sdev.csv', () => {
    const { results } = getPCA(fw, readDataset('example_coin/Normalised.csv'), { level: 1, byGroups: false });
    const expected = readRecords('example_coin/PCA_Normalised_L1_all_sdev.csv');
    const sdev = results[0]?.pca.sdev ?? new Float64Array();
    expect(sdev.length).toBe(expected.length);
    expected.forEach((e, k) => expectClose(sdev[k] as number, num(e.sdev), e.pc ?? ''));
  });

  /** Compares weights of some codes with a sign per group (a component's sign is arbitrary). */
  const compareUpToSign = (
    actual: { iCode: string; weight: number }[],
    rel: string,
    groups: string[][],
  ): void => {
    const expected = new Map(readRecords(rel).map((r) => [r.iCode as string, num(r.Weight)]));
    const got = new Map(actual.map((w) => [w.iCode, w.weight]));
    expect([...got.keys()]).toEqual([...expected.keys()]);
    for (const codes of groups) {
      const first = codes[0] as string;
      const sign = Math.sign(got.get(first) as number) * Math.sign(expected.get(first) as number);
      for (const c of codes) expectClose(sign * (got.get(c) as number), expected.get(c) as number, c);
    }
    const inGroups = new Set(groups.flat());
    for (const [c, w] of expected) if (!inGroups.has(c)) expectClose(got.get(c) as number, w, c);
  };

  it('PCA weights over all indicators match PCA_weights_Normalised_L1_all_bygroupsFALSE.csv up to sign', () => {
    const { weights } = getPCA(fw, readDataset('example_coin/Normalised.csv'), { level: 1, byGroups: false });
    const l1 = weights.filter((w) => w.level === 1);
    compareUpToSign(l1, 'example_coin/PCA_weights_Normalised_L1_all_bygroupsFALSE.csv', [
      l1.map((w) => w.iCode),
    ]);
    // Our sign convention: loadings of a component sum to a non-negative number.
    expect(l1.reduce((s, w) => s + w.weight, 0)).toBeGreaterThan(0);
  });

  it('PCA weights of pillars by sub-index match PCA_weights_Aggregated_L2.csv up to sign per group', () => {
    const { weights, results } = getPCA(fw, readDataset('example_coin/Aggregated.csv'), { level: 2 });
    expect(results.map((r) => r.group)).toEqual(['Conn', 'Sust']);
    compareUpToSign(
      weights,
      'example_coin/PCA_weights_Aggregated_L2.csv',
      results.map((r) => r.pca.iCodes),
    );
  });

  it('effective weights match EffWeights.csv and original weights match Weights_Original.csv', () => {
    const eff = effectiveWeights(fw);
    const expected = readRecords('example_coin/EffWeights.csv');
    expect(eff.map((r) => r.iCode)).toEqual(expected.map((r) => r.iCode));
    expected.forEach((e, i) => {
      expect(eff[i]?.level).toBe(num(e.Level));
      expectClose(eff[i]?.effWeight ?? Number.NaN, num(e.EffWeight), e.iCode ?? '');
    });
    const orig = originalWeights(fw);
    const { rows } = readTable('example_coin/Weights_Original.csv');
    expect(orig.map((w) => [w.iCode, w.level, w.weight])).toEqual(
      rows.map((r) => [r[0], num(r[1]), num(r[2])]),
    );
  });
});
