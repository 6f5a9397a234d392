// The maplibre map behind the map page: boundary layers drawn from our own GeoJSON (no tile server
// needed; an optional raster tile URL goes underneath), a province choropleth, and the spaces as
// points coloured by type and clustered where dense. The page owns the state; this file only draws.
import maplibregl, {
  type GeoJSONSource,
  type LngLatLike,
  type Map as MlMap,
  type MapGeoJSONFeature,
  type StyleSpecification,
} from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { FeatureCollection, Point } from 'geojson';
import { SPACE_TYPES } from '../../../../src/domain/taxonomy.js';
import { LAND, NO_DATA, SEA, TYPE_COLORS } from './colors.js';
import type { MapView } from './map-state.js';

// Three GeoJSON sources (world, provinces, spaces) are parsed and tiled in workers; maplibre's
// default is one worker on a two-core machine, which then does them one after another.
if (maplibregl.getWorkerCount() < 2) maplibregl.setWorkerCount(2);

export const CHINA_BOUNDS: [[number, number], [number, number]] = [
  [73.5, 17.5],
  [135.1, 53.6],
];

/** Layers the page and the tests query by name. */
export const LAYERS = {
  provinces: 'provinces-fill',
  provinceLines: 'provinces-line',
  clusters: 'clusters',
  points: 'points',
} as const;

export type PointProps = { i: number; t: string; s: 0 | 1 };
export type PointCollection = FeatureCollection<Point, PointProps>;

export interface ControllerOptions {
  container: HTMLElement;
  tileUrl: string | null;
  attribution: string;
  view: MapView | undefined;
  ariaLabel: string;
  onPoint(index: number | string, at: [number, number]): void;
  onProvince(code: string, at: [number, number]): void;
  /** `byUser` is false for the map's own initial fit. */
  onMove(view: MapView, bounds: [number, number, number, number], byUser: boolean): void;
  onHover(code: string | null, point: { x: number; y: number } | null): void;
}

const typeColor: maplibregl.ExpressionSpecification = [
  'match',
  ['get', 't'],
  ...SPACE_TYPES.flatMap((t) => [t, TYPE_COLORS[t]]),
  TYPE_COLORS.other,
] as unknown as maplibregl.ExpressionSpecification;

/** Sea, land, country and province outlines (and optional raster tiles underneath): no font or tile server needed. */
export const baseStyle = (tileUrl: string | null, attribution: string): StyleSpecification => ({
  version: 8,
  sources: {
    world: {
      type: 'geojson',
      data: '/assets/boundaries/world-countries.geojson',
      attribution,
    },
    provinces: { type: 'geojson', data: '/assets/boundaries/cn-provinces.geojson', promoteId: 'code' },
    ...(tileUrl ? { tiles: { type: 'raster' as const, tiles: [tileUrl], tileSize: 256, maxzoom: 19 } } : {}),
  },
  layers: [
    { id: 'background', type: 'background', paint: { 'background-color': SEA } },
    ...(tileUrl
      ? [{ id: 'tiles', type: 'raster' as const, source: 'tiles' }]
      : [{ id: 'world-fill', type: 'fill' as const, source: 'world', paint: { 'fill-color': LAND } }]),
    {
      id: 'world-line',
      type: 'line',
      source: 'world',
      paint: { 'line-color': '#c9c7bd', 'line-width': 0.6 },
    },
    {
      id: LAYERS.provinces,
      type: 'fill',
      source: 'provinces',
      paint: { 'fill-color': NO_DATA, 'fill-opacity': tileUrl ? 0.55 : 0.9 },
    },
    {
      id: LAYERS.provinceLines,
      type: 'line',
      source: 'provinces',
      paint: {
        'line-color': ['case', ['boolean', ['feature-state', 'hover'], false], '#0b4f8a', '#ffffff'],
        'line-width': ['case', ['boolean', ['feature-state', 'hover'], false], 2, 0.8],
      },
    },
  ],
});

/** Draws and updates the map. `ready` resolves once the style and boundaries are loaded. */
export class MapController {
  readonly map: MlMap;
  readonly ready: Promise<void>;
  private readonly opts: ControllerOptions;
  private readonly markers = new Map<string, maplibregl.Marker>();
  private hovered: string | null = null;
  private provinceClasses = new Map<string, number>();
  private popup: maplibregl.Popup | undefined;
  /** True while the map moves by itself (initial fit): such moves are not written to the URL. */
  private quiet = false;

