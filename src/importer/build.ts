import { pinyin } from 'pinyin-pro';
import { stringify } from 'yaml';
import { SOURCES_DIR } from '../content/paths';
import { sha256 } from '../files/kept';
import { BODY_PARTS, FRONTMATTER } from '../domain/sections';
import type { SourceFormat } from './source';
import { readMoneyFacts } from './money-facts';
import type { EvidenceFact } from '../schema/project';
import { readTitle, splitProjects } from './parse';
import {
  ImportError,
  checkWithholdingWords,
  withheldReasonOfLines,
  withWordingDecisions,
  type ImportNotice,
  type WordingDecisions,
  type SourceProject,
} from './headings';
import { findAmount, checkRestatement, parseAmount } from './published-amount';
import {
  allLines,
  findSubsection,
  partBlocks,
  readBasisItem,
  readImplementingUnit,
  readWithheld,
  trim,
  withheldFrontmatter,
  withheldSections,
  writeBody,
} from './body-blocks';

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
