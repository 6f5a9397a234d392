// A space's profile: who and where it is, what it offers and costs, when it is open, how it scores
// on the Maker Index and why, how its incubated firms survive, and where every fact came from.
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { TYPE_INFO, type SpaceType } from '../../../../src/domain/taxonomy.js';
import { api } from '../../api/client.js';
import type { Space } from '../../api/types.js';
import { provinceName, provinceOf } from '../../data/provinces.js';
import { useFormat } from '../../ui/format.js';
import { usePageTitle } from '../../ui/page-title.js';
import { linkHref } from '../../ui/safe-url.js';
import { ErrorBox, Loading, SyntheticBadge } from '../../ui/status.js';
import { useApi } from '../../ui/use-api.js';
import { TYPE_COLORS } from '../map/colors.js';
import { IndexSection } from './index-section.js';
import { MiniMap } from './mini-map.js';
import { OpeningHours } from './opening-hours.js';
import { Provenance } from './provenance.js';
import { SurvivalSection } from './survival-section.js';
import './profile.css';

export const TypeTag = ({ type }: { type: string }) => {
  const fmt = useFormat();
  return (
    <span className="type-tag">
      <span
        className="swatch"
        style={{ background: TYPE_COLORS[type as SpaceType] ?? TYPE_COLORS.other }}
        aria-hidden="true"
      />
      {fmt.typeLabel(type)}
    </span>
  );
};

export const StatusBadge = ({ status }: { status: string }) => {
  const { t } = useTranslation();
  const cls = status === 'active' ? 'badge-ok' : status === 'closed' ? 'badge-closed' : 'badge-neutral';
  return <span className={`badge ${cls}`}>{t(`status.${status}`)}</span>;
};

