import { isLocale, type Locale } from '../domain/locales';

/**
 * Where content lives, and the one rule that names an entry. Layout:
 * `<department>/<year>/publication.yaml`, `<department>/<year>/zh/<slug>.md`
 * (the original), `<department>/<year>/en/<slug>.md` (its translation) and
 * `sources/<file>` (the originals, byte for byte).
 */

/** Glob patterns of the three kinds of entry, relative to the content folder (Astro's loader and our reader share them). */
export const CONTENT_PATTERNS = {
  publications: '*/*/publication.yaml',
  disclosures: '*/*/zh/*.md',
  translations: '*/*/en/*.md',
  /** The Chinese files as they were in an earlier version of the text (npm run import -- --revise keeps them). */
  snapshots: '*/*/versions/*/zh/*.md',
} as const;

/** A pattern above as a regular expression over a relative path (`*` is one path segment). */
export function matcherOf(pattern: string): RegExp {
  return new RegExp(
    `^${pattern
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('[^/]+')}$`,
  );
}

/** The glossary every translation keeps to, at the top of the content folder. */
export const GLOSSARY_FILE = 'glossary.yaml';

/** The folder under the content folder that holds the original texts. */
export const SOURCES_DIR = 'sources';

/**
 * Where an import stages what it writes, inside the content folder (src/importer/transaction.ts);
 * the reader never reads below it. A journal there means an import was stopped while it wrote.
 */
export const IMPORT_DIR = '.import';
export const IMPORT_JOURNAL = 'journal.json';

/**
 * An entry's id is its path below the content folder without the extension,
 * e.g. `ruili-psb/2020/zh/case-property-centre`: not the `slug` field, since
 * project slugs are unique within a publication only and the zh and en files
 * of one project share a slug.
 */
export function entryIdOf(relativePath: string): string {
  return relativePath
    .split('\\')
    .join('/')
    .replace(/\.(?:md|ya?ml)$/, '');
}

/** How problems name a content file, whatever folder CONTENT_DIR points at: `content/<path>`. */
export function displayPathOf(relativePath: string): string {
  return `content/${relativePath.split('\\').join('/')}`;
}

/** `ruili-psb/2020/versions/1/zh/x` → the version (1), the publication (`ruili-psb/2020`) and the zh entry id it was. */
export function snapshotOf(entryId: string): {
  version: number;
  publication: string;
  entryId: string;
} {
  const [department, year, , version, , slug] = entryId.split('/');
  return {
    version: Number(version),
    publication: `${department!}/${year!}`,
    entryId: `${department!}/${year!}/zh/${slug!}`,
  };
}

/** Where a publication keeps the Chinese files of an earlier version: `ruili-psb/2020/versions/1/zh`. */
export const snapshotFolder = (publication: string, version: number) =>
  `${publication}/versions/${version}/zh`;

/** A publication's id from its file's entry id: `ruili-psb/2020/publication` → `ruili-psb/2020`. */
export function publicationIdOfFile(entryId: string): string {
  return entryId.replace(/\/publication$/, '');
}

/** `ruili-psb/2020/zh/x` → `ruili-psb/2020`. */
export function publicationIdOf(entryId: string): string {
  return entryId.split('/').slice(0, -2).join('/');
}

/** The same project in the other language: `…/zh/x` ↔ `…/en/x` (ids and file paths alike). */
export function counterpartOf(path: string, locale: Locale): string {
  return path.replace(/\/(zh|en)\/([^/]+)$/, `/${locale}/$2`);
}

/**
 * The language of a content file is its folder (…/zh/… or …/en/…). Files
 * outside that layout are read as Chinese, the original.
 */
export function localeOfContentPath(path: string | undefined): Locale {
  const folder = path?.split(/[\\/]/).at(-2);
  return isLocale(folder) ? folder : 'zh';
}
