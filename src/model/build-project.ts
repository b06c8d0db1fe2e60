import { numberPassages, renumberPassages } from './anchors';
import { counterpartOf, snapshotFolder } from '../content/paths';
import { computeRevisions } from './revisions';
import { type Problem } from '../content/problems';
import type { Localized } from '../domain/locales';
import { FRONTMATTER, FRONTMATTER_PARTS, passageId } from '../domain/sections';
import { isWithheld } from '../schema/withheld';
import type { ProjectZh } from '../schema/project';
import type { ProjectTranslation } from '../schema/translation';
import { checkFigures, checkNumbers, checkTranslation } from './checks';
import { frontmatterParagraphs, frontmatterTitle, frontmatterWithheld } from './frontmatter';
import type {
  Outline,
  OutlinedEntry,
  Project,
  PublicationModel,
  Section,
  ProjectEnglish,
  TranslationEntry,
} from './types';

/**
 * One project of the model from its Chinese entry and its translation: its
 * passages numbered, its English read (or marked pending, or outdated), what
 * is withheld now. src/model/build.ts builds the publications around it.
 */

/**
 * A translation of an earlier version of the Chinese (`translationOf`): whether
 * the page can show it, and what its numbers are checked against. It is shown
 * where its sections and withheld parts are the current text's (a revision
 * that withholds a section rewrites the translation's to the marker too);
 * otherwise the English page is pending until the translation is updated.
 */
function readOutdatedTranslation(
  original: OutlinedEntry<ProjectZh>,
  translation: OutlinedEntry<ProjectTranslation>,
  publication: PublicationModel,
  earlier: (OutlinedEntry<ProjectZh> | null)[],
  problems: Problem[],
): { of: number; shown: boolean; reference: OutlinedEntry<ProjectZh> } | null {
  const of = translation.data.translationOf;
  const current = publication.versions.length;
  if (of === undefined || of === current) return null;
  const reference = of < current ? earlier[of - 1] : null;
  if (!reference) {
    problems.push({
      file: translation.filePath,
      path: 'translationOf',
      message:
        of > current
          ? `says it translates version ${of}, but the text has ${current} version(s)`
          : `says it translates version ${of}, but ${snapshotFolder(publication.id, of)}/${original.data.slug}.md, the Chinese of that version, is missing`,
    });
    return null;
  }
  const differences: Problem[] = [];
  checkTranslation(original, translation, differences);
  return { of, shown: differences.length === 0, reference };
}

export function buildProject(
  original: OutlinedEntry<ProjectZh>,
  /** Null while the translation is pending: the English page then shows the figures and links to the original. */
  given: TranslationEntry | null,
  publication: PublicationModel,
  /** The project in each earlier version of the text (null where it was not in it), oldest first. */
  earlier: (OutlinedEntry<ProjectZh> | null)[],
  problems: Problem[],
): Project | null {
  const before = problems.length;
  const data = original.data;
  const files: Localized = { zh: original.filePath, en: counterpartOf(original.filePath, 'en') };
  const outdated = given
    ? readOutdatedTranslation(original, given, publication, earlier, problems)
    : null;
  if (problems.length > before) return null;
  // A translation whose sections are no longer the text's is not shown: the page says it is pending.
  const translation = outdated && !outdated.shown ? null : given;
  if (translation) checkTranslation(original, translation, problems);
  const outlines: Localized<Outline> = {
    zh: original.outline,
    en: translation?.outline ?? original.outline,
  };

  const passages = numberProjectPassages(original, translation, earlier);
  checkFigures(original, files, problems);
  // The numbers of a translation of an earlier version are those of that version's Chinese,
  // but for what the current text withholds, which the translation withholds too.
  if (translation && problems.length === before)
    checkNumbers(
      outdated?.reference ?? original,
      translation,
      files,
      problems,
      withheldNow(original),
    );
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
    // The English's own file, where a translator's exists (the site's own English has none).
    entryIds: { zh: original.id, en: translation && !translation.derived ? translation.id : null },
    english: readEnglish(translation, passages.en),
    // Paragraph anchors stay put across versions (src/model/anchors.ts).
    bodyHtml: {
      zh: renumberPassages(original.html, passages.zh),
      en: translation ? renumberPassages(translation.html, passages.en) : null,
    },
    goneAnchors: passages.gone,
    files,
    amountYuan: isWithheld(data.funding) ? null : data.funding.amountYuan,
    sections,
    sectionsCounted: counted.length,
    sectionsWithheld: counted.filter((s) => s.withheld).length,
    markers,
    bodySections: { zh: outlines.zh.sections, en: outlines.en.sections },
    revisions: computeRevisions(
      [...earlier, original].map((entry) =>
        entry ? { data: entry.data, outline: entry.outline } : null,
      ),
      publication.versions,
    ),
    history: earlier.flatMap((entry, i) =>
      entry ? [{ version: i + 1, state: { data: entry.data, outline: entry.outline } }] : [],
    ),
    outdatedTranslation: outdated ? { of: outdated.of, shown: outdated.shown } : null,
  };
}

