import type { Element, Root } from 'hast';
import { h } from 'hastscript';
import { toString } from 'hast-util-to-string';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import type { VFile } from 'vfile';
import { t } from '../i18n';
import type { Locale } from '../domain/locales';
import { localeOfContentPath } from '../content/paths';
import { stripEnumeration } from '../domain/enumeration';

/**
 * A visible "link to this section" control after every section heading (h2,
 * h3 with an id), so a reader or a portal editor can copy a section's address.
 * The link sits beside the heading rather than inside it, so the heading's
 * accessible name stays its title; its own name says what it links to.
 */
export function sectionLinkTransform(locale: Locale): (tree: Root) => void {
  return rehypeAutolinkHeadings({
    behavior: 'after',
    test: ['h2', 'h3'],
    group: (heading: Readonly<Element>) =>
      h('div', { className: ['heading-group', `heading-group-${heading.tagName}`] }),
    properties: (heading: Readonly<Element>) => ({
      className: ['section-link'],
      ariaLabel: t(locale).sectionLink(stripEnumeration(toString(heading as Element)).trim()),
      dataPagefindIgnore: '',
    }),
    content: h('span', { ariaHidden: 'true' }, '#'),
  });
}

/** The rehype plugin: the language comes from the content file's folder (…/zh/… or …/en/…). */
export default function rehypeSectionLinks() {
  return (tree: Root, file: VFile) => sectionLinkTransform(localeOfContentPath(file.path))(tree);
}

/** The same markup for a heading the page renders itself (the frontmatter sections). */
export function sectionHeading(level: 2 | 3, id: string, title: string, locale: Locale): Root {
  const tree: Root = { type: 'root', children: [h(`h${level}`, { id }, title)] };
  sectionLinkTransform(locale)(tree);
  return tree;
}
