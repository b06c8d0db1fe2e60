import type { RootContent } from 'mdast';
import { directiveToMarkdown } from 'mdast-util-directive';
import { gfmTableToMarkdown } from 'mdast-util-gfm-table';
import { toMarkdown } from 'mdast-util-to-markdown';
import { pinyin } from 'pinyin-pro';
import { stringify } from 'yaml';
import { SOURCES_DIR } from '../content/paths';
import { sha256 } from '../files/kept';
import { stripEnumeration } from '../domain/enumeration';
import { BODY_PARTS, FRONTMATTER, PARTS, subsectionOfTitle } from '../domain/sections';
import type { WithheldReasonCode } from '../domain/withheld-reasons';
import type { SourceFormat } from './source';
import { readMoneyFacts } from './money-facts';
import { isTableLine, readTable } from './table';
import type { EvidenceFact } from '../schema/project';
import {
  enumerationOf,
  findAmount,
  ImportError,
  normalise,
  checkRestatement,
  checkWithholdingWords,
  parseAmount,
  readTitle,
  splitProjects,
  withheldReasonOfLines,
  withWordingDecisions,
  type ImportNotice,
  type WordingDecisions,
  type Line,
  type Part,
  type SourceProject,
} from './parse';

/**
 * Turns a publication's text into content files: the original byte for byte,
 * publication.yaml with its SHA-256, and one zh/<slug>.md per project, every
 * line of the text kept as printed. The importer writes no English: each
 * project is marked `translation: pending`.
 */
export interface ImportOptions {
  departmentSlug: string;
  /** Overrides what the title line says. */
  department?: string | undefined;
  year?: number | undefined;
  region?: string | undefined;
  /** Project slugs in order, overriding the pinyin ones. */
  slugs?: string[] | undefined;
  /** The file as it came, and what was read from it. */
  original: OriginalFile;
  /** YYYY-MM-DD: when this copy of the content changed. */
  updated: string;
  /** The name of the files under sources/, without extension (default `<department-slug>-<year>-key-projects.zh`). */
  sourceName?: string | undefined;
  /** The slugs of the year's projects that are translated already: they are not marked pending. */
  translated?: ((year: number) => ReadonlySet<string>) | undefined;
  /** What the person importing decided of wordings that may withhold a part (--withheld-wording, --not-withheld). */
  wordings?: WordingDecisions | undefined;
  /** Where line n of the text is in the file as published (page and line, paragraph), for the evidence of each fact. */
  locate?: ((line: number) => string) | undefined;
}

/** The bureau's file: kept byte for byte beside the text the site shows. */
interface OriginalFile {
  bytes: Uint8Array;
  format: SourceFormat;
  /** A text file's or web page's encoding, as the WHATWG names it (utf-8, gb18030, gbk…). */
  encoding?: string | undefined;
  /** The page's own date, where a saved web page gives one (发布时间, or its PubDate). */
  publishedOn?: string | undefined;
  /** The address a saved web page was saved from, where the browser recorded it. */
  url?: string | undefined;
}

export interface ImportResult {
  /** Path below the content folder → file contents. */
  files: Map<string, string | Uint8Array>;
  /**
   * Where the lines of each written text file came from, by path: line n (from 1) of the
   * file → the line of the source text. A problem found in a file the import would write
   * is reported where the officer can find it in the original.
   */
  origins: Map<string, FileOrigins>;
  notices: ImportNotice[];
  publication: { department: string; year: number; projects: string[] };
  /** One line per project for a person to read: its name, slug, amount and withheld sections. */
  summary: string[];
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * A short ASCII slug from a Chinese name: the pinyin of its first six
 * syllables, ü written v as pinyin input methods write it (律 lv, 女 nv, 略
 * lve), never dropped. Only new slugs are made so: a published slug is never
 * changed (fa-l-yuan-zhu-fu-wu stays, its address being permanent).
 */
export function slugOf(name: string, taken: Set<string>): string {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true })
    .map((s) => s.toLowerCase().replace(/[^a-z0-9]+/g, ''))
    .filter(Boolean)
    .slice(0, 6);
  const base = syllables.join('-') || 'project';
  let slug = base;
  for (let n = 2; taken.has(slug); n += 1) slug = `${base}-${n}`;
  taken.add(slug);
  return slug;
}

