// Cronbach's alpha of a set of columns, COINr's get_cronbach().
import type { Dataset, Framework } from '../types.js';
import { columnOf, covariance } from './correlation.js';
import { coinStructure, selectCodes } from './structure.js';

/**
 * Cronbach's alpha from the pairwise-complete covariance matrix C of k columns:
 * α = k² · mean(off-diagonal C) / ΣC (equivalently k/(k−1) · (1 − tr C / ΣC)). NaN entries of C are
 * left out of both sums, as COINr does.
 */
export const cronbachAlpha = (cols: readonly ArrayLike<number>[]): number => {
  const k = cols.length;
  if (k < 2) return Number.NaN;
  let all = 0;
  let diag = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const c = covariance(cols[i] as ArrayLike<number>, cols[j] as ArrayLike<number>);
      if (Number.isNaN(c)) continue;
      all += c;
      if (i === j) diag += c;
    }
  }
  const offMean = (all - diag) / (k * (k - 1));
  return (k * k * offMean) / all;
};

/**
 * COINr's get_cronbach(coin, dset, iCodes, Level): alpha of the columns selected as get_data() does
 * (e.g. iCodes = ["Conn"], level = 1 takes every indicator under "Conn").
 */
export const getCronbach = (
  fw: Framework,
  data: Dataset,
  iCodes: readonly string[] | null,
  level: number | null,
): number => {
  const codes = selectCodes(coinStructure(fw), iCodes, level);
  return cronbachAlpha(codes.map((c) => columnOf(data, c)));
};
