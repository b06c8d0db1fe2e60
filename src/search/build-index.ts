import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { close, createIndex } from 'pagefind';
import { LOCALES, type Locale } from '../domain/locales';
import { localePrefix, pageUrl, paths } from '../domain/urls';
import { PAGEFIND_LANGUAGE } from './keys';

/**
 * The search index, built once Astro has written and audited the pages and
 * its process has ended (scripts/build-site.mjs): Pagefind holds every indexed
 * page in memory, and alongside Astro's process that doubled a large build's
 * peak (docs/performance.md).
 *
 * One language at a time: Pagefind indexes each <html lang> apart anyway, so
 * two runs write the same files as one (tested), and the larger of the two
 * is the peak, not their sum. Unlike astro-pagefind, any indexing error fails
 * the build: a site whose search silently lost pages must not ship.
 */

/** What Pagefind writes into pagefind-entry.json, as far as this step reads it. */
interface PagefindEntry {
  version: string;
  languages: Record<string, { hash: string; wasm: string | null; page_count: number }>;
  [other: string]: unknown;
}

const ENTRY = 'pagefind-entry.json';

/**
 * The HTML files of one language, as a Pagefind glob: a prefixed language's
 * folder, or for the language at the root, every folder but the others'
 * prefixes (`{[!e]*,e[!n]*,en?*}/**` leaves out `en/`).
 */
export function languageGlob(locale: Locale): string {
  const folderOf = (l: Locale) => localePrefix(l).replace(/\/$/, '');
  const prefix = folderOf(locale);
  if (prefix) return `${prefix}/**/*.html`;
  const others = LOCALES.map(folderOf).filter(Boolean);
  if (others.length !== 1)
    throw new Error('languageGlob: the root language leaves out exactly one prefix');
  const other = others[0]!;
  // The prefix is a language code, ASCII: one character per index.
  const names = Array.from(
    { length: other.length },
    (_, i) => `${other.slice(0, i)}[!${other.charAt(i)}]*`,
  );
  return `{${[...names, `${other}?*`].join(',')}}/**/*.html`;
}

/** Indexes one language of the site in `outDir` into `<outDir>/pagefind/`; returns the entry Pagefind wrote. */
async function indexLanguage(outDir: string, locale: Locale): Promise<PagefindEntry> {
  try {
    const created = await createIndex({});
    if (!created.index || created.errors.length)
      throw new Error(`pagefind: ${created.errors.join('; ')}`);
    const added = await created.index.addDirectory({ path: outDir, glob: languageGlob(locale) });
    if (added.errors.length) throw new Error(`pagefind: ${added.errors.join('; ')}`);
    if (added.page_count === 0)
      throw new Error(`pagefind: no ${locale} page was indexed (is data-pagefind-body missing?)`);
    const written = await created.index.writeFiles({ outputPath: join(outDir, 'pagefind') });
    if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
    return JSON.parse(readFileSync(join(outDir, 'pagefind', ENTRY), 'utf8')) as PagefindEntry;
  } finally {
    // The service ends with its index, so the next language starts from nothing.
    await close();
  }
}

/**
 * Lets each search page fetch what every search needs while it parses, not
 * after its script has run: Pagefind's script, its entry file, the page
 * language's metadata and the wasm. The names carry hashes known only now,
 * so they are written into the built page. The entry file is fetched with a
 * cache tag (`metaCacheTag`), the hash of its own text, instead of Pagefind's
 * default timestamp that no preload could match.
 */
function addSearchPreloads(
  outDir: string,
  base: string,
  entry: PagefindEntry,
  entryText: string,
): void {
  const tag = createHash('sha256').update(entryText).digest('hex').slice(0, 16);
  const dir = `${pageUrl(base, 'zh')}pagefind/`;
  for (const locale of LOCALES) {
    const index = entry.languages[PAGEFIND_LANGUAGE[locale]];
    if (!index) continue;
    const fetched = [
      `${dir}${ENTRY}?ts=${tag}`,
      `${dir}pagefind.${index.hash}.pf_meta`,
      `${dir}wasm.${index.wasm ?? 'unknown'}.pagefind`,
    ];
    const links = [
      `<link rel="modulepreload" href="${dir}pagefind.js">`,
      ...fetched.map((href) => `<link rel="preload" href="${href}" as="fetch" crossorigin>`),
    ].join('');
    const file = join(outDir, pageUrl('/', locale, paths.search()), 'index.html');
    const html = readFileSync(file, 'utf8');
    if (!html.includes('data-pagefind-tag=""') || !html.includes('</head>'))
      throw new Error(`pagefind: ${file} has no search form to point at the index`);
    writeFileSync(
      file,
      html
        .replace('</head>', `${links}</head>`)
        .replace('data-pagefind-tag=""', `data-pagefind-tag="${tag}"`),
    );
  }
}

/**
 * Builds the search index of the site in `outDir`, one language after the
 * other, and writes one entry file for all of them, as a single run writes it
 * (languages in name order). Returns the number of pages indexed.
 */
export async function buildSearchIndex(outDir: string, basePath: string): Promise<number> {
  const entries: PagefindEntry[] = [];
  for (const locale of LOCALES) entries.push(await indexLanguage(outDir, locale));
  const languages = Object.fromEntries(
    entries
      .flatMap((entry) => Object.entries(entry.languages))
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );
  const entry = { ...entries[0]!, languages };
  const entryText = JSON.stringify(entry);
  writeFileSync(join(outDir, 'pagefind', ENTRY), entryText);
  addSearchPreloads(outDir, basePath, entry, entryText);
  return Object.values(languages).reduce((n, language) => n + language.page_count, 0);
}
