// The survival curve of a space's incubated firms (Kaplan–Meier, computed here with the engine),
// overall and per entry year, with the numbers as a table, and its annual-report trend.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnnualReport } from '../../../../src/domain/annual-report.js';
import type { CohortFirm } from '../../../../src/domain/cohort.js';
import { getJson } from '../../api/client.js';
import { ChartCard } from '../../ui/chart-card.js';
import { lineOption } from '../../ui/chart-options.js';
import { useFormat } from '../../ui/format.js';
import { Loading } from '../../ui/status.js';
import type { TableData } from '../../ui/table-data.js';
import { useApi } from '../../ui/use-api.js';
import { cohortCurves, yearlySurvival } from './survival.js';

const MAX_YEARS = 5;

export const SurvivalSection = ({ spaceId }: { spaceId: string }) => {
  const { t } = useTranslation();
  const fmt = useFormat();
  const enc = encodeURIComponent(spaceId);
  const cohorts = useApi(`cohorts:${spaceId}`, (s) =>
    getJson<{ items: CohortFirm[] }>(`/api/v1/spaces/${enc}/cohorts`, s),
  );
  const reports = useApi(`reports:${spaceId}`, (s) =>
    getJson<{ items: AnnualReport[] }>(`/api/v1/spaces/${enc}/reports`, s),
  );
  const firms = cohorts.data?.items;
  const curves = useMemo(() => (firms && firms.length ? cohortCurves(firms) : undefined), [firms]);

  const survival = useMemo(() => {
    if (!curves) return undefined;
    const lines = [
      { name: t('survival.all', { n: curves.all.n }), s: yearlySurvival(curves.all, MAX_YEARS) },
      ...curves.byEntryYear.map((g) => ({
        name: t('survival.cohort', { year: g.year, n: g.curve.n }),
        s: yearlySurvival(g.curve, MAX_YEARS),
      })),
    ];
    const years = Array.from({ length: MAX_YEARS + 1 }, (_, k) => k);
    const table: TableData = {
      columns: [
        { key: 'cohort', label: t('survival.col.cohort') },
        ...years.map((y) => ({
          key: `y${y}`,
          label: t('survival.col.year', { n: y }),
          numeric: true,
          digits: 3,
        })),
      ],
      rows: lines.map((l) => ({
        cohort: l.name,
        ...Object.fromEntries(
          years.map((y) => [`y${y}`, Number.isNaN(l.s[y] as number) ? null : (l.s[y] as number)]),
        ),
      })),
    };
    const option = lineOption(
      years.map((y) => t('survival.col.year', { n: y })),
      lines.map((l, k) => ({
        name: l.name,
        data: l.s.map((v) => (Number.isNaN(v) ? null : v)),
        ...(k === 0 ? { color: '#0b4f8a' } : {}),
      })),
      { min: 0, max: 1, percent: true },
    );
    return { table, option };
  }, [curves, t]);

  const reportTable: TableData | undefined = reports.data?.items.length
    ? {
        columns: [
          { key: 'year', label: t('stats.col.year') },
          { key: 'status', label: t('survival.reportStatus') },
          { key: 'teamsServed', label: t('stats.out.teamsServed'), numeric: true },
          { key: 'startupsServed', label: t('stats.out.startupsServed'), numeric: true },
          { key: 'jobs', label: t('stats.out.jobs'), numeric: true },
          { key: 'financedCount', label: t('stats.out.financedCount'), numeric: true },
          { key: 'events', label: t('stats.out.events'), numeric: true },
          { key: 'mentors', label: t('survival.mentors'), numeric: true },
        ],
        rows: reports.data.items.map((r) => ({
          year: r.year,
          status: t(`reportStatus.${r.status}`),
          teamsServed: r.teamsServed,
          startupsServed: r.startupsServed,
          jobs: r.jobs,
          financedCount: r.financedCount,
          events: r.events,
          mentors: r.mentors,
        })),
      }
    : undefined;

  return (
    <>
      <section className="card" aria-labelledby="survival-h" data-testid="space-survival">
        <h2 id="survival-h">{t('survival.title')}</h2>
        {cohorts.loading ? (
          <Loading />
        ) : !curves || !survival ? (
          <p className="hint">{t('survival.none')}</p>
        ) : (
          <>
            <p>
              {t('survival.summary', {
                n: fmt.int(curves.all.n),
                closed: fmt.int(curves.all.events),
                s2: fmt.pct(yearlySurvival(curves.all, 2)[2], 0),
              })}
            </p>
            <ChartCard
              title={t('survival.chart')}
              fileBase={`${spaceId}-survival`}
              table={survival.table}
              option={survival.option}
              note={t('survival.method')}
              small
            />
          </>
        )}
      </section>
      {reportTable && (
        <ChartCard
          title={t('survival.reports')}
          fileBase={`${spaceId}-reports`}
          table={reportTable}
          small
          option={lineOption(
            reportTable.rows.map((r) => r.year as number),
            [
              {
                name: t('stats.out.teamsServed'),
                data: reportTable.rows.map((r) => r.teamsServed as number | null),
              },
              { name: t('stats.out.jobs'), data: reportTable.rows.map((r) => r.jobs as number | null) },
              {
                name: t('stats.out.financedCount'),
                data: reportTable.rows.map((r) => r.financedCount as number | null),
              },
            ],
          )}
        />
      )}
    </>
  );
};
