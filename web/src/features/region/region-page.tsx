// A region's profile (province, prefecture, county, or a country by ISO code): how many spaces of
// which type, how that grew year by year, density per resident, its index and rank over the years,
// and its top spaces.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { compileMapFilter } from '../../../../src/domain/map-filter.js';
import { SPACE_TYPES, type SpaceType } from '../../../../src/domain/taxonomy.js';
import { api } from '../../api/client.js';
import { loadPlaces } from '../../data/places.js';
import { provinceByCode, provinceName, provinceOf } from '../../data/provinces.js';
import { usePoints } from '../../data/use-points.js';
import { ChartCard } from '../../ui/chart-card.js';
import { barOption, pieOption } from '../../ui/chart-options.js';
import { useFormat } from '../../ui/format.js';
import { usePageTitle } from '../../ui/page-title.js';
import { ErrorBox, Loading } from '../../ui/status.js';
import type { TableData } from '../../ui/table-data.js';
import { useApi } from '../../ui/use-api.js';
import { TYPE_COLORS } from '../map/colors.js';
import { FIRST_YEAR } from '../map/map-state.js';
import { RegionIndexHistory, TopSpaces } from './region-index.js';
import { activeByTypeYear, countByPrefecture, pointsInRegion, regionPrefix } from './region-series.js';
import '../space/profile.css';

const CODE = /^(\d{6}|[A-Za-z]{2})$/;

