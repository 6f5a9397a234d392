import { describe, expect, it } from 'vitest';
import { COUNTRY_CODES, countryCodeFromName, countryName, isCountryCode } from './countries.js';
import { currencyName, isCurrencyCode, suggestCurrency } from './currencies.js';

describe('countries', () => {
  it('knows ISO 3166-1 alpha-2 codes, upper case only', () => {
    expect(COUNTRY_CODES.length).toBeGreaterThanOrEqual(249);
    for (const c of ['CN', 'HK', 'MO', 'TW', 'DE', 'US']) expect(isCountryCode(c)).toBe(true);
    for (const c of ['cn', 'UK', 'XX', 'CHN', '']) expect(isCountryCode(c)).toBe(false);
  });

  it('names countries in Chinese and English', () => {
    expect(countryName('DE', 'zh')).toBe('德国');
    expect(countryName('CN', 'en')).toBe('China');
    expect(countryName('CN')).toBe('中国');
    expect(countryName('XX')).toBeUndefined();
  });

  it.each([
    ['Germany', 'DE'],
    ['germany', 'DE'],
    ['The Netherlands', 'NL'],
    ['Holland', 'NL'],
    ['UK', 'GB'],
    ['England', 'GB'],
    ['United States of America', 'US'],
    ['United State of America', 'US'],
    ['USA', 'US'],
    ['Russian Federation', 'RU'],
    ['Russia', 'RU'],
    ['Republic of Korea', 'KR'],
    ['South Korea', 'KR'],
    ['Czech Republic', 'CZ'],
    ['Vietnam', 'VN'],
    ['Viet Nam', 'VN'],
    ["Côte d'Ivoire", 'CI'],
    ['Macedonia', 'MK'],
    ['Catalonia', 'ES'],
    ['LATVIA', 'LV'],
    ['China', 'CN'],
    ["People's Republic of China", 'CN'],
    ['中国', 'CN'],
    ['中华人民共和国', 'CN'],
    ['Hong Kong', 'HK'],
    ['香港', 'HK'],
    ['中国香港', 'HK'],
    ['Macau', 'MO'],
    ['台湾', 'TW'],
    ['Taiwan', 'TW'],
    ['德国', 'DE'],
    ['DEU', 'DE'],
    ['de', 'DE'],
  ])('reads %s as %s', (name, code) => {
    expect(countryCodeFromName(name)).toBe(code);
  });

  it('returns undefined rather than guessing', () => {
    for (const n of ['', '  ', 'Atlantis', 'Best Korea']) expect(countryCodeFromName(n)).toBeUndefined();
  });
});

describe('currencies', () => {
  it('accepts ISO 4217 codes and rejects everyday names', () => {
    expect(isCurrencyCode('CNY')).toBe(true);
    expect(isCurrencyCode('EUR')).toBe(true);
    expect(isCurrencyCode('RMB')).toBe(false);
    expect(isCurrencyCode('cny')).toBe(false);
    expect(currencyName('CNY')).toBe('Yuan Renminbi');
  });

  it('suggests the ISO code someone meant', () => {
    expect(suggestCurrency('RMB')).toBe('CNY');
    expect(suggestCurrency('人民币')).toBe('CNY');
    expect(suggestCurrency('cny')).toBe('CNY');
    expect(suggestCurrency('XYZ')).toBeUndefined();
  });
});
