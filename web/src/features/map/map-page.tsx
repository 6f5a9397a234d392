// The map page: every space as a point coloured by type, clustered where dense, over a province
// choropleth; a time slider replays the growth of spaces; filters narrow what is shown. All of it
// lives in the URL. The points are filtered here in the browser (or clustered by the server when the
// registry is too large to send whole).
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { MapFilter } from '../../../../src/domain/map-points.js';
import { countByProvince, selectPoints } from '../../../../src/domain/map-filter.js';
import { api } from '../../api/client.js';
import { regionIndexScores } from '../../api/index-api.js';
import type { ClustersResponse, MapPoints } from '../../api/types.js';
import { PROVINCES, provinceName } from '../../data/provinces.js';
import { POINT_LIMIT } from '../../data/use-points.js';
import { useFormat } from '../../ui/format.js';
import { usePageTitle } from '../../ui/page-title.js';
import { ErrorBox, Loading } from '../../ui/status.js';
import { useApi } from '../../ui/use-api.js';
import { useUrlState, type UrlChanges } from '../../ui/url-state.js';
import { classBreaks, classOf, provinceValues, rampFor } from './choropleth.js';
import { ChoroplethLegend } from './choropleth-legend.js';
import type { MapController } from './map-controller.js';
import { MapPanel } from './map-panel.js';
import { FIRST_YEAR, formatView, parseMapState } from './map-state.js';
import { inBounds, pointFeatures } from './point-features.js';
import { buildPopup, setPopupLines } from './popup.js';
import './map.css';

/**
 * The map library (~300 kB gzipped) starts loading as soon as this page's code runs, in parallel
 * with the points and the configuration, instead of after them.
 */
let controllerModule: Promise<typeof import('./map-controller.js')> | undefined;
const loadController = () => (controllerModule ??= import('./map-controller.js'));
void loadController().catch(() => (controllerModule = undefined));

declare global {
  interface Window {
    /** The map, for browser tests and benchmarks (queryRenderedFeatures). */
    makeratlasMap?: MapController['map'];
  }
}

type Bounds = [number, number, number, number];

