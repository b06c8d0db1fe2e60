import XMLBuilder from 'fast-xml-builder';
import { LIMITS } from '../domain/limits';
import { HTML_LANG, type Locale } from '../domain/locales';
import { localePrefix, paths } from '../domain/urls';
import type { Links } from '../data/records';
import { t } from '../i18n';
import { describeProject, projectText, publicationText } from '../model/localize';
import type { Model } from '../model/types';

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
