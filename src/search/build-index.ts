import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { close, createIndex } from 'pagefind';
import { LOCALES, type Locale } from '../domain/locales';
import { localePrefix, normalizeBase, PUBLICATION_SEGMENTS, pageUrl, paths } from '../domain/urls';
import { amountTableFile, PAGEFIND_LANGUAGE, type AmountTable } from './keys';

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
 * The project pages of one language, as a Pagefind glob: only they are
 * searched, and Pagefind parses every file it is given (other pages cost a
 * quarter of its time before they are dropped). A project page is
 * `<department>/<year>/<slug>/index.html`, below a prefixed language's folder,
 * or for the language at the root, below every folder but the others'
 * prefixes (`{[!e]*,e[!n]*,en?*}` leaves out `en/`). A publication's source
 * page matches too, and is dropped for having no data-pagefind-body.
 */
export function languageGlob(locale: Locale): string {
  const folderOf = (l: Locale) => localePrefix(l).replace(/\/$/, '');
  const prefix = folderOf(locale);
  // <department>/<year>/<project>/: a publication's own pages (its source text) are not projects.
  const project = `[0-9][0-9][0-9][0-9]/${globExcept(PUBLICATION_SEGMENTS)}/index.html`;
  if (prefix) return `${prefix}/*/${project}`;
  const others = LOCALES.map(folderOf).filter(Boolean);
  return `${globExcept(others)}/${project}`;
}

/** A glob of one path segment: any name but those given (ASCII names: one character per class). */
function globExcept(names: readonly string[]): string {
  if (names.length !== 1) throw new Error('globExcept: names exactly one segment to leave out');
  const name = names[0]!;
  const alternatives = Array.from({ length: name.length }, (_, i) => [
    `${name.slice(0, i)}[!${name.charAt(i)}]*`,
    ...(i > 0 ? [name.slice(0, i)] : []),
  ]).flat();
  return `{${[...alternatives, `${name}?*`].join(',')}}`;
}

/** Indexes one language of the site in `outDir` into `<outDir>/pagefind/`; returns the entry Pagefind wrote, or null for a site with no project yet. */
async function indexLanguage(
  outDir: string,
  locale: Locale,
  projects: number,
): Promise<PagefindEntry | null> {
  try {
    const created = await createIndex({});
    if (!created.index || created.errors.length)
      throw new Error(`pagefind: ${created.errors.join('; ')}`);
    const added = await created.index.addDirectory({ path: outDir, glob: languageGlob(locale) });
    if (added.errors.length) throw new Error(`pagefind: ${added.errors.join('; ')}`);
    // Every project has its page in each language: an index with fewer lost some.
    if (added.page_count !== projects)
      throw new Error(
        `pagefind: ${added.page_count} ${locale} project page(s) indexed, but the site has ${projects} (is data-pagefind-body missing?)`,
      );
    if (projects === 0) return null;
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
 * language's metadata, the wasm and the amount table. The names carry hashes known only now,
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
      `${dir}${amountTableFile(locale)}`,
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

/** The disclosures file's records, as far as the amount table reads them. */
interface AmountRecords {
  projects: {
    amount: { yuan?: number };
    estimate: { yuan: number } | null;
    fiscalYear: number;
    url: Record<Locale, string>;
  }[];
}

/**
 * Writes each language's amount table beside the index: every indexed page's
 * id with its amounts, read from the data file the build wrote
 * (disclosures.json) by the page's address. The search page answers an
 * amount query from it at once, instead of loading result after result; and
 * the amounts need not be Pagefind metadata, which it would index as words.
 * Returns the words Pagefind indexed, for the benchmark.
 */
function writeAmountTables(outDir: string, base: string, records: AmountRecords): number {
  // Pagefind's URLs are below the site's folder; the records' carry the deployment base.
  const below = normalizeBase(base);
  const byPath = new Map<string, AmountTable[string]>();
  for (const record of records.projects)
    for (const locale of LOCALES)
      byPath.set(`/${new URL(record.url[locale]).pathname.slice(below.length)}`, [
        record.amount.yuan ?? null,
        record.estimate?.yuan ?? null,
        record.fiscalYear,
      ]);
  const tables = new Map<string, AmountTable>(
    LOCALES.map((locale) => [PAGEFIND_LANGUAGE[locale], {}]),
  );
  let words = 0;
  for (const [id, fragment] of readFragments(join(outDir, 'pagefind'))) {
    words += fragment.word_count;
    const amounts = byPath.get(new URL(fragment.url, 'http://site').pathname);
    const table = tables.get(id.slice(0, id.indexOf('_')));
    if (!amounts || !table)
      throw new Error(`pagefind: indexed ${fragment.url}, which is no project of the data`);
    table[id] = amounts;
  }
  for (const locale of LOCALES)
    writeFileSync(
      join(outDir, 'pagefind', amountTableFile(locale)),
      JSON.stringify(tables.get(PAGEFIND_LANGUAGE[locale])),
    );
  return words;
}

interface PagefindFragment {
  url: string;
  word_count: number;
}

/** Every page Pagefind wrote into an index folder, by page id, with its fragment. */
function* readFragments(pagefindDir: string): Generator<[string, PagefindFragment]> {
  const folder = join(pagefindDir, 'fragment');
  for (const name of readdirSync(folder)) {
    // A fragment: a prefix, then JSON; a group of fragments holds several, by page id.
    const text = gunzipSync(readFileSync(join(folder, name))).toString('utf8');
    const parsed = JSON.parse(text.slice(text.indexOf('{'))) as
      PagefindFragment | Record<string, PagefindFragment>;
    if ('url' in parsed && typeof parsed.url === 'string')
      yield [name.replace(/\.pf_fragment$/, ''), parsed as PagefindFragment];
    else yield* Object.entries(parsed as Record<string, PagefindFragment>);
  }
}

/** The words of the pages in an index folder, as Pagefind counted each page (the benchmark compares both sides by it). */
export function countIndexedWords(pagefindDir: string): number {
  let words = 0;
  for (const [, fragment] of readFragments(pagefindDir)) words += fragment.word_count;
  return words;
}

/**
 * Builds the search index of the site in `outDir`, one language after the
 * other, and writes one entry file for all of them, as a single run writes it
 * (languages in name order), and the amount tables. A site with no project
 * yet has no index: its search page says so. Returns the pages and the words
 * indexed.
 */
export async function buildSearchIndex(
  outDir: string,
  basePath: string,
): Promise<{ pages: number; byLanguage: Record<string, number>; words: number }> {
  const records = JSON.parse(
    readFileSync(join(outDir, 'data/disclosures.json'), 'utf8'),
  ) as AmountRecords;
  const entries: PagefindEntry[] = [];
  for (const locale of LOCALES) {
    const entry = await indexLanguage(outDir, locale, records.projects.length);
    if (entry) entries.push(entry);
  }
  if (entries.length === 0) return { pages: 0, byLanguage: {}, words: 0 };
  const languages = Object.fromEntries(
    entries
      .flatMap((entry) => Object.entries(entry.languages))
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );
  const entry = { ...entries[0]!, languages };
  const entryText = JSON.stringify(entry);
  writeFileSync(join(outDir, 'pagefind', ENTRY), entryText);
  addSearchPreloads(outDir, basePath, entry, entryText);
  const words = writeAmountTables(outDir, basePath, records);
  const byLanguage = Object.fromEntries(
    Object.entries(languages).map(([language, index]) => [language, index.page_count]),
  );
  return {
    pages: Object.values(byLanguage).reduce((n, count) => n + count, 0),
    byLanguage,
    words,
  };
}
