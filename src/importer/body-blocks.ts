import type { RootContent } from 'mdast';
import { directiveToMarkdown } from 'mdast-util-directive';
import { gfmTableToMarkdown } from 'mdast-util-gfm-table';
import { toMarkdown } from 'mdast-util-to-markdown';
import { stripEnumeration } from '../domain/enumeration';
import { PARTS, subsectionOfTitle } from '../domain/sections';
import type { WithheldReasonCode } from '../domain/withheld-reasons';
import { isTableLine, readTable } from './table';
import {
  enumerationOf,
  ImportError,
  normalise,
  checkWithholdingWords,
  withheldReasonOfLines,
  type ImportNotice,
  type Line,
  type Part,
  type SourceProject,
} from './headings';

/**
 * A project's text as Markdown blocks, each with the source line it came from:
 * parts 4 to 8 line by line, the withheld markers, and the body written out
 * with a map from its lines back to the source's (src/importer/build.ts uses them).
 */
/** A Markdown block and the source line it was made from. */
interface Block {
  node: RootContent;
  line: number;
}

const text = (value: string, line: Line): Block => ({
  node: { type: 'paragraph', children: [{ type: 'text', value }] },
  line: line.line,
});
const heading = (depth: 2 | 3, value: string, id: string, line: Line): Block => ({
  node: { type: 'heading', depth, children: [{ type: 'text', value: `${value} {#${id}}` }] },
  line: line.line,
});
const marker = (reason: WithheldReasonCode, line: Line): Block => ({
  node: { type: 'leafDirective', name: 'withheld', attributes: { reason }, children: [] },
  line: line.line,
});

/** A heading line up to its title, without the withheld phrase after it (`（1）、项目可行性：涉密不宜公开` → `（1）、项目可行性`). */
const withoutWithheldPhrase = (heading: string, title: string) =>
  heading.slice(0, heading.indexOf(title) + title.length);

export const trim = (line: Line) => line.text.replace(/^\s+/u, '');
const quote = (line: Line) => {
  const words = trim(line);
  return `“${words.length > 24 ? `${words.slice(0, 24)}…` : words}”`;
};

/**
 * The reason a part or subsection is withheld for, or null; refuses one that
 * is withheld and says more besides. A withheld section holds nothing but its
 * marker, so a line beside the marker could not be published: the officer is
 * told which, rather than the line vanishing from the page.
 */
export function readWithheld(
  heading: Line,
  inline: WithheldReasonCode | null,
  lines: Line[],
): { reason: WithheldReasonCode | null; markerLine: Line } {
  if (inline) {
    const extra = lines[0];
    if (extra)
      throw new ImportError(
        extra.line,
        `${quote(extra)} follows ${quote(heading)}, which withholds the part; a withheld part shows nothing but its marker, so this line would not be published. Ask the publisher whether it belongs there, or give it a heading of its own`,
      );
    return { reason: inline, markerLine: heading };
  }
  const reasons = lines.map((line) => withheldReasonOfLines([line]));
  const markerAt = reasons.findIndex((r) => r !== null);
  if (markerAt === -1) return { reason: null, markerLine: heading };
  const textAt = reasons.findIndex((r) => r === null);
  if (textAt !== -1)
    throw new ImportError(
      lines[textAt]!.line,
      `${quote(lines[textAt]!)} stands in the same part as ${quote(lines[markerAt]!)} (under ${quote(heading)}); a withheld part shows nothing but its marker, so this line would not be published. Ask the publisher which is meant`,
    );
  return { reason: reasons[markerAt]!, markerLine: lines[markerAt]! };
}

/** A 立项依据 line: `（一）、瑞政办发（2019）13号：瑞丽市人民政府办公室《关于…的通知》` → its parts; `（二）、涉密不宜公开` → a withheld item. */
export function readBasisItem(published: string): Record<string, string> {
  const rest = published.slice(enumerationOf(published)?.length ?? 0);
  const withheld = withheldReasonOfLines([{ text: rest, line: 0 }]);
  if (withheld) return { published, withheld };
  const item: Record<string, string> = { published };
  const plain = stripEnumeration(published);
  const colon = /^([^：:]+)[：:](.*)$/u.exec(plain);
  if (colon && /号|第\s*\d+\s*期|纪要/u.test(colon[1]!)) item.number = colon[1]!.trim();
  const issuer = colon ? /^([^《]+)《/u.exec(colon[2]!) : null;
  if (issuer && issuer[1]!.trim()) item.issuer = issuer[1]!.trim();
  const title = /《([^》]+)》/u.exec(plain);
  if (title) item.title = title[1]!;
  return item;
}

