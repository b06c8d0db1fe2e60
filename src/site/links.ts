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

/**
 * formatJson(value) in pieces, for an object whose last key holds an array of objects: the
 * text before the array's elements, each element's piece made from its own formatJson text,
 * and the rest. Joined in order they are formatJson(value), byte for byte (links.test.ts), so
 * disclosures.json is written from the per-project files' texts, never stringified a second
 * time nor held whole (about 100 MB at 10,000 projects).
 */
export function splitFormattedJson(
  value: object,
  key: string,
): { head: string; piece: (formatted: string, index: number) => string; tail: string } {
  if (Object.keys(value).at(-1) !== key || !Array.isArray((value as Record<string, unknown>)[key]))
    throw new Error(`splitFormattedJson: "${key}" is not the last key, or not an array`);
  // The key keeps its place: a spread keeps the order of the keys it overrides.
  const shell = JSON.stringify({ ...value, [key]: [] }, null, 2);
  if ((value as Record<string, unknown[]>)[key]!.length === 0)
    return { head: `${shell}\n`, piece: () => '', tail: '' };
  // The shell ends `"key": []` and the object's closing brace; elements sit two levels in.
  return {
    head: `${shell.slice(0, -'[]\n}'.length)}[\n`,
    piece: (formatted, index) =>
      `${index > 0 ? ',\n' : ''}    ${formatted.slice(0, -1).replaceAll('\n', '\n    ')}`,
    tail: '\n  ]\n}\n',
  };
}

export const jsonResponse = (value: unknown, type = 'application/json') =>
  new Response(formatJson(value), {
    headers: { 'Content-Type': `${type}; charset=utf-8` },
  });
