import { listChanges } from './changes';
import { createHash } from 'node:crypto';
import { readPageSettings, readSettings } from '../config';
import { LIMITS } from '../domain/limits';
import { readSource } from '../content/sources';
import type { Locale, Localized } from '../domain/locales';
import { WITHHELD_REASONS } from '../domain/withheld-reasons';
import { paths } from '../domain/urls';
import { buildDictionaryTables } from '../data/dictionary';
import { departmentCsvPath, findContentUpdated, type Links } from '../data/records';
import { t } from '../i18n';
import { describeProject, projectText, publicationText } from '../model/localize';
import type { Department, FiscalYear, Model, Project } from '../model/types';
import { readSiteData } from './data-files';
import { projectJsonLd, siteJsonLd } from './json-ld';
import type { Slice } from './paginate';
import type {
  PageData,
  ProjectGroup,
  Stylesheet,
  ViewData,
  YearFigures,
  DepartmentView,
} from './page-types';
import type { ProjectOrder, Route } from './routes';
import {
  buildProjectPage,
  buildProvenance,
  buildPublicationView,
  buildSourceVersions,
} from './publication-views';

/**
 * What each page shows, computed once per page from the model: its head
 * (title, description, JSON-LD, alternates) and the data of its view. Views
 * and `src/pages/[...path].astro` only read this; nothing below the pages
 * works out a figure, a grouping or a neighbour again.
 */

/** The name of each pre-rendered ordering of the project listings. */
export function listOrderLabels(locale: Locale): Record<ProjectOrder, string> {
  const d = t(locale);
  return {
    published: d.projects.orderPublished,
    'amount-desc': d.projects.orderAmountDesc,
    'amount-asc': d.projects.orderAmountAsc,
  };
}

/** In published order the rows are grouped by year and department; sorted by amount they are one table. */
function groupProjects(slice: Slice<Project>, order: ProjectOrder, locale: Locale): ProjectGroup[] {
  const d = t(locale);
  const groups: ProjectGroup[] = [];
  for (const project of slice.items) {
    const key = order === 'published' ? project.publication.id : 'all';
    const last = groups.at(-1);
    if (last?.key === key) {
      last.projects.push(project);
      continue;
    }
    const pub = project.publication;
    groups.push(
      order === 'published'
        ? {
            key,
            heading: `${d.fiscalYear(pub.data.fiscalYear)} · ${publicationText(pub, locale).department}`,
            path: paths.publication(pub.data),
            projects: [project],
          }
        : { key, heading: null, path: null, projects: [project] },
    );
  }
  return groups;
}

function buildDepartmentView(department: Department, locale: Locale): DepartmentView {
  const newest = department.publications[0]!;
  const text = publicationText(newest, locale);
  const byYear = new Map(department.publications.map((p) => [p.data.fiscalYear, p]));
  const names = new Map<string, { year: number; path: string }[]>();
  for (const publication of [...department.publications].reverse())
    for (const project of publication.projects)
      names.set(project.original.name, [
        ...(names.get(project.original.name) ?? []),
        { year: publication.data.fiscalYear, path: paths.project(publication.data, project.slug) },
      ]);
  return {
    kind: 'department',
    slug: department.slug,
    name: text.department,
    region: text.region,
    years: department.publications.map((publication) => {
      const previous = byYear.get(publication.data.fiscalYear - 1);
      return {
        publication,
        title: publicationText(publication, locale).title,
        totalYuan: publication.totalYuan,
        change: previous
          ? {
              previousYear: previous.data.fiscalYear,
              yuan: publication.totalYuan - previous.totalYuan,
              share:
                previous.totalYuan === 0
                  ? null
                  : (publication.totalYuan - previous.totalYuan) / previous.totalYuan,
            }
          : null,
      };
    }),
    recurring: [...names]
      .filter(([, list]) => new Set(list.map((p) => p.year)).size > 1)
      .map(([name, projects]) => ({ name, projects })),
    csv: departmentCsvPath(department.slug),
  };
}

function buildYearFigures(year: FiscalYear): YearFigures {
  return {
    year,
    completeness:
      year.sectionsCounted === 0
        ? 1
        : (year.sectionsCounted - year.sectionsWithheld) / year.sectionsCounted,
    completenessByMoney: year.totalYuan === 0 ? 1 : year.fullyDisclosedYuan / year.totalYuan,
  };
}

