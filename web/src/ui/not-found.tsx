import { Link, useRouteError } from 'react-router';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from './page-title.js';
import { ErrorBox } from './status.js';

export const NotFoundPage = () => {
  const { t } = useTranslation();
  usePageTitle(t('notFound.title'));
  return (
    <section className="page narrow">
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
      <p>
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </section>
  );
};

/** A page that failed to load (often a new release replaced its file): say so and offer a reload. */
export const RouteError = () => {
  const error = useRouteError();
  const { t } = useTranslation();
  return (
    <section className="page narrow">
      <h1>{t('state.pageFailed')}</h1>
      <ErrorBox
        error={error instanceof Error ? error : new Error(String(error))}
        retry={() => window.location.reload()}
      />
    </section>
  );
};
