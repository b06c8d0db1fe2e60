import { counterpartOf, publicationIdOf, publicationIdOfFile } from '../content/paths';
import { ContentError, type Problem } from '../content/problems';
import type { Localized } from '../domain/locales';
import { compareNumbers, numbersIn } from '../domain/numbers';
import {
  FRONTMATTER,
  FRONTMATTER_PARTS,
  type FrontmatterPart,
  type FrontmatterPartId,
} from '../domain/sections';
import { t } from '../i18n';
import { isWithheld } from '../schema/withheld';
import type { ProjectZh } from '../schema/project';
import type { ProjectTranslation } from '../schema/translation';
import type { GlossaryTerm } from '../schema/glossary';
import type { WithheldReasonCode } from '../domain/withheld-reasons';
import type {
  Model,
  ModelInput,
  Outline,
  OutlinedEntry,
  OutlineSection,
  Project,
  PublicationModel,
  Section,
} from './types';

/** The sections written in frontmatter: before the body, in published order. */
/** A frontmatter section's title, in the page's language. */
const titleOf = (part: FrontmatterPart, locale: 'zh' | 'en') => t(locale).sections[part.field];

function frontmatterWithheld(
  data: ProjectZh | ProjectTranslation,
  id: FrontmatterPartId,
): WithheldReasonCode | null {
  if (id === 'basis' && isWithheld(data.basis)) return data.basis.withheld;
  if (id === FRONTMATTER.implementingUnit.id && isWithheld(data.implementingUnit))
    return data.implementingUnit.withheld;
  return null;
}

/**
 * The paragraphs of a frontmatter section as the page shows them (the
 * implementing unit with its labels): for the number cross-check, search and
 * the data files alike.
 */
function frontmatterParagraphs(
  data: ProjectZh | ProjectTranslation,
  id: FrontmatterPartId,
  locale: 'zh' | 'en',
): string[] {
  if (id === 'name') return [data.name];
  if (id === 'basis') return isWithheld(data.basis) ? [] : data.basis.map((item) => item.published);
  const unit = data.implementingUnit;
  if (isWithheld(unit)) return [];
  const d = t(locale);
  return [
    ...(unit.supervisor ? [`${d.project.supervisor}${d.colon}${unit.supervisor}`] : []),
    unit.unitLabel ? `${unit.unitLabel}${d.colon}${unit.unit}` : unit.unit,
  ];
}

function sectionText(section: OutlineSection): string {
  return section.blocks.join('\n');
}

/**
 * Turns validated content into the one model every page, file and index reads.
 * Pure: everything it needs comes in through `input`. Checks what a schema of
 * one file cannot (pairs, uniqueness, cross-language agreement, figures in the
 * text) and throws a ContentError that lists every problem at once.
 */
