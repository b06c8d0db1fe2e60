import { readChineseDate } from '../domain/dates';
import { PARTS, subsectionOfTitle, type PartId } from '../domain/sections';
import {
  readBareSubsection,
  type Line,
  type Part,
  type Subsection,
  type SourceProject,
  ImportError,
  normalise,
  enumerationOf,
  enumerationStyle,
  readPartHeading,
  SENTENCE,
  readSubsectionHeading,
} from './headings';

/**
 * Reads the text a finance bureau publishes (the eight-part template of
 * 预算重点领域财政项目文本公开) into projects, part by part, keeping every line
 * exactly as printed. Nothing here changes a word: it only finds where the
 * parts and subsections begin, which parts are withheld, and the figures.
 */

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