/**
 * Where each passage of the English page came from, in page order: the
 * frontmatter's from the completion (src/translate/english.ts), the body's
 * from the marks its outline read. Without English shown, every passage is
 * none.
 */
function readEnglish(
  translation: TranslationEntry | null,
  numbers: Map<string, number[]>,
): ProjectEnglish {
  const passages: ProjectEnglish['passages'] = [];
  if (translation) {
    for (const [anchor, origin] of Object.entries(translation.frontmatterOrigins))
      passages.push({ anchor, ...origin });
    for (const section of translation.outline.sections) {
      if (section.withheld) continue;
      section.origins.forEach((origin, i) =>
        passages.push({
          anchor: passageId(section.id, numbers.get(section.id)?.[i] ?? i + 1),
          ...origin,
        }),
      );
    }
  }
  const counts = { total: passages.length, translator: 0, rule: 0, memory: 0, none: 0 };
  for (const passage of passages) counts[passage.by] += 1;
  return { passages, counts, complete: counts.none === 0, derived: translation?.derived ?? true };
}

/**
 * Each body section's passage numbers where they are not simply 1, 2, 3… (a
 * later version inserted or removed passages), for the Chinese body and, where
 * its section has as many passages, the English one; and the anchors of
 * passages removed since, which the page sends to its revision history.
 */
function numberProjectPassages(
  original: OutlinedEntry<ProjectZh>,
  translation: OutlinedEntry<ProjectTranslation> | null,
  earlier: (OutlinedEntry<ProjectZh> | null)[],
): { zh: Map<string, number[]>; en: Map<string, number[]>; gone: string[] } {
  const zh = new Map<string, number[]>();
  const en = new Map<string, number[]>();
  const gone: string[] = [];
  if (earlier.length === 0) return { zh, en, gone };
  const passagesOf = (entry: OutlinedEntry<ProjectZh> | null, id: string) => {
    const section = entry?.outline.sections.find((s) => s.id === id);
    return section && section.withheld === null ? section.passages : null;
  };
  for (const section of original.outline.sections) {
    const numbers = numberPassages([
      ...earlier.map((entry) => passagesOf(entry, section.id)),
      passagesOf(original, section.id),
    ]);
    gone.push(...numbers.gone.map((n) => passageId(section.id, n)));
    if (numbers.current.every((n, i) => n === i + 1)) continue;
    zh.set(section.id, numbers.current);
    const english = translation?.outline.sections.find((s) => s.id === section.id);
    if (english?.passages.length === numbers.current.length) en.set(section.id, numbers.current);
  }
  return { zh, en, gone };
}

/** The ids of the sections the current Chinese withholds, frontmatter parts included. */
function withheldNow(original: OutlinedEntry<ProjectZh>): Set<string> {
  return new Set([
    ...FRONTMATTER_PARTS.filter((part) => frontmatterWithheld(original.data, part.id) !== null).map(
      (part) => part.id,
    ),
    ...original.outline.sections.filter((s) => s.withheld !== null).map((s) => s.id),
  ]);
}
