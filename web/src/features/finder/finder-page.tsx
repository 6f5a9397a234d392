// The finder: a founder says where they are, their stage, what they need and what they can pay;
// the page ranks nearby spaces and says, for each, why (distance, price fit, needs met, index).
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { indexApi, spaceIndexScores } from '../../api/index-api.js';
import { loadPlaces, type Place } from '../../data/places.js';
import { provinceName, provinceOf } from '../../data/provinces.js';
import { usePoints } from '../../data/use-points.js';
import { useFormat } from '../../ui/format.js';
import { usePageTitle } from '../../ui/page-title.js';
import { profilePath } from '../../ui/space-link.js';
import { Empty, ErrorBox, Loading } from '../../ui/status.js';
import { useApi } from '../../ui/use-api.js';
import { readInt, readList, readOne, useUrlState } from '../../ui/url-state.js';
import { candidatesNear } from './candidates.js';
import { MatchItem } from './match-item.js';
import { FinderMap } from './finder-map.js';
import { NEEDS, RADII_KM, rankMatches, STAGES, type Need, type Stage } from './score.js';
import './finder.css';

const placeLabel = (p: Place, en: boolean): string => {
  const name = (en ? p.nameEn : p.nameZh) ?? p.nameZh;
  if (p.level === 'province') return name;
  const province = provinceName(provinceOf(p.code), en);
  return en ? `${name} (${province})` : `${name}（${province}）`;
};

const parseNear = (s: string | null): { lat: number; lon: number } | undefined => {
  const m = s ? /^(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)$/.exec(s) : null;
  if (!m) return undefined;
  const lat = Number(m[1]);
  const lon = Number(m[2]);
  return Math.abs(lat) <= 90 && Math.abs(lon) <= 180 ? { lat, lon } : undefined;
};

