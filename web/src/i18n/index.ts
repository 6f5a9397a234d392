// zh-CN first, English second. The language comes from ?lang= (so a shared link keeps it), then
// from the last choice on this device, else Chinese.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.js';
import { zhCN } from './zh-cn.js';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'makeratlas.lang';

const stored = (): string | null => {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
};

export const initialLanguage = (search: string): Language => {
  const asked = new URLSearchParams(search).get('lang') ?? stored();
  if (asked && /^en\b/i.test(asked)) return 'en';
  return 'zh-CN';
};

export const isEnglish = (lng: string): boolean => lng.startsWith('en');

const reflect = (lng: string) => {
  document.documentElement.lang = isEnglish(lng) ? 'en' : 'zh-CN';
};

export const setupI18n = async (search: string): Promise<typeof i18next> => {
  const lng = initialLanguage(search);
  await i18next.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    lng,
    fallbackLng: 'zh-CN',
    interpolation: { escapeValue: false }, // React escapes already
    returnNull: false,
  });
  reflect(lng);
  i18next.on('languageChanged', (l) => {
    reflect(l);
    try {
      localStorage.setItem(STORAGE_KEY, l);
    } catch {
      // private mode: the choice lasts for this page only
    }
  });
  return i18next;
};
