import { createHash, randomBytes } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { LOCALES, type Locale } from '../domain/locales';
import { sha256, sha256File } from '../files/kept';
import { listFiles } from '../files/list';
import { localePrefix, PUBLICATION_SEGMENTS } from '../domain/urls';
import { PAGEFIND_LANGUAGE } from './keys';
import {
  ENTRY,
  indexLanguage,
  mergeLanguageBundles,
  readPagefindKey,
  type PagefindEntry,
} from './run-pagefind';
import type { SearchIndexLayout } from '../config';

/**
 * The search index in parts by fiscal year: the project pages of a year (of
 * up to ten years ending in the same digit, see MAX_PARTS) are one Pagefind
 * index (`pagefind/<years>/`), which the search page merges with the others
 * (`mergeIndex`). Each language of a part is kept between builds under a
 * digest of its pages' bytes, so a rebuild re-indexes only the languages of
 * the parts whose pages changed (a Chinese body edited changes the Chinese
 * page, and Pagefind runs over the Chinese pages alone), and Pagefind holds
 * one language of one part in memory at a time, not the site's.
 *
 * A kept language is used only once every file of it has the SHA-256 its
 * manifest records, and the manifest is written last, in a folder renamed
 * into place: a build killed while indexing leaves a staging folder, never a
 * kept language. A part's languages are put together as one bundle
 * (run-pagefind.ts), the bundle one run over them all writes.
 * (Before 2026-12-07 the unit kept was the part, both languages at once.)
 */

/** One part of the index to build: its folder name below pagefind/, the years it holds, and its pages' files. */
export interface IndexPart {
  name: string;
  /** Fiscal years; null: every year (one index for the whole site, as `npm run bench` compares). */
  years: number[] | null;
  /** Each language's project pages, as files below the built site's folder. */
  pages: Record<Locale, string[]>;
}

/** How the pages are grouped into parts: all in one, or by fiscal year (src/config.ts). */
export type Grouping = SearchIndexLayout;

/**
 * At most this many parts. Every query searches every part, and merging costs the reader: at
 * 10,000 projects, 10 parts added 39 ms to a warm query's median and 30 parts 80 ms
 * (docs/performance.md). So years ending in the same digit share a part: up to ten years, one
 * part each; 30 years, ten parts of three.
 */
export const MAX_PARTS = 10;

/** A part as built or kept (in `pagefind/<name>/`): its entry and what its manifest says. */
export interface BuiltPart {
  name: string;
  entry: PagefindEntry;
  /** Its entry file's cache tag: the file's hash, fetched as `?ts=<tag>` (Pagefind's metaCacheTag), so that the page's preload matches it. */
  tag: string;
  /** Page id → the page's URL as Pagefind gives it, for the amount tables. */
  urls: Record<string, string>;
  words: number;
  /** The languages of it this build indexed (Pagefind's names); the others were kept from an earlier build. */
  indexed: string[];
}

/** What a kept language of a part holds, beside its bundle (below bundle/). */
interface Manifest {
  digest: string;
  /** Every file of the bundle, with its SHA-256. */
  files: Record<string, string>;
  urls: Record<string, string>;
  words: number;
}

/**
 * The project pages of one language, as a Pagefind glob: only they are
 * searched, and Pagefind parses every file it is given (other pages cost a
 * quarter of its time before they are dropped). A project page is
 * `<department>/<year>/<slug>/index.html`, below a prefixed language's folder,
 * or for the language at the root, below every folder but the others'
 * prefixes (`{[!e]*,e[!n]*,en?*}` leaves out `en/`). A publication's source
 * page does not match (its segment is left out by name). With `years`, only
 * those fiscal years' pages.
 */
