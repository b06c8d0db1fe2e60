import { fileHref, href } from '../lib/site';
import type { Links } from './records';

/** Absolute links on the deployed site: SITE_URL, then BASE_PATH, then the path. */
export function siteLinks(site: URL | undefined): Links {
  if (!site) throw new Error('astro.config.mjs must set `site` (SITE_URL) for the data files to carry absolute links');
  return {
    page: (locale, path) => new URL(href(locale, path), site).href,
    file: (path) => new URL(fileHref(path), site).href,
  };
}

/** JSON as the data files write it: UTF-8, two-space indent, final newline. */
export const jsonResponse = (value: unknown, type = 'application/json') =>
  new Response(`${JSON.stringify(value, null, 2)}\n`, { headers: { 'Content-Type': `${type}; charset=utf-8` } });
