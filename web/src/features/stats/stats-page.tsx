// Statistics for analysts: national and provincial counts, growth, type and certification mix, and
// outcome indicators from the annual reports. Every chart has a table view and CSV/XLSX downloads.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { countByProvince, selectPoints } from '../../../../src/domain/map-filter.js';
import type { SpaceType } from '../../../../src/domain/taxonomy.js';
import { getJson, toQuery } from '../../api/client.js';
import { PROVINCES } from '../../data/provinces.js';
import { usePoints } from '../../data/use-points.js';
import { Chart as LazyChart } from '../../ui/chart.js';
import { ChartCard } from '../../ui/chart-card.js';
import { barOption, lineOption, pieOption } from '../../ui/chart-options.js';
import { DataTable } from '../../ui/data-table.js';
import { DownloadButtons } from '../../ui/download-buttons.js';
import { useFormat } from '../../ui/format.js';
import { usePageTitle } from '../../ui/page-title.js';
import { ErrorBox, Loading } from '../../ui/status.js';
import type { TableData } from '../../ui/table-data.js';
import { useApi } from '../../ui/use-api.js';
import { readInt, useUrlState } from '../../ui/url-state.js';
import { TYPE_COLORS } from '../map/colors.js';
import { FIRST_YEAR } from '../map/map-state.js';
import { mix, nationalSeries } from './stats-series.js';

const CERT_COLORS: Record<string, string> = {
  national: '#0b4f8a',
  provincial: '#4584bb',
  municipal: '#a9c9e4',
  none: '#d6d3cb',
};

interface OutcomeYear {
  year: number;
  reports: number;
  teamsServed: number;
  startupsServed: number;
  jobs: number;
  financedCount: number;
  financingKCny: number;
  events: number;
  trainings: number;
  validIp: number;
}

