import { LIMITS } from '../domain/limits';
import { writeTableRows } from './table';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';
import { firstLineOf } from '../domain/errors';
import { enumerationOf, readPartHeading, readSubsectionHeading } from './headings';

/**
 * The text of a PDF, as the bureau's word processor laid it out, read back
 * into the paragraphs it was typed as. pdf.js (Mozilla's reference reader)
 * gives positioned runs of text; what is decided here is only the layout:
 * - runs on one baseline are a line; lines are read top to bottom;
 * - a line that reaches the right margin runs on into the next one, unless
 *   that one is indented (a new paragraph) or starts a numbered item after a
 *   full stop; a centred title in a larger size is one line however it wraps;
 * - what repeats at the top or bottom of the pages (a running header, the
 *   page number `— 1 —`, `-1-`, `第1页 共3页`) is not the text;
 * - the space a PDF puts between Chinese and digits (`1523.68 万元`) is not
 *   in the text either: Word and LibreOffice add it when laying out, and a
 *   bureau never types it.
 * Every paragraph keeps where it starts: `page 2, line 5`.
 */
export class PdfError extends Error {
  override name = 'PdfError';
}

export interface PdfParagraph {
  text: string;
  /** `page 2, line 5`: the first line of the paragraph, counted on its page below any running header. */
  at: string;
}

interface PdfLine {
  text: string;
  page: number;
  x0: number;
  x1: number;
  y: number;
  /** The text's size: the tallest run on the line. */
  size: number;
  /** Where the line's runs stand apart as a table's columns do (gaps of three characters or more): each column's text. */
  cells: string[] | null;
}

/** Han characters, CJK punctuation and full-width forms. */
const CJK = '\\p{Script=Han}\\u3000-\\u303f\\uff00-\\uffef';
const SPACE_BETWEEN = new RegExp(
  `(?<=[${CJK}])[ \\t\\u00a0]+(?=[0-9A-Za-z.%])|(?<=[0-9A-Za-z.%])[ \\t\\u00a0]+(?=[${CJK}])`,
  'gu',
);

/** A line's text: spaces between Chinese and digits removed, other runs of space made one. */
export function tidyLine(text: string): string {
  return text
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(SPACE_BETWEEN, '')
    .replace(/(?<=、) (?=\S)/gu, '')
    .trim();
}

/** A page number as word processors print it: `— 1 —`, `-1-`, `第1页 共3页`, `1/3`, `1`. */
const PAGE_NUMBER =
  /^(?:[—–\-－]+\s*\d+\s*[—–\-－]+|第\s*\d+\s*页(?:\s*(?:[,，]\s*)?共\s*\d+\s*页)?|\d+\s*\/\s*\d+|\d+|[Pp]age\s*\d+(?:\s*of\s*\d+)?)$/u;

/** The runs of one page grouped into lines, top to bottom. */
function readLines(items: TextItem[], page: number): PdfLine[] {
  const runs = items
    .filter((item) => item.str !== '' || item.width > 0)
    .map((item) => ({
      text: item.str,
      x: item.transform[4] as number,
      y: item.transform[5] as number,
      width: item.width,
      size: item.height,
    }))
    .sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: (typeof runs)[] = [];
  for (const run of runs) {
    const line = lines.at(-1);
    // Runs on one line share a baseline, give or take a little for mixed fonts.
    if (line && Math.abs(line[0]!.y - run.y) <= Math.max(2, (line[0]!.size || run.size) * 0.25))
      line.push(run);
    else lines.push([run]);
  }
  return lines
    .map((line) => line.sort((a, b) => a.x - b.x))
    .map((line) => {
      const visible = line.filter((run) => run.text.trim() !== '');
      // A run far from the one before it is another column: a table's cell.
      const cells: string[] = [];
      visible.forEach((run, i) => {
        const before = visible[i - 1];
        const apart =
          before !== undefined && run.x - (before.x + before.width) >= 3 * (run.size || 1);
        if (i === 0 || apart) cells.push(run.text);
        else cells.push(`${cells.pop() ?? ''}${run.text}`);
      });
      return {
        cells: cells.length >= 2 ? cells.map(tidyLine) : null,
        text: tidyLine(line.map((run) => run.text).join('')),
        page,
        x0: visible[0]?.x ?? 0,
        x1: Math.max(...visible.map((run) => run.x + run.width)),
        y: line[0]!.y,
        size: Math.max(...line.map((run) => run.size)),
      };
    })
    .filter((line) => line.text !== '');
}

