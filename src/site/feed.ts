import { Feed } from 'feed';
import { t } from '../i18n';
import type { Locale } from '../domain/locales';
import type { Links } from '../data/records';
import type { Model } from '../model/types';
import { LIMITS } from '../config';
import { localePrefix, paths } from '../domain/urls';
import { describeProject, projectText, publicationText } from '../model/localize';

/** Where each language's Atom feed lives, below the base. */
export const feedPath = (locale: Locale) => `${localePrefix(locale)}feed.xml`;

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
  const updated = newest[0]?.data.updated ?? new Date(0);
  const feed = new Feed({
    id: links.page(locale, paths.home()),
    link: links.page(locale, paths.home()),
    title: d.feed.title,
    description: d.feed.subtitle,
    language: locale === 'zh' ? 'zh-CN' : 'en',
    updated,
    generator: false,
    copyright: '',
    feedLinks: { atom: links.file(feedPath(locale)) },
  });
  // The newest entries only: a feed reader wants what changed, and the full list is in /data/disclosures.json.
  for (const project of newest.flatMap((p) => p.projects).slice(0, LIMITS.feedEntries)) {
    const { publication } = project;
    const pub = publicationText(publication, locale);
    const url = links.page(locale, paths.project(publication.data, project.slug));
    feed.addItem({
      id: url,
      link: url,
      title: projectText(project, locale).name,
      date: publication.data.updated,
      description: describeProject(project, locale),
      author: [{ name: pub.department }],
    });
  }
  return feed.atom1();
}
