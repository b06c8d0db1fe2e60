import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TEST_SITE } from './paths';

/**
 * Every HTML page of a built site, as paths below its base, read from its
 * sitemap.xml (itself checked against dist/ by the open-data tests), plus the 404 page.
 */
export function sitePages(dist: string, base = '/'): string[] {
  const xml = readFileSync(join(dist, 'sitemap.xml'), 'utf8');
  const prefix = `${TEST_SITE}${base}`;
  const pages = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => {
    const loc = m[1]!;
    if (!loc.startsWith(prefix)) throw new Error(`sitemap entry ${loc} is outside ${prefix}`);
    return loc.slice(prefix.length);
  });
  return pages;
}
