// The finder's map: where the founder is, the search circle, and the matches numbered by rank.
import maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import { baseStyle } from '../map/map-controller.js';

export interface FinderMapData {
  origin: [number, number];
  radiusKm: number;
  matches: { at: [number, number]; rank: number; label: string; href: string }[];
}

const circle = ([lon, lat]: [number, number], km: number): [number, number][] =>
  Array.from({ length: 65 }, (_, k) => {
    const a = (k / 64) * 2 * Math.PI;
    return [
      lon + (km / (111.32 * Math.cos((lat * Math.PI) / 180))) * Math.cos(a),
      lat + (km / 110.57) * Math.sin(a),
    ];
  });

export const createFinderMap = (
  container: HTMLElement,
  opts: { tileUrl: string | null; attribution: string; label: string; onOpen: (href: string) => void },
) => {
  const map = new maplibregl.Map({
    container,
    style: baseStyle(opts.tileUrl, opts.attribution),
    center: [105, 35],
    zoom: 3,
    attributionControl: { compact: true },
    dragRotate: false,
    canvasContextAttributes: { preserveDrawingBuffer: true },
  });
  map.getCanvas().setAttribute('aria-label', opts.label);
  map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
  const loaded = new Promise<void>((r) =>
    map.once('load', () => {
      // The first size change is ignored by maplibre; the layout may have moved since construction.
      map.resize();
      r();
    }),
  );
  let markers: maplibregl.Marker[] = [];

  const show = async (d: FinderMapData) => {
    await loaded;
    const ring = circle(d.origin, d.radiusKm);
    const area = {
      type: 'Feature' as const,
      properties: {},
      geometry: { type: 'Polygon' as const, coordinates: [ring] },
    };
    const src = map.getSource('area') as maplibregl.GeoJSONSource | undefined;
    if (src) src.setData(area);
    else {
      map.addSource('area', { type: 'geojson', data: area });
      map.addLayer({
        id: 'area-fill',
        type: 'fill',
        source: 'area',
        paint: { 'fill-color': '#0b4f8a', 'fill-opacity': 0.06 },
      });
      map.addLayer({
        id: 'area-line',
        type: 'line',
        source: 'area',
        paint: { 'line-color': '#0b4f8a', 'line-dasharray': [2, 2] },
      });
    }
    for (const m of markers) m.remove();
    const origin = document.createElement('div');
    origin.className = 'finder-origin';
    origin.setAttribute('aria-hidden', 'true');
    markers = [new maplibregl.Marker({ element: origin }).setLngLat(d.origin).addTo(map)];
    for (const m of [...d.matches].reverse()) {
      const el = document.createElement('a');
      el.className = 'finder-pin';
      el.href = m.href;
      el.textContent = String(m.rank);
      el.title = m.label;
      el.addEventListener('click', (e) => {
        e.preventDefault();
        opts.onOpen(m.href);
      });
      markers.push(new maplibregl.Marker({ element: el }).setLngLat(m.at).addTo(map));
    }
    const lons = ring.map((p) => p[0]);
    const lats = ring.map((p) => p[1]);
    map.fitBounds(
      [
        [Math.min(...lons), Math.min(...lats)],
        [Math.max(...lons), Math.max(...lats)],
      ],
      { padding: 16, duration: 0 },
    );
  };
  return {
    map,
    show,
    destroy: () => {
      for (const m of markers) m.remove();
      map.remove();
    },
  };
};
