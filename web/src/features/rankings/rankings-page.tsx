// Rankings and the index explorer: spaces or provinces ranked on the Maker Index for a year, with
// pillar scores, rank change and the 5–95 % rank interval of the latest uncertainty analysis. A
// slider per pillar re-weights the index and re-ranks in the browser with the engine's own method;
// the table downloads as CSV or XLSX with the weights in force.
import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { indexApi, type IndexInputs, type IndexLevel } from '../../api/index-api.js';
import { provinceName } from '../../data/provinces.js';
import { useSyntheticIds } from '../../data/use-points.js';
import { DownloadButtons } from '../../ui/download-buttons.js';
import { useFormat } from '../../ui/format.js';
import { usePageTitle } from '../../ui/page-title.js';
import { Empty, ErrorBox, Loading } from '../../ui/status.js';
import type { TableData } from '../../ui/table-data.js';
import { useApi } from '../../ui/use-api.js';
import { readInt, readOne, useUrlState } from '../../ui/url-state.js';
import { formatWeights, parseWeights, rerank, shares, toColumns } from './rerank.js';
import { RankingTable } from './ranking-table.js';
import { WeightSliders } from './weight-sliders.js';
import './rankings.css';

declare global {
  interface Window {
    /** Figures for the benchmark (bench/web.ts): the last re-ranking's duration and size. */
    makeratlasRerank?: { ms: number; units: number };
  }
}

const LEVELS = ['space', 'province'] as const;
const PAGE = 50;

interface Extra {
  type: string | null;
  regionCode: string | null;
  rankChange: number | null;
  publishedRank: number | null;
}

