import { listWordings, PARTS, SUBSECTIONS, type PartId } from '../domain/sections';
import {
  withheldReasonOfText,
  WITHHELD_REASONS,
  WITHHOLDING_WORDS,
  type WithheldReasonCode,
} from '../domain/withheld-reasons';

/**
 * The lines of a bureau's text and what a line may be: a part's or a
 * subsection's heading (numbered in any of the ways bureaus number them, or
 * not at all), a withheld phrase, or text. src/importer/parse.ts splits a text
 * into projects with these.
 */

/** A line of the source, as printed (trailing white space dropped), with its 1-based line number. */
export interface Line {
  text: string;
  line: number;
}

export interface Subsection {
  heading: Line;
  /** The heading without its enumeration, e.g. 项目可行性, as printed: up to its colon where its content follows on its line. */
  title: string;
  lines: Line[];
  /** The reason, when the heading line itself withholds the subsection (`（1）、项目可行性：涉密不宜公开`). */
  inlineWithheld: WithheldReasonCode | null;
}

export interface Part {
  id: PartId;
  heading: Line;
  /** The part's title as the heading prints it: the template's (资金安排情况) or another wording (资金安排). */
  title: string;
  /** Lines before the first subsection. */
  lines: Line[];
  subsections: Subsection[];
  inlineWithheld: WithheldReasonCode | null;
}

export interface SourceProject {
  parts: Record<PartId, Part>;
  /** Line of its 项目名称 part. */
  line: number;
}

export interface ImportNotice {
  line: number;
  message: string;
}

export class ImportError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
    this.name = 'ImportError';
  }
}

/**
 * Width, spaces and the enumeration styles publishers use: 1、 1. １、 一、 一.
 * （一）、 （一） （1） 、 (1) 第一部分 第1部分.
 */
const ENUMERATION =
  /^(?:[(（]\s*[0-9０-９一二三四五六七八九十]+\s*[)）]\s*[、.．]?|[0-9０-９]+\s*[、.．](?![0-9０-９])|[一二三四五六七八九十]+\s*[、.．]|第\s*[0-9０-９一二三四五六七八九十]+\s*部分\s*[、.．:：]?)\s*/u;

/** A line for matching: NFKC (full-width digits and brackets), no spaces of any width. */
export function normalise(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}

/** The enumeration at the start of a line, or null. */
export function enumerationOf(text: string): string | null {
  return ENUMERATION.exec(text.replace(/^\s+/, ''))?.[0] ?? null;
}

/** The style of an enumeration, so that `1、` and `（一）、` are told apart: digits or numerals, bracketed or not. */
export function enumerationStyle(enumeration: string): string {
  const n = normalise(enumeration);
  const bracketed = n.startsWith('(') ? 'bracketed' : 'bare';
  const numerals = /[一二三四五六七八九十]/.test(n) ? 'numerals' : 'digits';
  return `${bracketed}-${numerals}`;
}

/**
 * Wordings the person importing said withhold a part (--withheld-wording),
 * spaces removed and without a final full stop, read as classified: set for
 * one reading of a text (withWithheldWordings), the reading being synchronous.
 */
let extraWordings: readonly string[] = [];
/** Lines the person importing said are text to publish though they mention 涉密 or 保密 (--not-withheld), spaces removed. */
let textWordings: readonly string[] = [];

/** What the person importing decided of wordings the registry does not know. */
export interface WordingDecisions {
  /** Words that withhold the part they stand in (--withheld-wording). */
  withheld: readonly string[];
  /** Lines that are text, though they mention 涉密, 保密 or 不予公开 (--not-withheld). */
  text: readonly string[];
}

/** Reads a text with these decisions, besides the registry's wordings. */
export function withWordingDecisions<T>(decisions: WordingDecisions, read: () => T): T {
  const before = [extraWordings, textWordings];
  extraWordings = decisions.withheld.map((w) => normalise(w).replace(/[。.]$/u, ''));
  textWordings = decisions.text.map((w) => normalise(w));
  try {
    return read();
  } finally {
    [extraWordings, textWordings] = before as [readonly string[], readonly string[]];
  }
}

/**
 * Refuses a line published as text that says 涉密, 保密 or 不予公开 in words
 * the registry does not know as withholding: the part may be withheld, and a
 * person decides, never the importer.
 */
export function checkWithholdingWords(line: Line): void {
  if (!WITHHOLDING_WORDS.test(line.text) || textWordings.includes(normalise(line.text))) return;
  const words = line.text.trim();
  throw new ImportError(
    line.line,
    `“${words}” mentions ${WITHHOLDING_WORDS.exec(line.text)![0]} but is none of the wordings that withhold a part (${KNOWN_WORDINGS}); a person decides: ` +
      `if the part is withheld, import again with --withheld-wording "${words}"; if this is text to publish, with --not-withheld "${words}"`,
  );
}

/** The wordings the registry knows, for a message. */
const KNOWN_WORDINGS = Object.values(WITHHELD_REASONS)
  .flatMap((reason) => reason.wordings)
  .join(', ');

