import { isDeepStrictEqual } from 'node:util';
import { parse, stringify } from 'yaml';

/**
 * A corrected text imported as the next version of a publication (npm run
 * import -- --revise): what each project's files become. A section whose
 * text did not change keeps its Markdown exactly as it is (editor's notes,
 * ids, promoted headings: whatever a person refined after the last import);
 * a section that changed is imported again from the new text, under its
 * existing heading, and listed for a person to review. The same holds for
 * each frontmatter field. A translation of a project whose Chinese changed
 * keeps its English, marked as a translation of the version it was made
 * from; what the new text withholds, it withholds too, so that no withheld
 * text stays on the English page.
 */

/** A Markdown file: its frontmatter, read, and its body in sections. */
interface MarkdownFile {
  frontmatter: Record<string, unknown>;
  /** Text before the first `##`/`###` heading (normally nothing). */
  lead: string;
  sections: MarkdownSection[];
}

interface MarkdownSection {
  /** The heading's text without its `{#id}`, spaces removed: what matches it across versions. */
  title: string;
  id: string | null;
  /** The heading line as written. */
  heading: string;
  /** Everything after the heading, up to the next `##`/`###` heading. */
  content: string;
}

const HEADING = /^(#{2,3}) (.*)$/;
/** The `{#id}` a heading may end with (after its trailing spaces are trimmed). */
const HEADING_ID = /\{#([a-z0-9-]+)\}$/;

function readMarkdown(text: string): MarkdownFile {
  const match = /^---\n([\s\S]*?)\n---\n?/.exec(text);
  const frontmatter = (match ? parse(match[1]!) : {}) as Record<string, unknown>;
  const body = match ? text.slice(match[0].length) : text;
  const sections: MarkdownSection[] = [];
  const lead: string[] = [];
  let fence = false;
  for (const line of body.split('\n')) {
    if (/^(?:```|~~~)/.test(line)) fence = !fence;
    const heading = fence ? null : HEADING.exec(line);
    if (heading) {
      const words = heading[2]!.trimEnd();
      const id = HEADING_ID.exec(words);
      sections.push({
        title: (id ? words.slice(0, id.index) : words).replace(/\s+/g, ''),
        id: id?.[1] ?? null,
        heading: line,
        content: '',
      });
    } else if (sections.length > 0) sections.at(-1)!.content += `${line}\n`;
    else lead.push(line);
  }
  return { frontmatter, lead: lead.join('\n'), sections };
}

/** The file again, frontmatter and sections in order. */
function writeMarkdown(
  frontmatter: Record<string, unknown>,
  lead: string,
  sections: MarkdownSection[],
): string {
  const body = sections.map((s) => `${s.heading}\n${s.content}`).join('');
  return `---\n${stringify(frontmatter, { lineWidth: 0, aliasDuplicateObjects: false })}---\n${lead}${lead && !lead.endsWith('\n') ? '\n' : ''}${body}`.replace(
    /\n*$/,
    '\n',
  );
}

/** The fields of a project's frontmatter that come from the text. */
const TEXT_FIELDS = ['name', 'basis', 'implementingUnit', 'funding', 'plan'] as const;

/** The content of a section that is nothing but a withheld marker: its reason, or null. */
function withheldReasonOfSection(content: string): string | null {
  const lines = content.split('\n').filter((l) => l.trim() !== '');
  const only =
    lines.length === 1 ? /^::withheld\{reason="?([a-z-]+)"?\}$/.exec(lines[0]!.trim()) : null;
  return only?.[1] ?? null;
}

/**
 * For each section of `imported`, the section of `existing` that has its
 * title, in order; with everything up to the next match (the headings a
 * person added inside it). Null where the existing file no longer follows
 * the imported one.
 */
function matchSections(
  imported: MarkdownSection[],
  existing: MarkdownSection[],
): MarkdownSection[] | null {
  const starts: number[] = [];
  let from = 0;
  for (const section of imported) {
    const at = existing.findIndex((s, i) => i >= from && s.title === section.title);
    if (at === -1) return null;
    starts.push(at);
    from = at + 1;
  }
  return imported.map((_, i) => {
    const start = starts[i]!;
    const end = starts[i + 1] ?? existing.length;
    const [first, ...inside] = existing.slice(start, end);
    return {
      ...first!,
      content: first!.content + inside.map((s) => `${s.heading}\n${s.content}`).join(''),
    };
  });
}

export interface RevisedProject {
  text: string;
  /** What was imported again and needs a person's eye: frontmatter fields and section ids. */
  changed: string[];
  /** Sections and fields the new text withholds and the last one did not. */
  newlyWithheld: { sections: Map<string, string>; fields: Map<string, string> };
  /** Hand refinements that could not be kept: the existing file no longer follows the text. */
  rebuilt: boolean;
}

/**
 * A project's zh file for the new version: `existing` is the file as it is,
 * `before` what the last version's text imports as, `after` what the new
 * text imports as.
 */
export function reviseProject(
  existing: string,
  before: string | null,
  after: string,
): RevisedProject {
  const next = readMarkdown(after);
  const now = readMarkdown(existing);
  const last = before === null ? null : readMarkdown(before);
  const frontmatter: Record<string, unknown> = { ...next.frontmatter };
  const changed: string[] = [];
  const fields = new Map<string, string>();
  for (const field of TEXT_FIELDS) {
    const unchanged =
      last !== null && isDeepStrictEqual(last.frontmatter[field], next.frontmatter[field]);
    if (unchanged && field in now.frontmatter) frontmatter[field] = now.frontmatter[field];
    else if (!isDeepStrictEqual(now.frontmatter[field], next.frontmatter[field]))
      changed.push(field);
    const value = next.frontmatter[field] as { withheld?: string } | undefined;
    const was = (last ?? now).frontmatter[field] as { withheld?: string } | undefined;
    if (value?.withheld && !was?.withheld) fields.set(field, value.withheld);
  }
  // The slug is the project's address, and stays.
  frontmatter.slug = now.frontmatter.slug ?? next.frontmatter.slug;

  const sections = new Map<string, string>();
  const matched = last ? matchSections(last.sections, now.sections) : null;
  const previous = new Map(
    (last?.sections ?? []).map((s, i) => [
      `${s.title}#${s.id ?? ''}`,
      { imported: s, existing: matched?.[i] },
    ]),
  );
  const out = next.sections.map((section) => {
    const kept = previous.get(`${section.title}#${section.id ?? ''}`);
    const withheld = withheldReasonOfSection(section.content);
    if (withheld && kept && withheldReasonOfSection(kept.imported.content) === null && section.id)
      sections.set(section.id, withheld);
    if (kept?.existing && kept.imported.content === section.content) return kept.existing;
    if (section.id) changed.push(`#${section.id}`);
    // Imported again, under the heading it has now (its id is the section's address).
    return kept?.existing ? { ...section, heading: kept.existing.heading } : section;
  });
  return {
    text: writeMarkdown(frontmatter, now.lead && matched ? now.lead : next.lead, out),
    changed,
    newlyWithheld: { sections, fields },
    rebuilt: last === null || matched === null,
  };
}

/**
 * A translation of a project whose Chinese changed: its English kept, marked
 * as a translation of `version` (unless it already translates an earlier
 * one), and withholding what the new Chinese newly withholds.
 */
export function reviseTranslation(
  existing: string,
  version: number,
  newlyWithheld: RevisedProject['newlyWithheld'],
): string {
  const file = readMarkdown(existing);
  const frontmatter = { ...file.frontmatter };
  frontmatter.translationOf ??= version;
  for (const [field, reason] of newlyWithheld.fields) frontmatter[field] = { withheld: reason };
  const sections = file.sections.map((section) => {
    const reason = section.id ? newlyWithheld.sections.get(section.id) : undefined;
    return reason ? { ...section, content: `\n::withheld{reason="${reason}"}\n\n` } : section;
  });
  return writeMarkdown(frontmatter, file.lead, sections);
}
