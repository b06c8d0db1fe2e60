import type { Emphasis, Nodes, Root } from 'mdast';
import type { VFile } from 'vfile';
import { visitParents } from 'unist-util-visit-parents';
import { localeOfContentPath } from '../content/paths';
import { t } from '../i18n';
import { ENGLISH_DIRECTIVES, isDirective } from './directives';

/**
 * Where each English passage came from, on the page. `:origin{by=rule}` and
 * `:origin{by=memory from=<address>}` end a passage put into English by a
 * rule or by the translation memory (src/translate/); `:untranslated[…]`
 * holds Chinese that has no English yet. The passage (its paragraph or list
 * item) gets `data-origin`, and a small label says the origin in words; a
 * passage without either is a translator's. The Chinese original has none.
 */
export default function remarkEnglish() {
  return (tree: Root, file: VFile) => {
    const locale = localeOfContentPath(file.path);
    const d = t(locale).english;
    visitParents(tree, (node, ancestors) => {
      if (!isDirective(node) || !ENGLISH_DIRECTIVES.includes(node.name)) return;
      if (locale !== 'en') {
        file.message(
          `:${node.name} marks where English came from; the Chinese original cannot hold it`,
          node,
        );
        node.children = [];
        return;
      }
      // The passage: the list item it is in, else its paragraph or block.
      const passage =
        [...ancestors].reverse().find((a) => a.type === 'listItem') ?? ancestors.at(-1);
      const mark = (origin: string) => {
        if (!passage || passage.type === 'root') return;
        passage.data = {
          ...passage.data,
          hProperties: { ...passage.data?.hProperties, dataOrigin: origin },
        };
      };
      if (node.name === 'untranslated') {
        mark('none');
        const inline = node.type === 'textDirective';
        node.data = {
          hName: inline ? 'span' : 'div',
          hProperties: { lang: 'zh-CN', className: ['untranslated'] },
        };
        const label: Emphasis = {
          type: 'emphasis',
          children: [],
          data: {
            hName: 'span',
            hProperties: { className: ['origin-mark'], lang: 'en', dataPagefindIgnore: '' },
            hChildren: [{ type: 'text', value: d.untranslated }],
          },
        };
        if (inline) {
          const parent = ancestors.at(-1);
          if (parent && 'children' in parent) {
            const siblings = parent.children as Nodes[];
            siblings.splice(siblings.indexOf(node) + 1, 0, label);
          }
        } else if (node.type === 'containerDirective') {
          node.children.unshift({ type: 'paragraph', children: [label] });
        }
        return;
      }
      const by = node.attributes?.by;
      const from = node.attributes?.from;
      if (by !== 'rule' && by !== 'memory') {
        file.message(`:origin needs by=rule or by=memory (found "${by ?? ''}")`, node);
        return;
      }
      mark(by);
      const label = by === 'rule' ? d.byRule : d.byMemory;
      node.data = {
        hName: 'span',
        hProperties: { className: ['origin-mark'], dataPagefindIgnore: '' },
        hChildren:
          by === 'memory' && from
            ? [
                {
                  type: 'element',
                  tagName: 'a',
                  properties: { href: from },
                  children: [{ type: 'text', value: label }],
                },
              ]
            : [{ type: 'text', value: label }],
      };
    });
  };
}
