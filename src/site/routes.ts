import { LOCALES, type Locale } from '../domain/locales';
import { readSettings } from '../config';
import type {
  Department,
  Model,
  Project,
  PublicationModel,
  WithdrawnProject,
} from '../model/types';
import { paginate, type Slice } from './paginate';
import { localePrefix, paths } from '../domain/urls';

/** What a page shows; one entry per page kind, each in every locale. */
type Page =
  | { kind: 'home' }
  | { kind: 'publication'; publication: PublicationModel }
  | { kind: 'project'; project: Project }
  | { kind: 'withdrawn'; publication: PublicationModel; project: WithdrawnProject }
  | { kind: 'source'; publication: PublicationModel }
  | { kind: 'withheld' }
  | { kind: 'search' }
  | { kind: 'projects'; order: ProjectOrder; slice: Slice<Project> }
  | { kind: 'year'; year: number; publications: PublicationModel[] }
  | { kind: 'data' }
  | { kind: 'about' }
  | { kind: 'terms' }
  | { kind: 'changes' }
  | { kind: 'department'; department: Department };

/** Pre-rendered orderings of the full project table, so sorting works without JavaScript. */
export const PROJECT_ORDERS = ['published', 'amount-desc', 'amount-asc'] as const;
export type ProjectOrder = (typeof PROJECT_ORDERS)[number];

export interface Route {
  locale: Locale;
  /** Path below the base, no leading slash, trailing slash: `en/ruili-psb/2020/`. Empty for the zh home page. */
  path: string;
  /** The same path without the language prefix, as `href(locale, …)` and the `paths` helpers take it. */
  pagePath: string;
  /** Same for a page and its translations: pairs the language switch and hreflang links. */
  key: string;
  page: Page;
}

/** Projects in one of the pre-rendered orders; withheld amounts sort last either way. */
function orderProjects(projects: readonly Project[], order: ProjectOrder): Project[] {
  if (order === 'published') return [...projects];
  const sign = order === 'amount-asc' ? 1 : -1;
  return [...projects].sort((a, b) => {
    if (a.amountYuan === null || b.amountYuan === null)
      return (a.amountYuan === null ? 1 : 0) - (b.amountYuan === null ? 1 : 0);
    return sign * (a.amountYuan - b.amountYuan) || a.key.localeCompare(b.key);
  });
}

function pagesOf(model: Model, pageSize: number): { key: string; path: string; page: Page }[] {
  return [
    { key: 'home', path: paths.home(), page: { kind: 'home' } },
    { key: 'withheld', path: paths.withheld(), page: { kind: 'withheld' } },
    { key: 'search', path: paths.search(), page: { kind: 'search' } },
    { key: 'data', path: paths.data(), page: { kind: 'data' } },
    { key: 'about', path: paths.about(), page: { kind: 'about' } },
    { key: 'terms', path: paths.terms(), page: { kind: 'terms' } },
    { key: 'changes', path: paths.changes(), page: { kind: 'changes' } },
    ...PROJECT_ORDERS.flatMap((order) =>
      paginate(orderProjects(model.projects, order), pageSize).map((slice) => ({
        key: `projects:${order}:${slice.page}`,
        path: paths.projects(order, slice.page),
        page: { kind: 'projects' as const, order, slice },
      })),
    ),
    ...model.departments.map((department) => ({
      key: `department:${department.slug}`,
      path: paths.department(department.slug),
      page: { kind: 'department' as const, department },
    })),
    ...model.years.map(({ year, publications }) => ({
      key: `year:${year}`,
      path: paths.year(year),
      page: { kind: 'year' as const, year, publications },
    })),
    ...model.publications.flatMap((publication) => [
      {
        key: `publication:${publication.data.slug}`,
        path: paths.publication(publication.data),
        page: { kind: 'publication' as const, publication },
      },
      {
        key: `source:${publication.data.slug}`,
        path: paths.sourceText(publication.data),
        page: { kind: 'source' as const, publication },
      },
      ...publication.projects.map((project) => ({
        key: `project:${project.key}`,
        path: paths.project(publication.data, project.slug),
        page: { kind: 'project' as const, project },
      })),
      // A project a later version withdrew keeps its address, with a page that says so.
      ...publication.withdrawn.map((project) => ({
        key: `withdrawn:${publication.data.slug}/${project.slug}`,
        path: paths.project(publication.data, project.slug),
        page: { kind: 'withdrawn' as const, publication, project },
      })),
    ]),
  ];
}

/** Every HTML page of the site, in every language. */
export function listRoutes(model: Model, pageSize = readSettings().listingPageSize): Route[] {
  return pagesOf(model, pageSize).flatMap(({ key, path, page }) =>
    LOCALES.map((locale) => ({
      locale,
      key,
      page,
      pagePath: path,
      path: `${localePrefix(locale)}${path}`,
    })),
  );
}

/** For every page key, the page in each language (one pass, so it stays linear at 20,000 pages). */
export function counterpartsByKey(all: Route[]): Map<string, Record<Locale, Route>> {
  const byKey = new Map<string, Record<Locale, Route>>();
  for (const route of all)
    byKey.set(route.key, { ...byKey.get(route.key), [route.locale]: route } as Record<
      Locale,
      Route
    >);
  return byKey;
}
