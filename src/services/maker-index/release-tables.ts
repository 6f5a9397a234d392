// A release's inputs as COINr tables: iData and iMeta CSV files and the pipeline spec of a level and
// year, so that anyone can recompute the published numbers with `makeratlas index run --idata …
// --imeta … --pipeline …` (or with COINr itself) and get the same scores (MAKER-INDEX §5).
import { stringify } from 'csv-stringify/sync';
import type { Store } from '../../store/database.js';
import type { IndexLevelName, ReleaseRecord } from '../../store/index-repo.js';
import { formatNumber } from '../index-run.js';
import { rebuildInput } from './release-data.js';

export interface ReleaseTables {
  /** iData: uCode, uName, the group column (spaces), then the pipeline's input values. */
  idata: string;
  /** iMeta: COINr's columns, one row per indicator, pillar, the index and the group column. */
  imeta: string;
  pipeline: unknown;
}

export const releaseTables = async (
  store: Store,
  release: ReleaseRecord,
  level: IndexLevelName,
  year: number,
): Promise<ReleaseTables> => {
  const { model, input } = await rebuildInput(store, release, level, year);
  const groupCols = Object.keys(input.units.groups);
  const idata = stringify([
    ['uCode', 'uName', ...groupCols, ...input.data.iCodes],
    ...input.data.uCodes.map((u, i) => [
      u,
      input.units.uNames[i] ?? u,
      ...groupCols.map((g) => input.units.groups[g]?.[i] ?? ''),
      ...input.data.cols.map((c) => formatNumber(c[i] as number)),
    ]),
  ]);
  const imeta = stringify([
    ['iCode', 'iName', 'Level', 'Direction', 'Weight', 'Parent', 'Type', 'Unit'],
    ...model.meta.map((m) => [
      m.iCode,
      m.iName,
      Number.isNaN(m.level) ? '' : String(m.level),
      m.type === 'Group' ? '' : String(m.direction),
      Number.isNaN(m.weight) ? '' : formatNumber(m.weight),
      m.parent ?? '',
      m.type,
      m.unit ?? '',
    ]),
  ]);
  const spec = level === 'space' ? model.fw.space : model.fw.region;
  return { idata, imeta, pipeline: spec.pipeline };
};
