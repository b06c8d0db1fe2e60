/**
 * The search-index step of a build (scripts/build-site.mjs runs it after
 * Astro): `tsx scripts/index-search.ts <built site folder>`. Builds the
 * Pagefind index of the site there (src/search/build-index.ts) and exits
 * non-zero on any indexing error.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readSettings } from '../src/config';
import { buildSearchIndex } from '../src/search/build-index';

const outDir = process.argv[2];
if (!outDir) {
  console.error('usage: tsx scripts/index-search.ts <built site folder>');
  process.exit(2);
}
const started = performance.now();
const settings = readSettings();
const pages = await buildSearchIndex(resolve(outDir), settings.basePath);
const ms = Math.round(performance.now() - started);
console.log(`[search-index] indexed ${pages} pages in ${ms} ms`);
if (settings.benchTimings) {
  // The benchmark reads this beside the parse count the Astro step wrote, to show Astro and Pagefind apart.
  const file = settings.benchTimings;
  const before = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as object) : {};
  writeFileSync(file, JSON.stringify({ ...before, pagefindMs: ms, pages }));
}
