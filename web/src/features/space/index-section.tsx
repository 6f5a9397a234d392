// A space on the Maker Index: its score and rank, the pillar radar, what every indicator
// contributed (the contributions add up to the score), strengths and weaknesses, and its trend.
import { useMemo } from 'react';
import type { EChartsCoreOption } from 'echarts/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../api/client.js';
import { indexApi, type SpaceExplanation } from '../../api/index-api.js';
import { Chart } from '../../ui/chart.js';
import { ChartCard } from '../../ui/chart-card.js';
import { lineOption } from '../../ui/chart-options.js';
import { DataTable } from '../../ui/data-table.js';
import { DownloadButtons } from '../../ui/download-buttons.js';
import { useFormat } from '../../ui/format.js';
import { ErrorBox, Loading } from '../../ui/status.js';
import type { TableData } from '../../ui/table-data.js';
import { useApi } from '../../ui/use-api.js';

export const radarOption = (
  names: readonly string[],
  series: readonly { name: string; values: readonly (number | null)[] }[],
): EChartsCoreOption => ({
  tooltip: { trigger: 'item' },
  legend: series.length > 1 ? { bottom: 0 } : undefined,
  radar: {
    indicator: names.map((name) => ({ name, max: 100, min: 0 })),
    radius: '62%',
    axisName: { color: '#1d2430' },
    splitArea: { areaStyle: { color: ['#f7f9fb', '#ffffff'] } },
  },
  series: [
    {
      type: 'radar',
      data: series.map((s) => ({ name: s.name, value: s.values.map((v) => v ?? 0) })),
      areaStyle: { opacity: 0.15 },
      symbolSize: 5,
    },
  ],
});

export const IndexSection = ({ spaceId }: { spaceId: string }) => {
  const { t } = useTranslation();
  const fmt = useFormat();
  const releases = useApi('index-releases', indexApi.releases);
  const latest = releases.data?.items.find((r) => r.id === releases.data?.latest) ?? releases.data?.items[0];
  const explain = useApi(latest ? `explain:${spaceId}:${latest.id}` : null, (s) =>
    indexApi.explain(spaceId, undefined, s),
  );
  const e = explain.data;
  const years = latest
    ? Array.from({ length: latest.yearTo - latest.yearFrom + 1 }, (_, k) => latest.yearFrom + k)
    : [];
  const trend = useApi(e && latest ? `trend:${spaceId}:${latest.id}` : null, (s) =>
    Promise.all(
      years.map((y) =>
        y === e?.year
          ? Promise.resolve({ year: y, score: e.score, rank: e.rank, units: e.units as number | null })
          : indexApi.explain(spaceId, y, s).then(
              (x) => ({ year: y, score: x.score, rank: x.rank, units: x.units as number | null }),
              () => ({ year: y, score: null, rank: null, units: null }),
            ),
      ),
    ),
  );

  const pillarName = (p: { nameZh: string; nameEn: string }) => (fmt.en ? p.nameEn : p.nameZh);
  const contributions: TableData | undefined = useMemo(
    () =>
      e && {
        columns: [
          { key: 'pillar', label: t('index.col.pillar') },
          { key: 'indicator', label: t('index.col.indicator') },
          { key: 'raw', label: t('index.col.raw'), numeric: true, digits: 2 },
          { key: 'unit', label: t('index.col.unit') },
          { key: 'normalised', label: t('index.col.normalised'), numeric: true, digits: 1 },
          { key: 'weight', label: t('index.col.weight'), numeric: true, digits: 3 },
          { key: 'contribution', label: t('index.col.contribution'), numeric: true, digits: 2 },
          { key: 'imputed', label: t('index.col.imputed') },
        ],
        rows: e.indicators.map((i) => ({
          pillar: pillarName(
            e.pillars.find((p) => p.code === i.pillar) ?? { nameZh: i.pillar, nameEn: i.pillar },
          ),
          indicator: pillarName(i),
          raw: i.raw,
          unit: t(`unit.${i.unit}`, { defaultValue: i.unit }),
          normalised: i.normalised,
          weight: i.effectiveWeight,
          contribution: i.contribution,
          imputed: i.imputed ? t('index.imputedYes') : '',
        })),
      },
    [e, t, fmt.en],
  );

  if (releases.data && !latest) return null;
  const notScored =
    explain.error instanceof ApiError && (explain.error.status === 404 || explain.error.status === 400);

  return (
    <section className="card" aria-labelledby="index-h" data-testid="space-index">
      <h2 id="index-h">{t('index.title')}</h2>
      {explain.loading || releases.loading ? (
        <Loading />
      ) : notScored ? (
        <p className="hint">{t('index.notScored')}</p>
      ) : explain.error ? (
        <ErrorBox error={explain.error} retry={explain.retry} />
      ) : e && contributions ? (
        <Explanation e={e} contributions={contributions} trend={trend.data} />
      ) : null}
    </section>
  );
};

