// The small locator map on a space's profile: the same boundary style as the big map, one pin.
import maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import { baseStyle } from '../map/map-controller.js';

export const createMiniMap = (
  container: HTMLElement,
  at: [number, number],
  opts: { tileUrl: string | null; attribution: string; label: string; color: string },
): { map: maplibregl.Map; destroy(): void } => {
  const map = new maplibregl.Map({
    container,
    style: baseStyle(opts.tileUrl, opts.attribution),
    center: at,
    zoom: 5.5,
    interactive: false,
    attributionControl: { compact: true },
    canvasContextAttributes: { preserveDrawingBuffer: true },
  });
  map.getCanvas().setAttribute('aria-label', opts.label);
  map.once('load', () => {
    // The first size change is ignored by maplibre; the layout may have moved since construction.
    map.resize();
    // No choropleth here: plain land with visible province borders for orientation.
    map.setPaintProperty('provinces-fill', 'fill-color', '#f3f2ee');
    map.setPaintProperty('provinces-line', 'line-color', '#9aa6b2');
    map.addSource('pin', { type: 'geojson', data: { type: 'Point', coordinates: at } });
    map.addLayer({
      id: 'pin',
      type: 'circle',
      source: 'pin',
      paint: {
        'circle-radius': 8,
        'circle-color': opts.color,
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 2.5,
      },
    });
  });
  return { map, destroy: () => map.remove() };
};
