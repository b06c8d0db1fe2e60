import { parsePublishedAmount } from '../domain/amount';
import { readChineseDate } from '../domain/dates';
import { PARTS, SUBSECTIONS, subsectionOfTitle, type PartId } from '../domain/sections';
import { withheldReasonOfText, type WithheldReasonCode } from '../domain/withheld-reasons';

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
  /** The heading without its enumeration, e.g. 项目可行性. */
  title: string;
  lines: Line[];
  /** The reason, when the heading line itself withholds the subsection (`（1）、项目可行性：涉密不宜公开`). */
  inlineWithheld: WithheldReasonCode | null;
}

export interface Part {
  id: PartId;
  heading: Line;
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

/** Width, spaces and the enumeration styles publishers use: 1、 一、 （一）、 （1） 、 (1) 1. １、 */
const ENUMERATION =
  /^(?:[(（]\s*[0-9０-９一二三四五六七八九十]+\s*[)）]\s*[、.．]?|[0-9０-９]+\s*[、.．]|[一二三四五六七八九十]+\s*、)\s*/u;

/** A line for matching: NFKC (full-width digits and brackets), no spaces of any width. */
export function normalise(text: string): string {
  return text.normalize('NFKC').replace(/[\s\u3000]+/g, '');
}

/** The enumeration at the start of a line, or null. */
export function enumerationOf(text: string): string | null {
  return ENUMERATION.exec(text.replace(/^[\s\u3000]+/, ''))?.[0] ?? null;
}

/** The style of an enumeration, so that `1、` and `（一）、` are told apart: digits or numerals, bracketed or not. */
export function enumerationStyle(enumeration: string): string {
  const n = normalise(enumeration);
  const bracketed = n.startsWith('(') ? 'bracketed' : 'bare';
  const numerals = /[一二三四五六七八九十]/.test(n) ? 'numerals' : 'digits';
  return `${bracketed}-${numerals}`;
}

/** The reason a heading's words after its title withhold it for (`：涉密不宜公开`, `（涉密不宜公开）`), or null. */
function withheldAfterTitle(rest: string): WithheldReasonCode | null {
  return withheldReasonOfText(normalise(rest).replace(/^[:：]/u, ''));
}

/** `4、 项目基本概况` (with or without `：涉密不宜公开`) → the part, or null. */
export function readPartHeading(
  text: string,
): { id: PartId; withheld: WithheldReasonCode | null; numbered: boolean } | null {
  // Word's automatic numbers are not in a .doc file's text: a line that is a part's title and
  // nothing else is its heading all the same.
  const enumeration = enumerationOf(text) ?? '';
  const rest = normalise(text.replace(/^[\s\u3000]+/, '').slice(enumeration.length));
  const numbered = enumeration !== '';
  for (const part of PARTS) {
    if (rest === part.title) return { id: part.id, withheld: null, numbered };
    if (rest.startsWith(part.title)) {
      const withheld = withheldAfterTitle(rest.slice(part.title.length));
      if (withheld) return { id: part.id, withheld, numbered };
    }
  }
  return null;
}

/** Sentence punctuation: a line with it is text, not a heading. */
const SENTENCE = /[。；;！？!?，,]/u;

/** `（一）、项目可行性` or `（1）、项目可行性：涉密不宜公开` → a subsection heading, or null. */
export function readSubsectionHeading(
  text: string,
  maxLength = 24,
): { title: string; withheld: WithheldReasonCode | null } | null {
  const enumeration = enumerationOf(text);
  if (!enumeration) return null;
  const rest = text
    .replace(/^[\s\u3000]+/, '')
    .slice(enumeration.length)
    .trim();
  // A title, then a withheld phrase after a colon or in brackets: 项目可行性：涉密不宜公开.
  const inline = /^([^:：（(]+?)\s*([:：].*|[（(].*)$/u.exec(rest);
  const withheld = inline ? withheldAfterTitle(inline[2]!) : null;
  if (inline && withheld) return { title: inline[1]!.trim(), withheld };
  if (rest === '' || rest.length > maxLength || SENTENCE.test(rest) || /[:：《]/.test(rest))
    return null;
  return { title: rest, withheld: null };
}

/** `瑞丽市公安局部门2020年预算重点领域财政项目文本公开` → the department and the fiscal year, or null. */
export function readTitle(text: string): { department: string; year: number } | null {
  const fromTitle = /^(.*?)(?:部门)?\s*(\d{4})\s*年/u.exec(text.trim());
  const department = fromTitle?.[1]?.trim();
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
const ISSUER =
  /(?:局|委员会|委|办公室|政府|中心|所|院|队|厅|部|处|站|馆|会|公司|学校|小学|中学|大学)$/u;

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
    .map((t, i) => ({ text: t.replace(/[\s\u3000]+$/u, ''), line: i + 1 }));
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
        `expected part ${expected + 1}、${PARTS[expected]!.title} of the project that starts on line ${projectLine}`,
      );
    }
    projects.push({ parts: current as Record<PartId, Part>, line: projectLine });
  };

  for (const line of nonEmpty.slice(1)) {
    const heading = readPartHeading(line.text);
    if (heading) {
      if (!heading.numbered) unnumbered.push(line);
      if (heading.id === 'name') {
        finish();
        current = {};
        expected = 0;
        projectLine = line.line;
      }
      if (!current)
        throw new ImportError(line.line, `expected 1、项目名称 before ${line.text.trim()}`);
      if (heading.id !== PARTS[expected]?.id) {
        throw new ImportError(
          line.line,
          `expected part ${expected + 1}、${PARTS[expected]?.title ?? '(none: the project has all eight)'}, found ${line.text.trim()}`,
        );
      }
      part = {
        id: heading.id,
        heading: line,
        lines: [],
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
          `expected 1、项目名称, the first part of a project; found "${line.text.trim().slice(0, 30)}"`,
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
      'expected 1、项目名称, the first part of a project; none follows the title',
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

/** `项目可行性` or `项目可行性：涉密不宜公开` with no number: a standard subsection's heading, or null. */
function readBareSubsection(
  text: string,
): { title: string; withheld: WithheldReasonCode | null } | null {
  const line = normalise(text);
  const subsection = SUBSECTIONS.find((s) => line === s.title || line.startsWith(s.title));
  if (!subsection) return null;
  if (line === subsection.title) return { title: text.trim(), withheld: null };
  const withheld = withheldAfterTitle(line.slice(subsection.title.length));
  return withheld ? { title: subsection.title, withheld } : null;
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
        lines: [],
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
        lines: [],
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
  const reasons = lines.map((l) => withheldReasonOfText(normalise(l.text)));
  return reasons.length > 0 && reasons.every((r) => r !== null && r === reasons[0])
    ? reasons[0]!
    : null;
}

/** An amount as printed (700万元, 2012.95万元, 3,500,000元, 1.2亿元, full-width digits too) in whole yuan, or null. */
export function parseAmount(published: string): number | null {
  return parsePublishedAmount(published.normalize('NFKC').replace(/\s/g, ''));
}

/** The first amount printed in a text, as printed, or null. */
export function findAmount(text: string): string | null {
  return (
    /[0-9０-９][0-9０-９,，]*(?:[.．][0-9０-９]+)?\s*(?:万元|亿元|元)/u.exec(text)?.[0] ?? null
  );
}
