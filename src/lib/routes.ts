import { LOCALES, type Locale } from '../i18n/locales';
import type { Model, Project, PublicationModel } from '../model/types';
import { localePrefix, paths } from './urls';

/** What a page shows; one entry per page kind, each in every locale. */
export type Page =
  | { kind: 'home' }
  | { kind: 'publication'; publication: PublicationModel }
  | { kind: 'project'; project: Project }
  | { kind: 'source'; publication: PublicationModel }
  | { kind: 'withheld' }
  | { kind: 'search' }
  | { kind: 'projects'; order: ProjectOrder }
  | { kind: 'data' };

/** Pre-rendered orderings of the full project table, so sorting works without JavaScript. */
export const PROJECT_ORDERS = ['published', 'amount-desc', 'amount-asc'] as const;
export type ProjectOrder = (typeof PROJECT_ORDERS)[number];

export interface Route {
  locale: Locale;
  /** Path below the base, no leading slash, trailing slash: `en/ruili-psb/2020/`. Empty for the zh home page. */
  path: string;
  /** Same for a page and its translations: pairs the language switch and hreflang links. */
  key: string;
  page: Page;
}

function pagesOf(model: Model): { key: string; path: string; page: Page }[] {
  return [
    { key: 'home', path: paths.home(), page: { kind: 'home' } },
    { key: 'withheld', path: paths.withheld(), page: { kind: 'withheld' } },
    { key: 'search', path: paths.search(), page: { kind: 'search' } },
    { key: 'data', path: paths.data(), page: { kind: 'data' } },
    ...PROJECT_ORDERS.map((order) => ({ key: `projects:${order}`, path: paths.projects(order), page: { kind: 'projects' as const, order } })),
    ...model.publications.flatMap((publication) => [
      { key: `publication:${publication.data.slug}`, path: paths.publication(publication.data), page: { kind: 'publication' as const, publication } },
      { key: `source:${publication.data.slug}`, path: paths.sourceText(publication.data), page: { kind: 'source' as const, publication } },
      ...publication.projects.map((project) => ({
        key: `project:${project.key}`,
        path: paths.project(publication.data, project.slug),
        page: { kind: 'project' as const, project },
      })),
    ]),
  ];
}

/** Every HTML page of the site, in every language. */
export function routes(model: Model): Route[] {
  return pagesOf(model).flatMap(({ key, path, page }) =>
    LOCALES.map((locale) => ({ locale, key, page, path: `${localePrefix(locale)}${path}` })),
  );
}

/** The same page in each language, by locale. */
export function counterparts(all: Route[], route: Route): Record<Locale, Route> {
  const pair = all.filter((r) => r.key === route.key);
  return Object.fromEntries(pair.map((r) => [r.locale, r])) as Record<Locale, Route>;
}
