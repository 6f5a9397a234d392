// ISO 4217 currency codes from the `currency-codes` package (a data table; no I/O).
import currencyCodes from 'currency-codes';

export const CURRENCY_CODES: readonly string[] = currencyCodes.codes().slice().sort();
const CODE_SET = new Set(CURRENCY_CODES);

/**
 * True for an ISO 4217 code in upper case: `CNY` yes, the everyday `RMB` no (it is not an ISO code), `cny` no.
 */
export const isCurrencyCode = (code: string): boolean => CODE_SET.has(code);

/** English name of the currency, e.g. CNY → Yuan Renminbi. */
export const currencyName = (code: string): string | undefined => currencyCodes.code(code)?.currency;

/** Common non-ISO spellings mapped to their ISO code, for messages that suggest a fix. */
const SUGGESTIONS: Record<string, string> = {
  RMB: 'CNY',
  '¥': 'CNY',
  元: 'CNY',
  人民币: 'CNY',
  '€': 'EUR',
  $: 'USD',
  '£': 'GBP',
  NTD: 'TWD',
  NT$: 'TWD',
  HK$: 'HKD',
};

/** The ISO code someone probably meant (`RMB` → `CNY`, `cny` → `CNY`), or undefined. */
export const suggestCurrency = (text: string): string | undefined => {
  const t = text.trim();
  const upper = t.toUpperCase();
  if (isCurrencyCode(upper)) return upper;
  return SUGGESTIONS[upper] ?? SUGGESTIONS[t];
};
