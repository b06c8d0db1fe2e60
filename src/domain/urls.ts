import type { Locale } from './locales';

/**
 * Every site path, in one place. Paths are built from content slugs, never from
 * titles, so they stay stable when wording changes. `base` is the deployment
 * sub-path (BASE_PATH), always with a trailing slash.
 */
export function localePrefix(locale: Locale): string {
  return locale === 'zh' ? '' : `${locale}/`;
}

export function normalizeBase(base: string | undefined): string {
  const trimmed = (base ?? '/').trim();
  if (trimmed === '' || trimmed === '/') return '/';
  return `/${trimmed.replace(/^\/+|\/+$/g, '')}/`;
}

/** A path relative to the site root of one language, e.g. `ruili-psb/2020/` → `/en/ruili-psb/2020/`. */
export function pageUrl(base: string, locale: Locale, path = ''): string {
  return `${normalizeBase(base)}${localePrefix(locale)}${path}`;
}

/** A language-independent file (data, source text). */
export function fileUrl(base: string, path: string): string {
  return `${normalizeBase(base)}${path}`;
}

/**
 * The site's own first path segments: no department may take one as its slug
 * (its page would be /<slug>/).
 */
export const RESERVED_SEGMENTS = [
  'en',
  'about',
  'changes',
  'data',
  'projects',
  'search',
  'sources',
  'terms',
  'withheld',
  'years',
  'pagefind',
  '_astro',
] as const;

/**
 * A publication's own path segments below /<department>/<year>/: no project may take one as its
 * slug. The search index leaves them out by name (src/search/build-index.ts).
 */
export const PUBLICATION_SEGMENTS = ['source'] as const;

export const paths = {
  home: () => '',
  publication: (p: { departmentSlug: string; fiscalYear: number }) =>
    `${p.departmentSlug}/${p.fiscalYear}/`,
  project: (p: { departmentSlug: string; fiscalYear: number }, slug: string) =>
    `${paths.publication(p)}${slug}/`,
  sourceText: (p: { departmentSlug: string; fiscalYear: number }) =>
    `${paths.publication(p)}${PUBLICATION_SEGMENTS[0]}/`,
  sourceFile: (file: string) => `sources/${file}`,
  withheld: (reason?: string) => (reason ? `withheld/#${reason}` : 'withheld/'),
  search: () => 'search/',
  projects: (order: 'published' | 'amount-desc' | 'amount-asc' = 'published', page = 1) =>
    `projects/${order === 'published' ? '' : `${order}/`}${page > 1 ? `page/${page}/` : ''}`,
  year: (year: number) => `years/${year}/`,
  data: () => 'data/',
  about: () => 'about/',
  /** Every revision of a published text, newest first. */
  changes: () => 'changes/',
  /** A department's page: its publications year by year. */
  department: (slug: string) => `${slug}/`,
  terms: () => 'terms/',
} as const;
