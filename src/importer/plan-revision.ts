import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { snapshotFolder } from '../content/paths';
import { sha256 } from '../files/kept';
import { buildImport, slugOf, type ImportResult } from './build';
import { ImportFailure } from './failure';
import { listFiles } from '../files/list';
import { listMarkdown, readText, translatedSlugs } from './folder';
import {
  matchProjects,
  MatchError,
  type MatchedProject,
  type ProjectMatch,
} from './match-projects';
import { ImportError } from './headings';
import type { ImportRequest } from './request';
import { reviseProject, reviseTranslation } from './revise';

/** What a revision writes besides the new version's files, and what it keeps of the folder. */
export interface Revision {
  result: ImportResult;
  /** Paths below the content folder the revision keeps as they are (translations, earlier versions, their sources). */
  keep: string[];
  /** What was imported again, for a person to review. */
  review: string[];
}

/**
 * Step 2b, for --revise: the corrected text as the publication's next version.
 * Projects keep their slugs (matched by name, never by place: src/importer/match-projects.ts); each project's
 * file keeps what did not change (src/importer/revise.ts); the current zh
 * files are kept as the last version's (versions/<n>/zh/); publication.yaml
 * lists the versions; the new text's files get names of their own.
 */
export function planRevision(
  request: ImportRequest,
  bytes: Uint8Array,
  first: ImportResult,
  folder: string,
  /** The new text's files, under these slugs and this source name (run.ts's buildFiles). */
  buildFiles: (overrides: { slugs: string[]; sourceName: string }) => ImportResult,
): Revision {
  const dir = join(request.contentDir, folder);
  if (!existsSync(join(dir, 'publication.yaml')))
    throw new ImportFailure(
      `nothing to revise: content/${folder}/ holds no publication; import the text without --revise first`,
    );
  const publication = parse(readText(join(dir, 'publication.yaml'))) as Record<string, unknown> & {
    source: { file: string; sha256: string; original?: { file: string; sha256: string } };
    versions?: {
      version: number;
      source: { file: string; sha256: string; original?: { file: string; sha256: string } };
    }[];
  };
  const current = publication.versions?.length ?? 1;
  const next = current + 1;
  const digest = sha256(bytes);
  const known = [publication.source, ...(publication.versions ?? []).map((v) => v.source)];
  if (known.some((s) => (s.original?.sha256 ?? s.sha256) === digest))
    throw new ImportFailure(
      `${request.file} is a version this publication has already (the same SHA-256); nothing to revise`,
    );

  // Projects keep their slugs: matched by name, never by place (src/importer/match-projects.ts).
  const existing = new Map(
    listMarkdown(join(dir, 'zh')).map((name) => {
      const text = readText(join(dir, 'zh', name));
      return [name.slice(0, -3), { text, ...readProjectFacts(text) }];
    }),
  );
  const importedProjects = [...first.files]
    .filter(([path]) => path.startsWith(`${folder}/zh/`))
    .map(([, text]) => readProjectFacts(text as string))
    .sort((a, b) => a.order - b.order);
  let match: ProjectMatch;
  try {
    match = matchProjects(
      [...existing]
        .map(([slug, project]) => ({ slug, ...project }))
        .sort((a, b) => a.order - b.order),
      importedProjects,
      request.match,
    );
  } catch (error) {
    if (error instanceof MatchError) throw new ImportFailure(`${request.file}: ${error.message}`);
    throw error;
  }
  // A new project never takes the address of one withdrawn now or in an earlier version.
  const taken = new Set([
    ...existing.keys(),
    ...listFiles(join(dir, 'versions')).flatMap(
      (path) => /^\d+\/zh\/([^/]+)\.md$/.exec(path)?.slice(1) ?? [],
    ),
  ]);
  const newSlugs = match.slugs.map((slug, i) => slug ?? slugOf(importedProjects[i]!.name, taken));
  const base = `${request.departmentSlug}-${first.publication.year}-key-projects.zh.v${next}`;
  const result = buildFiles({ slugs: newSlugs, sourceName: base });

  // What the current version's text imports as, to tell what a person refined from what the text says.
  let before: ImportResult | null = null;
  try {
    const text = readText(join(request.contentDir, 'sources', publication.source.file));
    // The current files were imported from this text: its projects are theirs, in order.
    const inOrder = [...existing].sort((a, b) => a[1].order - b[1].order).map(([slug]) => slug);
    before = buildImport(text, {
      departmentSlug: request.departmentSlug,
      department: request.department,
      year: first.publication.year,
      slugs: inOrder,
      original: { bytes: new TextEncoder().encode(text), format: 'txt', encoding: 'utf-8' },
      updated: request.today,
      translated: (year) =>
        translatedSlugs(request.contentDir, `${request.departmentSlug}/${year}`),
      wordings: request.wordings,
    });
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
  }

  const files = new Map(result.files);
  const review: string[] = [...match.review];
  const keep: string[] = [];
  const translations = new Set(listMarkdown(join(dir, 'en')).map((n) => n.slice(0, -3)));
  for (const slug of newSlugs) {
    const path = `${folder}/zh/${slug}.md`;
    const imported = files.get(path) as string;
    const was = existing.get(slug);
    if (!was) {
      review.push(`${slug}: a project new in version ${next}`);
      continue;
    }
    const revised = reviseProject(
      was.text,
      (before?.files.get(path) as string | undefined) ?? null,
      imported,
    );
    files.set(path, revised.text);
    if (revised.rebuilt)
      review.push(
        `${slug}: its file no longer follows version ${current}'s text, so it was imported again whole; add back any refinement by hand`,
      );
    else if (revised.changed.length > 0)
      review.push(
        `${slug}: imported again from the new text, for review: ${revised.changed.join(', ')}`,
      );
    if (translations.has(slug) && revised.changed.length > 0)
      files.set(
        `${folder}/en/${slug}.md`,
        reviseTranslation(readText(join(dir, 'en', `${slug}.md`)), current, revised.newlyWithheld),
      );
  }
  // The current files become the last version's; a translation of a project the new text drops goes with them.
  for (const [slug, project] of existing) {
    files.set(`${snapshotFolder(folder, current)}/${slug}.md`, project.text);
    if (!newSlugs.includes(slug)) {
      if (translations.has(slug))
        files.set(
          `${folder}/versions/${current}/en/${slug}.md`,
          readText(join(dir, 'en', `${slug}.md`)),
        );
    }
  }
  for (const slug of translations)
    if (newSlugs.includes(slug) && !files.has(`${folder}/en/${slug}.md`))
      keep.push(`${folder}/en/${slug}.md`);
  for (const path of listFiles(join(dir, 'versions'))) keep.push(`${folder}/versions/${path}`);
  for (const s of known) {
    keep.push(`sources/${s.file}`);
    if (s.original) keep.push(`sources/${s.original.file}`);
  }

  // publication.yaml: the new text's fields, the versions, and what only a person wrote (region, English).
  const imported = parse(files.get(`${folder}/publication.yaml`) as string) as Record<
    string,
    unknown
  >;
  const versions = [
    ...(publication.versions ?? [{ version: 1, source: publication.source }]),
    {
      version: next,
      imported: request.today,
      ...(request.revisedOn ? { revisedOn: request.revisedOn } : {}),
      ...(request.note ? { note: request.note } : {}),
      ...(request.noteEn ? { noteEn: request.noteEn } : {}),
      source: imported.source,
    },
  ];
  const { updated, ...fields } = imported;
  files.set(
    `${folder}/publication.yaml`,
    `# Imported by npm run import; version ${next} by --revise. The English block is a person's.\n${stringify(
      {
        ...fields,
        ...(publication.region !== undefined && fields.region === undefined
          ? { region: publication.region }
          : {}),
        versions,
        updated,
        ...(publication.en !== undefined ? { en: publication.en } : {}),
      },
      { aliasDuplicateObjects: false },
    )}`,
  );
  return {
    result: {
      ...result,
      files,
      summary: [`version ${next} of ${folder} (${current} before)`, ...result.summary],
    },
    keep: [...new Set(keep)].sort(),
    review,
  };
}

/** What a project's file says it is: its name, place, and the facts a revision matches it by. */
function readProjectFacts(text: string): MatchedProject & { order: number } {
  const data = (parse(/^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '') ?? {}) as {
    name?: string;
    order?: number;
    funding?: { published?: string; source?: string; withheld?: string };
    implementingUnit?: { unit?: string; withheld?: string };
    basis?: { published?: string }[] | { withheld?: string };
    plan?: { estimate?: { published?: string }; period?: { published?: string } };
  };
  const facts: Record<string, string> = {};
  const set = (label: string, value: string | undefined) => {
    if (value !== undefined) facts[label] = value;
  };
  set('amount', data.funding?.published);
  set('source of funds', data.funding?.source);
  set('estimate', data.plan?.estimate?.published);
  set('period', data.plan?.period?.published);
  set('implementing unit', data.implementingUnit?.unit);
  if (Array.isArray(data.basis)) set('basis', data.basis.map((b) => b.published ?? '').join('\n'));
  return { name: data.name ?? '', order: data.order ?? 0, facts };
}
