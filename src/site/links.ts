import type { Locale } from '../domain/locales';
import { fileUrl, pageUrl } from '../domain/urls';
import { buildLinks, type Links } from '../data/records';

/** The deployment base (BASE_PATH), as Astro resolved it from src/config.ts. */
export const BASE = import.meta.env.BASE_URL;

/** A page link in one language, below the base. */
export const href = (locale: Locale, path = '') => pageUrl(BASE, locale, path);
/** A link to a language-independent file, below the base. */
export const fileHref = (path: string) => fileUrl(BASE, path);

/** Absolute links on the deployed site: SITE_URL, then BASE_PATH, then the path. */
export function siteLinks(site: URL | undefined): Links {
  if (!site)
    throw new Error(
      'astro.config.mjs must set `site` (SITE_URL) for the data files to carry absolute links',
    );
  return buildLinks(site, BASE);
}

/** JSON as the data files write it: UTF-8, two-space indent, final newline. */
export const formatJson = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

export const jsonResponse = (value: unknown, type = 'application/json') =>
  new Response(formatJson(value), {
    headers: { 'Content-Type': `${type}; charset=utf-8` },
  });