const Explanation = ({
  e,
  contributions,
  trend,
}: {
  e: SpaceExplanation;
  contributions: TableData;
  trend: { year: number; score: number | null; rank: number | null; units: number | null }[] | undefined;
}) => {
  const { t } = useTranslation();
  const fmt = useFormat();
  const name = (p: { nameZh: string; nameEn: string }) => (fmt.en ? p.nameEn : p.nameZh);
  const radar = useMemo(
    () =>
      radarOption(e.pillars.map(name), [{ name: t('index.score'), values: e.pillars.map((p) => p.score) }]),
    [e, fmt.en, t],
  );
  const trendTable: TableData | undefined = trend && {
    columns: [
      { key: 'year', label: t('stats.col.year') },
      { key: 'score', label: t('index.score'), numeric: true, digits: 1 },
      { key: 'rank', label: t('index.rank'), numeric: true },
      { key: 'units', label: t('index.units'), numeric: true },
    ],
    rows: trend.map((r) => ({ ...r })),
  };
  return (
    <>
      <div className="kpis">
        <div className="kpi">
          <div className="kpi-label">{t('index.scoreOf', { year: e.year })}</div>
          <div className="kpi-value" data-testid="index-score">
            {fmt.num(e.score, 1)}
          </div>
        </div>
        <div className="kpi">
          <div className="kpi-label">{t('index.rank')}</div>
          <div className="kpi-value">
            {fmt.int(e.rank)} <span className="kpi-note">/ {fmt.int(e.units)}</span>
          </div>
        </div>
        <div className="kpi">
          <div className="kpi-label">{t('index.change')}</div>
          <div className="kpi-value">
            {e.rankChange === null
              ? '—'
              : e.rankChange > 0
                ? `▲${e.rankChange}`
                : e.rankChange < 0
                  ? `▼${-e.rankChange}`
                  : '＝'}
          </div>
        </div>
      </div>
      <div className="grid grid-2">
        <div>
          <h3>{t('index.pillars')}</h3>
          <Chart option={radar} label={t('index.radarLabel')} testId="space-radar" />
        </div>
        <div>
          <h3>{t('index.pillarTable')}</h3>
          <div className="table-wrap">
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">{t('index.col.pillar')}</th>
                  <th scope="col" className="num">
                    {t('index.score')}
                  </th>
                  <th scope="col" className="num">
                    {t('index.rank')}
                  </th>
                  <th scope="col" className="num">
                    {t('index.col.weight')}
                  </th>
                  <th scope="col" className="num">
                    {t('index.col.contribution')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {e.pillars.map((p) => (
                  <tr key={p.code}>
                    <td>{name(p)}</td>
                    <td className="num">{fmt.num(p.score, 1)}</td>
                    <td className="num">{fmt.int(p.rank)}</td>
                    <td className="num">{fmt.pct(p.effectiveWeight, 0)}</td>
                    <td className="num">{fmt.num(p.contribution, 2)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="hint">
            {t('index.check', { sum: fmt.num(e.check.contributionSum, 3), score: fmt.num(e.check.score, 3) })}
          </p>
          {(e.strengths.length > 0 || e.weaknesses.length > 0) && (
            <div className="grid grid-2 strengths">
              <div>
                <h4>{t('index.strengths')}</h4>
                <ul>
                  {e.strengths.map((s) => (
                    <li key={s.code}>{name(s)}</li>
                  ))}
                </ul>
              </div>
              <div>
                <h4>{t('index.weaknesses')}</h4>
                <ul>
                  {e.weaknesses.map((s) => (
                    <li key={s.code}>{name(s)}</li>
                  ))}
                </ul>
              </div>
            </div>
          )}
        </div>
      </div>
      <div className="chart-card-head section-gap">
        <h3>{t('index.contributions', { year: e.year })}</h3>
        <DownloadButtons
          fileBase={`${e.space.id}-index-${e.year}`}
          table={contributions}
          sheet={t('index.contributions', { year: e.year })}
        />
      </div>
      <DataTable table={contributions} caption={t('index.contributionsCaption')} testId="contributions" />
      {e.excluded.length > 0 && (
        <p className="hint">{t('index.excluded', { list: e.excluded.map((x) => x.code).join(', ') })}</p>
      )}
      {trend && trendTable && (
        <ChartCard
          title={t('index.trend')}
          fileBase={`${e.space.id}-index-trend`}
          table={trendTable}
          small
          option={lineOption(
            trend.map((r) => r.year),
            [{ name: t('index.score'), data: trend.map((r) => r.score), color: '#0b4f8a' }],
            { min: 0, max: 100 },
          )}
        />
      )}
      <p className="hint">
        {t('index.release', { id: e.release })} · <Link to="/rankings">{t('index.toRankings')}</Link>
      </p>
    </>
  );
};
