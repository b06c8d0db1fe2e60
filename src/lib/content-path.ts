import { isLocale, type Locale } from '../i18n/locales';

/**
 * Content lives at `<department>/<year>/<locale>/<slug>.md`; the language of a
 * file is its folder. Files outside that layout are read as Chinese, the original.
 */
export function localeOfContentPath(path: string | undefined): Locale {
  const folder = path?.split(/[\\/]/).at(-2);
  return isLocale(folder) ? folder : 'zh';
}
