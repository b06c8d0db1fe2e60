import { counterpartOf, publicationIdOf, publicationIdOfFile } from '../content/paths';
import { ContentError, type Problem } from '../content/problems';
import type { Localized } from '../domain/locales';
import { FRONTMATTER, FRONTMATTER_PARTS } from '../domain/sections';
import { isWithheld } from '../schema/withheld';
import type { ProjectZh } from '../schema/project';
import type { ProjectTranslation } from '../schema/translation';
import {
  checkFigures,
  checkGlossary,
  checkNumbers,
  checkPublication,
  checkTranslation,
  checkUnique,
} from './checks';
import { frontmatterParagraphs, frontmatterTitle, frontmatterWithheld } from './frontmatter';
import type {
  Model,
  ModelInput,
  Outline,
  OutlinedEntry,
  Project,
  PublicationModel,
  Section,
} from './types';

/**
 * Turns validated content into the one model every page, file and index reads.
 * Pure: everything it needs comes in through `input`. What a schema of one file
 * cannot check (pairs, uniqueness, cross-language agreement, figures in the
 * text) is checked on the way (src/model/checks.ts); it throws a ContentError
 * that lists every problem at once.
 */
export function buildModel(input: ModelInput): Model {
  const problems: Problem[] = [];
  const publications = new Map<string, PublicationModel>();

  for (const entry of input.publications) {
    const id = publicationIdOfFile(entry.id);
    checkPublication(entry, input.sourceHashes, problems);
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

  checkFigures(original, files, problems);
  if (translation && problems.length === before)
    checkNumbers(original, translation, files, problems);
  if (problems.length > before) return null;

  const enSections = new Map(outlines.en.sections.map((s) => [s.id, s]));
  const sections: Section[] = [
    ...FRONTMATTER_PARTS.map((part) => ({
      id: part.id,
      level: 2 as const,
      title: { zh: frontmatterTitle(part, 'zh'), en: frontmatterTitle(part, 'en') },
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
  const counted = sections.filter((s) => s.id !== FRONTMATTER.name.id);
  const markers = [
    ...sections
      .filter((s) => s.fromFrontmatter && s.withheld)
      .map((s) => ({ reason: s.withheld!, sectionId: s.id })),
    ...(isWithheld(data.basis) ? [] : data.basis).flatMap((item) =>
      item.withheld ? [{ reason: item.withheld, sectionId: FRONTMATTER.basis.id }] : [],
    ),
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