/** The text size most characters are set in. */
function bodySize(lines: PdfLine[]): number {
  const counts = new Map<number, number>();
  for (const line of lines) {
    const size = Math.round(line.size);
    counts.set(size, (counts.get(size) ?? 0) + line.text.length);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 12;
}

/** A running header or footer: the same words (page numbers aside) first or last on most pages. */
function dropRunningLines(pages: PdfLine[][]): PdfLine[][] {
  const key = (line: PdfLine) => line.text.replace(/\d+/g, '#');
  const repeated = (pick: (page: PdfLine[]) => PdfLine | undefined) => {
    const counts = new Map<string, number>();
    for (const page of pages) {
      const line = pick(page);
      if (line) counts.set(key(line), (counts.get(key(line)) ?? 0) + 1);
    }
    return new Set(
      [...counts]
        .filter(([, n]) => pages.length > 1 && n >= Math.max(2, pages.length / 2))
        .map(([k]) => k),
    );
  };
  return pages.map((page) => {
    const lines = [...page];
    // A page has at most a header or two above and a footer or two below: peel them.
    for (let i = 0; i < 2; i += 1) {
      const headers = repeated((p) => p[i]);
      const footers = repeated((p) => p.at(-1 - i));
      if (lines[0] && (PAGE_NUMBER.test(lines[0].text) || headers.has(key(lines[0]))))
        lines.shift();
      const last = lines.at(-1);
      if (last && (PAGE_NUMBER.test(last.text) || footers.has(key(last)))) lines.pop();
    }
    return lines;
  });
}

/**
 * Where the text's lines end: where most lines end, since every wrapped line
 * ends there. Not the furthest end: Chinese layout lets a comma hang past
 * the margin.
 */
function rightMargin(lines: PdfLine[], left: number, size: number): number {
  const furthest = Math.max(...lines.map((l) => l.x1));
  const bins = new Map<number, number[]>();
  // Headings and last lines end anywhere; only the long lines say where the margin is.
  for (const line of lines.filter((l) => l.x1 >= left + (furthest - left) * 0.6)) {
    const bin = Math.round(line.x1 / (size / 2));
    bins.set(bin, [...(bins.get(bin) ?? []), line.x1]);
  }
  const [, ends] = [...bins].sort((a, b) => b[1].length - a[1].length || b[0] - a[0])[0] ?? [0, []];
  return ends.length > 0 ? Math.max(...ends) : furthest;
}

/**
 * Whether `next` carries on the paragraph that `line` is in. A wrapped line
 * ends near the margin, but not at it: an opening bracket or a number cannot
 * be split from what follows, so the line breaks up to a couple of characters
 * early.
 */
function continues(
  line: PdfLine,
  next: PdfLine,
  left: number,
  right: number,
  size: number,
): boolean {
  const full = line.x1 >= right - size * 2.5;
  const indented = next.x0 > left + size * 0.5;
  if (!full || indented) return false;
  // A heading starts anew, even where the line before it happens to end at the margin; so
  // does a numbered item after a full stop.
  if (readPartHeading(next.text) !== null || readSubsectionHeading(next.text) !== null)
    return false;
  return !(/[。；;：:！？!?》）)」』]$/u.test(line.text) && enumerationOf(next.text) !== null);
}