export function languageGlob(locale: Locale, years: readonly number[] | null = null): string {
  const folderOf = (l: Locale) => localePrefix(l).replace(/\/$/, '');
  const prefix = folderOf(locale);
  const year =
    years === null
      ? '[0-9][0-9][0-9][0-9]'
      : years.length === 1
        ? String(years[0])
        : `{${years.join(',')}}`;
  // <department>/<year>/<project>/: a publication's own pages (its source text) are not projects.
  const project = `${year}/${globExcept(PUBLICATION_SEGMENTS)}/index.html`;
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

/**
 * The parts of the index for these project pages (each with its fiscal year and its file per
 * language), newest first. A part's name is its years, newest first, joined by '-' (`2025`, or
 * `2025-2015-2005`).
 */
export function planIndexParts(
  pages: readonly { fiscalYear: number; files: Record<Locale, string> }[],
  grouping: Grouping,
): IndexPart[] {
  const groups = new Map<number, { years: Set<number>; pages: (typeof pages)[number][] }>();
  for (const page of pages) {
    const key = grouping === 'one' ? 0 : page.fiscalYear % MAX_PARTS;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { years: new Set(), pages: [] }));
    group.years.add(page.fiscalYear);
    group.pages.push(page);
  }
  return [...groups.values()]
    .map(({ years, pages: grouped }) => {
      const newestFirst = [...years].sort((a, b) => b - a);
      return {
        name: grouping === 'one' ? 'all' : newestFirst.join('-'),
        years: grouping === 'one' ? null : newestFirst,
        pages: Object.fromEntries(
          LOCALES.map((locale) => [locale, grouped.map((page) => page.files[locale])]),
        ) as Record<Locale, string[]>,
      };
    })
    .sort((a, b) => (b.years?.[0] ?? 0) - (a.years?.[0] ?? 0));
}

/**
 * What one language of a part's index is made from: its pages' paths and
 * bytes, the years the part holds, Pagefind's version and this step's code.
 * Two builds with the same digest would write the same files for it.
 */
function digestLanguage(outDir: string, part: IndexPart, locale: Locale): string {
  const hash = createHash('sha256');
  hash.update(`${readCodeKey()}\0${part.name}\0${JSON.stringify(part.years)}\0${locale}\0`);
  for (const file of [...part.pages[locale]].sort())
    hash.update(`${file}\0${sha256File(join(outDir, file))}\0`);
  return hash.digest('hex');
}

/** Pagefind's version and the code of this step: either changed, every part is indexed again. */
let codeKey: string | undefined;
function readCodeKey(): string {
  codeKey ??= sha256(
    `${readPagefindKey()}\0${readFileSync(fileURLToPath(import.meta.url), 'utf8')}`,
  );
  return codeKey;
}

/** A kept language's manifest, if it is whole: the same digest, and every file, no more and no fewer, with its recorded SHA-256. */
function readVerified(dir: string, digest: string): Manifest | null {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  } catch {
    return null;
  }
  if (manifest.digest !== digest) return null;
  const bundle = join(dir, 'bundle');
  if (!existsSync(bundle)) return null;
  const files = listFiles(bundle);
  const recorded = Object.keys(manifest.files).sort();
  if (files.length !== recorded.length || files.some((f, i) => f !== recorded[i])) return null;
  for (const file of files)
    if (sha256File(join(bundle, file)) !== manifest.files[file]) return null;
  return manifest;
}

/** Indexes one language of a part with Pagefind into `bundle`; the pages indexed must be the part's. */
async function indexPartLanguage(
  outDir: string,
  part: IndexPart,
  locale: Locale,
  bundle: string,
): Promise<void> {
  const entry = await indexLanguage(outDir, languageGlob(locale, part.years), bundle);
  // Every project has its page in each language: an index with fewer lost some, one with more
  // took a page that is not a project's. Counted in the entry Pagefind wrote: it reads every page
  // its glob matches, also those it then leaves out for want of data-pagefind-body (the page at
  // a withdrawn project's address).
  const indexed = entry.languages[PAGEFIND_LANGUAGE[locale]]?.page_count ?? 0;
  if (indexed !== part.pages[locale].length)
    throw new Error(
      `pagefind: ${indexed} ${locale} project page(s) of ${part.name} indexed, but the site has ${part.pages[locale].length} (is data-pagefind-body missing?)`,
    );
  // A page its glob matched that says it is in another language (its <html lang>).
  const others = Object.keys(entry.languages).filter((l) => l !== PAGEFIND_LANGUAGE[locale]);
  if (others.length > 0)
    throw new Error(
      `pagefind: the ${locale} project pages of ${part.name} include pages in ${others.join(', ')} (is their lang attribute wrong?)`,
    );
}

interface PagefindFragment {
  url: string;
  word_count: number;
  filters: Record<string, string[]>;
}