/** The reason a printed phrase (spaces removed) withholds a part for: the registry's wordings, then the import's own. */
function readWithheldReason(text: string): WithheldReasonCode | null {
  return (
    withheldReasonOfText(text) ??
    (extraWordings.includes(text.replace(/[。.]$/u, '')) ? 'classified' : null)
  );
}

/** The reason a heading's words after its title withhold it for (`：涉密不宜公开`, `（涉密不宜公开）`), or null. */
function withheldAfterTitle(rest: string): WithheldReasonCode | null {
  return readWithheldReason(normalise(rest).replace(/^[:：]/u, ''));
}

/** A heading line read: its title as printed, and what follows the title on the line. */
interface HeadingWords {
  /** The title as printed (a wording of the registry's). */
  title: string;
  /** The reason, where the words after the title withhold the part (`：涉密不宜公开`, `（涉密不宜公开）`). */
  withheld: WithheldReasonCode | null;
  /** The content printed after the title's colon on the same line (`项目名称：X` → X), or null. */
  inline: string | null;
}

/**
 * A heading's words after its enumeration, read against the wordings of one
 * registry (longest first): the title alone, the title and a withheld phrase,
 * or the title, a colon and the content. Null where it is none of these.
 */
function readHeadingWords<T extends { title: string; wordings: readonly string[] }>(
  words: string,
  entries: readonly T[],
): (HeadingWords & { entry: T }) | null {
  const rest = normalise(words);
  for (const { entry, wording } of listWordings(entries)) {
    if (!rest.startsWith(wording)) continue;
    const after = rest.slice(wording.length);
    if (after === '') return { entry, title: wording, withheld: null, inline: null };
    const colon = /^([^:：]*)[:：]\s*(\S.*)?$/u.exec(words);
    if (colon && normalise(colon[1]!) === wording) {
      const content = (colon[2] ?? '').replace(/\s+$/u, '');
      const withheld = withheldAfterTitle(content);
      return {
        entry,
        title: wording,
        withheld,
        inline: withheld || content === '' ? null : content,
      };
    }
    const withheld = withheldAfterTitle(after);
    if (withheld) return { entry, title: wording, withheld, inline: null };
  }
  return null;
}

export interface PartHeading extends HeadingWords {
  id: PartId;
  /** Whether the line carries a number (a .doc's automatic numbers are not in its text). */
  numbered: boolean;
}

/** `4、 项目基本概况`, `一、项目名称：X`, `资金安排：涉密不宜公开`, `第六部分 资金安排` → the part, or null. */
export function readPartHeading(text: string): PartHeading | null {
  const enumeration = enumerationOf(text) ?? '';
  const words = text.replace(/^\s+/, '').slice(enumeration.length).trim();
  const read = readHeadingWords(words, PARTS);
  return (
    read && {
      id: read.entry.id,
      title: read.title,
      withheld: read.withheld,
      inline: read.inline,
      numbered: enumeration !== '',
    }
  );
}

/** Sentence punctuation: a line with it is text, not a heading. */
export const SENTENCE = /[。；;！？!?，,]/u;

/**
 * `（一）、项目可行性`, `（1）、项目可行性：涉密不宜公开` or `（一）项目可行性：X`
 * → a subsection heading, or null. Content after a colon on the heading's line
 * is read only for the template's subsections (a known title); any other
 * numbered line with a colon is text.
 */
export function readSubsectionHeading(text: string, maxLength = 24): HeadingWords | null {
  const enumeration = enumerationOf(text);
  if (!enumeration) return null;
  const rest = text.replace(/^\s+/, '').slice(enumeration.length).trim();
  const known = readHeadingWords(rest, SUBSECTIONS);
  if (known) return { title: known.title, withheld: known.withheld, inline: known.inline };
  // A title, then a withheld phrase after a colon or in brackets: 建设内容：涉密不宜公开.
  const inline = /^([^:：（(]+)([:：（(].*)$/u.exec(rest);
  const withheld = inline ? withheldAfterTitle(inline[2]!) : null;
  if (inline && withheld) return { title: inline[1]!.trim(), withheld, inline: null };
  if (rest === '' || rest.length > maxLength || SENTENCE.test(rest) || /[:：《]/.test(rest))
    return null;
  return { title: rest, withheld: null, inline: null };
}

/** `项目可行性`, `可行性：X` or `项目可行性：涉密不宜公开` with no number: a standard subsection's heading, or null. */
export function readBareSubsection(text: string): HeadingWords | null {
  const read = readHeadingWords(text.trim(), SUBSECTIONS);
  return read && { title: read.title, withheld: read.withheld, inline: read.inline };
}

/** The reason, when lines say nothing but a withheld phrase (涉密不宜公开); null otherwise. */
export function withheldReasonOfLines(lines: readonly Line[]): WithheldReasonCode | null {
  const reasons = lines.map((l) => readWithheldReason(normalise(l.text)));
  return reasons.length > 0 && reasons.every((r) => r !== null && r === reasons[0])
    ? reasons[0]!
    : null;
}
