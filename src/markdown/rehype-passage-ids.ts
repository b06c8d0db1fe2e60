import type { Element, Root } from 'hast';
import { h } from 'hastscript';
import type { VFile } from 'vfile';
import { localeOfContentPath } from '../content/paths';
import { passageId, subheadingId } from '../domain/sections';
import { t } from '../i18n';

/**
 * Stable anchors for every passage, the same in both languages, so that a
 * journalist can cite one: the n-th paragraph (or list item) of a section is
 * `#<section id>-p<n>`, the n-th heading below ### is `#<section id>-h<n>`.
 * Each paragraph gets a discreet link to itself. It has no text of its own: CSS
 * draws its ¶ (src/styles/project.css), so the paragraph's text, its search
 * excerpt and its copy are the publisher's alone.
 */
function passageLink(id: string, label: string): Element {
  return h('a', { className: ['passage-link'], href: `#${id}`, ariaLabel: label });
}

export default function rehypePassageIds() {
  return (tree: Root, file: VFile) => {
    const locale = localeOfContentPath(file.path);
    const d = t(locale);
    let section = '';
    let paragraphs = 0;
    let headings = 0;
    const anchor = (element: Element, id: string) => {
      // On an English page every passage says where its English came from: unmarked by
      // src/markdown/remark-english.ts, it is a translator's.
      const origin = locale === 'en' ? (element.properties.dataOrigin ?? 'translator') : undefined;
      element.properties = { ...element.properties, id, ...(origin ? { dataOrigin: origin } : {}) };
      element.children.push(passageLink(id, d.passageLink));
    };
    for (const node of tree.children) {
      if (node.type !== 'element') continue;
      const id = node.properties.id;
      if ((node.tagName === 'h2' || node.tagName === 'h3') && typeof id === 'string') {
        section = id;
        paragraphs = 0;
        headings = 0;
        continue;
      }
      if (!section) continue;
      if (/^h[4-6]$/.test(node.tagName)) {
        headings += 1;
        // Replaces the slug of the heading's words, which differs between languages.
        node.properties = { ...node.properties, id: subheadingId(section, headings) };
      } else if (node.tagName === 'p') {
        paragraphs += 1;
        anchor(node, passageId(section, paragraphs));
      } else if (node.tagName === 'ul' || node.tagName === 'ol') {
        for (const item of node.children) {
          if (item.type !== 'element' || item.tagName !== 'li') continue;
          paragraphs += 1;
          anchor(item, passageId(section, paragraphs));
        }
      }
    }
  };
}
