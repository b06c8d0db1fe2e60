import type { Element, Root } from 'hast';
import { h } from 'hastscript';
import { visit } from 'unist-util-visit';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import type { VFile } from 'vfile';
import { t } from '../i18n';
import type { Locale } from '../domain/locales';
import { localeOfContentPath } from '../content/paths';
import { HTML_LANG, otherLocaleOf } from '../domain/locales';

/**
 * A visible "link to this section" control after every section heading (h2,
 * h3 with an id), so a reader or a portal editor can copy a section's address.
 * The link sits beside the heading rather than inside it, so the heading's
 * accessible name stays its title; its own name says what it links to.
 */
function sectionLinkTransform(
  locale: Locale,
  counterpart: string | null = null,
): (tree: Root) => void {
  const autolink = rehypeAutolinkHeadings({
    behavior: 'after',
    test: ['h2', 'h3'],
    group: (heading: Readonly<Element>) =>
      h('div', { className: ['heading-group', `heading-group-${heading.tagName}`] }),
    properties: (heading: Readonly<Element>) => ({
      className: ['section-link'],
      // Named for what it does, described by the heading it follows (whose title is not repeated here).
      ariaLabel: t(locale).sectionLink,
      ariaDescribedBy: [String(heading.properties.id)],
      dataPagefindIgnore: '',
    }),
    content: h('span', { ariaHidden: 'true' }, '#'),
  });
  if (counterpart === null) return autolink;
  // The same section in the other language: the header's switch cannot carry the #anchor without JavaScript, which project pages do not have.
  const other = otherLocaleOf(locale);
  const d = t(locale);
  return (tree) => {
    autolink(tree);
    visit(tree, 'element', (node) => {
      if (!node.properties.className?.includes('heading-group')) return;
      const heading = node.children.find(
        (c): c is Element => c.type === 'element' && /^h[23]$/.test(c.tagName),
      );
      if (!heading?.properties.id) return;
      node.children.push(
        h(
          'a',
          {
            className: ['section-language'],
            href: `${counterpart}#${heading.properties.id}`,
            hrefLang: HTML_LANG[other],
            lang: HTML_LANG[other],
            // Its name is the language; the heading it follows says which section.
            ariaDescribedBy: [heading.properties.id],
            dataPagefindIgnore: '',
          },
          d.languageSwitch.label,
        ),
      );
    });
  };
}

/** The other-language page, which the check passes in the renderer's frontmatter (src/markdown/render.ts). */
function readCounterpart(file: VFile): string | null {
  const value: unknown = file.data.astro?.frontmatter?.counterpart;
  return typeof value === 'string' ? value : null;
}

/** The rehype plugin: the language comes from the content file's folder (…/zh/… or …/en/…). */
export default function rehypeSectionLinks() {
  return (tree: Root, file: VFile) => {
    const locale = localeOfContentPath(file.path);
    sectionLinkTransform(locale, readCounterpart(file))(tree);
  };
}

/** The same markup for a heading the page renders itself (the frontmatter sections). */
export function sectionHeading(
  level: 2 | 3,
  id: string,
  title: string,
  locale: Locale,
  counterpart: string | null = null,
): Root {
  const tree: Root = { type: 'root', children: [h(`h${level}`, { id }, title)] };
  sectionLinkTransform(locale, counterpart)(tree);
  return tree;
}
