import { existsSync, readFileSync } from 'node:fs';
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

/** The kind of view a page path shows, by the site's URL scheme (src/domain/urls.ts). */
function kindOf(path: string): string {
  const rest = path.replace(/^en\//, '');
  const fixed = /^(search|data|about|terms|withheld)\/$/.exec(rest);
  if (fixed) return fixed[1]!;
  if (rest === '') return 'home';
  if (rest.startsWith('projects/')) return 'projects';
  if (rest.startsWith('years/')) return 'year';
  if (/^[^/]+\/\d{4}\/source\/$/.test(rest)) return 'source';
  if (/^[^/]+\/\d{4}\/$/.test(rest)) return 'publication';
  if (/^[^/]+\/\d{4}\/[^/]+\/$/.test(rest)) return 'project';
  return rest;
}

/**
 * One page of each kind of view in each language, and the 404 page: what a
 * browser test needs to see each view's markup and styles once, whatever
 * content the site holds. For project pages, one with withheld sections where
 * there is one (it shows the most), and one whose translation is pending.
 */
export function samplePages(dist: string, base = '/'): string[] {
  const pages = sitePages(dist, base);
  const withheld = (path: string) =>
    existsSync(join(dist, path, 'index.html')) &&
    readFileSync(join(dist, path, 'index.html'), 'utf8').includes('class="withheld"');
  const pending = (path: string) =>
    existsSync(join(dist, path, 'index.html')) &&
    readFileSync(join(dist, path, 'index.html'), 'utf8').includes('data-translation-pending');
  const chosen = new Map<string, string>();
  for (const path of pages) {
    const key = `${path.startsWith('en/') ? 'en' : 'zh'} ${kindOf(path)}`;
    const current = chosen.get(key);
    if (!current || (kindOf(path) === 'project' && !withheld(current) && withheld(path)))
      chosen.set(key, path);
  }
  const extra = pages.find((path) => kindOf(path) === 'project' && pending(path));
  return [...new Set([...chosen.values(), ...(extra ? [extra] : []), '404.html'])];
}