export const FinderPage = () => {
  const { t } = useTranslation();
  const fmt = useFormat();
  usePageTitle(t('finder.title'));
  const navigate = useNavigate();
  const [params, update] = useUrlState();
  const places = useApi('places', loadPlaces);
  const points = usePoints();

  const placeCode = params.get('place');
  const near = parseNear(params.get('near'));
  const radiusKm = readInt(params, 'r', 1, 1000) ?? 25;
  const stage: Stage = readOne(params, 'stage', STAGES) ?? 'prototype';
  const needs = readList(params, 'needs', NEEDS);
  const budget = readInt(params, 'budget', 0, 10_000_000) ?? null;
  const place = placeCode ? places.data?.find((p) => p.code === placeCode) : undefined;
  const origin = near ?? (place ? { lat: place.lat, lon: place.lon } : undefined);

  // The form edits a draft; "search" writes it to the URL (a new history entry).
  const [placeText, setPlaceText] = useState('');
  const [draft, setDraft] = useState({
    radiusKm,
    stage,
    needs,
    budget: budget === null ? '' : String(budget),
  });
  const [geoError, setGeoError] = useState<string | undefined>();
  const [locating, setLocating] = useState(false);
  useEffect(() => {
    if (place) setPlaceText(placeLabel(place, fmt.en));
  }, [place, fmt.en]);

  // Index scores of the latest year of the latest release (none yet: every space gets a half fit).
  const releases = useApi('index-releases', indexApi.releases);
  const release = releases.data?.items.find((r) => r.id === releases.data?.latest) ?? releases.data?.items[0];
  const indexYear = release?.yearTo ?? null;
  const index = useApi(indexYear ? `space-index:${release?.id}:${indexYear}` : null, (s) =>
    spaceIndexScores(indexYear as number, s).catch(() => new Map<string, number>()),
  );
  const p = points.data?.points ?? undefined;
  const matches = useMemo(() => {
    // Wait for the index scores (or for knowing there are none) so results do not reorder twice.
    if (!origin || !p || releases.loading || index.loading) return undefined;
    const cands = candidatesNear(p, origin, radiusKm, index.data);
    return rankMatches(cands, { origin, radiusKm, stage, needs, budget }, 20);
  }, [
    origin?.lat,
    origin?.lon,
    p,
    radiusKm,
    stage,
    needs.join(','),
    budget,
    index.data,
    index.loading,
    releases.loading,
  ]);

  const nameOf = useMemo(() => {
    const byId = new Map<string, number>();
    p?.id.forEach((id, i) => byId.set(id, i));
    return (id: string) => {
      const i = byId.get(id);
      return i === undefined || !p
        ? { name: id, synthetic: false }
        : {
            name: fmt.name({ nameZh: p.nameZh[i] ?? null, nameEn: p.nameEn[i] ?? null }),
            synthetic: p.synthetic[i] === 1,
          };
    };
  }, [p, fmt]);

  const resolvePlace = (text: string): Place | undefined => {
    const q = text.trim();
    if (!q || !places.data) return undefined;
    return (
      places.data.find((pl) => placeLabel(pl, fmt.en) === q || pl.nameZh === q || pl.nameEn === q) ??
      places.data.find(
        (pl) => pl.nameZh.startsWith(q) || (pl.nameEn ?? '').toLowerCase().startsWith(q.toLowerCase()),
      )
    );
  };

  const [placeError, setPlaceError] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const chosen = resolvePlace(placeText);
    if (!chosen && !near) {
      setPlaceError(true);
      return;
    }
    setPlaceError(false);
    const b = draft.budget.trim() === '' ? null : Math.max(0, Math.round(Number(draft.budget)));
    update(
      {
        place: chosen && placeText.trim() ? chosen.code : placeCode,
        near: chosen && placeText.trim() ? null : params.get('near'),
        r: draft.radiusKm,
        stage: draft.stage,
        needs: draft.needs,
        budget: b === null || Number.isNaN(b) ? null : b,
      },
      true,
    );
  };

  const locate = () => {
    if (!('geolocation' in navigator)) {
      setGeoError(t('finder.geoUnsupported'));
      return;
    }
    setLocating(true);
    setGeoError(undefined);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setLocating(false);
        setPlaceText('');
        update(
          { near: `${pos.coords.latitude.toFixed(4)},${pos.coords.longitude.toFixed(4)}`, place: null },
          true,
        );
      },
      (err) => {
        setLocating(false);
        setGeoError(err.code === err.PERMISSION_DENIED ? t('finder.geoDenied') : t('finder.geoFailed'));
      },
      { timeout: 10_000, maximumAge: 600_000 },
    );
  };

  const toggleNeed = (n: Need) =>
    setDraft((d) => ({
      ...d,
      needs: d.needs.includes(n) ? d.needs.filter((x) => x !== n) : [...d.needs, n],
    }));

  return (
    <div className="page finder-page" data-testid="finder-page">
      <header className="page-head">
        <div>
          <h1>{t('finder.heading')}</h1>
          <p className="muted">{t('finder.intro')}</p>
        </div>
      </header>
      <div className="finder-layout">
        <form className="card finder-form" onSubmit={submit} aria-label={t('finder.formLabel')}>
          <div className="field">
            <label htmlFor="finder-place">{t('finder.where')}</label>
            <input
              id="finder-place"
              type="search"
              list="finder-places"
              autoComplete="off"
              placeholder={t('finder.wherePlaceholder')}
              value={placeText}
              onChange={(e) => setPlaceText(e.target.value)}
              aria-invalid={placeError}
              aria-describedby="finder-place-hint"
            />
            <datalist id="finder-places">
              {(places.data ?? []).map((pl) => (
                <option key={pl.code} value={placeLabel(pl, fmt.en)} />
              ))}
            </datalist>
            <p
              id="finder-place-hint"
              className={placeError ? 'hint error-text' : 'hint'}
              role={placeError ? 'alert' : undefined}
            >
              {placeError
                ? t('finder.placeUnknown')
                : near
                  ? t('finder.nearMe', { at: params.get('near') })
                  : t('finder.whereHint')}
            </p>
            <button
              type="button"
              className="btn btn-secondary btn-small"
              onClick={locate}
              disabled={locating}
            >
              {locating ? t('state.loading') : t('finder.useLocation')}
            </button>
            {geoError && (
              <p className="hint error-text" role="alert">
                {geoError}
              </p>
            )}
          </div>
          <div className="field">
            <label htmlFor="finder-radius">{t('finder.radius')}</label>
            <select
              id="finder-radius"
              value={draft.radiusKm}
              onChange={(e) => setDraft((d) => ({ ...d, radiusKm: Number(e.target.value) }))}
            >
              {[...new Set([...RADII_KM, draft.radiusKm])]
                .sort((a, b) => a - b)
                .map((r) => (
                  <option key={r} value={r}>
                    {t('finder.km', { n: r })}
                  </option>
                ))}
            </select>
          </div>
          <fieldset className="radio-group">
            <legend>{t('finder.stageLabel')}</legend>
            {STAGES.map((s) => (
              <label key={s} className="radio">
                <input
                  type="radio"
                  name="stage"
                  value={s}
                  checked={draft.stage === s}
                  onChange={() => setDraft((d) => ({ ...d, stage: s }))}
                />
                {t(`finder.stage.${s}`)}
              </label>
            ))}
          </fieldset>
          <fieldset className="check-group">
            <legend>{t('finder.needsLabel')}</legend>
            {NEEDS.map((n) => (
              <label key={n} className="check">
                <input
                  type="checkbox"
                  name="needs"
                  value={n}
                  checked={draft.needs.includes(n)}
                  onChange={() => toggleNeed(n)}
                />
                <span className="check-label">{t(`finder.need.${n}`)}</span>
              </label>
            ))}
          </fieldset>
          <div className="field">
            <label htmlFor="finder-budget">{t('finder.budget')}</label>
            <div className="input-unit">
              <input
                id="finder-budget"
                type="number"
                inputMode="numeric"
                min={0}
                step={100}
                placeholder={t('map.filter.priceAny')}
                value={draft.budget}
                onChange={(e) => setDraft((d) => ({ ...d, budget: e.target.value }))}
              />
              <span>{t('units.cnyPerMonth')}</span>
            </div>
          </div>
          <button type="submit" className="btn">
            {t('finder.search')}
          </button>
        </form>

        <section className="finder-results" aria-labelledby="finder-results-h" aria-live="polite">
          <h2 id="finder-results-h">{t('finder.results')}</h2>
          {points.error ? (
            <ErrorBox error={points.error} retry={points.retry} />
          ) : !origin ? (
            <Empty>{placeCode && places.loading ? t('state.loading') : t('finder.start')}</Empty>
          ) : !matches ? (
            <Loading />
          ) : matches.length === 0 ? (
            <Empty>{t('finder.none', { km: radiusKm })}</Empty>
          ) : (
            <>
              <p className="muted" data-testid="finder-summary">
                {t('finder.summary', {
                  n: fmt.int(matches.length),
                  where: place ? placeLabel(place, fmt.en) : t('finder.yourLocation'),
                  km: radiusKm,
                })}
              </p>
              <FinderMap
                origin={[origin.lon, origin.lat]}
                radiusKm={radiusKm}
                matches={matches.map((m, k) => ({
                  at: [m.candidate.lon, m.candidate.lat] as [number, number],
                  rank: k + 1,
                  label: nameOf(m.candidate.id).name,
                  href: profilePath(m.candidate.id),
                }))}
                onOpen={(href) => navigate(href)}
              />
              <ol className="matches">
                {matches.map((m, k) => (
                  <MatchItem key={m.candidate.id} m={m} rank={k + 1} {...nameOf(m.candidate.id)} />
                ))}
              </ol>
              <p className="hint">{t('finder.method')}</p>
            </>
          )}
        </section>
      </div>
    </div>
  );
};
