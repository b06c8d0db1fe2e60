import { findWithheldSince } from './offered-versions';
import { counterpartOf, publicationIdOf, publicationIdOfFile, snapshotOf } from '../content/paths';
import { formatIsoDate } from '../domain/dates';
import { ContentError, type Problem } from '../content/problems';
import type { ProjectZh } from '../schema/project';
import { checkGlossary, checkPublication, checkUnique } from './checks';
import type {
  Department,
  Model,
  ModelInput,
  OutlinedEntry,
  PublicationModel,
  WithdrawnProject,
} from './types';
import { buildProject } from './build-project';

const formatDateOrNull = (date: Date | undefined) => (date ? formatIsoDate(date) : null);

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
