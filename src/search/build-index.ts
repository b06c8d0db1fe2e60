import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LOCALES, type Locale } from '../domain/locales';
import { normalizeBase, pageUrl, paths } from '../domain/urls';
import {
  buildIndexParts,
  planIndexParts,
  readFragments,
  type BuiltPart,
  type Grouping,
} from './index-parts';
import { ENTRY } from './run-pagefind';
import {
  AMOUNT_KEYS,
  amountShardFile,
  amountTableFile,
  INDEX_PARTS_FILE,
  PAGEFIND_LANGUAGE,
  readIndexAmounts,
  type IndexAmountRecord,
  type AmountKey,
  type Amounts,
  type AmountShards,
  type AmountTable,
  type IndexPartRef,
} from './keys';

/**
 * The search index, built once Astro has written the pages and data files,
 * beside the output audit (scripts/build-site.mjs): it reads what the audit
 * reads and writes nothing the audit reads. Pagefind holds one part's pages in
 * memory at a time (docs/performance.md).
 *
 * In parts by fiscal year (src/search/index-parts.ts), each kept between
 * builds under a digest of its pages: a rebuild re-indexes only the parts whose
 * pages changed. Unlike astro-pagefind, any indexing error fails the build: a
 * site whose search silently lost pages must not ship.
 */

/** data/index.json's lines, as far as the index reads them. */
interface IndexRecords {
  projects: (IndexAmountRecord & { url: Record<Locale, string> })[];
}

/**
 * Lets each search page fetch what every search needs while it parses, not
 * after its script has run: Pagefind's script, each part's entry file and
 * metadata for the page's language, and the wasm. The names
 * carry hashes known only now, so they are written into the built page, with
 * the parts and their cache tags (`data-pagefind-parts`) that the script reads.
 */
function addSearchPreloads(
  outDir: string,
  base: string,
  parts: readonly BuiltPart[],
  shards: ReadonlyMap<Locale, AmountShards>,
): void {
  const dir = `${pageUrl(base, 'zh')}pagefind/`;
  for (const locale of LOCALES) {
    const language = PAGEFIND_LANGUAGE[locale];
    const [first] = parts;
    const wasm = first!.entry.languages[language]?.wasm ?? 'unknown';
    const fetched = [
      ...parts.flatMap((part) => [
        `${dir}${part.name}/${ENTRY}?ts=${part.tag}`,
        `${dir}${part.name}/pagefind.${part.entry.languages[language]?.hash ?? ''}.pf_meta`,
      ]),
      // Only the first part's wasm is loaded: the merged ones share it. Not the amount table:
      // only a query about amounts needs it (src/search/result-amounts.ts).
      `${dir}${first!.name}/wasm.${wasm}.pagefind`,
    ];
    const links = [
      `<link rel="modulepreload" href="${dir}${first!.name}/pagefind.js">`,
      ...fetched.map((href) => `<link rel="preload" href="${href}" as="fetch" crossorigin>`),
    ].join('');
    const file = join(outDir, pageUrl('/', locale, paths.search()), 'index.html');
    // An index built again into the same folder (npm run bench compares groupings) replaces them.
    const html = readFileSync(file, 'utf8').replace(
      new RegExp(`<link rel="(?:module)?preload" href="${dir}[^"]*"[^>]*>`, 'g'),
      '',
    );
    const form = /data-pagefind-parts="[^"]*"/;
    const shardsAttribute = /data-amount-shards="[^"]*"/;
    if (!form.test(html) || !shardsAttribute.test(html) || !html.includes('</head>'))
      throw new Error(`pagefind: ${file} has no search form to point at the index`);
    // JSON in an attribute: only its quotes need escaping (numbers and brackets otherwise).
    const shardsJson = JSON.stringify(shards.get(locale)).replaceAll('"', '&quot;');
    const attribute = listPartRefs(parts)
      .map((ref) => `${ref.path}:${ref.tag}`)
      .join(' ');
    writeFileSync(
      file,
      html
        .replace('</head>', `${links}</head>`)
        .replace(form, `data-pagefind-parts="${attribute}"`)
        .replace(shardsAttribute, `data-amount-shards="${shardsJson}"`),
    );
  }
}

/** Each part's folder below pagefind/ and its entry's cache tag, first part first. */
const listPartRefs = (parts: readonly BuiltPart[]): IndexPartRef[] =>
  parts.map((part) => ({ path: `${part.name}/`, tag: part.tag }));

/**
 * Each language's amount table (keyed by Pagefind language): every indexed
 * page's id with its amounts, read from the data file the build wrote
 * (data/index.json) by the page's address. The search page answers an
 * amount query from it at once, instead of loading result after result; and
 * the amounts need not be Pagefind metadata, which it would index as words.
 * Pagefind's ids are unique within a part only: an id two parts give is null
 * (at 30,000 projects, 60,000 pages in ten parts, some were).
 */
export function buildAmountTables(
  records: IndexRecords,
  base: string,
  parts: readonly Pick<BuiltPart, 'urls'>[],
): Map<string, AmountTable> {
  // Pagefind's URLs are below the site's folder; the records' carry the deployment base.
  const below = normalizeBase(base);
  const byPath = new Map<string, Amounts>();
  for (const record of records.projects)
    for (const locale of LOCALES)
      byPath.set(
        `/${new URL(record.url[locale]).pathname.slice(below.length)}`,
        readIndexAmounts(record),
      );
  const tables = new Map<string, AmountTable>(
    LOCALES.map((locale) => [PAGEFIND_LANGUAGE[locale], {}]),
  );
  for (const part of parts)
    for (const [id, url] of Object.entries(part.urls)) {
      const amounts = byPath.get(new URL(url, 'http://site').pathname);
      const table = tables.get(id.slice(0, id.indexOf('_')));
      if (!amounts || !table)
        throw new Error(`pagefind: indexed ${url}, which is no project of the data`);
      table[id] = id in table ? null : amounts;
    }
  return tables;
}

