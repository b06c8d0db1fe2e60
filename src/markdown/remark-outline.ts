import type { Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import { LIMITS } from '../domain/limits';
import { stripEnumeration } from '../domain/enumeration';
import { BODY_PARTS, RESERVED_IDS } from '../domain/sections';
import { isWithheldReasonCode } from '../domain/withheld-reasons';
import type { Outline, OutlineSection, PassageOrigin } from '../model/types';
import { headingIdOf } from './remark-heading-ids';

declare module 'vfile' {
  interface DataMap {
    /** The body's sections and withheld markers, for the model (set by remarkOutline). */
    outline: Outline;
  }
}

const blockText = (node: RootContent) => toString(node).trim();
/**
 * Where a passage's English came from, by the marks src/translate/ writes: `:origin{by=…}`
 * (rule, memory), `:untranslated[…]` (none); a passage with neither is a translator's (and,
 * in the Chinese original, the original).
 */
function originOf(node: RootContent): PassageOrigin {
  let found: PassageOrigin = { by: 'translator', from: null };
  const walk = (n: RootContent) => {
    if (n.type === 'textDirective' && n.name === 'untranslated') found = { by: 'none', from: null };
    else if (n.type === 'textDirective' && n.name === 'origin') {
      const { by, from } = n.attributes ?? {};
      if (by === 'rule' || by === 'memory') found = { by, from: from ?? null };
    } else if ('children' in n) for (const child of n.children) walk(child);
  };
  walk(node);
  return found;
}

const isBlockWithheld = (node: RootContent) =>
  (node.type === 'leafDirective' || node.type === 'containerDirective') && node.name === 'withheld';

/**
 * The structure of a disclosure body: `##` sections in the standard order,
 * `###` subsections, every one with a stable id; no level-1 heading and no text
 * before the first section. A section that stands withheld holds nothing but
 * its marker: no paragraph, list, image or editor's note beside it. Reports
 * with `file.message()` and leaves the outline in `file.data.outline`.
 */
export default function remarkOutline() {
  return (tree: Root, file: VFile) => {
    const sections: OutlineSection[] = [];
    const markers: Outline['markers'] = [];
    type Open = OutlineSection & { markerNodes: RootContent[]; otherNodes: RootContent[] };
    let current: Open | null = null;

    const finish = () => {
      if (!current) return;
      const { markerNodes, otherNodes, ...section } = current;
      if (markerNodes.length > 0 && otherNodes.length > 0) {
        for (const node of otherNodes) {
          file.message(
            `section #${section.id} is withheld, so it may hold nothing but its withheld marker; remove this ${node.type === 'containerDirective' ? `:::${node.name}` : node.type}`,
            node,
          );
        }
      }
      sections.push({
        ...section,
        withheld: markerNodes.length > 0 && otherNodes.length === 0 ? section.withheld : null,
      });
    };

    for (const node of tree.children) {
      if (node.type === 'heading' && (node.depth === 2 || node.depth === 3)) {
        finish();
        const id = headingIdOf(node);
        const title = blockText(node);
        if (id === null)
          file.message(`heading "${title}" needs a stable id, e.g. "## ${title} {#some-id}"`, node);
        current = {
          id: id ?? '',
          level: node.depth,
          title,
          withheld: null,
          blocks: [stripEnumeration(title)],
          passages: [],
          origins: [],
          line: node.position?.start.line,
          markerNodes: [],
          otherNodes: [],
        };
        continue;
      }
      if (node.type === 'heading' && node.depth === 1)
        file.message(
          'a body must not have a level-1 heading: the project name is the page title',
          node,
        );
      if (!current) {
        file.message('text before the first section heading (## 项目基本概况 {#overview})', node);
        continue;
      }
      if (isBlockWithheld(node)) {
        current.markerNodes.push(node);
        const reason = (node as { attributes?: { reason?: string | null } }).attributes?.reason;
        if (isWithheldReasonCode(reason)) current.withheld ??= reason;
        continue;
      }
      current.otherNodes.push(node);
      // A note about the text is not the text: it is not counted as the section's content.
      if (node.type === 'containerDirective' && node.name === 'editor-note') continue;
      // A list is one block per item, so that each item reads as its own paragraph downstream.
      if (node.type === 'list') current.blocks.push(...node.children.map(blockText));
      else current.blocks.push(blockText(node));
      // What rehype-passage-ids anchors, in its order: each paragraph and each list item.
      if (node.type === 'list') {
        current.passages.push(...node.children.map(blockText));
        current.origins.push(...node.children.map(originOf));
      } else if (node.type === 'paragraph') {
        current.passages.push(blockText(node));
        current.origins.push(originOf(node));
      }
    }
    finish();

    let sectionId: string | null = null;
    const walk = (node: Root | RootContent) => {
      if (node.type === 'heading' && (node.depth === 2 || node.depth === 3))
        sectionId = headingIdOf(node);
      if (
        (node.type === 'leafDirective' ||
          node.type === 'containerDirective' ||
          node.type === 'textDirective') &&
        node.name === 'withheld'
      ) {
        const reason = node.attributes?.reason;
        if (isWithheldReasonCode(reason)) markers.push({ reason, sectionId });
      }
      if ('children' in node) for (const child of node.children) walk(child);
    };
    walk(tree);

    checkStructure(sections, file);
    file.data.outline = { sections, markers };
  };
}

function checkStructure(sections: OutlineSection[], file: VFile): void {
  const at = (line: number | undefined) => ({ line: line ?? 1, column: 1 });
  if (sections.length > LIMITS.maxBodySections) {
    const first = sections[LIMITS.maxBodySections]!;
    file.message(
      `the body has ${sections.length} sections, more than the ${LIMITS.maxBodySections} a disclosure may have`,
      { start: at(first.line), end: at(first.line) },
    );
  }
  const seen = new Set<string>();
  for (const section of sections) {
    if (RESERVED_IDS.includes(section.id)) {
      file.message(
        `section id #${section.id} is already used on the page (${RESERVED_IDS.join(', ')} are taken); choose another`,
        { start: at(section.line), end: at(section.line) },
      );
    }
    if (section.id && seen.has(section.id))
      file.message(`section id #${section.id} is used twice`, {
        start: at(section.line),
        end: at(section.line),
      });
    seen.add(section.id);
  }
  const topLevel = sections.filter((s) => s.level === 2);
  const ids = topLevel.map((s) => s.id);
  if (ids.join() !== BODY_PARTS.join()) {
    // Point at the first ## heading out of place, or the last one when a section is missing at the end.
    const wrong = topLevel.find((s, i) => s.id !== BODY_PARTS[i]) ?? topLevel.at(-1);
    file.message(
      `the body's ## sections must be, in this order, ${BODY_PARTS.map((id) => `#${id}`).join(', ')}; found ${ids.map((id) => `#${id}`).join(', ') || 'none'}`,
      { start: at(wrong?.line), end: at(wrong?.line) },
    );
  }
  if (sections[0]?.level === 3)
    file.message('a ### subsection must follow a ## section', {
      start: at(sections[0].line),
      end: at(sections[0].line),
    });
}