export const RegionPage = () => {
  const { code: raw = '' } = useParams();
  const code = raw.toUpperCase();
  const { t } = useTranslation();
  const fmt = useFormat();
  const valid = CODE.test(code);
  const stats = useApi(valid ? `region:${code}` : null, (s) => api.regionStats(code, s));
  const points = usePoints();
  const r = stats.data;
  const title = r ? ((fmt.en ? r.nameEn : r.nameZh) ?? r.nameZh ?? code) : t('region.title');
  usePageTitle(title);

  const isChina = /^\d{6}$/.test(code);
  const prefix = isChina ? regionPrefix(code) : '';
  const p = points.data?.points ?? undefined;
  const latest = points.data?.latestYear ?? new Date().getFullYear();
  const members = useMemo(() => (p && isChina ? pointsInRegion(p, prefix) : []), [p, isChina, prefix]);
  const series = useMemo(
    () => (p && members.length ? activeByTypeYear(p, members, FIRST_YEAR, latest) : undefined),
    [p, members, latest],
  );
  const places = useApi('places', loadPlaces);
  const placeByCode = useMemo(() => new Map((places.data ?? []).map((pl) => [pl.code, pl])), [places.data]);
  const prefectures = useMemo(() => {
    if (!p || !code.endsWith('0000') || !isChina) return [];
    const active = compileMapFilter(p, { year: latest }, latest);
    return countByPrefecture(p, members, active);
  }, [p, members, code, isChina, latest]);

  if (!valid) {
    return (
      <section className="page narrow">
        <h1>{t('region.title')}</h1>
        <ErrorBox error={new Error(t('region.badCode', { code: raw }))} />
      </section>
    );
  }
  if (stats.error) {
    return (
      <section className="page narrow">
        <h1>{t('region.title')}</h1>
        <ErrorBox error={stats.error} retry={stats.retry} />
      </section>
    );
  }
  if (!r) return <Loading />;

  const province = isChina && code.endsWith('0000') ? provinceByCode(code) : undefined;
  const active = r.byStatus.find((s) => s.status === 'active')?.count ?? 0;
  const density = province?.population2020 ? (active / province.population2020) * 1e6 : undefined;
  const national = r.byCertification.find((c) => c.certification === 'national')?.count ?? 0;
  const parent = isChina && !code.endsWith('0000') ? provinceOf(code) : undefined;

  const typeRows = SPACE_TYPES.map((ty) => ({
    type: ty,
    count: r.byType.find((x) => x.type === ty)?.count ?? 0,
  })).filter((x) => x.count > 0);
  const typeTable: TableData = {
    columns: [
      { key: 'type', label: t('region.col.type') },
      { key: 'count', label: t('region.col.count'), numeric: true },
    ],
    rows: typeRows.map((x) => ({ type: fmt.typeLabel(x.type), count: x.count })),
  };

  const yearTable: TableData | undefined = series && {
    columns: [
      { key: 'year', label: t('region.col.year') },
      ...[...series.byType.keys()].map((ty) => ({ key: ty, label: fmt.typeLabel(ty), numeric: true })),
      { key: 'total', label: t('region.col.total'), numeric: true },
    ],
    rows: series.years.map((y, k) => ({
      year: y,
      ...Object.fromEntries([...series.byType.entries()].map(([ty, v]) => [ty, v[k] ?? 0])),
      total: series.total[k] ?? 0,
    })),
  };
  const foundedTable: TableData = {
    columns: [
      { key: 'year', label: t('region.col.year') },
      { key: 'count', label: t('region.col.founded'), numeric: true },
      { key: 'cumulative', label: t('region.col.cumulative'), numeric: true },
    ],
    rows: r.byYear.map((y) => ({ year: y.year, count: y.count, cumulative: y.cumulative })),
  };
  const prefTable: TableData = {
    columns: [
      { key: 'code', label: t('region.col.code') },
      { key: 'name', label: t('region.col.prefecture') },
      { key: 'count', label: t('region.col.active', { year: latest }), numeric: true },
    ],
    rows: prefectures.map(([c, n]) => {
      const place = placeByCode.get(c);
      return {
        code: c,
        name: place ? ((fmt.en ? place.nameEn : place.nameZh) ?? place.nameZh) : c,
        count: n,
      };
    }),
  };

  return (
    <article className="page region-page" data-testid="region-page">
      <nav className="breadcrumb" aria-label={t('space.breadcrumb')}>
        <Link to={`/?metric=count`}>{t('nav.map')}</Link>
        {parent && (
          <>
            {' › '}
            <Link to={`/regions/${parent}`}>{provinceName(parent, fmt.en)}</Link>
          </>
        )}
        {' › '}
        <span aria-current="page">{title}</span>
      </nav>
      <header className="page-head">
        <div>
          <h1>{title}</h1>
          <p className="muted">
            {t(`region.kind.${r.kind}`)} · {code}
          </p>
        </div>
        <div className="btn-row">
          <Link className="btn btn-secondary" to={`/compare?regions=${code}`}>
            {t('space.compare')}
          </Link>
          {isChina && (
            <Link className="btn btn-secondary" to={`/finder?place=${code}`}>
              {t('region.findHere')}
            </Link>
          )}
        </div>
      </header>

      <div className="kpis">
        <div className="kpi">
          <div className="kpi-label">{t('region.kpi.total')}</div>
          <div className="kpi-value" data-testid="region-total">
            {fmt.int(r.total)}
          </div>
        </div>
        <div className="kpi">
          <div className="kpi-label">{t('region.kpi.active')}</div>
          <div className="kpi-value">{fmt.int(active)}</div>
        </div>
        <div className="kpi">
          <div className="kpi-label">{t('region.kpi.density')}</div>
          <div className="kpi-value">{density === undefined ? '—' : fmt.num(density, 1)}</div>
          <div className="kpi-note">
            {density === undefined ? t('region.densityNA') : t('region.densityNote')}
          </div>
        </div>
        <div className="kpi">
          <div className="kpi-label">{t('region.kpi.national')}</div>
          <div className="kpi-value">{fmt.int(national)}</div>
        </div>
      </div>

      {r.total === 0 ? (
        <p className="state state-empty">{t('region.empty')}</p>
      ) : (
        <>
          <div className="grid grid-2">
            <ChartCard
              title={t('region.byType')}
              fileBase={`${code}-types`}
              table={typeTable}
              option={pieOption(
                typeRows.map((x) => ({
                  name: fmt.typeLabel(x.type),
                  value: x.count,
                  color: TYPE_COLORS[x.type as SpaceType],
                })),
              )}
              testId="region-types"
            />
            <ChartCard
              title={t('region.founded')}
              fileBase={`${code}-founded`}
              table={foundedTable}
              option={barOption(
                r.byYear.map((y) => y.year),
                [{ name: t('region.col.founded'), data: r.byYear.map((y) => y.count), color: '#1f6fb2' }],
              )}
            />
          </div>
          {series && yearTable ? (
            <ChartCard
              title={t('region.activeByYear')}
              fileBase={`${code}-active-by-year`}
              table={yearTable}
              option={barOption(
                series.years,
                [...series.byType.entries()].map(([ty, v]) => ({
                  name: fmt.typeLabel(ty),
                  data: v,
                  color: TYPE_COLORS[ty as SpaceType],
                })),
                { stacked: true },
              )}
              note={t('region.activeNote')}
              testId="region-by-year"
            />
          ) : (
            points.loading && <Loading />
          )}
          {prefectures.length > 0 && (
            <ChartCard
              title={t('region.prefectures')}
              height={Math.max(240, Math.min(20, prefectures.length) * 22 + 60)}
              fileBase={`${code}-prefectures`}
              table={prefTable}
              option={barOption(
                prefTable.rows.slice(0, 20).map((x) => String(x.name)),
                [
                  {
                    name: t('region.col.count'),
                    data: prefTable.rows.slice(0, 20).map((x) => x.count as number),
                    color: '#1f6fb2',
                  },
                ],
                { horizontal: true },
              )}
            />
          )}
        </>
      )}

      {code.endsWith('0000') && isChina && <RegionIndexHistory code={code} />}
      <TopSpaces code={code} prefix={isChina ? prefix : undefined} country={isChina ? undefined : code} />
    </article>
  );
};
