import type { Element, Root } from 'hast';
import { h } from 'hastscript';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import type { VFile } from 'vfile';
import { t } from '../i18n';
import type { Locale } from '../domain/locales';
import { localeOfContentPath } from '../content/paths';
import { HTML_LANG, otherLocaleOf } from '../domain/locales';

/**
 * Every section heading (h2, h3 with an id) links to itself, so a reader or a
 * portal editor can copy a section's address: the heading's text is the link,
 * so its accessible name is the section's title and nothing is added to what
 * search indexes. Beside it, where the page has a counterpart, a link to the
 * same section in the other language: the header's switch cannot carry the
 * #anchor without JavaScript, which project pages do not have. That link has
 * no text of its own (CSS shows its name, src/styles/project.css), so search
 * has nothing to index or ignore there.
 */
function sectionLinkTransform(
  locale: Locale,
  counterpart: string | null = null,
): (tree: Root) => void {
  const other = otherLocaleOf(locale);
  const d = t(locale);
  const autolink = rehypeAutolinkHeadings({
    behavior: 'wrap',
    test: ['h2', 'h3'],
    properties: { className: ['section-link'] },
  });
  const group = (node: Element): Element => {
    const id = String(node.properties.id);
    return h('div', { className: ['heading-group'] }, [
      node,
      ...(counterpart === null
        ? []
        : [
            h('a', {
              className: ['section-language'],
              href: `${counterpart}#${id}`,
              hrefLang: HTML_LANG[other],
              lang: HTML_LANG[other],
              // Named by its language, described by the heading it follows (which section).
              ariaLabel: d.languageSwitch.label,
              ariaDescribedBy: [id],
            }),
          ]),
    ]);
  };
  // Headings at any depth (a withheld container holds its own).
  const walk = (parent: Root | Element): void => {
    parent.children = parent.children.map((node) => {
      if (node.type !== 'element') return node;
      if (/^h[23]$/.test(node.tagName) && node.properties.id) return group(node);
      walk(node);
      return node;
    });
  };
  return (tree) => {
    autolink(tree);
    walk(tree);
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
