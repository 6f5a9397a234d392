import { describe, expect, it } from 'vitest';
import { filterKey, normaliseFilter, regionRange, type SpaceFilter } from './space-filter.js';
import { StoreInputError } from './store-error.js';

const fails = (f: unknown): StoreInputError => {
  try {
    normaliseFilter(f as SpaceFilter);
  } catch (e) {
    if (e instanceof StoreInputError) return e;
    throw e;
  }
  throw new Error('expected a StoreInputError');
};

describe('normaliseFilter', () => {
  it('turns GB/T 2260 prefixes and whole-area codes into code ranges', () => {
    expect(regionRange('44')).toEqual(['440000', '449999']);
    expect(regionRange('4403')).toEqual(['440300', '440399']);
    expect(regionRange('440300')).toEqual(['440300', '440399']);
    expect(regionRange('440000')).toEqual(['440000', '449999']);
    expect(regionRange('440305')).toEqual(['440305', '440305']);
  });

  it('gives equivalent filters one key', () => {
    const a = normaliseFilter({ type: ['fablab', 'hackerspace', 'fablab'], country: 'de', q: ' Chai Huo ' });
    const b = normaliseFilter({ q: 'chaihuo', country: 'DE', type: ['hackerspace', 'fablab'] });
    expect(filterKey(a)).toBe(filterKey(b));
    expect(filterKey(normaliseFilter({ regionPrefix: '4403' }))).toBe(
      filterKey(normaliseFilter({ regionPrefix: '440300' })),
    );
    expect(filterKey(normaliseFilter({ type: [] }))).toBe(filterKey(normaliseFilter({})));
    expect(filterKey(normaliseFilter({ synthetic: true }))).not.toBe(
      filterKey(normaliseFilter({ synthetic: false })),
    );
  });

  it('names the field and what was expected', () => {
    expect(fails({ bbox: [0, 10, 1, 5] })).toMatchObject({ code: 'filter.invalid', field: '/filter/bbox' });
    expect(fails({ bbox: [0, 10, 1] }).field).toBe('/filter/bbox');
    expect(fails({ near: { lat: 91, lon: 0, radiusKm: 1 } }).field).toBe('/filter/near/lat');
    expect(fails({ regionPrefix: 'x4' }).field).toBe('/filter/regionPrefix');
    expect(fails({ foundedBefore: 2000.5 }).field).toBe('/filter/foundedBefore');
    expect(fails({ nearby: true }).code).toBe('filter.invalid');
    expect(fails({ bbox: [0, 10, 1, 5] }).message).toMatch(/minLat 10 is above maxLat 5/);
  });
});
