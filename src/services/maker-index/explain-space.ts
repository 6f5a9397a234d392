// The explanation of one space's score in a year: per indicator its raw value, normalised value,
// effective weight and contribution (adding up to the score), its strengths and weaknesses among the
// year's spaces (COINr's get_str_weak), and its rank change since the year before.
import { getStrWeak } from '../../engine/diagnostics/str-weak.js';
import type { PipelineSpecType } from '../../engine/pipeline/spec.js';
import type { Dataset } from '../../engine/types.js';
import type { Store } from '../../store/database.js';
import { unitHistory } from '../../store/index-repo.js';
import type { SpaceExplanation } from '../../domain/index-api-types.js';
import { assertAdditive, ExplainUnsupportedError, explainUnit } from './explain.js';
import { IndexQueryError, resolveRelease, resolveYear } from './queries.js';
import { yearModel } from './release-data.js';
import { column, yearMatrix, type YearMatrix } from './year-matrix.js';

/** How many strengths and weaknesses to report. */
const STR_WEAK_N = 3;

const datasets = new WeakMap<YearMatrix, Dataset>();
/** The normalised indicators of the year's scored units (built once per memoised matrix). */
const scoredData = (m: YearMatrix, codes: readonly string[]): Dataset => {
  const hit = datasets.get(m);
  if (hit && hit.iCodes.join() === codes.join()) return hit;
  const scored = m.units.map((u, k) => ({ u, k })).filter(({ u }) => u.rank !== null);
  const data: Dataset = {
    uCodes: scored.map(({ u }) => u.unitId),
    iCodes: [...codes],
    cols: codes.map((code) => {
      const c = column(m, 'score', code);
      return Float64Array.from(scored, ({ k }) => c[k] as number);
    }),
  };
  datasets.set(m, data);
  return data;
};

const nan = (v: number | undefined): number | null => (v === undefined || Number.isNaN(v) ? null : v);

export const explainSpace = async (
  store: Store,
  q: { spaceId: string; year?: number; release?: string },
): Promise<SpaceExplanation> => {
  const release = await resolveRelease(store, q.release);
  const history = await unitHistory(store.db, release.id, 'space', q.spaceId);
  const scoredYears = history.filter((h) => h.score !== null).map((h) => h.year);
  const year = q.year ?? scoredYears[scoredYears.length - 1] ?? resolveYear(release, 'space');
  resolveYear(release, 'space', year);
  const unit = history.find((h) => h.year === year);
  if (!unit || unit.score === null || unit.rank === null)
    throw new IndexQueryError(
      404,
      'not_scored',
      unit
        ? `space ${q.spaceId} was screened out of the ${year} index of release ${release.id} (too few indicators)`
        : `space ${q.spaceId} has no score in the ${year} index of release ${release.id}` +
            (scoredYears.length
              ? ` (scored years: ${scoredYears.join(', ')})`
              : ' (no annual report counted)'),
    );
  const { fw, framework, info } = yearModel(release, 'space', year);
  try {
    assertAdditive(fw.space.pipeline as PipelineSpecType);
  } catch (e) {
    if (e instanceof ExplainUnsupportedError)
      throw new IndexQueryError(409, 'explain_unsupported', e.message);
    throw e;
  }
  const m = await yearMatrix(store, release, 'space', year);
  const i = m.row.get(q.spaceId) as number;
  const inds = framework.indicators();
  const normalised = new Map(inds.map((r) => [r.iCode, column(m, 'score', r.iCode)[i] as number] as const));
  const ex = explainUnit(framework, normalised);
  const contribution = new Map(ex.indicators.map((c) => [c.code, c] as const));
  const aggregate = new Map(ex.aggregates.map((a) => [a.code, a] as const));
  const specInd = new Map(fw.space.indicators.map((d) => [d.code, d] as const));

  // Strengths and weaknesses among the year's scored spaces, on the normalised values (direction
  // already applied, so a low rank is always good).
  const data = scoredData(
    m,
    inds.map((r) => r.iCode),
  );
  const n = Math.min(STR_WEAK_N, inds.length);
  const sw = getStrWeak(framework, data, q.spaceId, {
    topN: n,
    bottomN: n,
    sigFigs: null,
    adjustDirection: false,
  });
  const strWeak = (rows: typeof sw.strengths) =>
    rows.map((r) => ({
      code: r.code,
      nameZh: specInd.get(r.code)?.nameZh ?? r.code,
      nameEn: specInd.get(r.code)?.nameEn ?? r.name,
      rank: r.rank,
      normalised: r.value,
      raw: nan(column(m, 'raw', r.code)[i]),
    }));

  const pillars = fw.space.pillars.filter((p) => aggregate.has(p.code));
  return {
    release: release.id,
    year,
    space: { id: q.spaceId, name: unit.name, regionCode: unit.regionCode, type: unit.group },
    score: unit.score,
    rank: unit.rank,
    rankPrev: unit.rankPrev,
    rankChange: unit.rankChange,
    units: data.uCodes.length,
    pillars: pillars.map((p) => {
      const a = aggregate.get(p.code);
      return {
        code: p.code,
        nameZh: p.nameZh,
        nameEn: p.nameEn,
        score: nan(column(m, 'score', p.code)[i]),
        rank: nan(column(m, 'rank', p.code)[i]),
        weight: p.weight,
        effectiveWeight: a?.effectiveWeight ?? 0,
        contribution: a?.contribution ?? 0,
      };
    }),
    indicators: inds.map((r) => {
      const d = specInd.get(r.iCode);
      const c = contribution.get(r.iCode);
      const raw = nan(column(m, 'raw', r.iCode)[i]);
      return {
        code: r.iCode,
        nameZh: d?.nameZh ?? r.iCode,
        nameEn: d?.nameEn ?? r.iName,
        pillar: r.parent ?? '',
        unit: d?.unit ?? '',
        direction: r.direction,
        raw,
        imputed: raw === null && !Number.isNaN(normalised.get(r.iCode) ?? Number.NaN),
        normalised: nan(normalised.get(r.iCode)),
        rank: nan(column(m, 'rank', r.iCode)[i]),
        weight: r.weight,
        effectiveWeight: c?.effectiveWeight ?? 0,
        contribution: c?.contribution ?? 0,
      };
    }),
    excluded: info.excluded,
    strengths: strWeak(sw.strengths),
    weaknesses: strWeak(sw.weaknesses),
    check: { contributionSum: ex.total, score: unit.score, difference: ex.total - unit.score },
  };
};
