import { useTranslation } from 'react-i18next';
import type { Space } from '../../api/types.js';
import { useFormat } from '../../ui/format.js';
import { httpUrl } from '../../ui/safe-url.js';

/** Where each field came from, grouped by source: who set it and when. */
export const Provenance = ({ space }: { space: Space }) => {
  const { t } = useTranslation();
  const fmt = useFormat();
  const groups = new Map<string, { fields: string[]; at: string; actor: string }>();
  for (const [field, p] of Object.entries(space.provenance)) {
    const key = `${p.source}\u0000${p.actor}\u0000${p.at}`;
    const g = groups.get(key) ?? { fields: [], at: p.at, actor: p.actor };
    g.fields.push(field);
    groups.set(key, g);
  }
  return (
    <div data-testid="provenance">
      <ul className="sources">
        {space.sources.map((s) => {
          const url = httpUrl(s.url);
          return (
            <li key={`${s.source}:${s.sourceId}`}>
              <strong>{s.source}</strong> · <code>{s.sourceId}</code>
              {url && (
                <>
                  {' '}
                  ·{' '}
                  <a href={url} rel="noopener noreferrer nofollow" target="_blank">
                    {t('space.sourceLink')}
                  </a>
                </>
              )}
            </li>
          );
        })}
      </ul>
      <div className="table-wrap">
        <table className="data">
          <caption>{t('space.provenanceCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('space.provSource')}</th>
              <th scope="col">{t('space.provFields')}</th>
              <th scope="col">{t('space.provWhen')}</th>
            </tr>
          </thead>
          <tbody>
            {[...groups.entries()].map(([key, g]) => (
              <tr key={key}>
                <td>
                  {key.split('\u0000')[0]} <span className="muted">({g.actor})</span>
                </td>
                <td>{g.fields.join(', ')}</td>
                <td>{fmt.dateTime(g.at)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="hint">
        {t('space.created', { date: fmt.dateTime(space.createdAt) })} ·{' '}
        {t('space.updated', { date: fmt.dateTime(space.updatedAt) })}
      </p>
    </div>
  );
};