export const MapPage = () => {
  const { t } = useTranslation();
  const fmt = useFormat();
  usePageTitle(t('map.title'));
  const navigate = useNavigate();
  const [params, update] = useUrlState();
  const state = useMemo(() => parseMapState(params), [params]);

  // The points, the configuration and the map library load in parallel (see loadController).
  const config = useApi('config', api.config);
  const limit = state.clusters === 'server' ? 0 : POINT_LIMIT;
  const loaded = useApi(`points:${limit}`, (s) => api.mapPoints(limit, s));
  const points: MapPoints | null | undefined = loaded.data?.points;
  const mode = loaded.data ? (points ? 'client' : 'server') : undefined;
  const latest = loaded.data?.latestYear ?? new Date().getFullYear();
  const year = Math.min(latest, Math.max(FIRST_YEAR, state.year ?? latest));

  const filterKey = JSON.stringify(state.filter);
  const filter: MapFilter = useMemo(() => ({ ...state.filter, year }), [filterKey, year]);
  const kept = useMemo(() => (points ? selectPoints(points, filter, latest) : []), [points, filter, latest]);

  // Server mode: the viewport's clusters and the whole map's province counts come from the server.
  const [bounds, setBounds] = useState<Bounds | undefined>();
  const [zoom, setZoom] = useState(4);
  const [server, setServer] = useState<ClustersResponse | undefined>();
  const [serverError, setServerError] = useState<Error | undefined>();

  const counts = useMemo(
    () => (points ? countByProvince(points, kept) : new Map(Object.entries(server?.provinces ?? {}))),
    [points, kept, server],
  );
  const shown = points ? kept.length : (server?.total ?? 0);

  const regionIndex = useApi(state.metric === 'index' ? `region-index:${year}` : null, (s) =>
    regionIndexScores(year, s),
  );
  const indexMap = regionIndex.data;
  const values = useMemo(
    () => provinceValues(state.metric, counts, PROVINCES, indexMap),
    [state.metric, counts, indexMap],
  );
  const breaks = useMemo(() => classBreaks([...values.values()]), [values]);
  const colors = useMemo(() => rampFor(breaks), [breaks]);

  // --- the map itself -------------------------------------------------------------------------
  const container = useRef<HTMLDivElement>(null);
  const [ctl, setCtl] = useState<MapController | undefined>();
  const [mapError, setMapError] = useState<Error | undefined>();
  const [hover, setHover] = useState<{ code: string; x: number; y: number } | null>(null);
  const [drawn, setDrawn] = useState(false);
  // Handlers read the latest render's values without rebuilding the map.
  const live = useRef({ points, values, fmt, t, metric: state.metric, navigate, update });
  live.current = { points, values, fmt, t, metric: state.metric, navigate, update };

  const initialView = useRef(state.view);
  // The map is built as soon as the configuration is known; the spaces join once they arrive.
  useEffect(() => {
    if (!config.data || !container.current) return;
    let c: MapController | undefined;
    let cancelled = false;
    const el = container.current;
    loadController()
      .then(({ MapController: Ctl }) => {
        if (cancelled) return;
        c = new Ctl({
          container: el,
          tileUrl: config.data?.tileUrl ?? null,
          attribution: live.current.t('map.attribution'),
          view: initialView.current,
          ariaLabel: live.current.t('map.canvasLabel'),
          onPoint: (ref, at) => openSpacePopup(ref, at),
          onProvince: (code, at) => openProvincePopup(code, at),
          onMove: (view, b, byUser) => {
            setBounds(b);
            setZoom(view.zoom);
            if (byUser) live.current.update({ at: formatView(view) });
          },
          onHover: (code, p) => setHover(code && p ? { code, x: p.x, y: p.y } : null),
        });
        window.makeratlasMap = c.map;
        performance.mark('makeratlas:map-created');
        const b = c.map.getBounds();
        setBounds([b.getWest(), b.getSouth(), b.getEast(), b.getNorth()]);
        setZoom(c.map.getZoom());
        return c.ready.then(() => {
          performance.mark('makeratlas:style-loaded');
          if (!cancelled) setCtl(c);
        });
      })
      .catch((e: unknown) => setMapError(e instanceof Error ? e : new Error(String(e))));
    return () => {
      cancelled = true;
      setCtl(undefined);
      c?.destroy();
      if (window.makeratlasMap === c?.map) delete window.makeratlasMap;
    };
  }, [config.data]);

  const openSpacePopup = (ref: number | string, at: [number, number]) => {
    const { points: p, fmt: f, t: tr, navigate: nav } = live.current;
    const c = ctlRef.current;
    if (!c) return;
    let facts;
    if (typeof ref === 'number' && p) {
      const i = ref;
      facts = {
        id: p.id[i] as string,
        name: f.name({ nameZh: p.nameZh[i] ?? null, nameEn: p.nameEn[i] ?? null }),
        type: p.dict.type[p.type[i] as number] ?? 'other',
        typeLabel: f.typeLabel(p.dict.type[p.type[i] as number] ?? 'other'),
        synthetic: p.synthetic[i] === 1,
        lines: [tr('state.loading')],
      };
    } else {
      facts = {
        id: String(ref),
        name: String(ref),
        type: 'other',
        typeLabel: '',
        synthetic: false,
        lines: [tr('state.loading')],
      };
    }
    const body = buildPopup(
      facts,
      {
        synthetic: '示例数据 · synthetic',
        syntheticTitle: tr('synthetic.title'),
        profile: tr('map.openProfile'),
      },
      (path) => nav(path),
    );
    c.showPopup(at, body);
    api.space(facts.id).then(
      (s) => {
        const title = body.querySelector('.popup-title');
        if (title) title.textContent = f.name(s);
        const type = body.querySelector('.popup-type');
        if (type?.lastChild) type.lastChild.textContent = f.typeLabel(s.type);
        const price = s.membershipPlans.length
          ? tr('map.popup.price', {
              price: f.money(
                Math.min(...s.membershipPlans.map((m) => m.amount)),
                s.membershipPlans[0]?.currency,
              ),
            })
          : null;
        setPopupLines(
          body,
          [
            [s.city, s.address].filter(Boolean).join(' · ') || null,
            s.foundedOn ? tr('map.popup.founded', { date: f.date(s.foundedOn) }) : null,
            `${tr(`status.${s.status}`)} · ${tr(`certification.${s.certification}`)}`,
            price,
          ].filter((x): x is string => !!x),
        );
      },
      () => setPopupLines(body, [tr('state.offline')]),
    );
  };

  const openProvincePopup = (code: string, at: [number, number]) => {
    const { values: v, fmt: f, t: tr, metric, navigate: nav } = live.current;
    const c = ctlRef.current;
    if (!c) return;
    const root = document.createElement('div');
    root.className = 'popup';
    const h = document.createElement('h3');
    h.className = 'popup-title';
    h.textContent = provinceName(code, f.en);
    const p = document.createElement('p');
    const value = v.get(code);
    p.textContent =
      metric === 'none'
        ? ''
        : `${tr(`map.metric.${metric}`)}：${value === undefined ? tr('map.noData') : f.num(value, metric === 'count' ? 0 : 1)}`;
    const a = document.createElement('a');
    a.className = 'popup-link';
    a.href = `/regions/${code}`;
    a.textContent = tr('map.openRegion');
    a.addEventListener('click', (e) => {
      e.preventDefault();
      nav(`/regions/${code}`);
    });
    root.append(h, p, a);
    c.showPopup(at, root);
  };

  const ctlRef = useRef<MapController | undefined>(undefined);
  ctlRef.current = ctl;

  // Client mode: draw the kept points. Adding the layers and the data in one step saves a frame
  // (software WebGL frames are slow) between "the map is ready" and "the points are on it".
  const drawnKept = useRef<readonly number[] | undefined>(undefined);
  const drawToken = useRef(0);
  useEffect(() => {
    if (!ctl || !mode) return;
    ctl.addSpaceLayers(mode);
    if (mode !== 'client' || !points || drawnKept.current === kept) return;
    drawnKept.current = kept;
    performance.mark('makeratlas:points-set');
    ctl.setSpaces(pointFeatures(points, kept));
    // Only the latest drawing counts as done (an older one may settle after a newer started).
    const token = ++drawToken.current;
    ctl.map.once('idle', () => {
      if (drawToken.current !== token) return;
      setDrawn(true);
      performance.mark('makeratlas:points-drawn');
    });
  }, [ctl, mode, points, kept]);

  // Server mode: ask for the viewport's clusters whenever the view or the filter changes.
  const bboxKey = bounds?.map((v) => v.toFixed(2)).join(',');
  useEffect(() => {
    if (!ctl || mode !== 'server' || !bounds) return;
    ctl.addSpaceLayers(mode);
    const ac = new AbortController();
    const timer = setTimeout(() => {
      api.clusters(bounds, Math.round(zoom), filter, ac.signal).then(
        (r) => {
          setServer(r);
          setServerError(undefined);
          ctl.setSpaces({ type: 'FeatureCollection', features: r.features });
          ctl.map.once('idle', () => setDrawn(true));
        },
        (e: unknown) => !ac.signal.aborted && setServerError(e instanceof Error ? e : new Error(String(e))),
      );
    }, 120);
    return () => {
      clearTimeout(timer);
      ac.abort();
    };
  }, [ctl, mode, bboxKey, Math.round(zoom), filter]);

  // The choropleth.
  useEffect(() => {
    if (!ctl) return;
    const classes = new Map<string, number>();
    for (const [code, v] of values) classes.set(code, classOf(v, breaks));
    ctl.setChoropleth(classes, colors, state.metric !== 'none');
  }, [ctl, values, breaks, colors, state.metric]);

  const visible = useMemo(
    () => (points && bounds ? inBounds(points, kept, bounds) : []),
    [points, kept, bounds],
  );

  const onFilter = useCallback((changes: UrlChanges) => update(changes), [update]);

  if (config.error) return <ErrorBox error={config.error} retry={config.retry} />;
  if (loaded.error) return <ErrorBox error={loaded.error} retry={loaded.retry} />;

  return (
    <div className="map-layout">
      <div className="map-wrap">
        <div
          ref={container}
          className="map-canvas"
          data-testid="map"
          data-mode={mode}
          data-drawn={drawn ? 'true' : 'false'}
          data-shown={shown}
        />
        {(!ctl || loaded.loading) && !mapError && (
          <div className="map-overlay">
            <Loading label={t('map.loading')} />
          </div>
        )}
        {mapError && (
          <div className="map-overlay">
            <ErrorBox error={new Error(t('map.webglError', { message: mapError.message }))} />
          </div>
        )}
        {serverError && (
          <div className="map-overlay map-overlay-bottom">
            <ErrorBox error={serverError} />
          </div>
        )}
        {hover && state.metric !== 'none' && (
          <div className="map-tooltip" style={{ left: hover.x + 12, top: hover.y + 12 }} role="tooltip">
            <strong>{provinceName(hover.code, fmt.en)}</strong>
            <span>
              {values.has(hover.code)
                ? fmt.num(values.get(hover.code), state.metric === 'count' ? 0 : 1)
                : t('map.noData')}
            </span>
          </div>
        )}
        <ChoroplethLegend
          metric={state.metric}
          breaks={breaks}
          colors={colors}
          indexMissing={
            state.metric === 'index' && (!!regionIndex.error || (!!indexMap && indexMap.size === 0))
          }
        />
      </div>
      <MapPanel
        state={state}
        year={year}
        latest={latest}
        points={points ?? undefined}
        kept={kept}
        shown={shown}
        total={loaded.data?.total}
        visible={visible}
        serverMode={mode === 'server'}
        onChange={onFilter}
      />
    </div>
  );
};
