// Numbers, money and dates in the reader's language (Intl), and taxonomy labels by language.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { TYPE_INFO, type SpaceType } from '../../../src/domain/taxonomy.js';
import { isEnglish } from '../i18n/index.js';

export interface Formatters {
  lang: string;
  en: boolean;
  int(n: number | null | undefined): string;
  num(n: number | null | undefined, digits?: number): string;
  pct(share: number | null | undefined, digits?: number): string;
  money(amount: number | null | undefined, currency?: string): string;
  date(iso: string | null | undefined): string;
  dateTime(iso: string | null | undefined): string;
  typeLabel(type: string): string;
  country(iso2: string): string;
  name(s: { nameZh: string | null; nameEn: string | null }): string;
}

const DASH = '—';

/**
 * English labels two types share (the Chinese co-working model and the foreign one are both
 * "Co-working"): the Chinese model is told apart by a suffix.
 */
const SHARED_EN = new Set(
  Object.values(TYPE_INFO)
    .map((i) => i.en)
    .filter((en, k, all) => all.indexOf(en) !== k),
);
const enTypeLabel = (type: string, info: { en: string }): string =>
  SHARED_EN.has(info.en) && type.startsWith('cn_') ? `${info.en} (China model)` : info.en;

export const makeFormatters = (lang: string): Formatters => {
  const en = isEnglish(lang);
  const locale = en ? 'en-GB' : 'zh-CN';
  const ints = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const nums = new Map<number, Intl.NumberFormat>();
  const numFmt = (d: number) => {
    let f = nums.get(d);
    if (!f)
      nums.set(
        d,
        (f = new Intl.NumberFormat(locale, { minimumFractionDigits: d, maximumFractionDigits: d })),
      );
    return f;
  };
  const ok = (n: number | null | undefined): n is number => typeof n === 'number' && Number.isFinite(n);
  const dateFmt = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric' });
  const dateTimeFmt = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  return {
    lang,
    en,
    int: (n) => (ok(n) ? ints.format(n) : DASH),
    num: (n, d = 1) => (ok(n) ? numFmt(d).format(n) : DASH),
    pct: (s, d = 1) =>
      ok(s) ? new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: d }).format(s) : DASH,
    money: (a, currency = 'CNY') =>
      ok(a)
        ? new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0 }).format(a)
        : DASH,
    date: (iso) => {
      if (!iso) return DASH;
      // Partial dates (YYYY, YYYY-MM) are shown as precisely as they are known.
      if (/^\d{4}$/.test(iso)) return en ? iso : `${iso}年`;
      if (/^\d{4}-\d{2}$/.test(iso)) {
        const [y, m] = iso.split('-').map(Number) as [number, number];
        return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long' }).format(
          new Date(Date.UTC(y, m - 1, 15)),
        );
      }
      const d = new Date(iso);
      return Number.isNaN(d.getTime()) ? iso : dateFmt.format(d);
    },
    dateTime: (iso) => {
      if (!iso) return DASH;
      const d = new Date(iso);
      return Number.isNaN(d.getTime()) ? iso : dateTimeFmt.format(d);
    },
    country: (iso2) => {
      try {
        return new Intl.DisplayNames([locale], { type: 'region' }).of(iso2) ?? iso2;
      } catch {
        return iso2;
      }
    },
    typeLabel: (type) => {
      const info = TYPE_INFO[type as SpaceType];
      return info ? (en ? enTypeLabel(type, info) : info.zh) : type;
    },
    name: (s) => (en ? (s.nameEn ?? s.nameZh) : (s.nameZh ?? s.nameEn)) ?? DASH,
  };
};

export const useFormat = (): Formatters => {
  const { i18n } = useTranslation();
  return useMemo(() => makeFormatters(i18n.language), [i18n.language]);
};
