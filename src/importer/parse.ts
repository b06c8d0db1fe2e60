import { parsePublishedAmount } from '../domain/amount';
import { CAPITAL_AMOUNT } from '../domain/capital-numerals';
import { readChineseDate } from '../domain/dates';
import {
  listWordings,
  PARTS,
  SUBSECTIONS,
  subsectionOfTitle,
  type PartId,
} from '../domain/sections';
import {
  withheldReasonOfText,
  WITHHELD_REASONS,
  WITHHOLDING_WORDS,
  type WithheldReasonCode,
} from '../domain/withheld-reasons';

/**
 * Reads the text a finance bureau publishes (the eight-part template of
 * 预算重点领域财政项目文本公开) into projects, part by part, keeping every line
 * exactly as printed. Nothing here changes a word: it only finds where the
 * parts and subsections begin, which parts are withheld, and the figures.
 */

/** A line of the source, as printed (trailing white space dropped), with its 1-based line number. */
export interface Line {
  text: string;
  line: number;
}

interface Subsection {
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
const SENTENCE = /[。；;！？!?，,]/u;

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

/** `瑞丽市公安局部门2020年预算重点领域财政项目文本公开` → the department and the fiscal year, or null. */
export function readTitle(text: string): { department: string; year: number } | null {
  const fromTitle = /^(.*?)(\d{4})\s*年/u.exec(text.trim());
  const department = fromTitle?.[1]?.trim().replace(/部门$/u, '').trim();
  return fromTitle && department ? { department, year: Number(fromTitle[2]) } : null;
}

/** The closing signature: who issued the text, and when, as printed. */
interface SourceSignature {
  issuer: Line | null;
  date: Line;
  /** The date as YYYY-MM-DD. */
  isoDate: string;
}

export interface SourcePublication {
  title: Line;
  /** Lines between the title and the first project (根据《预算法》…现将…公开如下：). */
  preface: Line[];
  projects: SourceProject[];
  signature: SourceSignature | null;
  /** Part and subsection headings that carry no number in the text (a .doc's automatic numbering). */
  unnumbered: Line[];
}

/** Words an issuing body's name ends with: 局, 委员会, 办公室, 人民政府, 中心… */
const ISSUER = /(?:局|委员会|[委所院队厅部处站馆会]|办公室|政府|中心|公司|学校|小学|中学|大学)$/u;

/**
 * The closing signature, where the text ends with one: a date on a line of its
 * own, after it perhaps the issuer's name on the line before. Returns the lines
 * it takes from the end of `lines`, or null.
 */
function findSignature(lines: Line[], department: string | null): SourceSignature | null {
  const date = lines.at(-1);
  const isoDate = date ? readChineseDate(date.text) : null;
  if (!date || !isoDate) return null;
  const before = lines.at(-2);
  const name = before ? normalise(before.text) : '';
  const isIssuer =
    before !== undefined &&
    name.length <= 40 &&
    !SENTENCE.test(name) &&
    enumerationOf(before.text) === null &&
    (ISSUER.test(name) || (department !== null && name.includes(department)));
  return { issuer: isIssuer ? before : null, date, isoDate };
}

/** What a line looks like, for a message: its words, and the kind of number it starts with. */
function describeLine(line: Line): string {
  const words = line.text.trim();
  const shown = `“${words.length > 30 ? `${words.slice(0, 30)}…` : words}”`;
  const enumeration = enumerationOf(line.text);
  if (enumeration === null) return `${shown} (a line with no number)`;
  const read = readPartHeading(line.text);
  return read === null
    ? `${shown} (a line numbered ${enumeration.trim()} whose words are not a part's title)`
    : `${shown} (numbered ${enumeration.trim()})`;
}

/**
 * What may stand where part `index` (from 0) is expected: its title and other
 * wordings, with an example of each form a heading may take.
 */
function describeAllowed(index: number): string {
  const part = PARTS[index];
  if (!part) return 'every project has its eight parts already';
  const n = index + 1;
  const zh = '一二三四五六七八'[index]!;
  const wordings = [part.title, ...part.wordings].join(' / ');
  return (
    `expected part ${n}, ${part.title} (printed as ${wordings}). A part's heading is its number, if any, then its title, ` +
    `with its content after a colon on the same line or on the next lines, e.g. ` +
    [
      `${n}、${part.title}`,
      `${n}.${part.title}`,
      `${zh}、${part.title}`,
      `（${zh}）${part.title}`,
      `第${zh}部分 ${part.title}`,
      part.title,
      `${zh}、${part.title}：…`,
    ].join(' | ')
  );
}

/**
 * Splits a publication's text into its title line, its preface, its projects
 * and its closing signature. Throws an ImportError naming the line where a
 * part was expected.
 */
export function splitProjects(text: string, department?: string): SourcePublication {
  const lines = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((t, i) => ({ text: t.replace(/\s+$/u, ''), line: i + 1 }));
  const nonEmpty = lines.filter((l) => l.text.trim() !== '');
  const title = nonEmpty[0];
  if (!title) throw new ImportError(1, 'the file is empty');
  const issuerName = department ?? readTitle(title.text)?.department ?? null;
  const projects: SourceProject[] = [];
  const preface: Line[] = [];
  const unnumbered: Line[] = [];
  let current: Partial<Record<PartId, Part>> | null = null;
  let expected = 0;
  let part: Part | null = null;
  let projectLine = 0;

  const finish = () => {
    if (!current) return;
    if (expected !== PARTS.length) {
      throw new ImportError(
        part?.heading.line ?? projectLine,
        `the project that starts on line ${projectLine} ends before its part ${expected + 1}; ${describeAllowed(expected)}`,
      );
    }
    projects.push({ parts: current as Record<PartId, Part>, line: projectLine });
  };

  for (const line of nonEmpty.slice(1)) {
    const heading = readPartHeading(line.text);
    // A heading with its content on its line, or with no number, is one only where that part
    // comes next (or a project starts): `项目实施单位：某局` inside part 3 is its text.
    const next = heading !== null && (heading.id === 'name' || heading.id === PARTS[expected]?.id);
    if (heading && (next || (heading.numbered && heading.inline === null))) {
      if (!heading.numbered) unnumbered.push(line);
      if (heading.id === 'name') {
        finish();
        current = {};
        expected = 0;
        projectLine = line.line;
      }
      if (!current)
        throw new ImportError(
          line.line,
          `${describeLine(line)} is the heading of part ${PARTS.findIndex((p) => p.id === heading.id) + 1} ${heading.title}, but no project has started; ${describeAllowed(0)}`,
        );
      if (heading.id !== PARTS[expected]?.id) {
        throw new ImportError(
          line.line,
          `${describeLine(line)} is the heading of part ${PARTS.findIndex((p) => p.id === heading.id) + 1} ${heading.title}, out of order; ${describeAllowed(expected)}`,
        );
      }
      part = {
        id: heading.id,
        heading: line,
        title: heading.title,
        lines: heading.inline === null ? [] : [{ text: heading.inline, line: line.line }],
        subsections: [],
        inlineWithheld: heading.withheld,
      };
      current[heading.id] = part;
      expected += 1;
      continue;
    }
    if (!part) {
      // Before the first project: the preface (根据《预算法》…现将…公开如下：). A numbered line here is
      // a part the reader did not recognise, never a preface: the whole project would go with it.
      if (enumerationOf(line.text) !== null)
        throw new ImportError(
          line.line,
          `${describeLine(line)} cannot be placed; ${describeAllowed(0)}`,
        );
      preface.push(line);
      continue;
    }
    part.lines.push(line);
  }
  finish();
  if (projects.length === 0)
    throw new ImportError(
      preface[0]?.line ?? title.line + 1,
      `no project follows the title; ${describeAllowed(0)}`,
    );
  // The signature ends the text, after the last project's last part: it is the publication's, not the project's.
  const last = projects.at(-1)!.parts.outcomes;
  const signature = findSignature(last.lines, issuerName);
  if (signature)
    last.lines = last.lines.filter((l) => l !== signature.date && l !== signature.issuer);
  for (const project of projects)
    for (const p of Object.values(project.parts)) splitSubsections(p, unnumbered);
  return { title, preface, projects, signature, unnumbered };
}

/** `项目可行性`, `可行性：X` or `项目可行性：涉密不宜公开` with no number: a standard subsection's heading, or null. */
function readBareSubsection(text: string): HeadingWords | null {
  const read = readHeadingWords(text.trim(), SUBSECTIONS);
  return read && { title: read.title, withheld: read.withheld, inline: read.inline };
}

/** Parts that the template divides (4, 5 and 7) hold subsections: enumerated short lines in the style of the first one. */
function splitSubsections(part: Part, unnumbered: Line[]): void {
  if (!PARTS.some((p) => p.id === part.id && 'subsections' in p && p.subsections)) return;
  const lines = part.lines;
  part.lines = [];
  let style: string | null = null;
  let current: Subsection | null = null;
  for (const line of lines) {
    const heading = readSubsectionHeading(line.text);
    const enumeration = enumerationOf(line.text);
    const sameStyle =
      enumeration !== null && (style === null || enumerationStyle(enumeration) === style);
    if (heading && sameStyle) {
      style ??= enumerationStyle(enumeration);
      current = {
        heading: line,
        title: heading.title,
        lines: heading.inline === null ? [] : [{ text: heading.inline, line: line.line }],
        inlineWithheld: heading.withheld,
      };
      part.subsections.push(current);
      continue;
    }
    // A known subsection title in another numbering (the face-recognition text mixes （1） and （二）) is still one;
    // so is one with no number in the text at all (a .doc's automatic numbering).
    const bare = enumeration === null ? readBareSubsection(line.text) : null;
    if (bare) unnumbered.push(line);
    if ((heading && subsectionOfTitle(normalise(heading.title)) !== undefined) || bare) {
      const found = (heading ?? bare)!;
      current = {
        heading: line,
        title: found.title,
        lines: found.inline === null ? [] : [{ text: found.inline, line: line.line }],
        inlineWithheld: found.withheld,
      };
      part.subsections.push(current);
      continue;
    }
    if (current) current.lines.push(line);
    else part.lines.push(line);
  }
}

/** The reason, when lines say nothing but a withheld phrase (涉密不宜公开); null otherwise. */
export function withheldReasonOfLines(lines: readonly Line[]): WithheldReasonCode | null {
  const reasons = lines.map((l) => readWithheldReason(normalise(l.text)));
  return reasons.length > 0 && reasons.every((r) => r !== null && r === reasons[0])
    ? reasons[0]!
    : null;
}

/** An amount as printed (700万元, 2012.95万元, 3,500,000元, 1.2亿元, full-width digits too) in whole yuan, or null. */
export function parseAmount(published: string): number | null {
  return parsePublishedAmount(published.normalize('NFKC').replace(/\s/g, ''));
}

const DIGIT_AMOUNT = /[0-9０-９][0-9０-９,，]*(?:[.．][0-9０-９]+)?\s*(?:万元|亿元|元)/u;

/** The first amount printed in a text, in digits or in capital numerals (大写), as printed, or null. */
export function findAmount(text: string): string | null {
  const found = [DIGIT_AMOUNT.exec(text), CAPITAL_AMOUNT.exec(text)]
    .filter((m) => m !== null)
    .sort((a, b) => a.index - b.index)[0];
  return found?.[0] ?? null;
}

/**
 * A capital amount's restatement in figures right after it
 * (`人民币叁佰伍拾万元整（3,500,000.00元）`) must say the same: the two are
 * read and compared, and a disagreement stops the import, naming both.
 */
export function checkRestatement(text: string, published: string, line: number): void {
  const at = text.indexOf(published);
  if (at === -1 || !CAPITAL_AMOUNT.test(published)) return;
  const inside = /^\s*[（(]([^）)]*)[）)]/u.exec(text.slice(at + published.length))?.[1]?.trim();
  const restated = inside ? findAmount(inside) : null;
  if (!restated || restated !== inside!.replace(/\s+/gu, '')) return;
  const words = parseAmount(published);
  const figures = parseAmount(restated);
  if (words !== null && words === figures) return;
  throw new ImportError(
    line,
    `“${published}” reads as ${words === null ? 'no whole amount' : `${words} yuan`}, but the figure beside it, “${restated}”, says ${figures === null ? 'no whole amount' : `${figures} yuan`}; ask the publisher which is right`,
  );
}
