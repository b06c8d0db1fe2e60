import { describeProject } from '../model/localize';
import { LIMITS } from '../domain/limits';
import { t } from '../i18n';
import { HTML_LANG, type Locale } from '../domain/locales';
import { DATA_FILES, projectDataPath, type Links } from '../data/records';
import type { Model, Project } from '../model/types';
import { feedPath } from './feed';
import { projectText, publicationText } from '../model/localize';
import { paths } from '../domain/urls';

/**
 * schema.org JSON-LD. The site is a Dataset whose files are DataDownloads; each
 * project is a Dataset whose budget is a MonetaryAmount in CNY (as the value of
 * a PropertyValue, since schema.org has no "budget" property of its own).
 */
export type JsonLd = Record<string, unknown>;

function budget(project: Project, locale: Locale): JsonLd | null {
  if (project.amountYuan === null) return null;
  return {
    '@type': 'PropertyValue',
    name: t(locale).project.amount,
    value: { '@type': 'MonetaryAmount', currency: 'CNY', value: project.amountYuan },
  };
}

function projectDataset(project: Project, locale: Locale, links: Links): JsonLd {
  const { data } = project.publication;
  const measured = budget(project, locale);
  return {
    '@type': 'Dataset',
    '@id': links.page('zh', paths.project(data, project.slug)),
    name: projectText(project, locale).name,
    url: links.page(locale, paths.project(data, project.slug)),
    temporalCoverage: String(data.fiscalYear),
    creator: {
      '@type': 'GovernmentOrganization',
      name: publicationText(project.publication, locale).department,
    },
    ...(measured ? { variableMeasured: measured } : {}),
    distribution: [
      {
        '@type': 'DataDownload',
        encodingFormat: 'application/json',
        contentUrl: links.file(projectDataPath(project)),
      },
    ],
  };
}

export function projectJsonLd(project: Project, locale: Locale, links: Links): JsonLd {
  return {
    '@context': 'https://schema.org',
    ...projectDataset(project, locale, links),
    // What the page's own description says; the data page's introduction is the site's.
    description: describeProject(project, locale),
  };
}

export function siteJsonLd(model: Model, locale: Locale, links: Links, updated: string): JsonLd {
  const d = t(locale);
  return {
    '@context': 'https://schema.org',
    '@type': 'Dataset',
    '@id': links.page('zh', paths.data()),
    name: d.feed.title,
    description: d.data.intro,
    url: links.page(locale, paths.data()),
    inLanguage: HTML_LANG[locale],
    dateModified: updated,
    isAccessibleForFree: true,
    creator: [...new Set(model.publications.map((p) => publicationText(p, locale).department))].map(
      (name) => ({ '@type': 'GovernmentOrganization', name }),
    ),
    temporalCoverage: model.years.map(({ year }) => String(year)).join(','),
    distribution: [
      {
        '@type': 'DataDownload',
        name: d.data.json,
        encodingFormat: 'application/json',
        contentUrl: links.file(DATA_FILES.json),
      },
      {
        '@type': 'DataDownload',
        name: d.data.csv,
        encodingFormat: 'text/csv',
        contentUrl: links.file(DATA_FILES.csv),
      },
      {
        '@type': 'DataDownload',
        name: d.data.schema,
        encodingFormat: 'application/schema+json',
        contentUrl: links.file(DATA_FILES.schema),
      },
      {
        '@type': 'DataDownload',
        name: d.data.feed,
        encodingFormat: 'application/atom+xml',
        contentUrl: links.file(feedPath(locale)),
      },
      // The originals one by one only while the site is small (as on the data page); the JSON lists them all.
      ...(model.publications.length <= LIMITS.smallSitePublications ? model.publications : []).map(
        (p) => ({
          '@type': 'DataDownload',
          name: publicationText(p, locale).title,
          encodingFormat: 'text/plain',
          contentUrl: links.file(paths.sourceFile(p.data.source.file)),
        }),
      ),
    ],
  };
}
