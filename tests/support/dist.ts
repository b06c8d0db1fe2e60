import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as cheerio from 'cheerio';
import { INDEX_PARTS_FILE, type IndexPartRef } from '../../src/search/keys';
import { DIST } from './paths';

/** A built HTML page, by its URL path (e.g. `/en/ruili-psb/2020/`). */
export function page(urlPath: string, dist = DIST): cheerio.CheerioAPI {
  const file = join(dist, urlPath, urlPath.endsWith('/') ? 'index.html' : '');
  if (!existsSync(file)) throw new Error(`no page at ${urlPath} (${file})`);
  return cheerio.load(readFileSync(file, 'utf8'));
}

/** Every built HTML file, as URL paths. */
export function htmlPages(dist = DIST): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.html'))
        found.push(`/${relative(dist, full).replace(/index\.html$/, '')}`);
    }
  };
  walk(dist);
  return found.sort();
}

/** Visible text of an element with all white space removed (Chinese needs none to compare), without the site's ¶ links. */
export function compactText($: cheerio.CheerioAPI, selector = 'main'): string {
  // The ¶ link after each paragraph is the site's, not the text's.
  const element = $(selector).clone();
  element.find('.passage-link').remove();
  return element.text().replace(/\s+/g, '');
}

/** The parts of a built site's search index (pagefind/parts.json), first part first. */
export function readIndexParts(dist = DIST): IndexPartRef[] {
  return JSON.parse(
    readFileSync(join(dist, 'pagefind', INDEX_PARTS_FILE), 'utf8'),
  ) as IndexPartRef[];
}
