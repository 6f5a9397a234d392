// What a maker-index release scores and how the API lists it. Plain tuples, so the store's table
// types, the API schemas and the web app share one list each.

/** The levels a release scores units at: single spaces, and regions (provinces, prefectures). */
export const INDEX_LEVELS = ['space', 'province', 'prefecture'] as const;
export type IndexLevelName = (typeof INDEX_LEVELS)[number];

/**
 * Orders of a unit listing: rank (best first, the default), -rank, rank_change (biggest climbers
 * first), -rank_change, name.
 */
export const UNIT_SORTS = ['rank', '-rank', 'rank_change', '-rank_change', 'name'] as const;
export type UnitSort = (typeof UNIT_SORTS)[number];