export const StatsPage = () => {
  const { t } = useTranslation();
  const fmt = useFormat();
  usePageTitle(t('stats.title'));
  const [params, update] = useUrlState();
  const points = usePoints();
  const p = points.data?.points ?? undefined;
  const latest = points.data?.latestYear ?? new Date().getFullYear();
  const year = Math.min(latest, Math.max(FIRST_YEAR, readInt(params, 'year', 1900, 2100) ?? latest));
  const outcomes = useApi('outcomes', (s) =>
    getJson<{ years: OutcomeYear[] }>(`/api/v1/stats/outcomes${toQuery({})}`, s),
  );

  const series = useMemo(() => (p ? nationalSeries(p, FIRST_YEAR, latest) : []), [p, latest]);
  const kept = useMemo(
    () => (p ? selectPoints(p, { year }, latest).filter((i) => p.region[i] !== null) : []),
    [p, year, latest],
  );
  const provinces = useMemo(() => {
    if (!p) return [];
    const counts = countByProvince(p, kept);
    const national = countByProvince(
      p,
      kept.filter((i) => p.dict.certification[p.certification[i] as number] === 'national'),
    );
    return PROVINCES.map((pr) => {
      const n = counts.get(pr.code) ?? 0;
      return {
        code: pr.code,
        name: fmt.en ? pr.nameEn : pr.nameZh,
        count: n,
        density: pr.population2020 ? (n / pr.population2020) * 1e6 : null,
        nationalShare: n > 0 ? (national.get(pr.code) ?? 0) / n : null,
      };
    }).sort((a, b) => b.count - a.count);
  }, [p, kept, fmt.en]);

  if (points.error) return <ErrorBox error={points.error} retry={points.retry} />;
  if (!p) return <Loading />;

  const row = series.find((r) => r.year === year);
  const types = mix(p, kept, 'type');
  const certs = mix(p, kept, 'certification');

  const growthTable: TableData = {
    columns: [
      { key: 'year', label: t('stats.col.year') },
      { key: 'active', label: t('stats.col.active'), numeric: true },
      { key: 'founded', label: t('stats.col.founded'), numeric: true },
      { key: 'closed', label: t('stats.col.closed'), numeric: true },
      { key: 'growth', label: t('stats.col.growth'), numeric: true, percent: true },
    ],
    rows: series.map((r) => ({ ...r })),
  };
  const typeTable: TableData = {
    columns: [
      { key: 'type', label: t('stats.col.type') },
      { key: 'count', label: t('stats.col.count'), numeric: true },
      { key: 'share', label: t('stats.col.share'), numeric: true, percent: true },
    ],
    rows: types.map(([ty, n]) => ({
      type: fmt.typeLabel(ty),
      count: n,
      share: n / Math.max(1, kept.length),
    })),
  };
  const certTable: TableData = {
    columns: [
      { key: 'certification', label: t('stats.col.certification') },
      { key: 'count', label: t('stats.col.count'), numeric: true },
      { key: 'share', label: t('stats.col.share'), numeric: true, percent: true },
    ],
    rows: certs.map(([c, n]) => ({
      certification: t(`certification.${c}`),
      count: n,
      share: n / Math.max(1, kept.length),
    })),
  };
  const provinceTable: TableData = {
    columns: [
      { key: 'code', label: t('stats.col.code') },
      { key: 'name', label: t('stats.col.province') },
      { key: 'count', label: t('stats.col.count'), numeric: true },
      { key: 'density', label: t('stats.col.density'), numeric: true, digits: 1 },
      { key: 'nationalShare', label: t('stats.col.nationalShare'), numeric: true, percent: true },
    ],
    rows: provinces.map((r) => ({ ...r })),
  };
  const outcomeRows = outcomes.data?.years ?? [];
  const outcomeTable: TableData = {
    columns: [
      { key: 'year', label: t('stats.col.year') },
      { key: 'reports', label: t('stats.out.reports'), numeric: true },
      { key: 'teamsServed', label: t('stats.out.teamsServed'), numeric: true },
      { key: 'startupsServed', label: t('stats.out.startupsServed'), numeric: true },
      { key: 'jobs', label: t('stats.out.jobs'), numeric: true },
      { key: 'financedCount', label: t('stats.out.financedCount'), numeric: true },
      { key: 'financingKCny', label: t('stats.out.financingKCny'), numeric: true, digits: 0 },
      { key: 'events', label: t('stats.out.events'), numeric: true },
      { key: 'trainings', label: t('stats.out.trainings'), numeric: true },
      { key: 'validIp', label: t('stats.out.validIp'), numeric: true },
    ],
    rows: outcomeRows.map((r) => ({ ...r })),
  };

  return (
    <div className="page stats-page" data-testid="stats-page">
      <header className="page-head">
        <div>
          <h1>{t('stats.heading')}</h1>
          <p className="muted">{t('stats.intro')}</p>
        </div>
        <div className="field inline-field">
          <label htmlFor="stats-year">{t('stats.year')}</label>
          <select
            id="stats-year"
            value={year}
            onChange={(e) => update({ year: Number(e.target.value) === latest ? null : e.target.value })}
          >
            {series.map((r) => (
              <option key={r.year} value={r.year}>
                {t('map.yearValue', { year: r.year })}
              </option>
            ))}
          </select>
        </div>
      </header>

      <div className="kpis" data-testid="stats-kpis">
        <div className="kpi">
          <div className="kpi-label">{t('stats.kpi.active', { year })}</div>
          <div className="kpi-value">{fmt.int(kept.length)}</div>
          <div className="kpi-note">
            {row?.growth != null ? t('stats.kpi.growth', { pct: fmt.pct(row.growth) }) : '—'}
          </div>
        </div>
        <div className="kpi">
          <div className="kpi-label">{t('stats.kpi.founded', { year })}</div>
          <div className="kpi-value">{fmt.int(row?.founded)}</div>
        </div>
        <div className="kpi">
          <div className="kpi-label">{t('stats.kpi.national')}</div>
          <div className="kpi-value">{fmt.int(certs.find(([c]) => c === 'national')?.[1] ?? 0)}</div>
        </div>
        <div className="kpi">
          <div className="kpi-label">{t('stats.kpi.provinces')}</div>
          <div className="kpi-value">{fmt.int(provinces.filter((r) => r.count > 0).length)}</div>
        </div>
      </div>
      <p className="hint">{t('stats.scope')}</p>

      <ChartCard
        title={t('stats.growth')}
        fileBase={`makeratlas-growth`}
        table={growthTable}
        testId="stats-growth"
        option={{
          // Bars for the yearly flows, a line for the stock of active spaces.
          ...barOption(
            series.map((r) => r.year),
            [],
          ),
          legend: { top: 0 },
          series: [
            {
              type: 'bar',
              name: t('stats.col.founded'),
              data: series.map((r) => r.founded),
              itemStyle: { color: '#a9c9e4' },
              barMaxWidth: 28,
            },
            {
              type: 'bar',
              name: t('stats.col.closed'),
              data: series.map((r) => r.closed),
              itemStyle: { color: '#e5a39a' },
              barMaxWidth: 28,
            },
            {
              type: 'line',
              name: t('stats.col.active'),
              data: series.map((r) => r.active),
              itemStyle: { color: '#0b4f8a' },
              lineStyle: { width: 2.5 },
            },
          ],
        }}
      />

      <div className="grid grid-2">
        <ChartCard
          title={t('stats.typeMix', { year })}
          fileBase={`makeratlas-types-${year}`}
          table={typeTable}
          testId="stats-types"
          option={pieOption(
            types.map(([ty, n]) => ({
              name: fmt.typeLabel(ty),
              value: n,
              color: TYPE_COLORS[ty as SpaceType],
            })),
          )}
        />
        <ChartCard
          title={t('stats.certMix', { year })}
          fileBase={`makeratlas-certification-${year}`}
          table={certTable}
          option={pieOption(
            certs.map(([c, n]) => ({ name: t(`certification.${c}`), value: n, color: CERT_COLORS[c] })),
          )}
        />
      </div>

      <ChartCard
        title={t('stats.provinces', { year })}
        fileBase={`makeratlas-provinces-${year}`}
        table={provinceTable}
        testId="stats-provinces"
        height={Math.max(320, Math.min(31, provinces.length) * 22 + 60)}
        option={barOption(
          provinces.slice(0, 31).map((r) => r.name),
          [
            {
              name: t('stats.col.count'),
              data: provinces.slice(0, 31).map((r) => r.count),
              color: '#1f6fb2',
            },
          ],
          { horizontal: true },
        )}
        note={
          <>
            {t('stats.provincesNote')} <Link to={`/?year=${year}&metric=density`}>{t('stats.onMap')}</Link>
          </>
        }
      />

      <section className="card" aria-labelledby="outcomes-h" data-testid="stats-outcomes">
        <div className="chart-card-head">
          <h2 id="outcomes-h">{t('stats.outcomes')}</h2>
          {outcomeRows.length > 0 && (
            <DownloadButtons
              fileBase="makeratlas-outcomes"
              table={outcomeTable}
              sheet={t('stats.outcomes')}
            />
          )}
        </div>
        {outcomes.loading ? (
          <Loading />
        ) : outcomes.error ? (
          <ErrorBox error={outcomes.error} retry={outcomes.retry} />
        ) : outcomeRows.length === 0 ? (
          <p className="state state-empty">{t('stats.noOutcomes')}</p>
        ) : (
          <>
            <OutcomeChart rows={outcomeRows} />
            <DataTable table={outcomeTable} caption={t('stats.outcomesCaption')} />
            <p className="hint">{t('stats.outcomesNote')}</p>
          </>
        )}
      </section>
    </div>
  );
};

const OutcomeChart = ({ rows }: { rows: OutcomeYear[] }) => {
  const { t } = useTranslation();
  const option = useMemo(
    () =>
      lineOption(
        rows.map((r) => r.year),
        [
          { name: t('stats.out.teamsServed'), data: rows.map((r) => r.teamsServed) },
          { name: t('stats.out.startupsServed'), data: rows.map((r) => r.startupsServed) },
          { name: t('stats.out.financedCount'), data: rows.map((r) => r.financedCount) },
        ],
      ),
    [rows, t],
  );
  return <LazyChart option={option} label={t('stats.outcomes')} />;
};
