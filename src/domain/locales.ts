/** The site's languages. Chinese is the original and prevails; English is a translation. */
export const LOCALES = ['zh', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh';

/** The `<html lang>` of each locale; Pagefind keys its indexes on it. */
export const HTML_LANG: Record<Locale, string> = { zh: 'zh-CN', en: 'en' };

/** A value given in both languages. */
export type Localized<T = string> = Record<Locale, T>;

/** The language a page's switch, alternates and per-section links go to. */
export function otherLocaleOf(locale: Locale): Locale {
  return locale === 'zh' ? 'en' : 'zh';
}

export function isLocale(value: unknown): value is Locale {
  return (LOCALES as readonly unknown[]).includes(value);
}