  constructor(opts: ControllerOptions) {
    this.opts = opts;
    const v = opts.view;
    this.map = new maplibregl.Map({
      container: opts.container,
      style: baseStyle(opts.tileUrl, opts.attribution),
      ...(v ? { center: [v.lon, v.lat] as LngLatLike, zoom: v.zoom } : { bounds: CHINA_BOUNDS }),
      fitBoundsOptions: { padding: 12 },
      minZoom: 1.5,
      maxZoom: 18,
      attributionControl: { compact: true },
      dragRotate: false,
      pitchWithRotate: false,
      touchPitch: false,
      // Keeps the drawing buffer so screenshots and pixel checks see what is drawn.
      canvasContextAttributes: { preserveDrawingBuffer: true },
    });
    this.map.getCanvas().setAttribute('aria-label', opts.ariaLabel);
    this.map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    this.map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-right');
    this.map.touchZoomRotate.disableRotation();
    const size0 = [opts.container.clientWidth, opts.container.clientHeight];
    // Ready once the style is parsed: the spaces can be added while the boundaries still load, so
    // the two downloads and their processing overlap instead of following each other.
    this.ready = new Promise((resolve) => {
      const go = () => resolve();
      if (this.map.isStyleLoaded()) go();
      else this.map.once('style.load', go);
    });
    this.map.once('load', () => {
      // maplibre ignores the first size change it observes: if layout resized the container since
      // construction, measure again and fit China to the real size.
      if (opts.container.clientWidth === size0[0] && opts.container.clientHeight === size0[1]) return;
      this.map.resize();
      if (!v) {
        this.quiet = true;
        this.map.fitBounds(CHINA_BOUNDS, { padding: 12, duration: 0 });
        this.quiet = false;
      }
    });
    this.wireEvents();
  }

  /**
   * Adds the spaces' source and layers once the page knows who clusters: 'client' (every kept point
   * is sent, maplibre clusters in its worker) or 'server' (the page sends a viewport's clusters).
   */
  addSpaceLayers(mode: 'client' | 'server'): void {
    const { map } = this;
    if (map.getSource('spaces')) return;
    const empty: PointCollection = { type: 'FeatureCollection', features: [] };
    map.addSource(
      'spaces',
      mode === 'client'
        ? { type: 'geojson', data: empty, cluster: true, clusterRadius: 42, clusterMaxZoom: 11 }
        : { type: 'geojson', data: empty },
    );
    map.addLayer({
      id: LAYERS.clusters,
      type: 'circle',
      source: 'spaces',
      filter: ['has', 'point_count'],
      paint: {
        'circle-color': '#0b4f8a',
        'circle-opacity': 0.78,
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1.5,
        'circle-radius': ['step', ['get', 'point_count'], 13, 20, 16, 100, 20, 500, 25, 2000, 31],
      },
    });
    map.addLayer({
      id: LAYERS.points,
      type: 'circle',
      source: 'spaces',
      filter: ['!', ['has', 'point_count']],
      paint: {
        'circle-color': typeColor,
        'circle-radius': [
          'interpolate',
          ['linear'],
          ['zoom'],
          3,
          ['case', ['==', ['get', 's'], 1], 3, 5],
          10,
          ['case', ['==', ['get', 's'], 1], 6, 8],
        ],
        // Real records get a dark ring and a larger dot; the synthetic sample a white one.
        'circle-stroke-color': ['case', ['==', ['get', 's'], 1], '#ffffff', '#1b1b1b'],
        'circle-stroke-width': ['case', ['==', ['get', 's'], 1], 0.8, 1.6],
      },
    });
  }

  private wireEvents(): void {
    const { map, opts } = this;
    const pointer = () => (map.getCanvas().style.cursor = 'pointer');
    const plain = () => (map.getCanvas().style.cursor = '');
    for (const layer of [LAYERS.points, LAYERS.clusters]) {
      map.on('mouseenter', layer, pointer);
      map.on('mouseleave', layer, plain);
    }
    map.on('click', (e) => {
      const hit = map.queryRenderedFeatures(e.point, { layers: [LAYERS.clusters, LAYERS.points] })[0];
      if (hit) {
        this.clickSpace(hit);
        return;
      }
      const province = map.queryRenderedFeatures(e.point, { layers: [LAYERS.provinces] })[0];
      const code = province?.properties?.code as string | undefined;
      if (code) opts.onProvince(code, [e.lngLat.lng, e.lngLat.lat]);
    });
    map.on('mousemove', LAYERS.provinces, (e) => {
      const code = (e.features?.[0]?.properties?.code as string | undefined) ?? null;
      this.setHover(code);
      opts.onHover(code, e.point);
    });
    map.on('mouseleave', LAYERS.provinces, () => {
      this.setHover(null);
      opts.onHover(null, null);
    });
    map.on('moveend', () => {
      const c = map.getCenter();
      const b = map.getBounds();
      opts.onMove(
        { zoom: map.getZoom(), lat: c.lat, lon: c.lng },
        [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()],
        !this.quiet,
      );
      this.updateClusterLabels();
    });
    map.on('sourcedata', (e) => {
      if (e.sourceId === 'spaces' && e.isSourceLoaded) this.updateClusterLabels();
    });
  }