export function buildModel(input: ModelInput): Model {
  const problems: Problem[] = [];
  const publications = new Map<string, PublicationModel>();

  for (const entry of input.publications) {
    const id = publicationIdOfFile(entry.id);
    const { source } = entry.data;
    const actual = input.sourceHashes[source.file];
    if (actual === undefined) {
      problems.push({
        file: entry.filePath,
        path: 'source.file',
        message: `content/sources/${source.file} does not exist`,
      });
    } else if (actual !== source.sha256) {
      problems.push({
        file: entry.filePath,
        path: 'source.sha256',
        message: `content/sources/${source.file} has SHA-256 ${actual}, not the ${source.sha256} recorded here`,
      });
    }
    if (id !== `${entry.data.departmentSlug}/${entry.data.fiscalYear}`) {
      problems.push({
        file: entry.filePath,
        path: 'departmentSlug',
        message: `the folder must be content/${entry.data.departmentSlug}/${entry.data.fiscalYear}/ to match departmentSlug and fiscalYear`,
      });
    }
    publications.set(id, {
      id,
      file: entry.filePath,
      data: entry.data,
      projects: [],
      totalYuan: 0,
      withheldAmounts: 0,
    });
  }
  checkUnique(
    input.publications.map((p) => ({ file: p.filePath, value: p.data.slug })),
    'slug',
    'publication slug',
    problems,
  );

  const translations = new Map(input.translations.map((t) => [t.id, t]));
  const originalIds = new Set(input.disclosures.map((d) => d.id));
  for (const translation of input.translations) {
    if (!originalIds.has(counterpartOf(translation.id, 'zh'))) {
      problems.push({
        file: translation.filePath,
        message: `translation has no Chinese original at ${counterpartOf(translation.filePath, 'zh')}`,
      });
    }
  }

  for (const original of input.disclosures) {
    const publication = publications.get(publicationIdOf(original.id));
    const translation = translations.get(counterpartOf(original.id, 'en'));
    if (!publication) {
      problems.push({
        file: original.filePath,
        message: `no publication.yaml in content/${publicationIdOf(original.id)}/`,
      });
      continue;
    }
    const pending = original.data.translation === 'pending';
    if (!translation && !pending) {
      problems.push({
        file: original.filePath,
        message: `no English translation: add ${counterpartOf(original.filePath, 'en')} with the same sections (or mark the original \`translation: pending\`)`,
      });
      continue;
    }
    if (translation && pending) {
      problems.push({
        file: original.filePath,
        path: 'translation',
        message: `says the translation is pending, but ${translation.filePath} exists; remove \`translation: pending\``,
      });
      continue;
    }
    const project = buildProject(original, translation ?? null, publication, problems);
    if (project && translation) checkGlossary(project, translation, input.glossary, problems);
    if (project) publication.projects.push(project);
  }

  const ordered = [...publications.values()].sort(
    (a, b) =>
      b.data.fiscalYear - a.data.fiscalYear ||
      a.data.departmentSlug.localeCompare(b.data.departmentSlug),
  );
  for (const publication of ordered) {
    const files = publication.projects.map((p) => p.files.zh);
    checkUnique(
      publication.projects.map((p, i) => ({ file: files[i]!, value: p.slug })),
      'slug',
      'project slug',
      problems,
    );
    checkUnique(
      publication.projects.map((p, i) => ({ file: files[i]!, value: String(p.order) })),
      'order',
      'order',
      problems,
    );
    publication.projects.sort((a, b) => a.order - b.order);
    const total = sumSafely(publication.projects.map((p) => p.amountYuan ?? 0));
    if (total === null)
      problems.push({
        file: publication.file,
        line: 1,
        message: `the projects' amounts add up to more than ${Number.MAX_SAFE_INTEGER} yuan, too large to total exactly`,
      });
    publication.totalYuan = total ?? 0;
    publication.withheldAmounts = publication.projects.filter((p) => p.amountYuan === null).length;
  }

  const totalYuan = sumSafely(ordered.map((p) => p.totalYuan));
  if (totalYuan === null) {
    problems.push({
      file: ordered[0]?.file ?? 'content/',
      line: 1,
      message: `all amounts together add up to more than ${Number.MAX_SAFE_INTEGER} yuan, too large to total exactly`,
    });
  }
  if (problems.length > 0) throw new ContentError(problems);

  const projects = ordered.flatMap((p) => p.projects);
  const years = [...new Set(ordered.map((p) => p.data.fiscalYear))].map((year) => {
    const publications = ordered.filter((p) => p.data.fiscalYear === year);
    return {
      year,
      publications,
      projects: sum(publications.map((p) => p.projects.length)),
      totalYuan: sum(publications.map((p) => p.totalYuan)),
    };
  });
  return {
    publications: ordered,
    glossary: input.glossary,
    years,
    projects,
    totalYuan: totalYuan ?? 0,
    fullyDisclosedYuan: sum(
      projects.filter((p) => p.sectionsWithheld === 0).map((p) => p.amountYuan ?? 0),
    ),
    withheldAmounts: sum(ordered.map((p) => p.withheldAmounts)),
    sectionsCounted: sum(projects.map((p) => p.sectionsCounted)),
    sectionsWithheld: sum(projects.map((p) => p.sectionsWithheld)),
  };
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/** The sum, or null when it passes 2^53 and could no longer be exact. */
function sumSafely(values: number[]): number | null {
  const total = sum(values);
  return Number.isSafeInteger(total) ? total : null;
}

function checkUnique(
  items: { file: string; value: string }[],
  path: string,
  what: string,
  problems: Problem[],
): void {
  const first = new Map<string, string>();
  for (const { file, value } of items) {
    const earlier = first.get(value);
    if (earlier !== undefined)
      problems.push({ file, path, message: `${what} "${value}" is already used by ${earlier}` });
    else first.set(value, file);
  }
}

/**
 * The glossary holds across every translated disclosure: where a section's
 * Chinese uses a term, its English uses the term's one rendering (any case).
 */
function checkGlossary(
  project: Project,
  translation: OutlinedEntry<ProjectTranslation>,
  glossary: readonly GlossaryTerm[],
  problems: Problem[],
): void {
  for (const section of project.sections) {
    if (section.withheld) continue;
    let zh = [section.title.zh, ...section.paragraphs.zh].join('\n');
    const en = [section.title.en, ...section.paragraphs.en].join('\n').toLowerCase();
    // Longest terms first: 重点人员布控 is its own term, not also an instance of 人员布控.
    const missing: GlossaryTerm[] = [];
    for (const term of [...glossary].sort((a, b) => b.zh.length - a.zh.length)) {
      if (!zh.includes(term.zh)) continue;
      if (!en.includes(term.en.toLowerCase())) missing.push(term);
      zh = zh.replaceAll(term.zh, '\u0000');
    }
    if (missing.length === 0) continue;
    const heading = translation.outline.sections.find((s) => s.id === section.id)?.line;
    problems.push({
      file: translation.filePath,
      line: heading === undefined ? undefined : heading + translation.bodyStartLine - 1,
      path: `#${section.id}`,
      message: `the Chinese uses ${missing.map((t) => `${t.zh} (“${t.en}” in content/glossary.yaml)`).join(', ')}, but the English lacks ${missing.length === 1 ? 'that rendering' : 'those renderings'}`,
    });
  }
}

/** What must agree between an original and its translation, besides the numbers. */
function checkTranslation(
  original: OutlinedEntry<ProjectZh>,
  translation: OutlinedEntry<ProjectTranslation>,
  problems: Problem[],
): void {
  const outlines: Localized<Outline> = { zh: original.outline, en: translation.outline };
  const files: Localized = { zh: original.filePath, en: translation.filePath };
  const data = original.data;
  // Both languages carry the same sections and the same withheld set.
  const shape = (o: Outline) =>
    o.sections
      .map((s) => `${'#'.repeat(s.level)}${s.id}${s.withheld ? `(withheld:${s.withheld})` : ''}`)
      .join(' ');
  if (shape(outlines.zh) !== shape(outlines.en)) {
    problems.push({
      line: translation.bodyStartLine,
      file: files.en,
      message: `sections differ from the Chinese original.\n      zh: ${shape(outlines.zh)}\n      en: ${shape(outlines.en)}`,
    });
  }
  const markerShape = (o: Outline) => o.markers.map((m) => `#${m.sectionId}:${m.reason}`).join(' ');
  if (markerShape(outlines.zh) !== markerShape(outlines.en)) {
    problems.push({
      line: translation.bodyStartLine,
      file: files.en,
      message: `withheld markers differ from the Chinese original (zh: ${markerShape(outlines.zh) || 'none'}; en: ${markerShape(outlines.en) || 'none'})`,
    });
  }
  for (const { id, field } of FRONTMATTER_PARTS) {
    if (frontmatterWithheld(data, id) !== frontmatterWithheld(translation.data, id)) {
      problems.push({
        file: files.en,
        path: field,
        message:
          'must be withheld exactly when the Chinese original withholds it, for the same reason',
      });
    }
  }
  if (!isWithheld(data.funding) !== !isWithheld(translation.data.funding)) {
    problems.push({
      file: files.en,
      path: 'funding',
      message: 'must be withheld exactly when the Chinese original withholds it',
    });
  }
  if (
    Array.isArray(data.basis) &&
    Array.isArray(translation.data.basis) &&
    data.basis.length !== translation.data.basis.length
  ) {
    problems.push({
      file: files.en,
      path: 'basis',
      message: `has ${translation.data.basis.length} items; the Chinese original has ${data.basis.length}`,
    });
  }
}

function buildProject(
  original: OutlinedEntry<ProjectZh>,
  /** Null while the translation is pending: the English page then shows the figures and links to the original. */
  translation: OutlinedEntry<ProjectTranslation> | null,
  publication: PublicationModel,
  problems: Problem[],
): Project | null {
  const before = problems.length;
  const data = original.data;
  const files: Localized = { zh: original.filePath, en: counterpartOf(original.filePath, 'en') };
  if (translation) checkTranslation(original, translation, problems);
  const outlines: Localized<Outline> = {
    zh: original.outline,
    en: translation?.outline ?? original.outline,
  };

  // Figures in the structured data must be the figures in the published text.
  const zhSections = new Map(outlines.zh.sections.map((s) => [s.id, s]));
  const under = (id: string) => {
    const start = outlines.zh.sections.findIndex((s) => s.id === id);
    if (start < 0) return '';
    const end = outlines.zh.sections.findIndex(
      (s, i) => i > start && s.level <= outlines.zh.sections[start]!.level,
    );
    return outlines.zh.sections
      .slice(start, end < 0 ? undefined : end)
      .map(sectionText)
      .join('\n');
  };
  const fundingSection = zhSections.get('funding');
  if (!isWithheld(data.funding)) {
    if (fundingSection && !sectionText(fundingSection).includes(data.funding.published)) {
      problems.push({
        file: files.zh,
        path: 'funding.published',
        message: `"${data.funding.published}" does not appear in the ## 资金安排情况 {#funding} section`,
      });
    }
    if (data.funding.source !== undefined && !original.body.includes(data.funding.source)) {
      problems.push({
        file: files.zh,
        path: 'funding.source',
        message: `"${data.funding.source}" does not appear in the published text`,
      });
    }
  } else if (fundingSection && !fundingSection.withheld) {
    problems.push({
      file: files.zh,
      path: 'funding',
      message: 'is withheld, so the #funding section must be withheld too',
    });
  }
  for (const [path, published] of [
    ['plan.estimate.published', data.plan.estimate?.published],
    ['plan.period.published', data.plan.period.published],
  ] as const) {
    if (published !== undefined && !under('plan').includes(published)) {
      problems.push({
        file: files.zh,
        path,
        message: `"${published}" does not appear in the ## 项目实施计划 {#plan} section`,
      });
    }
  }

  // Every number in a zh section appears in its en counterpart, and the reverse (once there is one).
  const blocksOf = (locale: 'zh' | 'en', id: string): string[] => {
    const frontmatter = FRONTMATTER_PARTS.find((s) => s.id === id);
    const source = locale === 'zh' || !translation ? data : translation.data;
    if (frontmatter) return frontmatterParagraphs(source, frontmatter.id, locale);
    return outlines[locale].sections.find((s) => s.id === id)?.blocks ?? [];
  };
  if (translation && problems.length === before) {
    for (const id of [
      ...FRONTMATTER_PARTS.map((s) => s.id),
      ...outlines.zh.sections.map((s) => s.id),
    ]) {
      const { missingInEn, extraInEn } = compareNumbers(
        numbersIn(blocksOf('zh', id), 'zh'),
        numbersIn(blocksOf('en', id), 'en'),
      );
      if (missingInEn.length || extraInEn.length) {
        const heading = outlines.en.sections.find((section) => section.id === id)?.line;
        problems.push({
          file: files.en,
          // The English heading of the section, or (for a frontmatter section) the check finds its field.
          line: heading === undefined ? undefined : heading + translation.bodyStartLine - 1,
          path: `#${id}`,
          message: `numbers differ from the Chinese original${missingInEn.length ? `; missing ${missingInEn.join(', ')}` : ''}${extraInEn.length ? `; not in the original ${extraInEn.join(', ')}` : ''} (700万元 may be written 7 million or 7,000,000)`,
        });
      }
    }
  }
  if (problems.length > before) return null;

  const enSections = new Map(outlines.en.sections.map((s) => [s.id, s]));
  const sections: Section[] = [
    ...FRONTMATTER_PARTS.map((part) => ({
      id: part.id,
      level: 2 as const,
      title: { zh: titleOf(part, 'zh'), en: titleOf(part, 'en') },
      withheld: frontmatterWithheld(data, part.id),
      fromFrontmatter: true,
      paragraphs: {
        zh: frontmatterParagraphs(data, part.id, 'zh'),
        en: translation ? frontmatterParagraphs(translation.data, part.id, 'en') : [],
      },
    })),
    ...outlines.zh.sections.map((s) => ({
      id: s.id,
      level: s.level,
      // While the translation is pending, the English side carries the original heading.
      title: { zh: s.title, en: enSections.get(s.id)!.title },
      withheld: s.withheld,
      fromFrontmatter: false,
      // The heading is the first block; a withheld section's only content is its marker.
      paragraphs: s.withheld
        ? { zh: [], en: [] }
        : { zh: s.blocks.slice(1), en: translation ? enSections.get(s.id)!.blocks.slice(1) : [] },
    })),
  ];
  const counted = sections.filter((s) => s.id !== 'name');
  const markers = [
    ...sections
      .filter((s) => s.fromFrontmatter && s.withheld)
      .map((s) => ({ reason: s.withheld!, sectionId: s.id })),
    ...outlines.zh.markers.map((m) => ({ reason: m.reason, sectionId: m.sectionId ?? '' })),
  ];

  return {
    key: `${publication.data.slug}/${data.slug}`,
    slug: data.slug,
    order: data.order,
    publication,
    original: data,
    translation: translation?.data ?? null,
    entryIds: { zh: original.id, en: translation?.id ?? null },
    bodyHtml: { zh: original.html, en: translation?.html ?? null },
    files,
    amountYuan: isWithheld(data.funding) ? null : data.funding.amountYuan,
    sections,
    sectionsCounted: counted.length,
    sectionsWithheld: counted.filter((s) => s.withheld).length,
    markers,
    bodySections: { zh: outlines.zh.sections, en: outlines.en.sections },
  };
}
