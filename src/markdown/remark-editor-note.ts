import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { localeOfContentPath } from '../content/paths';
import { t } from '../i18n';

/**
 * `:::editor-note` flags a quirk of the published text (never corrects it).
 * Rendered as a labelled aside so that nobody mistakes it for the original.
 */
export default function remarkEditorNote() {
  return (tree: Root, file: VFile) => {
    const locale = localeOfContentPath(file.path);
    visit(tree, 'containerDirective', (node) => {
      if (node.name !== 'editor-note') return;
      node.data = {
        hName: 'aside',
        hProperties: { className: ['editor-note'], 'aria-label': t(locale).editorNote },
      };
      node.children.unshift({
        type: 'paragraph',
        data: { hProperties: { className: ['editor-note-label'] } },
        children: [{ type: 'text', value: t(locale).editorNote }],
      });
    });
  };
}