  private clickSpace(f: MapGeoJSONFeature): void {
    const { map } = this;
    const props = f.properties as Record<string, unknown>;
    const at = (f.geometry as Point).coordinates as [number, number];
    if (props.point_count !== undefined) {
      const expand = (zoom: number) => map.easeTo({ center: at, zoom: Math.min(zoom, 18) });
      if (typeof props.expansion_zoom === 'number') expand(props.expansion_zoom);
      else {
        const src = map.getSource('spaces') as GeoJSONSource;
        void src
          .getClusterExpansionZoom(props.cluster_id as number)
          .then(expand, () => expand(map.getZoom() + 2));
      }
      return;
    }
    this.opts.onPoint((props.i as number | undefined) ?? (props.id as string), at);
  }

  private setHover(code: string | null): void {
    if (code === this.hovered) return;
    if (this.hovered) this.map.setFeatureState({ source: 'provinces', id: this.hovered }, { hover: false });
    if (code) this.map.setFeatureState({ source: 'provinces', id: code }, { hover: true });
    this.hovered = code;
  }

  /** Cluster counts as HTML markers: the map has no font server, so it cannot draw text itself. */
  private updateClusterLabels(): void {
    const { map } = this;
    if (!map.getSource('spaces')) return;
    const seen = new Set<string>();
    for (const f of map.querySourceFeatures('spaces', { filter: ['has', 'point_count'] })) {
      const props = f.properties as { cluster_id?: number; point_count?: number };
      const key = String(props.cluster_id ?? f.id);
      if (seen.has(key)) continue;
      seen.add(key);
      const at = (f.geometry as Point).coordinates as [number, number];
      let m = this.markers.get(key);
      if (!m) {
        const el = document.createElement('div');
        el.className = 'cluster-label';
        el.setAttribute('aria-hidden', 'true');
        el.textContent = new Intl.NumberFormat().format(props.point_count ?? 0);
        m = new maplibregl.Marker({ element: el }).setLngLat(at);
        this.markers.set(key, m);
      }
      m.setLngLat(at);
      if (!m.getElement().isConnected) m.addTo(map);
    }
    for (const [key, m] of this.markers) {
      if (!seen.has(key)) {
        m.remove();
        this.markers.delete(key);
      }
    }
  }

  /** Replaces the points (client mode: every kept point; server mode: the viewport's clusters). */
  setSpaces(data: FeatureCollection): void {
    const src = this.map.getSource('spaces') as GeoJSONSource | undefined;
    if (!src) return;
    // Cluster ids change with the data: old labels would point at the wrong clusters.
    for (const m of this.markers.values()) m.remove();
    this.markers.clear();
    src.setData(data);
  }

  /** Colours provinces by class index (-1 or missing: no data). */
  setChoropleth(classes: ReadonlyMap<string, number>, colors: readonly string[], visible: boolean): void {
    const { map } = this;
    if (!map.getLayer(LAYERS.provinces)) return;
    for (const code of this.provinceClasses.keys()) {
      if (!classes.has(code)) map.setFeatureState({ source: 'provinces', id: code }, { c: -1 });
    }
    for (const [code, c] of classes) map.setFeatureState({ source: 'provinces', id: code }, { c });
    this.provinceClasses = new Map(classes);
    const expr = [
      'match',
      ['coalesce', ['feature-state', 'c'], -1],
      ...colors.flatMap((col, i) => [i, col]),
      NO_DATA,
    ] as unknown as maplibregl.ExpressionSpecification;
    map.setPaintProperty(LAYERS.provinces, 'fill-color', visible ? expr : NO_DATA);
  }

  showPopup(at: [number, number], content: HTMLElement): void {
    this.popup?.remove();
    this.popup = new maplibregl.Popup({ maxWidth: '300px', focusAfterOpen: true, closeButton: true })
      .setLngLat(at)
      .setDOMContent(content)
      .addTo(this.map);
  }

  fitTo(bounds: [[number, number], [number, number]]): void {
    this.map.fitBounds(bounds, { padding: 24, duration: 0 });
  }

  destroy(): void {
    for (const m of this.markers.values()) m.remove();
    this.popup?.remove();
    this.map.remove();
  }
}
