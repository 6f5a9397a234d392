import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadCsv, downloadXlsx } from './download.js';
import type { TableData } from './table-data.js';

export const DownloadButtons = ({
  fileBase,
  table,
  sheet,
}: {
  fileBase: string;
  table: TableData;
  sheet?: string;
}) => {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const run = (f: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    f().then(
      () => setBusy(false),
      (e: unknown) => {
        setBusy(false);
        setError(String(e));
      },
    );
  };
  return (
    <span className="btn-row">
      <button
        type="button"
        className="btn btn-secondary btn-small"
        disabled={busy || table.rows.length === 0}
        onClick={() => run(() => downloadCsv(fileBase, table))}
      >
        {t('download.csv')}
      </button>
      <button
        type="button"
        className="btn btn-secondary btn-small"
        disabled={busy || table.rows.length === 0}
        onClick={() => run(() => downloadXlsx(fileBase, table, sheet))}
      >
        {t('download.xlsx')}
      </button>
      {error && (
        <span role="alert" className="hint">
          {t('download.failed')}
        </span>
      )}
    </span>
  );
};
