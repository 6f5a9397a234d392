// Diagnostics of an index, after COINr's analysis functions (names in brackets).
export { getStats, columnStats } from './stats.js'; // get_stats
export type { StatsRow, StatsOptions } from './stats.js';
export { correlate, corMatrix, covariance, completePairs, COR_TYPES } from './correlation.js';
export type { CorType } from './correlation.js';
export { corTestP } from './corr-pvalues.js';
export { getCorr, getCorrFlags } from './corr-table.js'; // get_corr, get_corr_flags
export type { CorrRow, CorrOptions, CorrFlag, CorrFlagOptions } from './corr-table.js';
export { cronbachAlpha, getCronbach } from './cronbach.js'; // get_cronbach
export { pca, getPCA } from './pca.js'; // prcomp, get_PCA
export type { PcaResult, GetPcaOptions, GetPcaResult } from './pca.js';
export { getStrWeak } from './str-weak.js'; // get_str_weak
export type { StrWeakRow, StrWeakOptions } from './str-weak.js';
export { getUnitSummary, compareResults } from './unit-summary.js'; // get_unit_summary, compare_coins
export type { UnitSummaryRow, RankChangeRow } from './unit-summary.js';
export { removeElements } from './remove-elements.js'; // remove_elements
export type { RemoveElementsInput, RemoveElementsResult } from './remove-elements.js';
export { rankColumns } from './ranks.js'; // rank_df
export { coinStructure, selectCodes } from './structure.js';
export type { Structure } from './structure.js';
export { signif } from './r-compat.js';
