import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { ANCHOR_PATTERN, takeHeadingId } from '../markdown/heading-id';

/**
 * `## 立项依据 {#basis}` → `<h2 id="basis">立项依据</h2>`. Explicit ids keep
 * deep links stable when wording changes and identical across languages;
 * rehype-slug leaves them alone and gives the remaining headings slugs.
 */
export default function remarkHeadingIds() {
  return (tree: Root, file: VFile) => {
    visit(tree, 'heading', (heading) => {
      const id = takeHeadingId(heading);
      if (id === null) return;
      if (!ANCHOR_PATTERN.test(id)) {
        file.fail(`heading id "${id}" must be lower-case ASCII words joined by hyphens, e.g. {#implementing-unit}`, heading);
      }
      heading.data = { ...heading.data, hProperties: { ...heading.data?.hProperties, id } };
    });
  };
}
