import { parsePublishedAmount } from '../domain/amount';

/**
 * Reads the text a finance bureau publishes (the eight-part template of
 * 预算重点领域财政项目文本公开) into projects, part by part, keeping every line
 * exactly as printed. Nothing here changes a word: it only finds where the
 * parts and subsections begin, which parts are withheld, and the figures.
 */

/** The eight parts, in the order the template prints them, with the ids the site uses. */
export const PARTS = [
  { title: '项目名称', id: 'name' },
  { title: '立项依据', id: 'basis' },
  { title: '项目实施单位', id: 'implementing-unit' },
  { title: '项目基本概况', id: 'overview' },
  { title: '项目实施内容', id: 'content' },
  { title: '资金安排情况', id: 'funding' },
  { title: '项目实施计划', id: 'plan' },
  { title: '项目实施成效', id: 'outcomes' },
] as const;

export type PartId = (typeof PARTS)[number]['id'];

/** Standard subsections and their ids; any other subsection gets `<part>-<n>`. */
export const SUBSECTIONS: Record<string, string> = {
  项目可行性: 'feasibility',
  总体思路: 'approach',
  实施方式: 'method',
  建设规模: 'scale',
  投资估算: 'estimate',
  实施周期: 'period',
};

/** What the publisher writes where it withholds a part. */
export const WITHHELD_TEXT = '涉密不宜公开';

/** A line of the source, as printed (trailing white space dropped), with its 1-based line number. */
export interface Line {
  text: string;
  line: number;
}

export interface Subsection {
  heading: Line;
  /** The heading without its enumeration, e.g. 项目可行性. */
  title: string;
  lines: Line[];
  /** Set when the heading line itself says 涉密不宜公开 (`（1）、项目可行性：涉密不宜公开`). */
  inlineWithheld: boolean;
}

export interface Part {
  id: PartId;
  heading: Line;
  /** Lines before the first subsection. */
  lines: Line[];
  subsections: Subsection[];
  inlineWithheld: boolean;
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

/** `4、 项目基本概况` (with or without `：涉密不宜公开`) → the part, or null. */
function readPartHeading(text: string): { id: PartId; withheld: boolean } | null {
  const enumeration = enumerationOf(text);
  if (!enumeration) return null;
  const rest = normalise(text.replace(/^[\s\u3000]+/, '').slice(enumeration.length));
  for (const part of PARTS) {
    if (rest === part.title) return { id: part.id, withheld: false };
    if (rest === `${part.title}:${WITHHELD_TEXT}`) return { id: part.id, withheld: true };
  }
  return null;
}

/** Sentence punctuation: a line with it is text, not a heading. */
const SENTENCE = /[。；;！？!?，,]/u;

/** `（一）、项目可行性` or `（1）、项目可行性：涉密不宜公开` → a subsection heading, or null. */
export function readSubsectionHeading(
  text: string,
  maxLength = 24,
): { title: string; withheld: boolean } | null {
  const enumeration = enumerationOf(text);
  if (!enumeration) return null;
  const rest = text
    .replace(/^[\s\u3000]+/, '')
    .slice(enumeration.length)
    .trim();
  const inline = new RegExp(`^(.+?)[:：]\\s*${WITHHELD_TEXT}$`, 'u').exec(rest);
  if (inline) return { title: inline[1]!.trim(), withheld: true };
  if (rest === '' || rest.length > maxLength || SENTENCE.test(rest) || /[:：《]/.test(rest))
    return null;
  return { title: rest, withheld: false };
}

/** Splits a publication's text into its title line and its projects. Throws an ImportError naming the line where a part was expected. */
export function splitProjects(text: string): { title: Line; projects: SourceProject[] } {
  const lines = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((t, i) => ({ text: t.replace(/[\s\u3000]+$/u, ''), line: i + 1 }));
  const nonEmpty = lines.filter((l) => l.text.trim() !== '');
  const title = nonEmpty[0];
  if (!title) throw new ImportError(1, 'the file is empty');
  const projects: SourceProject[] = [];
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
      throw new ImportError(
        line.line,
        `expected 1、项目名称, the first part of a project; found "${line.text.trim().slice(0, 30)}"`,
      );
    }
    part.lines.push(line);
  }
  finish();
  if (projects.length === 0)
    throw new ImportError(
      title.line + 1,
      'expected 1、项目名称: no project found after the title line',
    );
  for (const project of projects) for (const p of Object.values(project.parts)) splitSubsections(p);
  return { title, projects };
}

/** Parts 4, 5 and 7 hold subsections: enumerated short lines in the style of the first one. */
function splitSubsections(part: Part): void {
  if (!['overview', 'content', 'plan'].includes(part.id)) return;
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
      style ??= enumerationStyle(enumeration!);
      current = {
        heading: line,
        title: heading.title,
        lines: [],
        inlineWithheld: heading.withheld,
      };
      part.subsections.push(current);
      continue;
    }
    // A known subsection title in another numbering (the face-recognition text mixes （1） and （二）) is still one.
    if (heading && SUBSECTIONS[normalise(heading.title)] !== undefined) {
      current = {
        heading: line,
        title: heading.title,
        lines: [],
        inlineWithheld: heading.withheld,
      };
      part.subsections.push(current);
      continue;
    }
    if (current) current.lines.push(line);
    else part.lines.push(line);
  }
}

/** True when lines say nothing but 涉密不宜公开. */
export function isWithheldText(lines: readonly Line[]): boolean {
  return lines.length > 0 && lines.every((l) => normalise(l.text) === WITHHELD_TEXT);
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
