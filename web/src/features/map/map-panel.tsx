// The map's side panel: what is shown, the year, the province layer, the filters (whose type list is
// also the points' legend) and the spaces in view as a plain list for keyboards and small screens.
import { startTransition, useEffect, useMemo, useOptimistic, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MapPoints } from '../../../../src/domain/map-points.js';
import {
  CERTIFICATIONS,
  EQUIPMENT,
  SERVICES,
  SPACE_TYPES,
  STATUSES,
  type SpaceType,
} from '../../../../src/domain/taxonomy.js';
import { useFormat } from '../../ui/format.js';
import { SyntheticBadge } from '../../ui/status.js';
import { METRICS } from './choropleth.js';
import { TYPE_COLORS } from './colors.js';
import type { UrlChanges } from '../../ui/url-state.js';
import { activeFilterCount, FIRST_YEAR, filterToUrl, parseMapState, type MapState } from './map-state.js';
import { profilePath } from './popup.js';

interface PanelProps {
  state: MapState;
  year: number;
  latest: number;
  points: MapPoints | undefined;
  kept: readonly number[];
  shown: number;
  total: number | undefined;
  visible: readonly number[];
  serverMode: boolean;
  onChange(changes: UrlChanges): void;
}

const toggle = <T extends string>(list: readonly T[] | undefined, v: T): T[] => {
  const l = list ?? [];
  return l.includes(v) ? l.filter((x) => x !== v) : [...l, v];
};

const CheckGroup = <T extends string>({
  legend,
  name,
  values,
  selected,
  label,
  onToggle,
  swatch,
  count,
}: {
  legend: string;
  name: string;
  values: readonly T[];
  selected: readonly T[] | undefined;
  label: (v: T) => string;
  onToggle: (v: T) => void;
  swatch?: (v: T) => string;
  count?: (v: T) => number | undefined;
}) => {
  const fmt = useFormat();
  // The filter lives in the URL, and the router applies URL changes as a transition: until it
  // commits (the map re-filters first), a controlled box would spring back. The optimistic copy shows
  // the click at once and gives way to the URL's state when the transition is done.
  const [shown, setShown] = useOptimistic<readonly T[]>(selected ?? []);
  return (
    <fieldset className="check-group">
      <legend>{legend}</legend>
      {values.map((v) => {
        const n = count?.(v);
        return (
          <label key={v} className="check">
            <input
              type="checkbox"
              name={name}
              value={v}
              checked={shown.includes(v)}
              onChange={() =>
                startTransition(() => {
                  setShown(toggle(shown, v));
                  onToggle(v);
                })
              }
            />
            {swatch && <span className="swatch" style={{ background: swatch(v) }} aria-hidden="true" />}
            <span className="check-label">{label(v)}</span>
            {n !== undefined && <span className="check-count">{fmt.int(n)}</span>}
          </label>
        );
      })}
    </fieldset>
  );
};

const YearSlider = ({
  year,
  latest,
  onYear,
}: {
  year: number;
  latest: number;
  onYear: (y: number | null) => void;
}) => {
  const { t } = useTranslation();
  const [playing, setPlaying] = useState(false);
  const yearRef = useRef(year);
  yearRef.current = year;
  useEffect(() => {
    if (!playing) return;
    if (yearRef.current >= latest) onYear(FIRST_YEAR);
    const id = setInterval(() => {
      const next = yearRef.current + 1;
      if (next > latest) {
        setPlaying(false);
        return;
      }
      onYear(next >= latest ? null : next);
    }, 900);
    return () => clearInterval(id);
  }, [playing, latest, onYear]);
  return (
    <div className="year-slider">
      <label htmlFor="map-year">
        {t('map.year')} <output htmlFor="map-year">{t('map.yearValue', { year })}</output>
      </label>
      <div className="year-row">
        <button
          type="button"
          className="btn btn-small"
          onClick={() => setPlaying((p) => !p)}
          aria-pressed={playing}
          aria-label={playing ? t('map.pause') : t('map.play')}
        >
          {playing ? '❚❚' : '▶'}
        </button>
        <input
          id="map-year"
          type="range"
          min={FIRST_YEAR}
          max={latest}
          step={1}
          value={year}
          onChange={(e) => {
            setPlaying(false);
            const y = Number(e.target.value);
            onYear(y >= latest ? null : y);
          }}
        />
      </div>
      <div className="year-ticks" aria-hidden="true">
        <span>{FIRST_YEAR}</span>
        <span>{latest}</span>
      </div>
    </div>
  );
};

