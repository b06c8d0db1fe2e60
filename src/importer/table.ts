import type { Table } from 'mdast';

/**
 * A table of the file as published (a Word table, a PDF's rows and columns)
 * keeps its rows and cells: in the text the site shows, a row is a line in
 * GitHub's table syntax (`| 资金来源 | 金额（万元） |`, the first row the
 * header, then `| --- | --- |`); the content file gets a Markdown table with
 * every cell verbatim. A `|` in a cell is written `\|`.
 */

const SEPARATOR = /^\|(?:\s*:?-{3,}:?\s*\|)+$/u;
const ROW = /^\|.*\|$/u;

/** The lines of a table, its first row the header. Rows shorter than the longest are filled with empty cells. */
export function writeTableRows(rows: readonly (readonly string[])[]): string[] {
  const width = Math.max(0, ...rows.map((row) => row.length));
  if (width === 0) return [];
  const line = (cells: readonly string[]) =>
    `| ${Array.from({ length: width }, (_, i) =>
      (cells[i] ?? '').replace(/\s+/gu, ' ').trim().replace(/\|/gu, '\\|'),
    ).join(' | ')} |`;
  return [
    line(rows[0]!),
    line(Array.from({ length: width }, () => '---')),
    ...rows.slice(1).map(line),
  ];
}

/** Whether a line of the text is a row of a table (or its header's separator). */
export const isTableLine = (text: string) => ROW.test(text.trim());

/** The cells of a row line, unescaped; null for the header's separator. */
function readCells(text: string): string[] | null {
  const trimmed = text.trim();
  if (SEPARATOR.test(trimmed)) return null;
  return trimmed
    .slice(1, -1)
    .split(/(?<!\\)\|/u)
    .map((cell) => cell.trim().replace(/\\\|/gu, '|'));
}

/** A table's lines (header, separator, rows) as a Markdown table node; null where they are not one. */
export function readTable(lines: readonly string[]): Table | null {
  if (lines.length < 2 || !SEPARATOR.test(lines[1]!.trim())) return null;
  const rows = lines.map(readCells).filter((cells): cells is string[] => cells !== null);
  const width = rows[0]!.length;
  if (rows.some((row) => row.length !== width)) return null;
  return {
    type: 'table',
    align: Array.from({ length: width }, () => null),
    children: rows.map((cells) => ({
      type: 'tableRow',
      children: cells.map((value) => ({
        type: 'tableCell',
        children: value === '' ? [] : [{ type: 'text', value }],
      })),
    })),
  };
}
