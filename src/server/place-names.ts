import { countryName } from '../domain/countries.js';
import { loadRegionIndex } from '../io/geo-data.js';
import type { PlaceNames } from './app.js';

/** Place names for API responses, from the shipped region table and the ISO country list. */
export const placeNames = (): PlaceNames => {
  const regions = loadRegionIndex();
  return {
    region: (code) => {
      const r = regions.regionByCode(code);
      return r && { nameZh: r.nameZh, nameEn: r.nameEn ?? null };
    },
    countryName: (iso2) => {
      const zh = countryName(iso2, 'zh');
      return zh === undefined ? undefined : { nameZh: zh, nameEn: countryName(iso2, 'en') ?? null };
    },
  };
};
