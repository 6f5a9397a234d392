// Loading, empty and error states, said in words (screen readers hear them through role/aria-live).
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.js';

export const Loading = ({ label }: { label?: string }) => {
  const { t } = useTranslation();
  return (
    <div className="state state-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('state.loading')}
    </div>
  );
};

export const Empty = ({ children }: { children: ReactNode }) => (
  <div className="state state-empty" role="status">
    {children}
  </div>
);

/** What went wrong, in the reader's words, and what they can do about it. */
export const ErrorBox = ({ error, retry }: { error: Error; retry?: () => void }) => {
  const { t } = useTranslation();
  let what: string;
  if (error instanceof ApiError) {
    if (error.status === 404) what = t('state.notFound');
    else if (error.status === 400) what = t('state.badRequest', { message: error.message });
    else if (error.status >= 500) what = t('state.serverError');
    else what = error.message;
  } else if (error instanceof TypeError) {
    what = t('state.offline');
  } else {
    what = error.message;
  }
  return (
    <div className="state state-error" role="alert">
      <p>{what}</p>
      {retry && (
        <button type="button" className="btn" onClick={retry}>
          {t('state.retry')}
        </button>
      )}
    </div>
  );
};

/** Marks records of the synthetic demonstration sample everywhere they appear. */
export const SyntheticBadge = () => {
  const { t } = useTranslation();
  return (
    <span className="badge badge-synthetic" title={t('synthetic.title')}>
      示例数据 · synthetic
    </span>
  );
};
