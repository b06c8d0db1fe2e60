import type { Element, Root } from 'hast';
import { h } from 'hastscript';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import type { VFile } from 'vfile';
import { t } from '../i18n';
import type { Locale } from '../domain/locales';
import { localeOfContentPath } from '../content/paths';
import { stripEnumeration } from '../domain/enumeration';
import { LOCALES, HTML_LANG, otherLocaleOf } from '../domain/locales';
import { pageUrl, paths } from '../domain/urls';
import { readSettings } from '../config';
import type { Model, Project } from '../model/types';
import { readSharedModel } from './shared-model';

/**
 * A visible "link to this section" control after every section heading (h2,
 * h3 with an id), so a reader or a portal editor can copy a section's address.
 * The link sits beside the heading rather than inside it, so the heading's
 * accessible name stays its title; its own name says what it links to.
 */
export function sectionLinkTransform(
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
      ariaLabel: t(locale).sectionLink(stripEnumeration(toString(heading as Element)).trim()),
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
      if (!(node.properties.className as string[] | undefined)?.includes('heading-group')) return;
      const heading = node.children.find(
        (c): c is Element => c.type === 'element' && /^h[23]$/.test(c.tagName),
      );
      if (!heading?.properties.id) return;
      const title = stripEnumeration(toString(heading)).trim();
      node.children.push(
        h(
          'a',
          {
            className: ['section-language'],
            href: `${counterpart}#${String(heading.properties.id)}`,
            hrefLang: HTML_LANG[other],
            lang: HTML_LANG[other],
            ariaLabel: d.sectionInOtherLanguage(title),
            dataPagefindIgnore: '',
          },
          d.languageSwitch.label,
        ),
      );
    });
  };
}

/** Project pages by the last four parts of their content files (department/year/language/file), per model. */
const byFile = new WeakMap<Model, Map<string, Project>>();
const fileKey = (path: string) => path.split(/[\\/]/).slice(-4).join('/');

/** The other-language page of the project a content file belongs to, if the model is at hand and the translation is not pending. */
function findCounterpart(path: string | undefined, locale: Locale): string | null {
  const model = readSharedModel();
  if (!model || !path) return null;
  if (!byFile.has(model))
    byFile.set(
      model,
      new Map(model.projects.flatMap((p) => LOCALES.map((l) => [fileKey(p.files[l]), p] as const))),
    );
  const project = byFile.get(model)!.get(fileKey(path));
  if (!project || project.entryIds.en === null) return null;
  return pageUrl(
    readSettings().basePath,
    otherLocaleOf(locale),
    paths.project(project.publication.data, project.slug),
  );
}

/** The rehype plugin: the language comes from the content file's folder (…/zh/… or …/en/…). */
export default function rehypeSectionLinks() {
  return (tree: Root, file: VFile) => {
    const locale = localeOfContentPath(file.path);
    sectionLinkTransform(locale, findCounterpart(file.path, locale))(tree);
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
