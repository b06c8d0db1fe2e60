import type { Heading, List, Paragraph, PhrasingContent, Root, RootContent, Text } from 'mdast';
import type { ContainerDirective, TextDirective } from 'mdast-util-directive';
import { directiveFromMarkdown, directiveToMarkdown } from 'mdast-util-directive';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown, gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown } from 'mdast-util-to-markdown';
import { toString } from 'mdast-util-to-string';
import { directive } from 'micromark-extension-directive';
import { gfm } from 'micromark-extension-gfm';
import { translateHeading } from '../i18n/english/sentences';
import { ID_SUFFIX, writtenHeadingId } from '../markdown/remark-heading-ids';

/**
 * The English body of a disclosure, derived from its Chinese by the rules and
 * the translation memory: every heading, paragraph and list item in the
 * original's order, so that each passage keeps its anchor. A passage with
 * English says where it came from (`:origin{by=rule}`); one without stays
 * Chinese, marked (`:untranslated[…]`), never guessed. The result is ordinary
 * Markdown of a translation, which the body rules check and render like a
 * translator's (src/markdown/remark-english.ts draws the marks).
 */

interface FoundEnglish {
  en: string;
  by: 'rule' | 'memory';
  /** For memory: the address of the passage the English was first given for. */
  from: string | null;
}

/** The English of one passage's Chinese, or null. */
export type FindEnglish = (zh: string) => FoundEnglish | null;

function parse(body: string): Root {
  return fromMarkdown(body, {
    extensions: [directive(), gfm()],
    mdastExtensions: [directiveFromMarkdown(), gfmFromMarkdown()],
  });
}

function serialise(tree: Root): string {
  return toMarkdown(tree, {
    extensions: [directiveToMarkdown(), gfmToMarkdown()],
    bullet: '-',
    rule: '-',
  });
}

const text = (value: string): Text => ({ type: 'text', value });

const untranslated = (children: PhrasingContent[]): TextDirective => ({
  type: 'textDirective',
  name: 'untranslated',
  attributes: {},
  children,
});

function origin(found: FoundEnglish): TextDirective {
  return {
    type: 'textDirective',
    name: 'origin',
    attributes: found.from ? { by: found.by, from: found.from } : { by: found.by },
    children: [],
  };
}

const hasDirective = (node: Paragraph | Heading): boolean =>
  node.children.some(
    (child) =>
      child.type === 'textDirective' ||
      ('children' in child && child.children.some((c) => c.type === 'textDirective')),
  );

/** Whether a paragraph is a translator's gap: nothing but `:untranslated[…]`. */
const isGap = (node: Paragraph): boolean =>
  node.children.length === 1 &&
  node.children[0]?.type === 'textDirective' &&
  node.children[0].name === 'untranslated';

/** A passage of the original in English, or the original marked untranslated. */
function translateParagraph(node: Paragraph, find: FindEnglish): void {
  const found = hasDirective(node) ? null : find(toString(node).trim());
  node.children = found ? [text(`${found.en} `), origin(found)] : [untranslated(node.children)];
}

/** A translator's gap filled where the rules or the memory can. */
function fillGap(node: Paragraph, find: FindEnglish): void {
  if (!isGap(node)) return;
  const [gap] = node.children;
  const found = find(toString(gap).trim());
  if (found) node.children = [text(`${found.en} `), origin(found)];
}

function translateHeadingNode(node: Heading): void {
  const id = writtenHeadingId(node);
  const last = node.children.at(-1);
  if (last?.type === 'text' && id !== null) last.value = last.value.replace(ID_SUFFIX, '');
  const title = toString(node).trim();
  const english = hasDirective(node) ? null : translateHeading(title);
  const suffix = id === null ? [] : [text(` {#${id}}`)];
  node.children = english ? [text(english), ...suffix] : [untranslated(node.children), ...suffix];
}

function eachParagraphOf(list: List, visit: (p: Paragraph) => void): void {
  for (const item of list.children)
    for (const child of item.children) if (child.type === 'paragraph') visit(child);
}

const wrapped = (node: RootContent): ContainerDirective => ({
  type: 'containerDirective',
  name: 'untranslated',
  attributes: {},
  children: [node as ContainerDirective['children'][number]],
});

/**
 * `original`: the Chinese body, every part put into English where the rules
 * or the memory can. `gaps`: a translator's English body, only its
 * `:untranslated[…]` passages filled; returned as given when it has none.
 */
