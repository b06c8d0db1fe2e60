import { createHash } from 'node:crypto';
import type { Root, RootContent } from 'mdast';
import { directiveToMarkdown } from 'mdast-util-directive';
import { toMarkdown } from 'mdast-util-to-markdown';
import { pinyin } from 'pinyin-pro';
import { stringify } from 'yaml';
import { SOURCES_DIR } from '../content/paths';
import { stripEnumeration } from '../domain/enumeration';
import { BODY_PARTS, FRONTMATTER, PARTS, subsectionOfTitle } from '../domain/sections';
import type { WithheldReasonCode } from '../domain/withheld-reasons';
import {
  findAmount,
  ImportError,
  normalise,
  parseAmount,
  splitProjects,
  withheldReasonOfLines,
  type ImportNotice,
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
  /** The source as it came (a .docx keeps its bytes next to the extracted text). */
  original: { bytes: Uint8Array; extension: 'txt' | 'docx' };
  /** YYYY-MM-DD: when this copy of the content changed. */
  updated: string;
  /** The slugs of the year's projects that are translated already: they are not marked pending. */
  translated?: ((year: number) => ReadonlySet<string>) | undefined;
}

export interface ImportResult {
  /** Path below the content folder → file contents. */
  files: Map<string, string | Uint8Array>;
  notices: ImportNotice[];
  publication: { department: string; year: number; projects: string[] };
  /** One line per project for a person to read: its name, slug, amount and withheld sections. */
  summary: string[];
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A short ASCII slug from a Chinese name: the pinyin of its first six syllables. */
export function slugOf(name: string, taken: Set<string>): string {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .map((s) => s.toLowerCase().replace(/[^a-z0-9]+/g, ''))
    .filter(Boolean)
    .slice(0, 6);
  const base = syllables.join('-') || 'project';
  let slug = base;
  for (let n = 2; taken.has(slug); n += 1) slug = `${base}-${n}`;
  taken.add(slug);
  return slug;
}

const text = (value: string): RootContent => ({
  type: 'paragraph',
  children: [{ type: 'text', value }],
});
const heading = (depth: 2 | 3, value: string, id: string): RootContent => ({
  type: 'heading',
  depth,
  children: [{ type: 'text', value: `${value} {#${id}}` }],
});
const marker = (reason: WithheldReasonCode): RootContent => ({
  type: 'leafDirective',
  name: 'withheld',
  attributes: { reason },
  children: [],
});

/** The reason a part is withheld for: its heading line says so, or its lines say nothing else. */
const withheldReasonOf = (part: { inlineWithheld: WithheldReasonCode | null; lines: Line[] }) =>
  part.inlineWithheld ?? withheldReasonOfLines(part.lines);

/** A heading line up to its title, without the withheld phrase after it (`（1）、项目可行性：涉密不宜公开` → `（1）、项目可行性`). */
const withoutWithheldPhrase = (heading: string, title: string) =>
  heading.slice(0, heading.indexOf(title) + title.length);

const trim = (line: Line) => line.text.replace(/^[\s\u3000]+/u, '');

/** `（一）、瑞政办发（2019）13号：瑞丽市人民政府办公室《关于…的通知》` → its parts, where the line has them. */
function readBasisItem(published: string): Record<string, string> {
  const item: Record<string, string> = { published };
  const rest = stripEnumeration(published);
  const colon = /^([^：:]+)[：:](.*)$/u.exec(rest);
  if (colon && /号|第\s*\d+\s*期|纪要/u.test(colon[1]!)) item.number = colon[1]!.trim();
  const issuer = colon ? /^([^《]+)《/u.exec(colon[2]!) : null;
  if (issuer && issuer[1]!.trim()) item.issuer = issuer[1]!.trim();
  const title = /《([^》]+)》/u.exec(rest);
  if (title) item.title = title[1]!;
  return item;
}

/** `主管部门：…`, `项目实施单位：…` / `项目单位：…`, or the unit's name alone. */
function readImplementingUnit(lines: Line[]): Record<string, string> {
  let supervisor: string | undefined;
  let unit: string | undefined;
  let unitLabel: string | undefined;
  for (const line of lines) {
    const labelled = /^([^：:]{2,8})[：:]\s*(.+)$/u.exec(trim(line));
    if (labelled && /主管部门/u.test(labelled[1]!)) supervisor = labelled[2]!.trim();
    else if (labelled && /单位/u.test(labelled[1]!)) {
      unitLabel = labelled[1]!.trim();
      unit = labelled[2]!.trim();
    } else unit ??= trim(line);
  }
  if (!unit)
    throw new ImportError(
      lines[0]?.line ?? 0,
      'expected the implementing unit (实施单位) in 项目实施单位',
    );
  return { ...(supervisor ? { supervisor } : {}), unit, ...(unitLabel ? { unitLabel } : {}) };
}

/** The body of one part (4, 5, 6, 7 or 8) as Markdown nodes, with its id. */
function partNodes(part: Part, notices: ImportNotice[]): RootContent[] {
  const title = PARTS.find((p) => p.id === part.id)!.title;
  const nodes: RootContent[] = [heading(2, title, part.id)];
  // `5、项目实施内容：涉密不宜公开`: the marker stands where the heading line said so; every line after it is kept.
  if (part.inlineWithheld) nodes.push(marker(part.inlineWithheld));
  for (const line of part.lines) {
    const reason = withheldReasonOfLines([line]);
    nodes.push(reason ? marker(reason) : text(trim(line)));
  }
  let extra = 0;
  for (const sub of part.subsections) {
    const id = subsectionOfTitle(normalise(sub.title))?.id ?? `${part.id}-${(extra += 1)}`;
    const printed = sub.inlineWithheld
      ? withoutWithheldPhrase(trim(sub.heading), sub.title)
      : trim(sub.heading);
    nodes.push(heading(3, printed, id));
    const reason = withheldReasonOf(sub);
    if (reason) {
      nodes.push(marker(reason));
      continue;
    }
    for (const line of sub.lines) nodes.push(text(trim(line)));
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
  return nodes;
}

function allLines(project: SourceProject): Line[] {
  return Object.values(project.parts).flatMap((part) => [
    part.heading,
    ...part.lines,
    ...part.subsections.flatMap((s) => [s.heading, ...s.lines]),
  ]);
}

function subsectionLines(project: SourceProject, id: string): Line[] | null {
  for (const part of Object.values(project.parts)) {
    for (const sub of part.subsections)
      if (subsectionOfTitle(normalise(sub.title))?.id === id) return sub.lines;
  }
  return null;
}

/** One project's zh file: frontmatter with every figure, body with every line of parts 4–8. */
function buildProjectFile(
  project: SourceProject,
  order: number,
  slug: string,
  year: number,
  notices: ImportNotice[],
  translated: boolean,
): { text: string; summary: string } {
  const { parts } = project;
  const name = parts.name.lines.map(trim).join('');
  if (!name)
    throw new ImportError(parts.name.heading.line, 'expected the project name after 项目名称');
  const withheld = (part: Part) => withheldReasonOf(part);
  const basisWithheld = withheld(parts.basis);
  const basis = basisWithheld
    ? { withheld: basisWithheld }
    : parts.basis.lines.map((line) => readBasisItem(trim(line)));
  if (Array.isArray(basis) && basis.length === 0)
    throw new ImportError(parts.basis.heading.line, 'expected at least one item under 立项依据');
  const unitWithheld = withheld(parts[FRONTMATTER.implementingUnit.id]);
  const implementingUnit = unitWithheld
    ? { withheld: unitWithheld }
    : readImplementingUnit(parts[FRONTMATTER.implementingUnit.id].lines);

  let funding: Record<string, string | number>;
  const fundingWithheld = withheld(parts.funding);
  if (fundingWithheld) funding = { withheld: fundingWithheld };
  else {
    const fundingText = parts.funding.lines.map((l) => l.text).join('\n');
    const published = findAmount(fundingText);
    const amountYuan = published === null ? null : parseAmount(published.replace(/\s/g, ''));
    if (published === null || amountYuan === null) {
      throw new ImportError(
        parts.funding.lines[0]?.line ?? parts.funding.heading.line,
        `expected this year's amount (e.g. 700万元) under 资金安排情况; found "${fundingText.slice(0, 40)}"`,
      );
    }
    const method = allLines(project)
      .map((l) => l.text)
      .join('\n');
    const source = /采用(.+?)的方式/u.exec(method)?.[1];
    funding = {
      amountYuan,
      published: published.replace(/\s/g, ''),
      ...(source ? { source } : {}),
    };
    if (!source)
      notices.push({
        line: parts.funding.heading.line,
        message: 'the text names no source of funds (…采用…的方式实施); none recorded',
      });
  }

  const estimateLines = subsectionLines(project, 'estimate');
  const estimateText =
    estimateLines && !withheldReasonOfLines(estimateLines)
      ? findAmount(estimateLines.map((l) => l.text).join(''))
      : null;
  const estimateYuan = estimateText ? parseAmount(estimateText.replace(/\s/g, '')) : null;
  if (estimateText && estimateYuan === null)
    notices.push({
      line: estimateLines![0]!.line,
      message: `the estimate "${estimateText}" could not be read; none recorded`,
    });
  const periodLines = subsectionLines(project, 'period');
  const periodText = periodLines?.map(trim).find((l) => /\d{4}/.test(l));
  if (!periodText)
    throw new ImportError(
      parts.plan.heading.line,
      'expected the implementation period (实施周期, e.g. 2020年度) under 项目实施计划 or 项目基本概况',
    );
  const plan = {
    ...(estimateText && estimateYuan !== null
      ? { estimate: { amountYuan: estimateYuan, published: estimateText.replace(/\s/g, '') } }
      : {}),
    period: { fiscalYear: Number(/(\d{4})/.exec(periodText)![1]), published: periodText },
  };
  if (plan.period.fiscalYear !== year)
    notices.push({
      line: periodLines![0]!.line,
      message: `the period says ${plan.period.fiscalYear}, the title ${year}`,
    });

  const frontmatter = {
    slug,
    order,
    name,
    basis,
    implementingUnit,
    funding,
    plan,
    ...(translated ? {} : { translation: 'pending' }),
  };
  const tree: Root = {
    type: 'root',
    children: BODY_PARTS.flatMap((id) => partNodes(parts[id], notices)),
  };
  const body = toMarkdown(tree, { extensions: [directiveToMarkdown()] });
  const withheldIds = [
    ...[FRONTMATTER.basis.id, FRONTMATTER.implementingUnit.id].filter((id) => withheld(parts[id])),
    ...withheldSections(tree),
  ];
  const amount =
    'published' in funding
      ? `${String(funding.published)} (${String(funding.amountYuan)} yuan)`
      : 'amount withheld';
  return {
    text: `---\n${stringify(frontmatter, { lineWidth: 0 })}---\n\n${body}`,
    summary: `${order}. ${name} [${slug}]: ${amount}; withheld: ${withheldIds.map((id) => `#${id}`).join(', ') || 'nothing'}`,
  };
}

/** The ids of the sections of a body that hold a withheld marker. */
function withheldSections(tree: Root): string[] {
  const ids: string[] = [];
  let section = '';
  for (const node of tree.children) {
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

/** Everything one import writes, or an ImportError naming the line where the text stops fitting the template. */
export function buildImport(source: string, options: ImportOptions): ImportResult {
  if (!SLUG.test(options.departmentSlug))
    throw new ImportError(
      0,
      `--department-slug "${options.departmentSlug}" must be lower-case ASCII words joined by hyphens`,
    );
  const { title, projects } = splitProjects(source);
  const titleText = title.text.trim();
  const fromTitle = /^(.*?)(?:部门)?\s*(\d{4})\s*年/u.exec(titleText);
  const department = options.department ?? fromTitle?.[1]?.trim();
  const year = options.year ?? (fromTitle ? Number(fromTitle[2]) : undefined);
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
  const dir = `${options.departmentSlug}/${year}`;
  const base = `${options.departmentSlug}-${year}-key-projects.zh`;
  const files = new Map<string, string | Uint8Array>();
  const taken = new Set<string>();
  const names: string[] = [];
  const summary: string[] = [];
  const translated = options.translated?.(year) ?? new Set<string>();
  projects.forEach((project, i) => {
    const name = project.parts.name.lines.map(trim).join('');
    const slug = options.slugs?.[i] ?? slugOf(name, taken);
    taken.add(slug);
    names.push(name);
    const built = buildProjectFile(project, i + 1, slug, year, notices, translated.has(slug));
    files.set(`${dir}/zh/${slug}.md`, built.text);
    summary.push(built.summary);
  });

  // The original byte for byte; a Word file keeps its bytes and its text (the text is what the site publishes).
  const textFile = `${base}.txt`;
  const textBytes =
    options.original.extension === 'txt'
      ? options.original.bytes
      : new TextEncoder().encode(source);
  files.set(`${SOURCES_DIR}/${textFile}`, textBytes);
  if (options.original.extension === 'docx')
    files.set(`${SOURCES_DIR}/${base}.docx`, options.original.bytes);
  const publication = {
    slug: `${options.departmentSlug}-${year}`,
    departmentSlug: options.departmentSlug,
    fiscalYear: year,
    department,
    ...(options.region ? { region: options.region } : {}),
    title: titleText,
    source: { file: textFile, sha256: createHash('sha256').update(textBytes).digest('hex') },
    updated: options.updated,
  };
  files.set(
    `${dir}/publication.yaml`,
    `# Imported by npm run import; the English block comes with the translation.\n${stringify(publication)}`,
  );
  return { files, notices, publication: { department, year, projects: names }, summary };
}
