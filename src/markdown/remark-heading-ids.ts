import type { Heading, Root } from 'mdast';
// Its types give mdast nodes the hName and hProperties that remark-rehype reads.
import type {} from 'mdast-util-to-hast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';

/** `{#some-id}` at the end of a heading: the stable anchor a portal links to. */
/** `{#some-id}` at the end of a heading's text, as written (src/translate/derive.ts reads it too). */
export const ID_SUFFIX = /\s*\{#([^}\s]*)\}\s*$/;
const ANCHOR_PATTERN = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/** The id a heading's `{#id}` suffix writes, or null when it has none; the heading is left as it is. */
export function writtenHeadingId(heading: Heading): string | null {
  const last = heading.children.at(-1);
  return (last?.type === 'text' ? ID_SUFFIX.exec(last.value)?.[1] : undefined) ?? null;
}

/** Removes the `{#id}` suffix from the heading's text and returns the id, or null when there is none. */
function takeHeadingId(heading: Heading): string | null {
  const id = writtenHeadingId(heading);
  const last = heading.children.at(-1);
  if (id === null || last?.type !== 'text') return null;
  last.value = last.value.replace(ID_SUFFIX, '');
  return id;
}

/** The explicit id this plugin gave a heading, or null. Later plugins read ids through it. */
export function headingIdOf(heading: Heading): string | null {
  const id = heading.data?.hProperties?.id;
  return typeof id === 'string' ? id : null;
}

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
        file.message(
          `heading id "${id}" must be lower-case ASCII words joined by hyphens, e.g. {#implementing-unit}`,
          heading,
        );
      }
      heading.data = { ...heading.data, hProperties: { ...heading.data?.hProperties, id } };
    });
  };
}
