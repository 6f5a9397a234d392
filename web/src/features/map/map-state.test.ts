import { describe, expect, it } from 'vitest';
import { withChanges } from '../../ui/url-state.js';
import { activeFilterCount, filterToUrl, formatView, parseMapState, parseView } from './map-state.js';

describe('map state in the URL', () => {
  it('reads filters, year, metric and view, dropping unknown values', () => {
    const s = parseMapState(
      new URLSearchParams(
        'type=fablab,nonsense,hackerspace&cert=national&status=active&price=1500&svc=desk,mentoring&eq=cnc&year=2016&metric=density&at=5.5/31.2/121.4&synthetic=false',
      ),
    );
    expect(s.filter).toEqual({
      type: ['fablab', 'hackerspace'],
      certification: ['national'],
      status: ['active'],
      priceMax: 1500,
      services: ['desk', 'mentoring'],
      equipment: ['cnc'],
      synthetic: false,
    });
    expect(s.year).toBe(2016);
    expect(s.metric).toBe('density');
    expect(s.view).toEqual({ zoom: 5.5, lat: 31.2, lon: 121.4 });
    expect(activeFilterCount(s.filter)).toBe(7);
  });
  it('falls back to defaults on bad input', () => {
    const s = parseMapState(new URLSearchParams('year=abc&metric=weird&at=99/1/1&price=-5'));
    expect(s).toEqual({ filter: {}, year: undefined, metric: 'count', view: undefined, clusters: 'auto' });
  });
  it('writes a filter back so that reading it again gives the same state', () => {
    const f = { type: ['fablab' as const], priceMax: 800, synthetic: true };
    const p = withChanges(new URLSearchParams('year=2014&svc=desk'), filterToUrl(f));
    expect(p.get('svc')).toBeNull();
    expect(p.get('year')).toBe('2014');
    expect(parseMapState(p).filter).toEqual(f);
    expect(parseView(formatView({ zoom: 4, lat: 35.123456, lon: 105 }))).toEqual({
      zoom: 4,
      lat: 35.1235,
      lon: 105,
    });
  });
});
