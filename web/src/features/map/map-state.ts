// The map's state as it appears in the address bar, so any view can be shared:
//   /?type=fablab,hackerspace&cert=national&status=active&price=1500&svc=desk,mentoring
//     &eq=3d_printing&year=2016&metric=density&at=5.2/31.2/121.4
import type { MapFilter } from '../../../../src/domain/map-points.js';
import {
  CERTIFICATIONS,
  EQUIPMENT,
  SERVICES,
  SPACE_TYPES,
  STATUSES,
} from '../../../../src/domain/taxonomy.js';
import { readInt, readList, readNumber, readOne, type UrlValue } from '../../ui/url-state.js';
import { METRICS, type Metric } from './choropleth.js';

export const FIRST_YEAR = 2010;

export interface MapView {
  zoom: number;
  lat: number;
  lon: number;
}

export interface MapState {
  filter: Omit<MapFilter, 'year'>;
  /** Undefined: the latest year (everything known today). */
  year: number | undefined;
  metric: Metric;
  view: MapView | undefined;
  /** 'server': cluster on the server even when the client could (a check, and for tests). */
  clusters: 'auto' | 'server';
}

export const parseView = (s: string | null): MapView | undefined => {
  const m = s ? /^(\d{1,2}(?:\.\d+)?)\/(-?\d{1,2}(?:\.\d+)?)\/(-?\d{1,3}(?:\.\d+)?)$/.exec(s) : null;
  if (!m) return undefined;
  const [zoom, lat, lon] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return zoom <= 22 && Math.abs(lat) <= 85 && Math.abs(lon) <= 180 ? { zoom, lat, lon } : undefined;
};

export const formatView = (v: MapView): string =>
  `${v.zoom.toFixed(2)}/${v.lat.toFixed(4)}/${v.lon.toFixed(4)}`;

export const parseMapState = (p: URLSearchParams): MapState => {
  const filter: MapState['filter'] = {};
  const type = readList(p, 'type', SPACE_TYPES);
  const status = readList(p, 'status', STATUSES);
  const certification = readList(p, 'cert', CERTIFICATIONS);
  const services = readList(p, 'svc', SERVICES);
  const equipment = readList(p, 'eq', EQUIPMENT);
  const priceMax = readNumber(p, 'price', 0, 1e7);
  const synthetic = p.get('synthetic');
  if (type.length) filter.type = type;
  if (status.length) filter.status = status;
  if (certification.length) filter.certification = certification;
  if (services.length) filter.services = services;
  if (equipment.length) filter.equipment = equipment;
  if (priceMax !== undefined) filter.priceMax = priceMax;
  if (synthetic === 'true' || synthetic === 'false') filter.synthetic = synthetic === 'true';
  return {
    filter,
    year: readInt(p, 'year', 1900, 2100),
    metric: readOne(p, 'metric', METRICS) ?? 'count',
    view: parseView(p.get('at')),
    clusters: p.get('clusters') === 'server' ? 'server' : 'auto',
  };
};

/** The query-string changes for a new filter (all filter keys, so removed ones are cleared). */
export const filterToUrl = (f: MapState['filter']): Record<string, UrlValue> => ({
  type: f.type ?? null,
  status: f.status ?? null,
  cert: f.certification ?? null,
  svc: f.services ?? null,
  eq: f.equipment ?? null,
  price: f.priceMax ?? null,
  synthetic: f.synthetic === undefined ? null : String(f.synthetic),
});

export const activeFilterCount = (f: MapState['filter']): number =>
  (f.type?.length ? 1 : 0) +
  (f.status?.length ? 1 : 0) +
  (f.certification?.length ? 1 : 0) +
  (f.services?.length ? 1 : 0) +
  (f.equipment?.length ? 1 : 0) +
  (f.priceMax !== undefined ? 1 : 0) +
  (f.synthetic !== undefined ? 1 : 0);