/** Pages of a language in one shard of the amount table (keys.ts, AmountShards). */
const SHARD_SIZE = 1000;

/**
 * A language's amount table in shards by value, for each amount key: the files' contents, in
 * order, and each shard's least and greatest value. Pages without that amount (withheld, or no
 * estimate) are in none of the key's shards; a null id (two parts give it) is in every shard.
 */
export function shardAmountTable(table: AmountTable): {
  shards: AmountShards;
  byKey: Record<AmountKey, AmountTable[]>;
} {
  const shared = Object.entries(table).filter(([, amounts]) => amounts === null);
  const shards = { amount: [], estimate: [] } as AmountShards;
  const byKey = { amount: [], estimate: [] } as Record<AmountKey, AmountTable[]>;
  for (const [i, key] of (Object.keys(AMOUNT_KEYS) as AmountKey[]).entries()) {
    const valued = Object.entries(table)
      .flatMap(([id, amounts]) => {
        const yuan = amounts?.[i];
        return typeof yuan === 'number' ? [{ id, amounts: amounts!, yuan }] : [];
      })
      .sort((a, b) => a.yuan - b.yuan || (a.id < b.id ? -1 : 1));
    for (let from = 0; from < valued.length; from += SHARD_SIZE) {
      const slice = valued.slice(from, from + SHARD_SIZE);
      shards[key].push([slice[0]!.yuan, slice.at(-1)!.yuan]);
      byKey[key].push(
        Object.fromEntries([...slice.map((e) => [e.id, e.amounts] as const), ...shared]),
      );
    }
  }
  return { shards, byKey };
}

/** The words of the pages in an index folder, as Pagefind counted each page (the benchmark compares both sides by it). */
export function countIndexedWords(pagefindDir: string): number {
  let words = 0;
  for (const [, fragment] of readFragments(pagefindDir)) words += fragment.word_count;
  return words;
}

export interface IndexReport {
  /** Pages indexed, in all and by Pagefind language. */
  pages: number;
  byLanguage: Record<string, number>;
  words: number;
  /** The parts, and those of them this build indexed (the others were kept). */
  parts: number;
  indexedParts: string[];
  /** Each language of a part this build indexed, as `<part>/<language>` (Pagefind's name); the others were kept. */
  runs: string[];
}

/**
 * Builds the search index of the site in `outDir` into `<outDir>/pagefind/`:
 * its parts (`<part>/`), the list of them (`parts.json`, read by other
 * partitions' search pages), and the amount tables. A site with no project
 * yet has no index: its search page says so.
 */
export async function buildSearchIndex(
  outDir: string,
  options: { basePath: string; cacheDir: string; grouping?: Grouping },
): Promise<IndexReport> {
  const records = JSON.parse(readFileSync(join(outDir, 'data/index.json'), 'utf8')) as IndexRecords;
  const below = normalizeBase(options.basePath);
  const fileOf = (url: string) =>
    `${decodeURI(new URL(url).pathname).slice(below.length)}index.html`;
  const plan = planIndexParts(
    records.projects.map((record) => ({
      fiscalYear: record.fiscalYear,
      files: Object.fromEntries(
        LOCALES.map((locale) => [locale, fileOf(record.url[locale])]),
      ) as Record<Locale, string>,
    })),
    options.grouping ?? 'one',
  );
  rmSync(join(outDir, 'pagefind'), { recursive: true, force: true });
  const parts = await buildIndexParts(outDir, plan, options.cacheDir);
  const report: IndexReport = {
    pages: 0,
    byLanguage: {},
    words: 0,
    parts: 0,
    indexedParts: [],
    runs: [],
  };
  if (parts.length === 0) return report;
  writeFileSync(join(outDir, 'pagefind', INDEX_PARTS_FILE), JSON.stringify(listPartRefs(parts)));
  const tables = buildAmountTables(records, options.basePath, parts);
  const shards = new Map<Locale, AmountShards>();
  for (const locale of LOCALES) {
    const table = tables.get(PAGEFIND_LANGUAGE[locale])!;
    writeFileSync(join(outDir, 'pagefind', amountTableFile(locale)), JSON.stringify(table));
    const sharded = shardAmountTable(table);
    for (const key of Object.keys(AMOUNT_KEYS) as AmountKey[])
      sharded.byKey[key].forEach((shard, i) =>
        writeFileSync(
          join(outDir, 'pagefind', amountShardFile(locale, key, i)),
          JSON.stringify(shard),
        ),
      );
    shards.set(locale, sharded.shards);
  }
  addSearchPreloads(outDir, options.basePath, parts, shards);
  for (const part of parts) {
    for (const [language, index] of Object.entries(part.entry.languages))
      report.byLanguage[language] = (report.byLanguage[language] ?? 0) + index.page_count;
    report.words += part.words;
  }
  report.pages = Object.values(report.byLanguage).reduce((n, count) => n + count, 0);
  report.parts = parts.length;
  report.indexedParts = parts.filter((part) => part.indexed.length > 0).map((part) => part.name);
  report.runs = parts.flatMap((part) => part.indexed.map((language) => `${part.name}/${language}`));
  return report;
}
