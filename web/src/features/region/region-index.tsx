// The region's Maker Index over the years and its best spaces. Filled from the index API once a
// release exists; until then the top spaces come from the registry.
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { useFormat } from '../../ui/format.js';
import { Loading } from '../../ui/status.js';
import { useApi } from '../../ui/use-api.js';
import { SpaceLink } from '../../ui/space-link.js';

export const RegionIndexHistory = (_: { code: string }) => null;

export const TopSpaces = ({ code, prefix, country }: { code: string; prefix?: string; country?: string }) => {
  const { t } = useTranslation();
  const fmt = useFormat();
  const list = useApi(`region-spaces:${code}`, (s) =>
    api.spaces(
      { ...(prefix ? { region: prefix } : {}), ...(country ? { country } : {}), limit: 12, sort: 'name' },
      s,
    ),
  );
  return (
    <section className="card" aria-labelledby="top-h">
      <h2 id="top-h">{t('region.spaces')}</h2>
      {list.loading && <Loading />}
      {list.data && (
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
