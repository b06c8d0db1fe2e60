import { containsAll, findSpans, normaliseForMatch } from './exact';

/**
 * Which passage of a page a result should land on, and the excerpt from it.
 * Pagefind's own excerpt centres on the densest word pieces, which for 天网
 * may be a 网 anywhere; here the section is the one whose text has the
 * query as typed, and the excerpt is the block in it that does.
 */

/** An element with an id that Pagefind recorded, and the word it starts at. */
export interface PagefindAnchor {
  element: string;
  id: string;
  text: string;
  location: number;
}

/** A run of an excerpt, marked where it matches the query. */
export interface ExcerptPart {
  text: string;
  mark: boolean;
}

export interface Passage {
  /** The id of the section or subsection heading: the URL fragment. */
  id: string;
  title: string;
  excerpt: ExcerptPart[];
}

interface Block {
  id: string;
  text: string;
}
interface Section {
  id: string;
  title: string;
  blocks: Block[];
}

/** Characters of excerpt either side of the first match. */
const EXCERPT_RADIUS = 60;

/** Pagefind's raw_content escapes only < and >. */
function unescape(text: string): string {
  return text.replaceAll('&lt;', '<').replaceAll('&gt;', '>');
}

/**
 * The page's text cut at every anchor and grouped under its heading, with the
 * word positions Pagefind uses: Chinese text is split at the zero-width spaces
 * its segmenter inserted, other text at white space (pagefind.js, build_excerpt).
 */
export function splitSections(rawContent: string, anchors: readonly PagefindAnchor[]): Section[] {
  const segmented = rawContent.includes('\u200B');
  const words = segmented ? rawContent.split('\u200B') : rawContent.split(/[^\S\uFEFF]+/);
  const joiner = segmented ? '' : ' ';
  const sorted = [...anchors].sort((a, b) => a.location - b.location);
  const sections: Section[] = [];
  sorted.forEach((anchor, i) => {
    const end = sorted[i + 1]?.location ?? words.length;
    const heading = /^h[1-6]$/i.test(anchor.element);
    // Pagefind ends a heading with a full stop of its own ("Project name."); the page has none.
    const raw = dropHeadingStops(unescape(words.slice(anchor.location, end).join(joiner)).trim());
    const text = heading ? raw.replace(/\s*\.$/u, '') : raw;
    if (heading)
      sections.push({ id: anchor.id, title: anchor.text, blocks: [{ id: anchor.id, text }] });
    else sections.at(-1)?.blocks.push({ id: anchor.id, text });
  });
  return sections;
}

/** A window of text around its first match, with every match marked. */
export function excerptOf(text: string, terms: readonly string[]): ExcerptPart[] {
  const spans = findSpans(text, terms);
  const first = spans[0]?.[0] ?? 0;
  const start = Math.max(0, first - EXCERPT_RADIUS);
  const end = Math.min(text.length, first + EXCERPT_RADIUS * 2);
  const parts: ExcerptPart[] = [];
  let at = start;
  for (const [from, to] of spans) {
    if (to <= start || from >= end) continue;
    if (from > at) parts.push({ text: text.slice(at, from), mark: false });
    parts.push({ text: text.slice(Math.max(from, at), Math.min(to, end)), mark: true });
    at = Math.min(to, end);
  }
  if (at < end) parts.push({ text: text.slice(at, end), mark: false });
  if (start > 0) parts.unshift({ text: '…', mark: false });
  if (end < text.length) parts.push({ text: '…', mark: false });
  return parts;
}

const textOf = (section: Section) => section.blocks.map((b) => b.text).join(' ');

/**
 * The section to land on for a word query: of those whose text has every
 * term, the one Pagefind ranks first (most matching words; `ranked` is its
 * sub-result ids in that order), else the first in the page. Where no one
 * section has every term, the one with the most. Null if none has any.
 */
export function findWordPassage(
  sections: readonly Section[],
  terms: readonly string[],
  ranked: readonly string[],
): Passage | null {
  const rank = (s: Section) => {
    const i = ranked.indexOf(s.id);
    return i === -1 ? ranked.length : i;
  };
  const scored = sections
    .map((section, order) => {
      const text = normaliseForMatch(textOf(section));
      return { section, order, found: terms.filter((t) => text.includes(t)).length };
    })
    .filter((s) => s.found > 0)
    .sort((a, b) => b.found - a.found || rank(a.section) - rank(b.section) || a.order - b.order);
  const best = scored[0]?.section;
  if (!best) return null;
  const block =
    best.blocks.find((b) => containsAll(b.text, terms)) ??
    best.blocks.find((b) => terms.some((t) => normaliseForMatch(b.text).includes(t)))!;
  // The link lands on the paragraph that holds the words (its id), highlighted there by :target.
  return { id: block.id, title: best.title, excerpt: excerptOf(block.text, terms) };
}

/**
 * Pagefind's text puts an English full stop after each heading; after Chinese
 * it reads as a stray mark (项目名称. 瑞丽市…), and the page has none.
 */
export function dropHeadingStops(text: string): string {
  return text.replace(/(?<=[\p{Script=Han}\u3000-\u303F\uFF00-\uFFEF])\s?\.(?=\s|$)/gu, '');
}

/** The passage of a section by id, excerpted from its first block after the heading. */
export function findSectionPassage(sections: readonly Section[], id: string): Passage | null {
  const section = sections.find((s) => s.id === id);
  if (!section) return null;
  const block = section.blocks[1] ?? section.blocks[0]!;
  return { id: section.id, title: section.title, excerpt: excerptOf(block.text, []) };
}
