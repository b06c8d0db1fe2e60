import { HTML_LANG, LOCALES } from '../i18n/locales';
import type { Links } from '../data/records';
import type { Route } from './routes';

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * sitemap.xml from the route table: every page in every language, each with
 * its hreflang alternates and x-default (the Chinese original), as Google's
 * sitemap extension for localized pages asks.
 */
export function sitemap(routes: Route[], links: Links, lastmod: string): string {
  const byKey = new Map<string, Route[]>();
  for (const route of routes) byKey.set(route.key, [...(byKey.get(route.key) ?? []), route]);
  const url = (route: Route) => links.page(route.locale, route.path.replace(/^en\//, ''));
  const entries = routes.map((route) => {
    const pair = byKey.get(route.key) ?? [];
    const alternates = LOCALES.flatMap((locale) => pair.filter((r) => r.locale === locale)).map(
      (r) => `    <xhtml:link rel="alternate" hreflang="${HTML_LANG[r.locale]}" href="${escapeXml(url(r))}"/>`,
    );
    const zh = pair.find((r) => r.locale === 'zh');
    if (zh) alternates.push(`    <xhtml:link rel="alternate" hreflang="x-default" href="${escapeXml(url(zh))}"/>`);
    return [`  <url>`, `    <loc>${escapeXml(url(route))}</loc>`, `    <lastmod>${lastmod}</lastmod>`, ...alternates, `  </url>`].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ...entries,
    '</urlset>',
    '',
  ].join('\n');
}