/** Where a written file's lines came from in the source text (see ImportResult.origins). */
interface FileOrigins {
  /** Line of the file (from 1) → line of the source text. */
  lines: Map<number, number>;
  /** A frontmatter or YAML field path (`funding`, `plan.period`, `basis.1`) → line of the source text. */
  fields: Map<string, number>;
  /** The line of the source text the file as a whole comes from (a project's 项目名称). */
  start: number;
}

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

const trim = (line: Line) => line.text.replace(/^\s+/u, '');
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
function readWithheld(
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
function readBasisItem(published: string): Record<string, string> {
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
function readImplementingUnit(lines: Line[]): Record<string, string> {
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
function partBlocks(part: Part, notices: ImportNotice[]): Block[] {
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

function allLines(project: SourceProject): Line[] {
  return Object.values(project.parts).flatMap((part) => [
    part.heading,
    ...part.lines,
    ...part.subsections.flatMap((s) => [s.heading, ...s.lines]),
  ]);
}

function findSubsection(project: SourceProject, id: string) {
  for (const part of Object.values(project.parts)) {
    for (const sub of part.subsections)
      if (subsectionOfTitle(normalise(sub.title))?.id === id) return sub;
  }
  return null;
}

/** A frontmatter part (立项依据, 项目实施单位) that its heading or its only line withholds, or null. */
const withheldFrontmatter = (part: Part) =>
  part.inlineWithheld ?? withheldReasonOfLines(part.lines);

/** Serialises blocks one by one, so that each one's first line in the file is known. */
function writeBody(blocks: Block[], firstLine: number, origins: Map<number, number>): string {
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

/** One project's zh file: frontmatter with every figure, body with every line of parts 4–8. */
function buildProjectFile(
  project: SourceProject,
  order: number,
  slug: string,
  notices: ImportNotice[],
  translated: boolean,
  locate: (line: number) => string,
): { text: string; summary: string; origins: FileOrigins } {
  const { parts } = project;
  /** The source line each structured fact was read from. */
  const evidence: Partial<Record<EvidenceFact, number>> = {};
  const fields = new Map<string, number>([
    ['slug', project.line],
    ['order', project.line],
    ['name', parts.name.heading.line],
  ]);
  parts.name.lines.forEach(checkWithholdingWords);
  const name = parts.name.lines.map(trim).join('');
  if (!name)
    throw new ImportError(parts.name.heading.line, 'expected the project name after 项目名称');
  if (parts.name.lines[0]) fields.set('name', parts.name.lines[0].line);

  const basisWithheld = withheldFrontmatter(parts.basis);
  const basis = basisWithheld
    ? { withheld: basisWithheld }
    : parts.basis.lines.map((line, i) => {
        fields.set(`basis.${i}`, line.line);
        const item = readBasisItem(trim(line));
        if (!item.withheld) checkWithholdingWords(line);
        return item;
      });
  fields.set('basis', parts.basis.heading.line);
  if (Array.isArray(basis) && basis.length === 0)
    throw new ImportError(parts.basis.heading.line, 'expected at least one item under 立项依据');
  const unitPart = parts[FRONTMATTER.implementingUnit.id];
  fields.set('implementingUnit', unitPart.lines[0]?.line ?? unitPart.heading.line);
  const unitWithheld = withheldFrontmatter(unitPart);
  const implementingUnit = unitWithheld
    ? { withheld: unitWithheld }
    : (unitPart.lines.forEach(checkWithholdingWords), readImplementingUnit(unitPart.lines));

  let funding: Record<string, unknown>;
  let procurement: string | undefined;
  fields.set('funding', parts.funding.lines[0]?.line ?? parts.funding.heading.line);
  const fundingWithheld = readWithheld(
    parts.funding.heading,
    parts.funding.inlineWithheld,
    parts.funding.lines,
  ).reason;
  if (fundingWithheld) funding = { withheld: fundingWithheld };
  else {
    const fundingText = parts.funding.lines.map((l) => l.text).join('\n');
    // Read line by line: the amount's evidence is its line, and a figure is never read across
    // two lines (joined, 700 and 万元 on the next line would read as one, and stand on neither).
    const amountLine = parts.funding.lines.find((l) => findAmount(l.text) !== null);
    const published = amountLine ? findAmount(amountLine.text) : null;
    const amountYuan = published === null ? null : parseAmount(published.replace(/\s/g, ''));
    if (!amountLine || published === null || amountYuan === null) {
      throw new ImportError(
        parts.funding.lines[0]?.line ?? parts.funding.heading.line,
        `expected this year's amount (e.g. 700万元, 人民币柒佰万元整) under 资金安排情况; found "${fundingText.slice(0, 40)}"`,
      );
    }
    checkRestatement(amountLine.text, published, amountLine.line);
    evidence.amount = amountLine.line;
    const facts = readMoneyFacts(allLines(project), parts.funding.lines, amountYuan);
    notices.push(...facts.notices);
    funding = {
      amountYuan,
      published: published.replace(/\s/g, ''),
      ...(facts.source ? { source: facts.source.text } : {}),
      ...(facts.breakdown ? { breakdown: facts.breakdown.items } : {}),
    };
    if (facts.source) evidence.source = facts.source.line.line;
    if (facts.breakdown) evidence.breakdown = facts.breakdown.line.line;
    if (facts.procurement) {
      procurement = facts.procurement.method;
      evidence.procurement = facts.procurement.line.line;
    }
    if (!facts.source)
      notices.push({
        line: parts.funding.heading.line,
        message:
          'the text names no source of funds (资金来源：…, 其中：…, or 采用…经费的方式实施); none recorded',
      });
  }

  const estimate = findSubsection(project, 'estimate');
  const estimateText =
    estimate && !withheldReasonOfLines(estimate.lines) && !estimate.inlineWithheld
      ? findAmount(estimate.lines.map((l) => l.text).join(''))
      : null;
  const estimateYuan = estimateText ? parseAmount(estimateText.replace(/\s/g, '')) : null;
  if (estimate) fields.set('plan.estimate', estimate.lines[0]?.line ?? estimate.heading.line);
  const estimateLine = estimateText
    ? estimate!.lines.find((l) => l.text.includes(estimateText))
    : undefined;
  if (estimateLine) {
    checkRestatement(estimateLine.text, estimateText!, estimateLine.line);
    evidence.estimate = estimateLine.line;
  }
  if (estimateText && estimateYuan === null)
    notices.push({
      line: estimate!.lines[0]!.line,
      message: `the estimate "${estimateText}" could not be read; none recorded`,
    });
  const period = findSubsection(project, 'period');
  const periodLine = period?.lines.find((l) => /\d{4}|[〇零一二三四五六七八九]{4}/u.test(l.text));
  if (!periodLine)
    throw new ImportError(
      period?.heading.line ?? parts.plan.heading.line,
      'expected the implementation period (实施周期, e.g. 2020年度) under 项目实施计划 or 项目基本概况',
    );
  fields.set('plan.period', periodLine.line);
  evidence.period = periodLine.line;
  fields.set('plan', periodLine.line);
  const plan = {
    ...(estimateText && estimateYuan !== null
      ? { estimate: { amountYuan: estimateYuan, published: estimateText.replace(/\s/g, '') } }
      : {}),
    // As printed (2021年4月至2022年8月 stays so); the fiscal year is the title's.
    period: { published: trim(periodLine) },
  };

  if (!unitWithheld && unitPart.lines[0]) evidence.implementingUnit = unitPart.lines[0].line;
  const frontmatter = {
    slug,
    order,
    name,
    basis,
    implementingUnit,
    funding,
    ...(procurement ? { procurementMethod: procurement } : {}),
    plan,
    // Where each fact was read: the file's page and line, paragraph or line.
    evidence: Object.fromEntries(
      Object.entries(evidence).map(([fact, line]) => [fact, locate(line)]),
    ),
    ...(translated ? {} : { translation: 'pending' }),
  };
  const yaml = stringify(frontmatter, { lineWidth: 0 });
  const blocks = BODY_PARTS.flatMap((id) => partBlocks(parts[id], notices));
  const lines = new Map<number, number>();
  // `---`, the YAML, `---`, a blank line: the body starts after them.
  const body = writeBody(blocks, yaml.split('\n').length + 3, lines);
  const withheldIds = [
    ...[FRONTMATTER.basis.id, FRONTMATTER.implementingUnit.id].filter(
      (id) => withheldFrontmatter(parts[id]) !== null,
    ),
    ...(Array.isArray(basis) && basis.some((item) => 'withheld' in item)
      ? [`${FRONTMATTER.basis.id} (an item)`]
      : []),
    ...withheldSections(blocks.map((b) => b.node)),
  ];
  const amount =
    'published' in funding
      ? `${String(funding.published)} (${String(funding.amountYuan)} yuan)`
      : 'amount withheld';
  return {
    text: `---\n${yaml}---\n\n${body}`,
    summary: `${order}. ${name} [${slug}]: ${amount}; period ${plan.period.published}; withheld: ${withheldIds.map((id) => `#${id}`).join(', ') || 'nothing'}`,
    origins: { lines, fields, start: project.line },
  };
}

/** The ids of the sections of a body that hold a withheld marker. */
function withheldSections(nodes: RootContent[]): string[] {
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

/** Where the site keeps the original: the text's name, with the original's own extension. */
function originalName(base: string, original: OriginalFile): string {
  if (original.format === 'txt') return `${base}.${original.encoding ?? 'utf-8'}.txt`;
  return `${base}.${original.format}`;
}

/** Everything one import writes, or an ImportError naming the line where the text stops fitting the template. */
export function buildImport(source: string, options: ImportOptions): ImportResult {
  return withWordingDecisions(options.wordings ?? { withheld: [], text: [] }, () =>
    readImport(source, options),
  );
}

function readImport(source: string, options: ImportOptions): ImportResult {
  if (!SLUG.test(options.departmentSlug))
    throw new ImportError(
      0,
      `--department-slug "${options.departmentSlug}" must be lower-case ASCII words joined by hyphens`,
    );
  const { title, preface, projects, signature, unnumbered } = splitProjects(
    source,
    options.department,
  );
  const titleText = title.text.trim();
  const fromTitle = readTitle(titleText);
  const department = options.department ?? fromTitle?.department;
  const year = options.year ?? fromTitle?.year;
  if (!department || !year) {
    throw new ImportError(
      title.line,
      `expected a title line naming the department and year, e.g. 瑞丽市公安局部门2020年预算重点领域财政项目文本公开 (or give --department and --year); found "${titleText.slice(0, 40)}"`,
    );
  }
  if (options.slugs && options.slugs.length !== projects.length) {
    throw new ImportError(
      0,
      `--slugs gives ${options.slugs.length} slugs for ${projects.length} projects`,
    );
  }
  for (const [i, slug] of (options.slugs ?? []).entries()) {
    if (!SLUG.test(slug))
      throw new ImportError(
        0,
        `--slugs: "${slug}" must be lower-case ASCII words joined by hyphens`,
      );
    if (options.slugs!.indexOf(slug) !== i)
      throw new ImportError(0, `--slugs gives "${slug}" twice; each project needs its own`);
  }

  const notices: ImportNotice[] = [];
  if (unnumbered[0])
    notices.push({
      line: unnumbered[0].line,
      message: `${unnumbered.length} heading(s), this the first, carry no number in the file's text (Word keeps automatic numbers apart from it, and a .doc's are not read); they are recognised by their titles, and the text is published without the numbers`,
    });
  const dir = `${options.departmentSlug}/${year}`;
  const base = options.sourceName ?? `${options.departmentSlug}-${year}-key-projects.zh`;
  const files = new Map<string, string | Uint8Array>();
  const origins = new Map<string, FileOrigins>();
  const taken = new Set<string>();
  const names: string[] = [];
  const summary: string[] = [];
  const translated = options.translated?.(year) ?? new Set<string>();
  projects.forEach((project, i) => {
    const name = project.parts.name.lines.map(trim).join('');
    const slug = options.slugs?.[i] ?? slugOf(name, taken);
    taken.add(slug);
    names.push(name);
    const built = buildProjectFile(
      project,
      i + 1,
      slug,
      notices,
      translated.has(slug),
      options.locate ?? ((line) => `line ${line}`),
    );
    files.set(`${dir}/zh/${slug}.md`, built.text);
    origins.set(`${dir}/zh/${slug}.md`, built.origins);
    summary.push(built.summary);
  });

  // The text the site shows, as UTF-8; a UTF-8 text file is that text already and is kept as it came.
  const { original } = options;
  const textIsOriginal = original.format === 'txt' && original.encoding === 'utf-8';
  const textFile = `${base}.txt`;
  const textBytes = textIsOriginal
    ? original.bytes
    : new TextEncoder().encode(`${source.replace(/\s+$/u, '')}\n`);
  files.set(`${SOURCES_DIR}/${textFile}`, textBytes);
  const originalFile = originalName(base, original);
  if (!textIsOriginal) files.set(`${SOURCES_DIR}/${originalFile}`, original.bytes);
  const publication = {
    slug: `${options.departmentSlug}-${year}`,
    departmentSlug: options.departmentSlug,
    fiscalYear: year,
    department,
    ...(options.region ? { region: options.region } : {}),
    title: titleText,
    ...(preface.length > 0 ? { preface: preface.map(trim) } : {}),
    ...(signature
      ? {
          signature: {
            ...(signature.issuer ? { issuer: trim(signature.issuer) } : {}),
            published: trim(signature.date),
            date: signature.isoDate,
          },
        }
      : {}),
    source: {
      file: textFile,
      sha256: sha256(textBytes),
      ...(textIsOriginal
        ? {}
        : {
            original: {
              file: originalFile,
              sha256: sha256(original.bytes),
              format: original.format,
              ...(original.encoding ? { encoding: original.encoding } : {}),
            },
          }),
      ...(original.url ? { url: original.url } : {}),
      ...(original.publishedOn ? { publishedOn: original.publishedOn } : {}),
    },
    updated: options.updated,
  };
  files.set(
    `${dir}/publication.yaml`,
    `# Imported by npm run import; the English block comes with the translation.\n${stringify(publication)}`,
  );
  origins.set(`${dir}/publication.yaml`, {
    lines: new Map(),
    fields: new Map([
      ['title', title.line],
      ...(preface[0] ? [['preface', preface[0].line] as const] : []),
      ...(signature ? [['signature', (signature.issuer ?? signature.date).line] as const] : []),
    ]),
    start: title.line,
  });
  const withSignature = signature
    ? [
        `signature: ${[signature.issuer && trim(signature.issuer), trim(signature.date)].filter(Boolean).join(', ')} (${signature.isoDate})`,
      ]
    : [];
  return {
    files,
    origins,
    notices,
    publication: { department, year, projects: names },
    summary: [
      ...(preface.length > 0 ? [`preface: ${preface.length} paragraph(s)`] : []),
      ...summary,
      ...withSignature,
    ],
  };
}
