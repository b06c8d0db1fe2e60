import type { Locale } from '../i18n/locales';
import { fileUrl, pageUrl } from './urls';

/** The deployment base (BASE_PATH), as Astro resolved it. */
export const BASE = import.meta.env.BASE_URL;

/** A page link in one language. */
export const href = (locale: Locale, path = '') => pageUrl(BASE, locale, path);
/** A link to a language-independent file. */
export const fileHref = (path: string) => fileUrl(BASE, path);