export function deriveEnglishBody(
  body: string,
  find: FindEnglish,
  mode: 'original' | 'gaps',
): string {
  if (mode === 'gaps' && !body.includes(':untranslated[')) return body;
  const tree = parse(body);
  tree.children = tree.children.map((node) => {
    if (mode === 'gaps') {
      if (node.type === 'paragraph') fillGap(node, find);
      if (node.type === 'list') eachParagraphOf(node, (p) => fillGap(p, find));
      return node;
    }
    switch (node.type) {
      case 'heading':
        translateHeadingNode(node);
        return node;
      case 'paragraph':
        translateParagraph(node, find);
        return node;
      case 'list':
        eachParagraphOf(node, (p) => translateParagraph(p, find));
        return node;
      case 'leafDirective':
      case 'containerDirective':
      case 'thematicBreak':
        // Withheld markers and notes stand as they are; the English page draws them in English.
        return node;
      default:
        // A table, quotation or other block of the original: shown in Chinese, marked.
        return wrapped(node);
    }
  });
  return serialise(tree);
}

/** One passage of a body: its section, its place there, its text, where it lies in the Markdown, and its origin. */
export interface BodyPassage {
  section: string;
  n: number;
  text: string;
  origin: 'translator' | 'rule' | 'memory' | 'none';
  from: string | null;
  /** Offsets of the paragraph in the body (a list item's: of its paragraph). */
  start: number;
  end: number;
}

function originOfParagraph(node: Paragraph): Pick<BodyPassage, 'origin' | 'from'> {
  for (const child of node.children) {
    if (child.type !== 'textDirective') continue;
    if (child.name === 'untranslated') return { origin: 'none', from: null };
    const by = child.attributes?.by;
    if (child.name === 'origin' && (by === 'rule' || by === 'memory'))
      return { origin: by, from: child.attributes?.from ?? null };
  }
  return { origin: 'translator', from: null };
}

/** A body's passages, in order: each paragraph and list item of each section, as the page anchors them. */
export function listPassages(body: string): BodyPassage[] {
  const passages: BodyPassage[] = [];
  let section: string | null = null;
  let n = 0;
  const add = (node: Paragraph, text: string) => {
    if (section === null) return;
    n += 1;
    passages.push({
      section,
      n,
      text,
      ...originOfParagraph(node),
      start: node.position!.start.offset!,
      end: node.position!.end.offset!,
    });
  };
  for (const node of parse(body).children) {
    if (node.type === 'heading' && (node.depth === 2 || node.depth === 3)) {
      section = writtenHeadingId(node);
      n = 0;
      continue;
    }
    if (node.type === 'paragraph') add(node, toString(node).trim());
    if (node.type === 'list')
      for (const item of node.children) {
        const paragraph = item.children.find((c) => c.type === 'paragraph');
        if (paragraph) add(paragraph, toString(item).trim());
        else n += 1;
      }
  }
  return passages;
}

/** A passage's English as Markdown (escaped as the serialiser escapes it), to put in place of a paragraph. */
export function writeParagraph(text: string): string {
  return serialise({
    type: 'root',
    children: [{ type: 'paragraph', children: [{ type: 'text', value: text }] }],
  }).trim();
}

/** A section heading of a body: its id, its text, whether it is in English, and where it lies. */
export interface BodyHeading {
  id: string;
  depth: number;
  text: string;
  /** False where the heading is `:untranslated[…]`. */
  english: boolean;
  start: number;
  end: number;
}

/** The `##` and `###` headings of a body that have ids, in order. */
export function listHeadings(body: string): BodyHeading[] {
  const headings: BodyHeading[] = [];
  for (const node of parse(body).children) {
    if (node.type !== 'heading' || (node.depth !== 2 && node.depth !== 3)) continue;
    const id = writtenHeadingId(node);
    if (id === null) continue;
    headings.push({
      id,
      depth: node.depth,
      text: toString(node).replace(ID_SUFFIX, '').trim(),
      english: !hasDirective(node),
      start: node.position!.start.offset!,
      end: node.position!.end.offset!,
    });
  }
  return headings;
}

/** A heading in Markdown, its id kept: to put in place of a heading. */
export function writeHeading(depth: number, text: string, id: string): string {
  const heading = serialise({
    type: 'root',
    children: [
      { type: 'heading', depth: depth as 2 | 3, children: [{ type: 'text', value: text }] },
    ],
  }).trim();
  return `${heading} {#${id}}`;
}
