import type { Heading, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { isDirective, unknownDirectiveProblem, withheldDirectiveProblem } from '../markdown/directives';
import { readHeadingId } from '../markdown/heading-id';
import { parseMarkdown } from '../markdown/parse';
import { isSafeUrl } from '../remark/strict-markdown';
import { stripEnumeration } from '../lib/enumeration';
import type { WithheldReasonCode } from '../withheld/reasons';

/** The sections every disclosure body has, in published order (the name, basis and unit come from frontmatter). */
export const BODY_SECTIONS = ['overview', 'content', 'funding', 'plan', 'outcomes'] as const;

/** One section (## heading) or subsection (### heading) of a disclosure body. */
export interface OutlineSection {
  id: string;
  level: 2 | 3;
  /** Heading text as written, enumeration included. */
  title: string;
  /** The reason, when the section's own content is nothing but a withheld marker. */
  withheld: WithheldReasonCode | null;
  /** Text blocks of the section's own content (heading first), for the number cross-check and search. */
  blocks: string[];
  /** Line of the heading within the body. */
  line?: number | undefined;
}

export interface Outline {
  sections: OutlineSection[];
  /** Every withheld directive in the body, in order. */
  markers: { reason: WithheldReasonCode; sectionId: string | null }[];
  /** Problems found; empty for a good body. */
  problems: { line?: number | undefined; message: string }[];
}

function blockText(node: RootContent): string {
  return toString(node).trim();
}

/** Reads a disclosure body's sections, withheld markers and problems without rendering it. */
export function readOutline(markdown: string): Outline {
  const tree: Root = parseMarkdown(markdown);
  const outline: Outline = { sections: [], markers: [], problems: [] };
  const problem = (node: { position?: { start: { line: number } } | undefined }, message: string) =>
    outline.problems.push({ line: node.position?.start.line, message });

  visit(tree, (node) => {
    if (node.type === 'html') problem(node, 'raw HTML is not allowed in a disclosure; write plain Markdown');
    if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && !isSafeUrl(node.url)) {
      problem(node, `link "${node.url}" is not allowed: use http(s), mailto or a relative address`);
    }
    if (isDirective(node)) {
      const unknown = unknownDirectiveProblem(node);
      if (unknown) problem(node, unknown);
    }
  });

  let current: (OutlineSection & { directives: number; other: number }) | null = null;
  const finish = () => {
    if (!current) return;
    const { directives, other, ...section } = current;
    if (directives === 0 || other > 0) section.withheld = null;
    outline.sections.push(section);
  };

  for (const node of tree.children) {
    if (node.type === 'heading' && (node.depth === 2 || node.depth === 3)) {
      finish();
      const id = readHeadingId(node as Heading);
      const title = blockText(node).replace(/\s*\{#[^}]*\}\s*$/, '');
      if (id === null) problem(node, `heading "${title}" needs a stable id, e.g. "## ${title} {#some-id}"`);
      current = { id: id ?? '', level: node.depth, title, withheld: null, blocks: [stripEnumeration(title)], line: node.position?.start.line, directives: 0, other: 0 };
      continue;
    }
    if (node.type === 'heading' && node.depth === 1) problem(node, 'a body must not have a level-1 heading: the project name is the page title');
    if (!current) {
      problem(node, 'text before the first section heading (## 项目基本概况 {#overview})');
      continue;
    }
    if (node.type === 'leafDirective' || node.type === 'containerDirective') {
      if (node.name === 'withheld') {
        current.directives += 1;
        current.withheld ??= (node.attributes?.reason ?? null) as WithheldReasonCode | null;
        continue;
      }
      if (node.name === 'editor-note') continue; // a note about the text is not the text
    }
    current.other += 1;
    // A list is one block per item, so that each item reads as its own paragraph downstream.
    if (node.type === 'list') current.blocks.push(...node.children.map(blockText));
    else current.blocks.push(blockText(node));
  }
  finish();

  let sectionId: string | null = null;
  visit(tree, (node) => {
    if (node.type === 'heading' && (node.depth === 2 || node.depth === 3)) sectionId = readHeadingId(node);
    if (isDirective(node) && node.name === 'withheld') {
      const withheldProblem = withheldDirectiveProblem(node);
      if (withheldProblem) problem(node, `section #${sectionId ?? '?'}: ${withheldProblem}`);
      else outline.markers.push({ reason: node.attributes!.reason as WithheldReasonCode, sectionId });
    }
  });

  checkStructure(outline);
  return outline;
}

function checkStructure(outline: Outline): void {
  const seen = new Set<string>();
  for (const section of outline.sections) {
    if (section.id && seen.has(section.id)) outline.problems.push({ line: section.line, message: `section id #${section.id} is used twice` });
    seen.add(section.id);
  }
  const topLevel = outline.sections.filter((s) => s.level === 2);
  const ids = topLevel.map((s) => s.id);
  if (ids.join() !== BODY_SECTIONS.join()) {
    // Point at the first ## heading out of place, or the last one when a section is missing at the end.
    const wrong = topLevel.find((s, i) => s.id !== BODY_SECTIONS[i]) ?? topLevel.at(-1);
    outline.problems.push({
      line: wrong?.line ?? 1,
      message: `the body's ## sections must be, in this order, ${BODY_SECTIONS.map((id) => `#${id}`).join(', ')}; found ${ids.map((id) => `#${id}`).join(', ') || 'none'}`,
    });
  }
  if (outline.sections[0]?.level === 3) outline.problems.push({ line: outline.sections[0].line, message: 'a ### subsection must follow a ## section' });
}
