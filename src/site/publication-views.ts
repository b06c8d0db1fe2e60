import { readSettings } from '../config';
import { sizeOfSource } from '../content/sources';
import type { Locale } from '../domain/locales';
import { formatIsoDate } from '../domain/dates';
import { shares } from '../domain/shares';
import { paths } from '../domain/urls';
import type { BodyPartId } from '../domain/sections';
import { type Links } from '../data/records';
import { t } from '../i18n';
import { projectText, publicationText } from '../model/localize';
import type { Project, PublicationModel } from '../model/types';
import { searchFields } from '../search/fields';
import type {
  Neighbour,
  ProjectPage,
  ProvenanceRow,
  PublicationView,
  SourceFileRow,
  SourceVersionRow,
} from './page-types';

/**
 * The view data of a publication's and a project's pages: provenance, the
 * versions of the original, the neighbours in the list and what the money buys
 * (src/site/page-data.ts puts them on the pages).
 */

export function buildProvenance(publication: PublicationModel, locale: Locale): ProvenanceRow[] {
  const d = t(locale);
  const { source } = publication.data;
  const date = (value: Date | undefined) => (value ? formatIsoDate(value) : null);
  return [
    { key: 'url', label: d.provenance.url, value: source.url ?? null, href: source.url ?? null },
    {
      key: 'publishedOn',
      label: d.provenance.publishedOn,
      value: date(source.publishedOn),
      href: null,
    },
    {
      key: 'retrievedOn',
      label: d.provenance.retrievedOn,
      value: date(source.retrievedOn),
      href: null,
    },
    {
      key: 'archiveUrl',
      label: d.provenance.archiveUrl,
      value: source.archiveUrl ?? null,
      href: source.archiveUrl ?? null,
    },
  ];
}

export function buildSourceVersions(
  publication: PublicationModel,
  locale: Locale,
): SourceVersionRow[] {
  const d = t(locale);
  const { contentDir } = readSettings();
  const row = (file: string, sha256: string, format: string): SourceFileRow => ({
    file,
    sha256,
    bytes: sizeOfSource(contentDir, file),
    format,
  });
  return publication.versions.map((version, i) => {
    const { source } = version;
    const { original } = source;
    return {
      version: version.version,
      date: version.date,
      revisedOn: version.revisedOn,
      note: locale === 'en' && version.noteEn ? version.noteEn : version.note,
      noteLang: locale === 'en' && version.noteEn ? ('en' as const) : ('zh' as const),
      current: i === publication.versions.length - 1,
      withheldSince: version.withheldSince,
      text: row(source.file, source.sha256, d.source.original.format('txt', 'utf-8')),
      original: original
        ? row(
            original.file,
            original.sha256,
            d.source.original.format(original.format, original.encoding ?? null),
          )
        : null,
    };
  });
}

export function buildPublicationView(
  publication: PublicationModel,
  locale: Locale,
): PublicationView {
  return {
    publication,
    provenance: buildProvenance(publication, locale),
    text: publicationText(publication, locale),
    updated: formatIsoDate(publication.data.updated),
    shares: shares(publication.projects.map((p) => p.amountYuan ?? 0)),
  };
}

function buildNeighbour(project: Project | undefined, locale: Locale): Neighbour | null {
  return project
    ? {
        path: paths.project(project.publication.data, project.slug),
        name: projectText(project, locale).name,
      }
    : null;
}

/** 项目实施内容, by its id in the template's registry. */
const CONTENT_PART: BodyPartId = 'content';

/**
 * The first paragraph of 项目实施内容, its own or its first subsection's:
 * what the money buys, in a line of the summary; the marker where the part
 * (or the subsection that would say it) is withheld.
 */
function findWhatItBuys(project: Project, locale: Locale): ProjectPage['buys'] {
  const at = project.sections.findIndex((s) => s.id === CONTENT_PART);
  if (at === -1) return null;
  const part = [project.sections[at]!];
  for (const section of project.sections.slice(at + 1)) {
    if (section.level === 2) break;
    part.push(section);
  }
  const translated = locale === 'en' && project.translation !== null;
  for (const section of part) {
    if (section.withheld) return { withheld: section.withheld };
    const first = section.paragraphs[translated ? 'en' : 'zh'][0];
    if (first !== undefined) return { text: first, lang: translated ? 'en' : 'zh' };
  }
  return null;
}

export function buildProjectPage(project: Project, locale: Locale, links: Links): ProjectPage {
  const siblings = project.publication.projects;
  const index = siblings.indexOf(project);
  const text = projectText(project, locale);
  const publication = publicationText(project.publication, locale);
  const current = project.publication.versions.at(-1)!;
  return {
    project,
    text,
    buys: findWhatItBuys(project, locale),
    citation: t(locale).cite.citation({
      department: publication.department,
      name: text.name,
      title: publication.title,
      version: current.version,
      date: current.revisedOn,
      url: links.page(locale, paths.project(project.publication.data, project.slug)),
      sha256: project.publication.data.source.sha256,
    }),
    pending: locale === 'en' && project.bodyHtml.en === null,
    publication,
    previous: buildNeighbour(siblings[index - 1], locale),
    next: buildNeighbour(siblings[index + 1], locale),
    search: searchFields(project, locale),
  };
}