function buildView(route: Route, model: Model, links: Links): ViewData {
  const { page, locale } = route;
  const d = t(locale);
  switch (page.kind) {
    case 'home':
      return {
        kind: 'home',
        model,
        departmentNames: Object.fromEntries(
          model.departments.map((d) => [
            d.slug,
            publicationText(d.publications[0]!, locale).department,
          ]),
        ),
        // A small site shows every publication in full; a large one shows the way in by year (pages stay light at any size).
        publications:
          model.publications.length <= LIMITS.homeFullPublications
            ? model.publications.map((p) => buildPublicationView(p, locale))
            : [],
        years: model.years.map(buildYearFigures),
      };
    case 'publication':
      return { kind: 'publication', summary: buildPublicationView(page.publication, locale) };
    case 'project':
      return { kind: 'project', page: buildProjectPage(page.project, locale, links) };
    case 'source':
      return {
        kind: 'source',
        publication: page.publication,
        title: publicationText(page.publication, locale).title,
        provenance: buildProvenance(page.publication, locale),
        text: readSource(readSettings().contentDir, page.publication.data.source.file).toString(
          'utf8',
        ),
        versions: buildSourceVersions(page.publication, locale),
      };
    case 'withdrawn':
      return {
        kind: 'withdrawn',
        publication: page.publication,
        project: page.project,
        title: publicationText(page.publication, locale).title,
      };
    case 'withheld': {
      const withheld = model.projects.filter((p) => p.markers.length > 0);
      // Listed one by one while the list is short; a province-wide site links the search filter instead.
      const listed = withheld.length <= LIMITS.smallSiteProjects;
      return {
        kind: 'withheld',
        projectCount: withheld.length,
        listed,
        projects: (listed ? withheld : []).map((project) => {
          const text = projectText(project, locale);
          return {
            name: text.name,
            lang: text.lang,
            path: paths.project(project.publication.data, project.slug),
            sections: project.sections
              .filter((s) => s.withheld)
              .map((s) => ({
                id: s.id,
                title: s.title[text.lang],
                label: WITHHELD_REASONS[s.withheld!].label[locale],
              })),
          };
        }),
      };
    }
    case 'search':
      return {
        kind: 'search',
        years: model.years.map(({ year }) => year),
        departments: [
          ...new Set(model.publications.map((p) => publicationText(p, locale).department)),
        ].sort(),
      };
    case 'projects': {
      const { slice, order } = page;
      const pageNote = slice.pages > 1 ? ` · ${d.projects.pageOf(slice.page, slice.pages)}` : '';
      return {
        kind: 'projects',
        order,
        slice,
        groups: groupProjects(slice, order, locale),
        caption: `${d.projects.heading} · ${listOrderLabels(locale)[order]}${pageNote}`,
        count: model.projects.length,
        years: model.years.map(buildYearFigures),
      };
    }
    case 'year':
      return {
        kind: 'year',
        year: page.year,
        rows: page.publications.map((publication) => ({
          publication,
          department: publicationText(publication, locale).department,
          sectionsCounted: publication.projects.reduce((n, p) => n + p.sectionsCounted, 0),
          sectionsWithheld: publication.projects.reduce((n, p) => n + p.sectionsWithheld, 0),
        })),
      };
    case 'terms':
      return { kind: 'terms', terms: model.glossary };
    case 'changes':
      return { kind: 'changes', entries: listChanges(model) };
    case 'department':
      return buildDepartmentView(page.department, locale);
    case 'about':
      return {
        kind: 'about',
        operator: readSettings().operator,
        publishers: [
          ...new Set(model.publications.map((p) => publicationText(p, locale).department)),
        ],
      };
    case 'data':
      return {
        kind: 'data',
        model,
        // Listed one by one while the lists are short; beyond that, disclosures.json and the year pages give every address.
        listProjects: model.projects.length <= LIMITS.smallSiteProjects,
        listOriginals: model.publications.length <= LIMITS.smallSitePublications,
        totals: readSiteData(model, readSettings().siteUrl, readSettings().basePath).totals,
        tables: buildDictionaryTables(locale),
      };
  }
}

