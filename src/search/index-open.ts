import { DEFAULT_LOCALE, LOCALES, otherLocaleOf, type Locale } from '../domain/locales';
import { pageUrl } from '../domain/urls';
import type { Dictionary } from '../i18n/dictionary';
import { containsAll } from './exact';
import { INDEX_PARTS_FILE, PAGEFIND_LANGUAGE, type IndexPartRef } from './keys';
import type { Pagefind, PagefindFilters } from './pagefind-types';

/**
 * The search page's index: Pagefind over the parts the build wrote into the form, merged with
 * those of the other partitions of the site; the other language's index, for a query found only
 * there; and the page's own language's strings.
 */

/**
 * How many projects in the other language's index have the query as typed.
 * Pagefind loads the index of the page's own language; a second instance
 * merges the other one and keeps only its pages.
 */
export async function countInOtherLanguage(
  pagefind: Pagefind,
  base: string,
  parts: readonly IndexPartRef[],
  locale: Locale,
  term: string,
  filters: PagefindFilters,
  terms: readonly string[],
): Promise<number> {
  const otherLocale = otherLocaleOf(locale);
  // A page belongs to the language whose root is the longest that starts its path ('/' is Chinese).
  const localeOfPath = (path: string): Locale =>
    LOCALES.find((l) => l !== DEFAULT_LOCALE && path.startsWith(pageUrl(base, l))) ??
    DEFAULT_LOCALE;
  const instance = pagefind.createInstance({
    basePath: `${base}pagefind/${parts[0]!.path}`,
    baseUrl: base,
  });
  try {
    // Absolute URLs, or Pagefind takes the first for the primary index and skips it.
    await Promise.all(
      parts.map((part) =>
        instance.mergeIndex(indexUrl(base, part), {
          language: PAGEFIND_LANGUAGE[otherLocale],
          metaCacheTag: part.tag,
        }),
      ),
    );
    const { results } = await instance.search(term, { filters });
    const found = await Promise.all(
      results.map(async (r) => {
        const result = await r.data();
        // The merged index gives absolute URLs.
        const path = new URL(result.url, location.href).pathname;
        return localeOfPath(path) === otherLocale && containsAll(result.content, terms);
      }),
    );
    return found.filter(Boolean).length;
  } finally {
    await instance.destroy();
  }
}

/**
 * Pagefind over the site's index: its first part, with the other parts of this site and those
 * of the other partitions of the site (SEARCH_PARTITIONS), each built with its own index, merged
 * in, so that one query searches them all.
 */
export async function openIndex(
  base: string,
  locale: Locale,
  parts: readonly IndexPartRef[],
  partitions: readonly string[],
): Promise<Pagefind> {
  const [first, ...rest] = parts;
  const partitionParts = Promise.all(partitions.map(fetchIndexParts));
  const pagefind = (await import(
    /* @vite-ignore */ `${base}pagefind/${first!.path}pagefind.js`
  )) as Pagefind;
  // The tags match the preloaded entry files (see src/search/build-index.ts).
  // In the page's own thread, so that the files the page preloads are the ones used (a worker fetches its own).
  await pagefind.options({ baseUrl: base, noWorker: true, metaCacheTag: first!.tag });
  await pagefind.init();
  const language = PAGEFIND_LANGUAGE[locale];
  // Absolute, or Pagefind takes one for the primary.
  const merged = [...rest.map((part) => ({ base, part })), ...(await partitionParts).flat()];
  await Promise.all(
    merged.map(({ base: b, part }) =>
      pagefind.mergeIndex(indexUrl(b, part), { language, metaCacheTag: part.tag }),
    ),
  );
  return pagefind;
}

/** A language's strings, each in its own chunk of the script (src/i18n/zh.ts, en.ts). */
export const loadDictionary = async (locale: Locale): Promise<Dictionary> =>
  locale === 'en' ? (await import('../i18n/en')).en : (await import('../i18n/zh')).zh;

/** The parts the build wrote into the search form: `<path>:<tag>` each, first part first. */
export function readIndexParts(attribute: string): IndexPartRef[] {
  return attribute
    .split(' ')
    .filter(Boolean)
    .map((ref) => {
      const [path = '', tag = ''] = ref.split(':');
      return { path, tag };
    });
}

/** Another partition's parts, from the list beside its index; none where it has no index yet. */
async function fetchIndexParts(partition: string): Promise<{ base: string; part: IndexPartRef }[]> {
  const response = await fetch(new URL(`${partition}pagefind/${INDEX_PARTS_FILE}`, location.href), {
    cache: 'no-cache',
  });
  if (!response.ok) return [];
  return ((await response.json()) as IndexPartRef[]).map((part) => ({ base: partition, part }));
}

/** A part's folder as an absolute URL (Pagefind takes a path for the primary index's). */
const indexUrl = (base: string, part: IndexPartRef) =>
  new URL(`${base}pagefind/${part.path}`, location.href).href;
