// The region's Maker Index over the years and its best spaces on the index (the registry's list
// when no release exists yet).
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { indexApi } from '../../api/index-api.js';
import { ChartCard } from '../../ui/chart-card.js';
import { lineOption } from '../../ui/chart-options.js';
import { useSyntheticIds } from '../../data/use-points.js';
import { useFormat } from '../../ui/format.js';
import { SpaceLink } from '../../ui/space-link.js';
import { Loading } from '../../ui/status.js';
import type { TableData } from '../../ui/table-data.js';
import { useApi } from '../../ui/use-api.js';

const useLatestRelease = () => {
  const releases = useApi('index-releases', indexApi.releases);
  const latest = releases.data?.items.find((r) => r.id === releases.data?.latest) ?? releases.data?.items[0];
  return { latest, loading: releases.loading };
};

export const RegionIndexHistory = ({ code }: { code: string }) => {
  const { t } = useTranslation();
  const { latest } = useLatestRelease();
  const years = latest
    ? Array.from({ length: latest.yearTo - latest.yearFrom + 1 }, (_, k) => latest.yearFrom + k)
    : [];
  const history = useApi(latest ? `region-history:${latest.id}:${code}` : null, (s) =>
    Promise.all(
      years.map((y) =>
        indexApi.regions('province', y, latest?.id, s).then(
          (list) => {
            const row = list.items.find((r) => r.code === code);
            return { year: y, score: row?.score ?? null, rank: row?.rank ?? null, of: list.items.length };
          },
          () => ({ year: y, score: null, rank: null, of: null as number | null }),
        ),
      ),
    ),
  );
  if (!latest || !history.data || history.data.every((r) => r.score === null)) return null;
  const rows = history.data;
  const table: TableData = {
    columns: [
      { key: 'year', label: t('stats.col.year') },
      { key: 'score', label: t('index.score'), numeric: true, digits: 1 },
      { key: 'rank', label: t('index.rank'), numeric: true },
      { key: 'of', label: t('index.units'), numeric: true },
    ],
    rows: rows.map((r) => ({ ...r })),
  };
  return (
    <div className="grid grid-2" data-testid="region-index">
      <ChartCard
        title={t('region.indexHistory')}
        fileBase={`${code}-index`}
        table={table}
        small
        option={lineOption(
          rows.map((r) => r.year),
          [{ name: t('index.score'), data: rows.map((r) => r.score), color: '#0b4f8a' }],
          { min: 0, max: 100 },
        )}
      />
      <ChartCard
        title={t('region.rankHistory')}
        fileBase={`${code}-rank`}
        table={table}
        small
        option={lineOption(
          rows.map((r) => r.year),
          [{ name: t('index.rank'), data: rows.map((r) => r.rank), color: '#c2410c' }],
          { inverse: true, min: 1 },
        )}
        note={t('region.rankNote')}
      />
    </div>
  );
};

export const TopSpaces = ({ code, prefix, country }: { code: string; prefix?: string; country?: string }) => {
  const { t } = useTranslation();
  const fmt = useFormat();
  const synthetic = useSyntheticIds();
  const { latest, loading } = useLatestRelease();
  const ranked = useApi(latest && prefix ? `region-top:${latest.id}:${code}` : null, (s) =>
    indexApi.spaces({ region: prefix, limit: 10, release: latest?.id }, s).catch(() => undefined),
  );
  const rankedItems = ranked.data?.items ?? [];
  // The registry's list when there is no release, no Chinese region, or nobody ranked here.
  const fallback = !loading && !ranked.loading && rankedItems.length === 0;
  const list = useApi(fallback ? `region-spaces:${code}` : null, (s) =>
    api.spaces(
      { ...(prefix ? { region: prefix } : {}), ...(country ? { country } : {}), limit: 12, sort: 'name' },
      s,
    ),
  );
  return (
    <section className="card" aria-labelledby="top-h" data-testid="region-top">
      <h2 id="top-h">
        {rankedItems.length ? t('region.topSpaces', { year: ranked.data?.year }) : t('region.spaces')}
      </h2>
      {(loading || ranked.loading || list.loading) && <Loading />}
      {rankedItems.length > 0 && (
        <ol className="space-list ranked">
          {rankedItems.map((s) => (
            <li key={s.id}>
              <span className="match-rank">{fmt.int(s.rank)}</span>
              <SpaceLink id={s.id} name={s.name ?? s.id} synthetic={synthetic.has(s.id)} />
              <span className="muted">{fmt.num(s.score, 1)}</span>
            </li>
          ))}
        </ol>
      )}
      {fallback && list.data && (
        <>
          <ul className="space-list">
            {list.data.items.map((s) => (
              <li key={s.id}>
                <SpaceLink id={s.id} name={fmt.name(s)} synthetic={s.synthetic} />
                <span className="muted">{fmt.typeLabel(s.type)}</span>
              </li>
            ))}
          </ul>
          <p className="hint">{t('region.spacesNote', { n: fmt.int(list.data.total) })}</p>
        </>
      )}
    </section>
  );
};