function titleOf(route: Route, view: ViewData): string {
  const d = t(route.locale);
  switch (view.kind) {
    case 'home':
      return d.nav.home;
    case 'project':
      return view.page.text.name;
    case 'publication':
      return view.summary.text.title;
    case 'source':
      return `${d.source.heading}: ${view.title}`;
    case 'withdrawn':
      return view.project.name;
    case 'search':
      return d.search.heading;
    case 'projects':
      return `${d.projects.heading}${view.slice.pages > 1 ? ` · ${d.projects.pageOf(view.slice.page, view.slice.pages)}` : ''}`;
    case 'data':
      return d.data.heading;
    case 'year':
      return d.year.heading(view.year);
    case 'withheld':
      return d.withheldPage.heading;
    case 'about':
      return d.about.heading;
    case 'terms':
      return d.terms.heading;
    case 'changes':
      return d.changes.heading;
    case 'department':
      return view.name;
  }
}

/** The stylesheets each kind of view uses, beside the base one. */
function stylesheetOf(view: ViewData): Stylesheet {
  switch (view.kind) {
    case 'home':
    case 'publication':
      return 'home';
    case 'project': {
      // Only what the page shows: the marker's rules where something is withheld, the history's where it was revised.
      const { project } = view.page;
      const withheld = project.markers.length > 0 ? '-withheld' : '';
      const revisions = project.revisions.length > 0 ? '-revisions' : '';
      return `project${withheld}${revisions}` as Stylesheet;
    }
    case 'source':
      return 'source';
    case 'withheld':
      return 'withheld';
    case 'search':
      return 'search';
    case 'projects':
    case 'year':
    case 'terms':
      return 'tables';
    case 'data':
      return 'data';
    case 'about':
    case 'withdrawn':
      return 'plain';
    case 'changes':
      return 'changes';
    case 'department':
      return 'home';
  }
}

/** Everything one page shows, in its language. */
export function buildPageData(
  route: Route,
  alternates: Localized,
  model: Model,
  links: Links,
): PageData {
  const { locale, page } = route;
  const d = t(locale);
  const view = buildView(route, model, links);
  // Only a publication's own pages name its publisher: the site is its operator's, and holds many departments'.
  const publication =
    page.kind === 'publication' || page.kind === 'source' || page.kind === 'withdrawn'
      ? page.publication
      : page.kind === 'project'
        ? page.project.publication
        : undefined;
  return {
    locale,
    stylesheet: stylesheetOf(view),
    title: titleOf(route, view),
    description:
      page.kind === 'project'
        ? describeProject(page.project, locale)
        : page.kind === 'data'
          ? d.data.intro
          : d.home.intro,
    jsonLd:
      page.kind === 'project'
        ? projectJsonLd(page.project, locale, links)
        : page.kind === 'home' || page.kind === 'data'
          ? siteJsonLd(model, locale, links, findContentUpdated(model))
          : undefined,
    ogType: page.kind === 'project' ? 'article' : 'website',
    alternates,
    publication,
    view,
  };
}

/**
 * The key under which Astro may reuse a project page from the last build
 * instead of rendering it again (`experimental.incrementalBuild`, docs/operations.md): a hash of everything the page is made from that is not code.
 * Astro itself compares the code, by the hash of the page's module graph, and
 * the configuration (site, base). Here: the page's data, which the views only
 * read, and the settings a page is made from beside it (the operator, the origin; not where the
 * build writes its report or caches, config.ts). The page's
 * publication goes in with its own data and its projects' keys rather than
 * every project in full, which would make each key cost the whole publication;
 * whatever a project page shows of its neighbours is in its page data already.
 * Any other way from the page data back to the model is a cycle, which JSON
 * refuses: the build stops rather than key a page by less than it shows.
 * Other pages (listings, home, publication pages) are few, and always rendered.
 */
export function pageCacheKey(data: PageData): string | undefined {
  if (data.view.kind !== 'project') return undefined;
  const { page } = data.view;
  const publication = {
    ...page.project.publication,
    projects: page.project.publication.projects.map((project) => project.key),
  };
  const keyed = {
    ...data,
    publication,
    view: { ...data.view, page: { ...page, project: { ...page.project, publication } } },
  };
  // Hashed as the string's UTF-16 code units: no UTF-8 encoding of ~23 KB of mostly Chinese per
  // page first, which was most of the keys' 2.6 s at 10,000 projects. Lossless all the same.
  return createHash('sha256')
    .update(JSON.stringify([readPageSettings(), keyed]), 'utf16le')
    .digest('base64url');
}