const PriceInput = ({
  value,
  onCommit,
}: {
  value: number | undefined;
  onCommit: (v: number | null) => void;
}) => {
  const { t } = useTranslation();
  const [text, setText] = useState(value === undefined ? '' : String(value));
  useEffect(() => setText(value === undefined ? '' : String(value)), [value]);
  useEffect(() => {
    const v = text.trim() === '' ? null : Number(text);
    if (v !== null && (!Number.isFinite(v) || v < 0)) return;
    if ((v ?? undefined) === value) return;
    const id = setTimeout(() => onCommit(v), 400);
    return () => clearTimeout(id);
  }, [text, value, onCommit]);
  return (
    <div className="field">
      <label htmlFor="map-price">{t('map.filter.price')}</label>
      <div className="input-unit">
        <input
          id="map-price"
          type="number"
          inputMode="numeric"
          min={0}
          step={100}
          placeholder={t('map.filter.priceAny')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-describedby="map-price-hint"
        />
        <span>{t('units.cnyPerMonth')}</span>
      </div>
      <p id="map-price-hint" className="hint">
        {t('map.filter.priceHint')}
      </p>
    </div>
  );
};

export const MapPanel = (props: PanelProps) => {
  const { state, year, latest, points, kept, shown, total, visible, serverMode, onChange } = props;
  const { t } = useTranslation();
  const fmt = useFormat();
  const f = state.filter;
  type Filter = MapState['filter'];
  // Each change applies to the filter as the URL has it when the change lands, so quick clicks on
  // two boxes both count (the rendered filter may be a transition behind).
  const set = (change: (current: Filter) => Filter) =>
    onChange((params) => filterToUrl(change(parseMapState(params).filter)));
  // Shown at once, like the filter boxes (see CheckGroup).
  const [metric, setMetric] = useOptimistic(state.metric);

  const typeCounts = useMemo(() => {
    const c = new Map<string, number>();
    if (!points) return c;
    for (const i of kept) {
      const ty = points.dict.type[points.type[i] as number] ?? 'other';
      c.set(ty, (c.get(ty) ?? 0) + 1);
    }
    return c;
  }, [points, kept]);

  const listed = useMemo(() => {
    if (!points) return [];
    const collator = new Intl.Collator(fmt.en ? 'en' : 'zh-CN');
    const named = visible.slice(0, 2000).map((i) => ({
      i,
      name: fmt.name({ nameZh: points.nameZh[i] ?? null, nameEn: points.nameEn[i] ?? null }),
    }));
    // Real records first (there are few), then by name.
    named.sort(
      (a, b) =>
        (points.synthetic[a.i] as number) - (points.synthetic[b.i] as number) ||
        collator.compare(a.name, b.name),
    );
    return named.slice(0, 30);
  }, [points, visible, fmt]);

  const active = activeFilterCount(f);

  return (
    <aside className="map-panel" aria-label={t('map.panel')}>
      <h1 className="map-heading">{t('map.heading')}</h1>
      <p className="map-summary" aria-live="polite" data-testid="map-summary">
        {total === undefined
          ? t('state.loading')
          : t('map.summary', {
              shown: fmt.int(shown),
              total: fmt.int(total),
              year: t('map.yearValue', { year }),
            })}
      </p>

      <YearSlider year={year} latest={latest} onYear={(y) => onChange({ year: y })} />

      <fieldset className="radio-group">
        <legend>{t('map.metric.label')}</legend>
        {METRICS.map((m) => (
          <label key={m} className="radio">
            <input
              type="radio"
              name="metric"
              value={m}
              checked={metric === m}
              onChange={() =>
                startTransition(() => {
                  setMetric(m);
                  onChange({ metric: m === 'count' ? null : m });
                })
              }
            />
            {t(`map.metric.${m}`)}
          </label>
        ))}
      </fieldset>

      <div className="filters-head">
        <h2>{t('map.filters')}</h2>
        {active > 0 && (
          <button type="button" className="btn btn-link" onClick={() => set(() => ({}))}>
            {t('map.reset', { n: active })}
          </button>
        )}
      </div>

      <CheckGroup
        legend={t('map.filter.type')}
        name="type"
        values={SPACE_TYPES}
        selected={f.type}
        label={(v) => fmt.typeLabel(v)}
        swatch={(v: SpaceType) => TYPE_COLORS[v]}
        count={points ? (v) => typeCounts.get(v) ?? 0 : undefined}
        onToggle={(v) => set((cur) => ({ ...cur, type: toggle(cur.type, v) }))}
      />
      <p className="hint">{t('map.legendHint')}</p>

      <details className="filter-details" open={!!f.certification?.length || !!f.status?.length}>
        <summary>{t('map.filter.certStatus')}</summary>
        <CheckGroup
          legend={t('map.filter.certification')}
          name="cert"
          values={CERTIFICATIONS}
          selected={f.certification}
          label={(v) => t(`certification.${v}`)}
          onToggle={(v) => set((cur) => ({ ...cur, certification: toggle(cur.certification, v) }))}
        />
        <CheckGroup
          legend={t('map.filter.status')}
          name="status"
          values={STATUSES}
          selected={f.status}
          label={(v) => t(`status.${v}`)}
          onToggle={(v) => set((cur) => ({ ...cur, status: toggle(cur.status, v) }))}
        />
      </details>

      <details className="filter-details" open={f.priceMax !== undefined}>
        <summary>{t('map.filter.priceTitle')}</summary>
        <PriceInput
          value={f.priceMax}
          onCommit={(v) =>
            set((cur) => ({ ...cur, ...(v === null ? { priceMax: undefined } : { priceMax: v }) }))
          }
        />
      </details>

      <details className="filter-details" open={!!f.services?.length}>
        <summary>{t('map.filter.services')}</summary>
        <CheckGroup
          legend={t('map.filter.servicesAll')}
          name="svc"
          values={SERVICES}
          selected={f.services}
          label={(v) => t(`service.${v}`)}
          onToggle={(v) => set((cur) => ({ ...cur, services: toggle(cur.services, v) }))}
        />
      </details>

      <details className="filter-details" open={!!f.equipment?.length}>
        <summary>{t('map.filter.equipment')}</summary>
        <CheckGroup
          legend={t('map.filter.equipmentAll')}
          name="eq"
          values={EQUIPMENT}
          selected={f.equipment}
          label={(v) => t(`equipment.${v}`)}
          onToggle={(v) => set((cur) => ({ ...cur, equipment: toggle(cur.equipment, v) }))}
        />
      </details>

      <fieldset className="radio-group">
        <legend>{t('map.filter.data')}</legend>
        {(['all', 'real', 'synthetic'] as const).map((v) => (
          <label key={v} className="radio">
            <input
              type="radio"
              name="synthetic"
              value={v}
              checked={(f.synthetic === undefined ? 'all' : f.synthetic ? 'synthetic' : 'real') === v}
              onChange={() =>
                set((cur) => ({ ...cur, synthetic: v === 'all' ? undefined : v === 'synthetic' }))
              }
            />
            {t(`map.filter.data_${v}`)}
          </label>
        ))}
      </fieldset>

      <section className="in-view" aria-labelledby="in-view-h">
        <h2 id="in-view-h">{t('map.inView', { n: fmt.int(visible.length) })}</h2>
        {serverMode ? (
          <p className="hint">{t('map.inViewServer')}</p>
        ) : listed.length === 0 ? (
          <p className="hint">{t('map.inViewEmpty')}</p>
        ) : (
          <ul className="space-list">
            {listed.map(({ i, name }) => {
              const ty = points?.dict.type[points.type[i] as number] ?? 'other';
              return (
                <li key={i}>
                  <span
                    className="swatch"
                    style={{ background: TYPE_COLORS[ty as SpaceType] }}
                    aria-hidden="true"
                  />
                  <Link to={profilePath(points?.id[i] as string)}>{name}</Link>
                  {points?.synthetic[i] === 1 && <SyntheticBadge />}
                </li>
              );
            })}
          </ul>
        )}
        {visible.length > listed.length && !serverMode && (
          <p className="hint">{t('map.inViewMore', { n: fmt.int(visible.length - listed.length) })}</p>
        )}
      </section>
    </aside>
  );
};