/** Every page Pagefind wrote into an index folder, by page id, with its fragment. */
export function* readFragments(pagefindDir: string): Generator<[string, PagefindFragment]> {
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

/** Indexes a language of a part into a staging folder, writes its manifest last, and renames it into `unit.dir`. */
async function storeLanguage(
  outDir: string,
  part: IndexPart,
  unit: LanguageUnit,
): Promise<Manifest> {
  const { locale, digest, dir } = unit;
  const staging = join(
    dirname(dir),
    `.staging-${part.name}-${locale}-${randomBytes(6).toString('hex')}`,
  );
  try {
    const bundle = join(staging, 'bundle');
    await indexPartLanguage(outDir, part, locale, bundle);
    const urls: Record<string, string> = {};
    let words = 0;
    for (const [id, fragment] of readFragments(bundle)) {
      urls[id] = fragment.url;
      words += fragment.word_count;
    }
    const files = Object.fromEntries(
      listFiles(bundle).map((file) => [file, sha256File(join(bundle, file))]),
    );
    const manifest: Manifest = { digest, files, urls, words };
    writeFileSync(join(staging, 'manifest.json'), JSON.stringify(manifest));
    rmSync(dir, { recursive: true, force: true });
    renameSync(staging, dir);
    return manifest;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** Puts a kept file at `to` as a hard link (kept files are never written in place), or a copy across devices. */
function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch (error) {
    // A kept file gone (pruned under us) is not copied either: the caller indexes it again.
    if (!existsSync(from)) throw error;
    copyFileSync(from, to);
  }
}

/** A language of a part: where it is kept, under which digest, and its manifest if it is kept whole. */
interface LanguageUnit {
  locale: Locale;
  digest: string;
  dir: string;
  kept: Manifest | null;
}

/**
 * Builds the parts into `<outDir>/pagefind/<part>/`: each language of each
 * from the cache in `cacheDir` where it is kept, verified, under its digest,
 * else indexed now and kept; then a part's languages put together. What the
 * cache holds of earlier builds that this one does not use, and staging
 * folders killed builds left, are removed while it indexes; it returns once
 * they are gone.
 */
export async function buildIndexParts(
  outDir: string,
  parts: readonly IndexPart[],
  cacheDir: string,
): Promise<BuiltPart[]> {
  mkdirSync(cacheDir, { recursive: true });
  const planned = parts.map((part) => ({
    part,
    units: LOCALES.map((locale): LanguageUnit => {
      const digest = digestLanguage(outDir, part, locale);
      const dir = join(cacheDir, `${part.name}.${locale}.${digest.slice(0, 24)}`);
      return { locale, digest, dir, kept: readVerified(dir, digest) };
    }),
  }));
  // What the cache holds that this build does not use (earlier builds' bundles, staging folders
  // killed builds left) is removed while Pagefind runs, on libuv's threads: at 10,000 projects
  // the Chinese bundle a rebuild replaces is 10,000 files, 1.3 s of this process removed after
  // it (2026-12-08). The names are read now: this build's own staging folders are not among them.
  const used = new Set(planned.flatMap((p) => p.units.map((unit) => unit.dir)));
  const pruning = Promise.all(
    readdirSync(cacheDir)
      .map((name) => join(cacheDir, name))
      .filter((path) => !used.has(path))
      .map((path) => rm(path, { recursive: true, force: true })),
  );
  // Its failure is the build's, once the index is built; never a rejection nobody awaits.
  pruning.catch(() => undefined);
  // One language of one part at a time: Pagefind holds a run's pages in memory.
  const manifests = new Map<string, Manifest>();
  for (const { part, units } of planned)
    for (const unit of units)
      if (!unit.kept) manifests.set(unit.dir, await storeLanguage(outDir, part, unit));
  const built: BuiltPart[] = [];
  for (const { part, units } of planned) {
    const target = join(outDir, 'pagefind', part.name);
    const bundles = units.map((unit) => join(unit.dir, 'bundle'));
    try {
      mergeLanguageBundles(bundles, target, linkOrCopy);
    } catch {
      // Removed under us (a build run beside this one, without npm run build's lock, pruned it):
      // indexed again rather than published in part.
      rmSync(target, { recursive: true, force: true });
      for (const unit of units)
        if (!readVerified(unit.dir, unit.digest))
          manifests.set(unit.dir, await storeLanguage(outDir, part, unit));
      mergeLanguageBundles(bundles, target, linkOrCopy);
    }
    const of = units.map((unit) => unit.kept ?? manifests.get(unit.dir)!);
    const entry = readFileSync(join(target, ENTRY), 'utf8');
    built.push({
      name: part.name,
      entry: JSON.parse(entry) as PagefindEntry,
      tag: sha256(entry).slice(0, 16),
      urls: Object.assign({}, ...of.map((manifest) => manifest.urls)) as Record<string, string>,
      words: of.reduce((n, manifest) => n + manifest.words, 0),
      indexed: units
        .filter((unit) => manifests.has(unit.dir))
        .map((unit) => PAGEFIND_LANGUAGE[unit.locale]),
    });
  }
  await pruning;
  return built;
}