/** Reads a PDF's text into paragraphs; throws a PdfError that says what to ask for instead. */
export async function readPdf(bytes: Uint8Array): Promise<PdfParagraph[]> {
  // Loaded when a PDF is read (1.5 s of start-up that an import of a Word or text file never needs).
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = getDocument({
    // pdf.js takes the buffer over; the caller keeps its bytes.
    data: bytes.slice(),
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  let document;
  try {
    document = await task.promise;
  } catch (error) {
    await task.destroy();
    const name = (error as { name?: string }).name;

    if (name === 'PasswordException')
      throw new PdfError('is protected by a password; ask for the Word or text file');
    throw new PdfError(
      `is not a PDF that can be read (${firstLineOf(error)}); ask for the Word or text file`,
    );
  }
  try {
    if (document.numPages > LIMITS.inputPages)
      throw new PdfError(
        `has ${document.numPages.toLocaleString('en-US')} pages; the importer reads at most ${LIMITS.inputPages} (a department's texts of a year run to a few dozen): give the PDF of the disclosure alone`,
      );
    const pages: PdfLine[][] = [];
    for (let n = 1; n <= document.numPages; n += 1) {
      const page = await document.getPage(n);
      const content = await page.getTextContent();
      const items = content.items.filter((item): item is TextItem => 'str' in item);
      const lines = readLines(items, n);
      if (lines.length === 0)
        throw new PdfError(
          `page ${n} has no text: it is a scanned image; ask for the Word or text file`,
        );
      if (lines.some((line) => /[\uE000-\uF8FF\uFFFD]/u.test(line.text)))
        throw new PdfError(
          `page ${n}: its text cannot be read back (its fonts carry no character map); ask for the Word or text file`,
        );
      pages.push(lines);
      page.cleanup();
    }
    const body = dropRunningLines(pages);
    const all = body.flat();
    if (all.length === 0)
      throw new PdfError(
        `has text, but only the same line at the top or bottom of every page (“${pages[0]![0]!.text}”), which is read as a running header or footer: no text of a disclosure is left; ask for the Word or text file`,
      );
    const size = bodySize(all);
    const text = all.filter((l) => Math.round(l.size) === size);
    const left = Math.min(...text.map((l) => l.x0));
    const right = rightMargin(text, left, size);
    const paragraphs: PdfParagraph[] = [];
    const at = (line: PdfLine) =>
      `page ${line.page}, line ${body[line.page - 1]!.indexOf(line) + 1}`;
    let i = 0;
    // The title: the lines at the top of the first page set larger than the text, however it wraps.
    const title: PdfLine[] = [];
    while (all[i] && all[i]!.page === 1 && all[i]!.size > size * 1.15) title.push(all[i++]!);
    if (title.length > 0)
      paragraphs.push({ text: tidyLine(title.map((l) => l.text).join('')), at: at(title[0]!) });
    let current: { lines: PdfLine[] } | null = null;
    for (; i < all.length; i += 1) {
      const line = all[i]!;
      // Rows of a table: two lines or more in a row whose columns stand apart alike. A row a line,
      // its cells kept (src/importer/table.ts).
      let end = i;
      while (all[end]?.cells && all[end]!.cells!.length === line.cells?.length) end += 1;
      if (end > i + 1) {
        const rows = all.slice(i, end);
        writeTableRows(rows.map((row) => row.cells!)).forEach((text, r) =>
          // The separator after the header stands where the header does.
          paragraphs.push({ text, at: at(rows[r === 0 ? 0 : Math.max(0, r - 1)]!) }),
        );
        current = null;
        i = end - 1;
        continue;
      }
      const previous = current?.lines.at(-1);
      if (current && previous && continues(previous, line, left, right, size))
        current.lines.push(line);
      else {
        current = { lines: [line] };
        paragraphs.push({ text: '', at: at(line) });
      }
      paragraphs.at(-1)!.text = tidyLine(current.lines.map((l) => l.text).join(''));
    }
    return paragraphs;
  } finally {
    await task.destroy();
  }
}