const Facts = ({ s }: { s: Space }) => {
  const { t } = useTranslation();
  const fmt = useFormat();
  const rows: [string, React.ReactNode][] = [
    [t('space.field.type'), <TypeTag type={s.type} />],
    [t('space.field.status'), <StatusBadge status={s.status} />],
    [t('space.field.founded'), fmt.date(s.foundedOn)],
    ...(s.closedOn ? ([[t('space.field.closed'), fmt.date(s.closedOn)]] as [string, React.ReactNode][]) : []),
    [
      t('space.field.certification'),
      <>
        {t(`certification.${s.certification}`)}
        {s.certificationGrade && <> · {t('space.grade', { grade: s.certificationGrade })}</>}
      </>,
    ],
    [t('space.field.operator'), s.operatorName ?? '—'],
    [
      t('space.field.legalForm'),
      s.legalForm ? t(`legalForm.${s.legalForm}`, { defaultValue: s.legalForm }) : '—',
    ],
    [
      t('space.field.ownership'),
      s.ownership ? t(`ownership.${s.ownership}`, { defaultValue: s.ownership }) : '—',
    ],
    [t('space.field.area'), s.areaM2 === null ? '—' : `${fmt.int(s.areaM2)} m²`],
    [t('space.field.workstations'), fmt.int(s.workstations)],
  ];
  return (
    <dl className="facts">
      {rows.map(([k, v]) => (
        <div key={k} className="fact">
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
};

const Chips = ({ items, ns, empty }: { items: readonly string[]; ns: string; empty: string }) => {
  const { t } = useTranslation();
  if (items.length === 0) return <p className="hint">{empty}</p>;
  return (
    <ul className="chips">
      {items.map((x) => (
        <li key={x} className="chip chip-static">
          {t(`${ns}.${x}`, { defaultValue: x })}
        </li>
      ))}
    </ul>
  );
};

export const SpacePage = () => {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const fmt = useFormat();
  const space = useApi(`space:${id}`, (s) => api.space(id, s));
  const s = space.data;
  usePageTitle(s ? fmt.name(s) : t('space.title'));

  if (space.error) {
    return (
      <section className="page narrow">
        <h1>{t('space.title')}</h1>
        <ErrorBox error={space.error} retry={space.retry} />
        <p>
          <Link to="/">{t('notFound.home')}</Link>
        </p>
      </section>
    );
  }
  if (!s) return <Loading />;

  const name = fmt.name(s);
  const other = fmt.en ? (s.nameEn ? s.nameZh : null) : s.nameZh ? s.nameEn : null;
  const province = s.regionCode ? provinceOf(s.regionCode) : null;
  const info = TYPE_INFO[s.type as SpaceType];
  const place = [s.city, s.address, s.countryCode !== 'CN' ? fmt.country(s.countryCode) : null]
    .filter(Boolean)
    .join(' · ');

  return (
    <article className="page space-page" data-testid="space-page">
      <nav className="breadcrumb" aria-label={t('space.breadcrumb')}>
        <Link to="/">{t('nav.map')}</Link>
        {province && (
          <>
            {' › '}
            <Link to={`/regions/${province}`}>{provinceName(province, fmt.en)}</Link>
          </>
        )}
        {' › '}
        <span aria-current="page">{name}</span>
      </nav>
      <header className="page-head">
        <div>
          <h1 data-testid="space-name">{name}</h1>
          {other && <p className="subtitle">{other}</p>}
          <p className="tags">
            <TypeTag type={s.type} /> <StatusBadge status={s.status} />{' '}
            {s.certification !== 'none' && (
              <span className="badge badge-cert">{t(`certification.${s.certification}`)}</span>
            )}{' '}
            {s.synthetic && <SyntheticBadge />}
          </p>
        </div>
        <div className="btn-row">
          <Link className="btn btn-secondary" to={`/compare?spaces=${encodeURIComponent(s.id)}`}>
            {t('space.compare')}
          </Link>
          <a className="btn btn-secondary" href={api.spaceApiUrl(s.id)} type="application/json">
            SpaceAPI
          </a>
        </div>
      </header>

      {s.synthetic && (
        <p className="notice" role="note">
          {t('space.syntheticNote')}
        </p>
      )}

      <div className="grid grid-2">
        <section className="card" aria-labelledby="facts-h">
          <h2 id="facts-h">{t('space.facts')}</h2>
          <Facts s={s} />
          {info && !fmt.en && <p className="hint">{info.summaryZh}</p>}
        </section>
        <section className="card" aria-labelledby="where-h">
          <h2 id="where-h">{t('space.where')}</h2>
          <p>{place || t('space.noAddress')}</p>
          {s.postcode && <p className="hint">{t('space.postcode', { code: s.postcode })}</p>}
          {s.lat !== null && s.lon !== null ? (
            <MiniMap
              lat={s.lat}
              lon={s.lon}
              color={TYPE_COLORS[s.type as SpaceType] ?? TYPE_COLORS.other}
              approximate={s.approximate}
            />
          ) : (
            <p className="hint">{t('space.noCoordinates')}</p>
          )}
        </section>
      </div>

      {s.description && (
        <section className="card" aria-labelledby="about-h">
          <h2 id="about-h">{t('space.about')}</h2>
          <p className="prose" data-testid="space-description">
            {s.description}
          </p>
        </section>
      )}

      <div className="grid grid-2">
        <section className="card" aria-labelledby="plans-h">
          <h2 id="plans-h">{t('space.plans')}</h2>
          {s.membershipPlans.length === 0 ? (
            <p className="hint">{t('space.noPlans')}</p>
          ) : (
            <div className="table-wrap">
              <table className="data">
                <thead>
                  <tr>
                    <th scope="col">{t('space.plan')}</th>
                    <th scope="col" className="num">
                      {t('space.price')}
                    </th>
                    <th scope="col">{t('space.per')}</th>
                  </tr>
                </thead>
                <tbody>
                  {s.membershipPlans.map((p, i) => (
                    <tr key={i}>
                      <td>{p.name}</td>
                      <td className="num">{fmt.money(p.amount, p.currency)}</td>
                      <td>{t(`interval.${p.interval}`)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
        <section className="card" aria-labelledby="hours-h">
          <h2 id="hours-h">{t('space.hours')}</h2>
          {s.openingHours ? (
            <OpeningHours value={s.openingHours} country={s.countryCode} />
          ) : (
            <p className="hint">{t('space.noHours')}</p>
          )}
        </section>
      </div>

      <div className="grid grid-2">
        <section className="card" aria-labelledby="eq-h">
          <h2 id="eq-h">{t('space.equipment')}</h2>
          <Chips items={s.equipment} ns="equipment" empty={t('space.none')} />
        </section>
        <section className="card" aria-labelledby="svc-h">
          <h2 id="svc-h">{t('space.services')}</h2>
          <Chips items={s.services} ns="service" empty={t('space.none')} />
        </section>
      </div>

      <IndexSection spaceId={s.id} />
      <SurvivalSection spaceId={s.id} />

      <section className="card" aria-labelledby="links-h">
        <h2 id="links-h">{t('space.links')}</h2>
        <ul className="links">
          {s.links.map((l, i) => {
            const href = linkHref(l.kind, l.url);
            return (
              <li key={i}>
                <span className="muted">{t(`linkKind.${l.kind}`, { defaultValue: l.kind })}：</span>
                {href ? (
                  <a
                    href={href}
                    rel="noopener noreferrer nofollow"
                    target={href.startsWith('http') ? '_blank' : undefined}
                  >
                    {l.url}
                  </a>
                ) : (
                  <span>{l.url}</span>
                )}
              </li>
            );
          })}
          <li>
            <span className="muted">SpaceAPI：</span>
            <a href={api.spaceApiUrl(s.id)}>{api.spaceApiUrl(s.id)}</a>
          </li>
        </ul>
      </section>

      <section className="card" aria-labelledby="prov-h">
        <h2 id="prov-h">{t('space.provenance')}</h2>
        <Provenance space={s} />
      </section>
    </article>
  );
};
