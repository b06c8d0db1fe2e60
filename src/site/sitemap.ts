import { HTML_LANG, LOCALES } from '../domain/locales';
import type { Links } from '../data/records';
import { counterpartsByKey, type Route } from './routes';

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * sitemap.xml from the route table: every page in every language, each with
 * its hreflang alternates and x-default (the Chinese original), as Google's
 * sitemap extension for localized pages asks.
 */
export function sitemap(routes: Route[], links: Links, lastmod: string): string {
  const pairs = counterpartsByKey(routes);
  const url = (route: Route) => escapeXml(links.page(route.locale, route.pagePath));
  const entries = routes.map((route) => {
    const pair = pairs.get(route.key)!;
    const alternates = LOCALES.map(
      (locale) =>
        `    <xhtml:link rel="alternate" hreflang="${HTML_LANG[locale]}" href="${url(pair[locale])}"/>`,
    );
    alternates.push(
      `    <xhtml:link rel="alternate" hreflang="x-default" href="${url(pair.zh)}"/>`,
    );
    return [
      `  <url>`,
      `    <loc>${url(route)}</loc>`,
      `    <lastmod>${lastmod}</lastmod>`,
      ...alternates,
      `  </url>`,
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ...entries,
    '</urlset>',
    '',
  ].join('\n');
}
