// Up to four spaces or regions side by side: /compare?spaces=a,b&regions=440000,310000.
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { cheapestMonthly } from '../../../../src/domain/membership-price.js';
import { api } from '../../api/client.js';
import type { RegionStats, Space } from '../../api/types.js';
import { PROVINCES, provinceByCode, provinceName, provinceOf } from '../../data/provinces.js';
import { useFormat } from '../../ui/format.js';
import { usePageTitle } from '../../ui/page-title.js';
import { SpaceLink } from '../../ui/space-link.js';
import { ErrorBox, Loading } from '../../ui/status.js';
import { useApi } from '../../ui/use-api.js';
import { useUrlState } from '../../ui/url-state.js';
import { TypeTag, StatusBadge } from '../space/space-page.js';
import { CompareIndex } from './compare-index.js';
import './compare.css';

export const MAX_ITEMS = 4;
const ID = /^[A-Za-z0-9_.:-]{1,100}$/;
const REGION = /^(\d{6}|[A-Z]{2})$/;

const listParam = (p: URLSearchParams, key: string, valid: RegExp): string[] =>
  [
    ...new Set(
      (p.get(key) ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter((s) => valid.test(s)),
    ),
  ].slice(0, MAX_ITEMS);

type Row = { label: string; cells: ReactNode[] };

const CompareTable = ({
  caption,
  heads,
  rows,
  onRemove,
  testId,
}: {
  caption: string;
  heads: ReactNode[];
  rows: Row[];
  onRemove: (k: number) => void;
  testId: string;
}) => {
  const { t } = useTranslation();
  return (
    <div className="table-wrap">
      <table className="data compare-table" data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">{t('compare.attribute')}</span>
            </th>
            {heads.map((h, k) => (
              <th key={k} scope="col">
                <div className="compare-head">
                  {h}
                  <button type="button" className="btn-link btn" onClick={() => onRemove(k)}>
                    {t('compare.remove')}
                  </button>
                </div>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label}>
              <th scope="row">{r.label}</th>
              {r.cells.map((c, k) => (
                <td key={k}>{c}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
};

const useSpaces = (ids: string[]) =>
  useApi(ids.length ? `cmp-spaces:${ids.join(',')}` : null, (s) =>
    Promise.all(ids.map((id) => api.space(id, s))),
  );
const useRegions = (codes: string[]) =>
  useApi(codes.length ? `cmp-regions:${codes.join(',')}` : null, (s) =>
    Promise.all(codes.map((c) => api.regionStats(c, s))),
  );

const SpaceSearch = ({ onAdd, disabled }: { onAdd: (id: string) => void; disabled: boolean }) => {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const found = useApi(q ? `cmp-search:${q}` : null, (s) => api.spaces({ q, limit: 8 }, s));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setQ(text.trim());
  };
  return (
    <form className="compare-search" onSubmit={submit} role="search">
      <label htmlFor="cmp-q">{t('compare.searchSpace')}</label>
      <div className="btn-row">
        <input
          id="cmp-q"
          type="search"
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={t('compare.searchPlaceholder')}
        />
        <button type="submit" className="btn btn-secondary btn-small" disabled={!text.trim()}>
          {t('compare.search')}
        </button>
      </div>
      {found.loading && <Loading />}
      {found.error && <ErrorBox error={found.error} />}
      {found.data && (
        <ul className="space-list">
          {found.data.items.length === 0 && <li className="muted">{t('compare.noResults')}</li>}
          {found.data.items.map((s) => (
            <li key={s.id}>
              <span className="check-label">
                {fmt.name(s)} <span className="muted">· {fmt.typeLabel(s.type)}</span>
              </span>
              <button type="button" className="btn btn-small" disabled={disabled} onClick={() => onAdd(s.id)}>
                {t('compare.add')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </form>
  );
};

export const ComparePage = () => {
  const { t } = useTranslation();
  const fmt = useFormat();
  usePageTitle(t('compare.title'));
  const [params, update] = useUrlState();
  const ids = listParam(params, 'spaces', ID);
  const codes = listParam(params, 'regions', REGION);
  const spaces = useSpaces(ids);
  const regions = useRegions(codes);
  const [regionPick, setRegionPick] = useState('');

  const setIds = (next: string[]) => update({ spaces: next.slice(0, MAX_ITEMS) }, true);
  const setCodes = (next: string[]) => update({ regions: next.slice(0, MAX_ITEMS) }, true);

  const spaceRows = (list: Space[]): Row[] => [
    { label: t('space.field.type'), cells: list.map((s) => <TypeTag type={s.type} />) },
    { label: t('space.field.status'), cells: list.map((s) => <StatusBadge status={s.status} />) },
    {
      label: t('compare.where'),
      cells: list.map((s) =>
        [s.city, s.regionCode ? provinceName(provinceOf(s.regionCode), fmt.en) : fmt.country(s.countryCode)]
          .filter(Boolean)
          .join(' · '),
      ),
    },
    { label: t('space.field.founded'), cells: list.map((s) => fmt.date(s.foundedOn)) },
    { label: t('space.field.certification'), cells: list.map((s) => t(`certification.${s.certification}`)) },
    {
      label: t('compare.cheapest'),
      cells: list.map((s) => {
        const m = cheapestMonthly(s.membershipPlans);
        return m === null ? '—' : `${fmt.money(m)} ${t('compare.perMonth')}`;
      }),
    },
    { label: t('space.field.workstations'), cells: list.map((s) => fmt.int(s.workstations)) },
    {
      label: t('space.field.area'),
      cells: list.map((s) => (s.areaM2 === null ? '—' : `${fmt.int(s.areaM2)} m²`)),
    },
    {
      label: t('space.services'),
      cells: list.map((s) => (s.services.length ? s.services.map((x) => t(`service.${x}`)).join('、') : '—')),
    },
    {
      label: t('space.equipment'),
      cells: list.map((s) =>
        s.equipment.length ? s.equipment.map((x) => t(`equipment.${x}`)).join('、') : '—',
      ),
    },
    { label: t('space.hours'), cells: list.map((s) => s.openingHours ?? '—') },
  ];

  const regionRows = (list: RegionStats[]): Row[] => {
    const active = (r: RegionStats) => r.byStatus.find((x) => x.status === 'active')?.count ?? 0;
    return [
      { label: t('region.kpi.total'), cells: list.map((r) => fmt.int(r.total)) },
      { label: t('region.kpi.active'), cells: list.map((r) => fmt.int(active(r))) },
      {
        label: t('region.kpi.density'),
        cells: list.map((r) => {
          const pop = provinceByCode(r.code)?.population2020;
          return pop ? fmt.num((active(r) / pop) * 1e6, 1) : '—';
        }),
      },
      {
        label: t('region.kpi.national'),
        cells: list.map((r) =>
          fmt.int(r.byCertification.find((c) => c.certification === 'national')?.count ?? 0),
        ),
      },
      {
        label: t('compare.topType'),
        cells: list.map((r) => {
          const top = r.byType[0];
          return top ? `${fmt.typeLabel(top.type)} (${fmt.pct(top.count / Math.max(1, r.total))})` : '—';
        }),
      },
      {
        label: t('compare.lastYearFounded'),
        cells: list.map((r) => {
          const last = r.byYear[r.byYear.length - 1];
          return last ? `${fmt.int(last.count)} (${last.year})` : '—';
        }),
      },
    ];
  };

  return (
    <div className="page compare-page" data-testid="compare-page">
      <header className="page-head">
        <div>
          <h1>{t('compare.heading')}</h1>
          <p className="muted">{t('compare.intro', { n: MAX_ITEMS })}</p>
        </div>
      </header>

      <section className="card" aria-labelledby="cmp-spaces-h">
        <h2 id="cmp-spaces-h">{t('compare.spaces', { n: ids.length, max: MAX_ITEMS })}</h2>
        <SpaceSearch
          disabled={ids.length >= MAX_ITEMS}
          onAdd={(id) => !ids.includes(id) && setIds([...ids, id])}
        />
        {ids.length === 0 ? (
          <p className="state state-empty">{t('compare.noSpaces')}</p>
        ) : spaces.error ? (
          <ErrorBox error={spaces.error} retry={spaces.retry} />
        ) : !spaces.data ? (
          <Loading />
        ) : (
          <>
            <CompareTable
              testId="compare-spaces"
              caption={t('compare.spacesCaption')}
              heads={spaces.data.map((s) => (
                <SpaceLink id={s.id} name={fmt.name(s)} synthetic={s.synthetic} />
              ))}
              rows={spaceRows(spaces.data)}
              onRemove={(k) => setIds(ids.filter((_, i) => i !== k))}
            />
            <CompareIndex level="space" ids={ids} names={spaces.data.map((s) => fmt.name(s))} />
          </>
        )}
      </section>

      <section className="card" aria-labelledby="cmp-regions-h">
        <h2 id="cmp-regions-h">{t('compare.regions', { n: codes.length, max: MAX_ITEMS })}</h2>
        <form
          className="btn-row"
          onSubmit={(e) => {
            e.preventDefault();
            if (regionPick && !codes.includes(regionPick)) setCodes([...codes, regionPick]);
          }}
        >
          <label htmlFor="cmp-region">{t('compare.addRegion')}</label>
          <select id="cmp-region" value={regionPick} onChange={(e) => setRegionPick(e.target.value)}>
            <option value="">{t('compare.pickRegion')}</option>
            {PROVINCES.map((p) => (
              <option key={p.code} value={p.code}>
                {fmt.en ? p.nameEn : p.nameZh}
              </option>
            ))}
          </select>
          <button
            type="submit"
            className="btn btn-secondary btn-small"
            disabled={!regionPick || codes.length >= MAX_ITEMS}
          >
            {t('compare.add')}
          </button>
        </form>
        {codes.length === 0 ? (
          <p className="state state-empty">{t('compare.noRegions')}</p>
        ) : regions.error ? (
          <ErrorBox error={regions.error} retry={regions.retry} />
        ) : !regions.data ? (
          <Loading />
        ) : (
          <>
            <CompareTable
              testId="compare-regions"
              caption={t('compare.regionsCaption')}
              heads={regions.data.map((r) => (
                <Link to={`/regions/${r.code}`}>{(fmt.en ? r.nameEn : r.nameZh) ?? r.nameZh ?? r.code}</Link>
              ))}
              rows={regionRows(regions.data)}
              onRemove={(k) => setCodes(codes.filter((_, i) => i !== k))}
            />
            <CompareIndex
              level="province"
              ids={codes.filter((c) => /^\d{2}0000$/.test(c))}
              names={codes.filter((c) => /^\d{2}0000$/.test(c)).map((c) => provinceName(c, fmt.en))}
            />
          </>
        )}
      </section>
    </div>
  );
};