/** `主管部门：…`, `项目实施单位：…` / `项目单位：…`, or the unit's name alone. */
export function readImplementingUnit(lines: Line[]): Record<string, string> {
  let supervisor: string | undefined;
  let unit: string | undefined;
  let unitLabel: string | undefined;
  for (const line of lines) {
    const labelled = /^([^：:]{2,8})[：:]\s*(\S.*)$/u.exec(trim(line));
    if (labelled && /主管部门/u.test(labelled[1]!)) supervisor = labelled[2]!.trim();
    else if (labelled && /单位/u.test(labelled[1]!)) {
      unitLabel = labelled[1]!.trim();
      unit = labelled[2]!.trim();
    } else if (unit === undefined) unit = trim(line);
    else
      throw new ImportError(
        line.line,
        `${quote(line)} is a second unit under 项目实施单位; label each (主管部门：…, 项目实施单位：…)`,
      );
  }
  if (!unit)
    throw new ImportError(
      lines[0]?.line ?? 0,
      'expected the implementing unit (实施单位) in 项目实施单位',
    );
  return { ...(supervisor ? { supervisor } : {}), unit, ...(unitLabel ? { unitLabel } : {}) };
}

/**
 * Lines published as text, a paragraph each, and the rows of a table as one
 * Markdown table: never a line that may withhold its part in words nobody
 * decided on.
 */
function publishAll(lines: Line[]): Block[] {
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    checkWithholdingWords(lines[i]!);
    let end = i;
    while (end < lines.length && isTableLine(lines[end]!.text)) end += 1;
    const table = end > i + 1 ? readTable(lines.slice(i, end).map((l) => l.text)) : null;
    if (table) {
      lines.slice(i + 1, end).forEach(checkWithholdingWords);
      blocks.push({ node: table, line: lines[i]!.line });
      i = end - 1;
    } else blocks.push(text(trim(lines[i]!), lines[i]!));
  }
  return blocks;
}

/** The body of one part (4, 5, 6, 7 or 8) as Markdown blocks, with its id. */
export function partBlocks(part: Part, notices: ImportNotice[]): Block[] {
  // The title as the bureau printed it (资金安排, or the template's 资金安排情况); the id is the part's.
  const blocks: Block[] = [heading(2, part.title, part.id, part.heading)];
  const own = readWithheld(part.heading, part.inlineWithheld, part.lines);
  if (own.reason) blocks.push(marker(own.reason, own.markerLine));
  else blocks.push(...publishAll(part.lines));
  let extra = 0;
  for (const sub of part.subsections) {
    const id = subsectionOfTitle(normalise(sub.title))?.id ?? `${part.id}-${(extra += 1)}`;
    // Up to the title where the heading's line goes on (a withheld phrase, or the content after a colon).
    const printed =
      sub.inlineWithheld || sub.lines[0]?.line === sub.heading.line
        ? withoutWithheldPhrase(trim(sub.heading), sub.title)
        : trim(sub.heading);
    blocks.push(heading(3, printed, id, sub.heading));
    const withheld = readWithheld(sub.heading, sub.inlineWithheld, sub.lines);
    if (withheld.reason) blocks.push(marker(withheld.reason, withheld.markerLine));
    else blocks.push(...publishAll(sub.lines));
  }
  // A part title at the end of a sentence is likely a heading run into it; the text is kept as printed.
  for (const line of [...part.lines, ...part.subsections.flatMap((s) => s.lines)]) {
    const runIn = PARTS.find(
      (p) => normalise(line.text).endsWith(p.title) && normalise(line.text) !== p.title,
    );
    if (runIn) {
      notices.push({
        line: line.line,
        message: `"${line.text.trim()}" ends with ${runIn.title}: likely a heading run into the sentence; kept as printed`,
      });
    }
  }
  return blocks;
}

export function allLines(project: SourceProject): Line[] {
  return Object.values(project.parts).flatMap((part) => [
    part.heading,
    ...part.lines,
    ...part.subsections.flatMap((s) => [s.heading, ...s.lines]),
  ]);
}

export function findSubsection(project: SourceProject, id: string) {
  for (const part of Object.values(project.parts)) {
    for (const sub of part.subsections)
      if (subsectionOfTitle(normalise(sub.title))?.id === id) return sub;
  }
  return null;
}

/** A frontmatter part (立项依据, 项目实施单位) that its heading or its only line withholds, or null. */
export const withheldFrontmatter = (part: Part) =>
  part.inlineWithheld ?? withheldReasonOfLines(part.lines);

/** Serialises blocks one by one, so that each one's first line in the file is known. */
export function writeBody(
  blocks: Block[],
  firstLine: number,
  origins: Map<number, number>,
): string {
  let line = firstLine;
  const chunks: string[] = [];
  for (const block of blocks) {
    const chunk = toMarkdown(
      { type: 'root', children: [block.node] },
      {
        extensions: [directiveToMarkdown(), gfmTableToMarkdown()],
      },
    );
    const count = chunk.split('\n').length - 1;
    for (let i = 0; i < count; i += 1) origins.set(line + i, block.line);
    chunks.push(chunk);
    line += count + 1;
  }
  return chunks.join('\n');
}

/** The ids of the sections of a body that hold a withheld marker. */
export function withheldSections(nodes: RootContent[]): string[] {
  const ids: string[] = [];
  let section = '';
  for (const node of nodes) {
    if (node.type === 'heading') {
      const text = node.children[0]?.type === 'text' ? node.children[0].value : '';
      section = /\{#([a-z0-9-]+)\}$/.exec(text)?.[1] ?? section;
    } else if (
      node.type === 'leafDirective' &&
      node.name === 'withheld' &&
      !ids.includes(section)
    ) {
      ids.push(section);
    }
  }
  return ids;
}