export const RankingsPage = () => {
  const { t } = useTranslation();
  const fmt = useFormat();
  usePageTitle(t('rankings.title'));
  const [params, update] = useUrlState();
  const level: IndexLevel = readOne(params, 'level', LEVELS) ?? 'space';
  const releases = useApi('index-releases', indexApi.releases);
  const latest = releases.data?.items.find((r) => r.id === releases.data?.latest) ?? releases.data?.items[0];
  const years = latest
    ? Array.from({ length: latest.yearTo - latest.yearFrom + 1 }, (_, k) => latest.yearFrom + k)
    : [];
  const year = readInt(params, 'year', 1900, 2100) ?? latest?.yearTo;
  const validYear = year !== undefined && years.includes(year) ? year : latest?.yearTo;
  const release = latest?.id;

  const inputs = useApi(release && validYear ? `inputs:${release}:${level}:${validYear}` : null, (s) =>
    indexApi.inputs(level, validYear as number, release, s),
  );
  // The synthetic flag of each space comes from the registry's point columns (shared with the map).
  const syntheticIds = useSyntheticIds();
  const published = useApi(
    release && validYear ? `published:${release}:${level}:${validYear}` : null,
    async (s) => {
      const extra = new Map<string, Extra>();
      if (level === 'space') {
        const list = await indexApi.spaces(
          { year: validYear, limit: 100_000, ...(release && { release }) },
          s,
        );
        for (const r of list.items)
          extra.set(r.id, {
            type: r.type,
            regionCode: r.regionCode,
            rankChange: r.rankChange,
            publishedRank: r.rank,
          });
      } else {
        const list = await indexApi.regions('province', validYear, release, s);
        for (const r of list.items)
          extra.set(r.code, {
            type: null,
            regionCode: r.code,
            rankChange: r.rankChange,
            publishedRank: r.rank,
          });
      }
      return extra;
    },
  );
  const intervals = useApi(release && validYear ? `ua:${release}:${level}:${validYear}` : null, (s) =>
    indexApi.uncertainty(level, validYear as number, release, s).then(
      (r) => new Map(r.items.map((i) => [i.unitId, i])),
      // No analysis yet for this level and year: the table says so instead of failing.
      () => new Map<string, { q5: number | null; q95: number | null }>(),
    ),
  );

  const inp: IndexInputs | undefined = inputs.data;
  const codes = inp?.pillars.codes ?? [];
  const defaults = inp?.pillars.weights ?? [];
  const weights = useMemo(
    () => parseWeights(params.get('w'), codes, defaults),
    [params, codes.join(), defaults.join()],
  );
  const custom = weights.some((w, k) => Math.abs(w - (defaults[k] ?? 0)) > 1e-9);
  const deferredWeights = useDeferredValue(weights);
  const cols = useMemo(() => (inp ? toColumns(inp.pillars.values) : []), [inp]);

  const ranked = useMemo(() => {
    if (!inp || cols.length === 0) return undefined;
    if (deferredWeights.reduce((a, b) => a + b, 0) <= 0) return null;
    const t0 = performance.now();
    const r = rerank(cols, deferredWeights, inp.aggregation);
    window.makeratlasRerank = { ms: performance.now() - t0, units: inp.units.length };
    return r;
  }, [inp, cols, deferredWeights]);

  const [query, setQuery] = useState(params.get('q') ?? '');
  const [shown, setShown] = useState(PAGE);
  useEffect(() => setShown(PAGE), [level, validYear, query]);
  // The search joins the shareable URL once typing pauses.
  useEffect(() => {
    const id = setTimeout(() => update({ q: query.trim() || null }), 400);
    return () => clearTimeout(id);
  }, [query, update]);

  const rows = useMemo(() => {
    if (!inp || !ranked) return [];
    const order = inp.units.map((_, i) => i).filter((i) => !Number.isNaN(ranked.ranks[i] as number));
    order.sort(
      (a, b) =>
        (ranked.ranks[a] as number) - (ranked.ranks[b] as number) ||
        (ranked.scores[b] as number) - (ranked.scores[a] as number),
    );
    return order.map((i) => {
      const id = inp.units[i] as string;
      const ex = published.data?.get(id);
      const ua = intervals.data?.get(id);
      const name =
        level === 'space'
          ? (inp.names[i] ?? id)
          : provinceName(id, fmt.en) !== id
            ? provinceName(id, fmt.en)
            : (inp.names[i] ?? id);
      return {
        i,
        id,
        name,
        rank: ranked.ranks[i] as number,
        score: ranked.scores[i] as number,
        pillars: inp.pillars.values.map((col) => col[i] ?? null),
        extra: ex,
        q5: ua?.q5 ?? null,
        q95: ua?.q95 ?? null,
      };
    });
  }, [inp, ranked, published.data, intervals.data, level, fmt.en]);

  const q = query.trim().toLowerCase();
  const filtered = q
    ? rows.filter((r) => r.name.toLowerCase().includes(q) || r.id.toLowerCase().includes(q))
    : rows;
  const hasIntervals = (intervals.data?.size ?? 0) > 0;

  const table: TableData = useMemo(
    () => ({
      columns: [
        { key: 'rank', label: t('rankings.col.rank'), numeric: true },
        { key: 'id', label: t('rankings.col.id') },
        { key: 'name', label: t('rankings.col.name') },
        ...(level === 'space' ? [{ key: 'type', label: t('rankings.col.type') }] : []),
        { key: 'score', label: t('rankings.col.score'), numeric: true, digits: 2 },
        ...codes.map((c, k) => ({
          key: `p_${c}`,
          label: fmt.en ? (inp?.pillars.nameEn[k] ?? c) : (inp?.pillars.nameZh[k] ?? c),
          numeric: true,
          digits: 1,
        })),
        { key: 'rankChange', label: t('rankings.col.change'), numeric: true },
        { key: 'q5', label: t('rankings.col.q5'), numeric: true },
        { key: 'q95', label: t('rankings.col.q95'), numeric: true },
        { key: 'published', label: t('rankings.col.published'), numeric: true },
      ],
      rows: rows.map((r) => ({
        rank: r.rank,
        id: r.id,
        name: r.name,
        ...(level === 'space' ? { type: r.extra?.type ? fmt.typeLabel(r.extra.type) : null } : {}),
        score: r.score,
        ...Object.fromEntries(codes.map((c, k) => [`p_${c}`, r.pillars[k] ?? null])),
        rankChange: r.extra?.rankChange ?? null,
        q5: r.q5,
        q95: r.q95,
        published: r.extra?.publishedRank ?? null,
      })),
    }),
    [rows, codes, level, fmt, inp, t],
  );

  if (releases.error) return <ErrorBox error={releases.error} retry={releases.retry} />;
  if (releases.data && !latest) {
    return (
      <section className="page narrow">
        <h1>{t('rankings.heading')}</h1>
        <Empty>{t('rankings.noRelease')}</Empty>
      </section>
    );
  }

  // One pillar at a time, on the weights in the URL as it is when the change applies.
  const setWeight = (k: number, value: number) =>
    update((current) => {
      const w = parseWeights(current.get('w'), codes, defaults);
      w[k] = value;
      const isDefault = w.every((x, i) => Math.abs(x - (defaults[i] ?? 0)) < 1e-9);
      return { w: isDefault ? null : formatWeights(codes, w) };
    });

  const sh = shares(weights);

  return (
    <div className="page rankings-page" data-testid="rankings-page">
      <header className="page-head">
        <div>
          <h1>{t('rankings.heading')}</h1>
          <p className="muted">{t('rankings.intro')}</p>
        </div>
        <div className="btn-row">
          <div className="tabs" role="group" aria-label={t('rankings.level')}>
            {LEVELS.map((l) => (
              <button
                key={l}
                type="button"
                aria-pressed={level === l}
                onClick={() => update({ level: l === 'space' ? null : l, w: null }, true)}
              >
                {t(`rankings.levels.${l}`)}
              </button>
            ))}
          </div>
          <label htmlFor="rank-year" className="visually-hidden">
            {t('rankings.year')}
          </label>
          <select
            id="rank-year"
            value={validYear ?? ''}
            onChange={(e) =>
              update({ year: Number(e.target.value) === latest?.yearTo ? null : e.target.value }, true)
            }
          >
            {years.map((y) => (
              <option key={y} value={y}>
                {t('map.yearValue', { year: y })}
              </option>
            ))}
          </select>
        </div>
      </header>

      {latest && (
        <p className="hint release-line">
          {t('rankings.release', {
            id: latest.id,
            version: latest.frameworkVersion,
            date: fmt.date(latest.createdAt),
            engine: latest.engineVersion,
          })}{' '}
          · <a href={`/api/v1/index/releases/${encodeURIComponent(latest.id)}`}>{t('rankings.provenance')}</a>
        </p>
      )}

      {inputs.error ? (
        <ErrorBox error={inputs.error} retry={inputs.retry} />
      ) : !inp ? (
        <Loading />
      ) : (
        <div className="rankings-layout">
          <WeightSliders
            codes={codes}
            names={fmt.en ? inp.pillars.nameEn : inp.pillars.nameZh}
            weights={weights}
            shares={sh}
            custom={custom}
            zeroByDefault={defaults.some((w) => w === 0)}
            onChange={setWeight}
            onReset={() => update({ w: null })}
          />
          <section className="rankings-table" aria-labelledby="rank-table-h">
            <div className="chart-card-head">
              <h2 id="rank-table-h">
                {t('rankings.tableTitle', { level: t(`rankings.levels.${level}`), year: validYear })}
              </h2>
              <DownloadButtons
                fileBase={`makeratlas-index-${level}-${validYear}${custom ? '-custom' : ''}`}
                table={table}
                sheet={t('rankings.tableTitle', { level: t(`rankings.levels.${level}`), year: validYear })}
              />
            </div>
            {ranked === null ? (
              <p className="state state-error" role="alert">
                {t('rankings.zeroWeights')}
              </p>
            ) : (
              <>
                <div className="btn-row table-tools">
                  <label htmlFor="rank-q">{t('rankings.search')}</label>
                  <input id="rank-q" type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
                  <span className="muted" aria-live="polite">
                    {t('rankings.count', { n: fmt.int(filtered.length) })}
                  </span>
                  {custom && <span className="badge badge-cert">{t('rankings.customWeights')}</span>}
                </div>
                <RankingTable
                  rows={filtered.slice(0, shown)}
                  level={level}
                  pillarNames={fmt.en ? inp.pillars.nameEn : inp.pillars.nameZh}
                  custom={custom}
                  caption={t('rankings.tableTitle', {
                    level: t(`rankings.levels.${level}`),
                    year: validYear,
                  })}
                  synthetic={syntheticIds}
                />
                {filtered.length > shown && (
                  <button
                    type="button"
                    className="btn btn-secondary more-btn"
                    onClick={() => setShown((n) => n + PAGE * 4)}
                  >
                    {t('rankings.more', { n: fmt.int(filtered.length - shown) })}
                  </button>
                )}
                <p className="hint">
                  {t('rankings.notes')}{' '}
                  {hasIntervals ? t('rankings.intervalNote') : t('rankings.noIntervals')}
                </p>
              </>
            )}
          </section>
        </div>
      )}
    </div>
  );
};
