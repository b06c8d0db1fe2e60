import { numberPassages, renumberPassages } from './anchors';
import { findWithheldSince } from './offered-versions';
import {
  counterpartOf,
  publicationIdOf,
  publicationIdOfFile,
  snapshotFolder,
  snapshotOf,
} from '../content/paths';
import { formatIsoDate } from '../domain/dates';
import { computeRevisions } from './revisions';
import { ContentError, type Problem } from '../content/problems';
import type { Localized } from '../domain/locales';
import { FRONTMATTER, FRONTMATTER_PARTS, passageId } from '../domain/sections';
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
  Department,
  Model,
  ModelInput,
  Outline,
  OutlinedEntry,
  Project,
  PublicationModel,
  Section,
  WithdrawnProject,
  ProjectEnglish,
  TranslationEntry,
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
      versions: entry.data.versions
        ? entry.data.versions.map((v) => ({
            version: v.version,
            date: v.imported ? formatIsoDate(v.imported) : null,
            revisedOn: formatDateOrNull(v.revisedOn ?? v.source.publishedOn),
            note: v.note ?? null,
            noteEn: v.noteEn ?? null,
            source: v.source,
            withheldSince: null,
          }))
        : [
            {
              version: 1,
              date: null,
              revisedOn: formatDateOrNull(entry.data.source.publishedOn),
              note: null,
              noteEn: null,
              source: entry.data.source,
              withheldSince: null,
            },
          ],
      projects: [],
      withdrawn: [],
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

  // The Chinese files of earlier versions, by publication, version and project slug.
  const snapshots = new Map<string, Map<number, Map<string, OutlinedEntry<ProjectZh>>>>();
  for (const snapshot of input.snapshots) {
    const { version, publication: id } = snapshotOf(snapshot.id);
    const publication = publications.get(id);
    if (!publication || version >= publication.versions.length) {
      problems.push({
        file: snapshot.filePath,
        message: publication
          ? `is kept as version ${version}, but content/${id}/publication.yaml lists ${publication.versions.length} version(s), the last being the current zh/ files`
          : `no publication.yaml in content/${id}/`,
      });
      continue;
    }
    const byVersion = snapshots.get(id) ?? new Map<number, Map<string, OutlinedEntry<ProjectZh>>>();
    const bySlug = byVersion.get(version) ?? new Map<string, OutlinedEntry<ProjectZh>>();
    bySlug.set(snapshot.data.slug, snapshot);
    byVersion.set(version, bySlug);
    snapshots.set(id, byVersion);
  }

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
    if (translation && pending && !translation.derived) {
      problems.push({
        file: original.filePath,
        path: 'translation',
        message: `says the translation is pending, but ${translation.filePath} exists; remove \`translation: pending\``,
      });
      continue;
    }
    const earlier = publication.versions
      .slice(0, -1)
      .map((v) => snapshots.get(publication.id)?.get(v.version)?.get(original.data.slug) ?? null);
    const project = buildProject(original, translation ?? null, publication, earlier, problems);
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
    publication.withdrawn = findWithdrawn(publication, snapshots.get(publication.id));
    const withheldSince = findWithheldSince(publication);
    for (const version of publication.versions)
      version.withheldSince = withheldSince.get(version.version) ?? null;
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

  // Totals are by fiscal year: budgets of different years are never added together.
  const years = [...new Set(ordered.map((p) => p.data.fiscalYear))].map((year) => {
    const publications = ordered.filter((p) => p.data.fiscalYear === year);
    const projects = publications.flatMap((p) => p.projects);
    const totalYuan = sumSafely(publications.map((p) => p.totalYuan));
    if (totalYuan === null)
      problems.push({
        file: publications[0]!.file,
        line: 1,
        message: `the amounts of ${year} add up to more than ${Number.MAX_SAFE_INTEGER} yuan, too large to total exactly`,
      });
    return {
      year,
      publications,
      projects: projects.length,
      totalYuan: totalYuan ?? 0,
      fullyDisclosedYuan: sum(
        projects.filter((p) => p.sectionsWithheld === 0).map((p) => p.amountYuan ?? 0),
      ),
      withheldAmounts: sum(publications.map((p) => p.withheldAmounts)),
      sectionsCounted: sum(projects.map((p) => p.sectionsCounted)),
      sectionsWithheld: sum(projects.map((p) => p.sectionsWithheld)),
    };
  });
  if (problems.length > 0) throw new ContentError(problems);
  const projects = ordered.flatMap((p) => p.projects);
  return {
    publications: ordered,
    glossary: input.glossary,
    years,
    projects,
    departments: groupDepartments(ordered),
  };
}

/** Each department with its publications, newest year first; departments by slug. */
function groupDepartments(publications: PublicationModel[]): Department[] {
  const bySlug = new Map<string, PublicationModel[]>();
  for (const publication of publications)
    bySlug.set(publication.data.departmentSlug, [
      ...(bySlug.get(publication.data.departmentSlug) ?? []),
      publication,
    ]);
  return [...bySlug]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([slug, list]) => ({
      slug,
      publications: [...list].sort((a, b) => b.data.fiscalYear - a.data.fiscalYear),
    }));
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/** The sum, or null when it passes 2^53 and could no longer be exact. */
function sumSafely(values: number[]): number | null {
  const total = sum(values);
  return Number.isSafeInteger(total) ? total : null;
}

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

function buildProject(
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

const formatDateOrNull = (date: Date | undefined) => (date ? formatIsoDate(date) : null);

/** The projects earlier versions had and the current one does not, by slug, each once. */
function findWithdrawn(
  publication: PublicationModel,
  snapshots: Map<number, Map<string, OutlinedEntry<ProjectZh>>> | undefined,
): WithdrawnProject[] {
  const current = new Set(publication.projects.map((p) => p.slug));
  const last = new Map<string, { version: number; name: string }>();
  for (const [version, bySlug] of [...(snapshots ?? [])].sort((a, b) => a[0] - b[0]))
    for (const [slug, entry] of bySlug)
      if (!current.has(slug)) last.set(slug, { version, name: entry.data.name });
  return [...last]
    .map(([slug, { version, name }]) => ({
      slug,
      name,
      lastVersion: version,
      withdrawnIn: version + 1,
      date: publication.versions[version]?.date ?? null,
    }))
    .sort((a, b) => a.withdrawnIn - b.withdrawnIn || a.slug.localeCompare(b.slug));
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
