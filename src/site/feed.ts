import XMLBuilder from 'fast-xml-builder';
import { LIMITS } from '../domain/limits';
import { HTML_LANG, type Locale } from '../domain/locales';
import { localePrefix, paths } from '../domain/urls';
import type { Links } from '../data/records';
import { t } from '../i18n';
import { describeProject, projectText, publicationText } from '../model/localize';
import type { Model } from '../model/types';
import { listChanges, type ChangeEntry } from './changes';

/** Where each language's Atom feed lives, below the base. */
export const feedPath = (locale: Locale) => `${localePrefix(locale)}feed.xml`;

/**
 * Atom serialised by fast-xml-parser, which escapes every text and attribute.
 * Titles and summaries are `type="text"`: a name holding markup is shown as
 * the characters it is, never run as HTML by a feed reader.
 */
const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  format: true,
  indentBy: '    ',
  suppressEmptyNode: true,
});

const text = (value: string) => ({ '@type': 'text', '#text': value });

/**
 * The Atom feed of one language: one entry per project, newest publication
 * first. Dates come from the content (publication.yaml `updated`), never the clock.
 */
export function atomFeed(model: Model, locale: Locale, links: Links): string {
  const d = t(locale);
  const newest = [...model.publications].sort(
    (a, b) =>
      b.data.updated.getTime() - a.data.updated.getTime() || b.data.fiscalYear - a.data.fiscalYear,
  );
  const updated = (newest[0]?.data.updated ?? new Date(0)).toISOString();
  // The newest entries only: a feed reader wants what changed, and the full list is in /data/disclosures.json.
  const entries = newest
    .flatMap((p) => p.projects)
    .slice(0, LIMITS.feedEntries)
    .map((project) => {
      const { publication } = project;
      const url = links.page(locale, paths.project(publication.data, project.slug));
      return {
        title: text(projectText(project, locale).name),
        id: url,
        link: { '@href': url },
        updated: publication.data.updated.toISOString(),
        // The publisher's own date, where it is recorded.
        ...(publication.data.source.publishedOn
          ? { published: publication.data.source.publishedOn.toISOString() }
          : {}),
        summary: text(describeProject(project, locale)),
        author: { name: publicationText(publication, locale).department },
      };
    });
  const feed = {
    '?xml': { '@version': '1.0', '@encoding': 'utf-8' },
    feed: {
      '@xmlns': 'http://www.w3.org/2005/Atom',
      '@xml:lang': HTML_LANG[locale],
      id: links.page(locale, paths.home()),
      title: text(d.feed.title),
      updated,
      link: [
        { '@rel': 'alternate', '@href': links.page(locale, paths.home()) },
        { '@rel': 'self', '@href': links.file(feedPath(locale)) },
      ],
      subtitle: text(d.feed.subtitle),
      entry: entries,
    },
  };
  return builder.build(feed);
}

/** Where each language's feed of revisions lives, below the base. */
export const changesFeedPath = (locale: Locale) => `${localePrefix(locale)}changes.xml`;

/** A revision of one project in a line: its name, the figures and the parts that changed. */
function describeRevision(entry: ChangeEntry['projects'][number], locale: Locale): string {
  const d = t(locale);
  const { project, revision } = entry;
  const figures = revision.figures.map(
    (f) =>
      `${d.revisions.figureNames[f.field]} ${f.from === null && f.to === null ? d.revisions.hidden : `${f.from ?? d.revisions.none} → ${f.to ?? d.revisions.none}`}`,
  );
  const sections = revision.sections.map((s) => {
    const title = project.sections.find((section) => section.id === s.id)?.title[locale] ?? s.title;
    const kind =
      s.kind === 'withheld'
        ? d.revisions.withheldSince(revision.version)
        : s.kind === 'changed' && s.diff === null
          ? d.revisions.hidden
          : {
              changed: d.revisions.changed,
              disclosed: d.revisions.disclosed,
              added: d.revisions.addedSection,
              removed: d.revisions.removed,
            }[s.kind];
    return `${title}: ${kind}`;
  });
  return `${projectText(project, locale).name}${revision.added ? ` (${d.revisions.added})` : ''}${[...figures, ...sections].length ? ` — ${[...figures, ...sections].join('; ')}` : ''}`;
}

/**
 * The Atom feed of revisions in one language: one entry per new version of a
 * publication's text, the same entries as /changes/, newest first. Dates are
 * the versions' import dates, never the clock.
 */
export function changesFeed(model: Model, locale: Locale, links: Links): string {
  const d = t(locale);
  const changes = listChanges(model).slice(0, LIMITS.feedEntries);
  const page = links.page(locale, paths.changes());
  const date = (entry: ChangeEntry) =>
    (entry.date
      ? new Date(`${entry.date}T00:00:00Z`)
      : entry.publication.data.updated
    ).toISOString();
  const feed = {
    '?xml': { '@version': '1.0', '@encoding': 'utf-8' },
    feed: {
      '@xmlns': 'http://www.w3.org/2005/Atom',
      '@xml:lang': HTML_LANG[locale],
      id: page,
      title: text(d.changes.feedTitle),
      updated: changes[0] ? date(changes[0]) : new Date(0).toISOString(),
      link: [
        { '@rel': 'alternate', '@href': page },
        { '@rel': 'self', '@href': links.file(changesFeedPath(locale)) },
      ],
      subtitle: text(d.changes.feedSubtitle),
      entry: changes.map((entry) => ({
        title: text(
          d.changes.entryTitle(publicationText(entry.publication, locale).title, entry.version),
        ),
        id: `${page}#${entry.key}`,
        link: { '@href': `${page}#${entry.key}` },
        updated: date(entry),
        summary: text(
          [
            ...(entry.note
              ? [
                  `${d.revisions.noteLabel}${d.colon}${(locale === 'en' && entry.noteEn) || entry.note}`,
                ]
              : []),
            ...entry.projects.map((p) => describeRevision(p, locale)),
            ...(entry.withdrawn.length > 0
              ? [
                  `${d.changes.withdrawn(entry.withdrawn.length)} ${entry.withdrawn.map((p) => p.name).join('; ')}`,
                ]
              : []),
          ].join('\n'),
        ),
        author: { name: publicationText(entry.publication, locale).department },
      })),
    },
  };
  return builder.build(feed);
}
