// ISO 3166-1 alpha-2 codes with Chinese and English names, from `i18n-iso-countries`. We load the library core
// and only the two locales we show; its Node entry would load all ~80 locales.
import countries from 'i18n-iso-countries/index.js';
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import zh from 'i18n-iso-countries/langs/zh.json' with { type: 'json' };

countries.registerLocale(en);
countries.registerLocale(zh);

export const LOCALES = ['zh', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** Every alpha-2 code the library knows (ISO 3166-1 plus XK, Kosovo, which Natural Earth and many sources use). */
export const COUNTRY_CODES: readonly string[] = Object.keys(countries.getAlpha2Codes()).sort();
const CODE_SET = new Set(COUNTRY_CODES);

/** Upper-case alpha-2 only: `cn` is not accepted, so that stored codes stay canonical. */
export const isCountryCode = (code: string): boolean => CODE_SET.has(code);

/**
 * Short display name: `countryName('DE', 'zh')` → 德国, `countryName('CN', 'en')` → China (the common English
 * name, not "People's Republic of China").
 * Undefined for an unknown code.
 */
export const countryName = (code: string, locale: Locale = 'zh'): string | undefined =>
  isCountryCode(code)
    ? countries.getName(code, locale, { select: locale === 'en' ? 'alias' : 'official' })
    : undefined;

/** Lower case, no diacritics, punctuation or leading article: "The Netherlands" and "netherlands" meet. */
const normalise = (name: string): string =>
  name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’'`´.]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^the /, '');

/**
 * Names the library does not list but sources use: constituent countries and regions filed under their
 * state (England → GB, Catalonia → ES), older or short names, a typo seen in the hackerspaces data, and Chinese
 * forms for China, Hong Kong, Macao and Taiwan. Keys are normalised.
 */
const ALIASES: Record<string, string> = {
  uk: 'GB',
  britain: 'GB',
  'great britain': 'GB',
  england: 'GB',
  scotland: 'GB',
  wales: 'GB',
  'northern ireland': 'GB',
  holland: 'NL',
  catalonia: 'ES',
  catalunya: 'ES',
  macedonia: 'MK',
  syria: 'SY',
  laos: 'LA',
  moldova: 'MD',
  macau: 'MO',
  'macao sar': 'MO',
  'macau sar': 'MO',
  'hong kong sar': 'HK',
  burma: 'MM',
  swaziland: 'SZ',
  korea: 'KR',
  'south korea': 'KR',
  'north korea': 'KP',
  turkiye: 'TR',
  'viet nam': 'VN',
  'czech republic': 'CZ',
  'united state of america': 'US',
  america: 'US',
  usa: 'US',
  prc: 'CN',
  'mainland china': 'CN',
  'peoples republic of china': 'CN',
  'pr china': 'CN',
  'p r china': 'CN',
  'republic of china': 'TW',
  中华人民共和国: 'CN',
  中国大陆: 'CN',
  中国内地: 'CN',
  中国香港: 'HK',
  香港特别行政区: 'HK',
  香港特區: 'HK',
  中国澳门: 'MO',
  澳门特别行政区: 'MO',
  台湾: 'TW',
  台湾省: 'TW',
  中国台湾: 'TW',
  臺灣: 'TW',
};

/**
 * The alpha-2 code for a country written as a name (English or Chinese, any case, common variants), an alpha-2 or
 * an alpha-3 code. Undefined when the name is not recognised; callers report that, they do not guess.
 */
export const countryCodeFromName = (name: string): string | undefined => {
  const raw = name.trim();
  if (raw === '') return undefined;
  const upper = raw.toUpperCase();
  if (/^[A-Z]{2}$/.test(upper) && isCountryCode(upper)) return upper;
  if (/^[A-Z]{3}$/.test(upper)) {
    const a2 = countries.alpha3ToAlpha2(upper);
    if (a2) return a2;
  }
  const key = normalise(raw);
  const alias = ALIASES[key] ?? ALIASES[raw];
  if (alias) return alias;
  for (const locale of LOCALES) {
    const code = countries.getAlpha2Code(raw, locale) ?? countries.getAlpha2Code(key, locale);
    if (code) return code;
  }
  return undefined;
};

/**
 * Territories with their own ISO code that sources often file under the state they belong to (a lab in Puerto
 * Rico listed as US). The validator accepts such a point with a warning instead of an error.
 */
export const SOVEREIGN_OF: Readonly<Record<string, string>> = {
  PR: 'US',
  GU: 'US',
  VI: 'US',
  AS: 'US',
  MP: 'US',
  UM: 'US',
  GF: 'FR',
  GP: 'FR',
  MQ: 'FR',
  RE: 'FR',
  YT: 'FR',
  PM: 'FR',
  BL: 'FR',
  MF: 'FR',
  NC: 'FR',
  PF: 'FR',
  WF: 'FR',
  GG: 'GB',
  JE: 'GB',
  IM: 'GB',
  GI: 'GB',
  BM: 'GB',
  KY: 'GB',
  VG: 'GB',
  TC: 'GB',
  MS: 'GB',
  AI: 'GB',
  FK: 'GB',
  AW: 'NL',
  CW: 'NL',
  SX: 'NL',
  BQ: 'NL',
  GL: 'DK',
  FO: 'DK',
  SJ: 'NO',
  AX: 'FI',
  CX: 'AU',
  CC: 'AU',
  NF: 'AU',
  CK: 'NZ',
  NU: 'NZ',
  TK: 'NZ',
  HK: 'CN',
  MO: 'CN',
};
