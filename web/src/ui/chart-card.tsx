// A chart with its table view and downloads: every chart's numbers can be read and taken away.
import { useState, type ReactNode } from 'react';
import type { EChartsCoreOption } from 'echarts/core';
import { useTranslation } from 'react-i18next';
import { Chart } from './chart.js';
import { DataTable } from './data-table.js';
import { DownloadButtons } from './download-buttons.js';
import type { TableData } from './table-data.js';

export const ChartCard = ({
  title,
  option,
  table,
  fileBase,
  note,
  testId,
  small,
  height,
}: {
  title: string;
  option: EChartsCoreOption;
  table: TableData;
  fileBase: string;
  note?: ReactNode;
  testId?: string;
  small?: boolean;
  /** Pixels, for charts whose rows need room (one bar per province). */
  height?: number;
}) => {
  const { t } = useTranslation();
  const [view, setView] = useState<'chart' | 'table'>('chart');
  return (
    <section className="card chart-card" data-testid={testId}>
      <div className="chart-card-head">
        <h2>{title}</h2>
        <div className="btn-row">
          <div className="tabs" role="group" aria-label={t('chart.view')}>
            <button type="button" aria-pressed={view === 'chart'} onClick={() => setView('chart')}>
              {t('chart.chart')}
            </button>
            <button type="button" aria-pressed={view === 'table'} onClick={() => setView('table')}>
              {t('chart.table')}
            </button>
          </div>
          <DownloadButtons fileBase={fileBase} table={table} sheet={title} />
        </div>
      </div>
      {view === 'chart' ? (
        <Chart
          option={option}
          label={title}
          className={small ? 'chart chart-small' : 'chart'}
          height={height}
        />
      ) : (
        <DataTable table={table} caption={title} />
      )}
      {note && <p className="hint">{note}</p>}
    </section>
  );
};
