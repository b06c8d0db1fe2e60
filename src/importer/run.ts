import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { parse, stringify } from 'yaml';
import { snapshotFolder } from '../content/paths';
import { findUnprintable } from '../domain/printable';
import { RESERVED_SEGMENTS } from '../domain/urls';
import { SlugSchema } from '../schema/text';
import { sha256 } from '../files/kept';
import { formatReport, type Problem } from '../content/problems';
import { checkContent } from '../check/check';
import { describeFact, listRecordedFacts } from '../check/facts';
import type { ProjectZh } from '../schema/project';
import { RenderCache } from '../markdown/render';
import { buildImport, slugOf, type ImportResult } from './build';
import { reviseProject, reviseTranslation } from './revise';
import {
  matchProjects,
  MatchError,
  type MatchedProject,
  type ProjectMatch,
} from './match-projects';
import { ImportError, type WordingDecisions } from './parse';
import { readSourceFile, SourceError, type SourceDocument } from './source';
import { describeFileError, ImportTransaction, TransactionError } from './transaction';

/**
 * `npm run import`: a publication's text, as the bureau published it, into
 * the content folder, in steps that share one context (the request, what was
 * read, what will be written). Every way it can fail ends in an ImportFailure:
 * a message of a line or a few, never a stack trace, and the content folder as
 * it was (src/importer/transaction.ts).
 */
export interface ImportRequest {
  /** The file as the bureau published it. */
  file: string;
  departmentSlug: string;
  contentDir: string;
  region?: string | undefined;
  department?: string | undefined;
  year?: number | undefined;
  slugs?: string[] | undefined;
  /** Replace an existing publication without history (a mistake caught before publication). */
  force: boolean;
  /** Import a corrected text of an existing publication as its next version. */
  revise?: boolean | undefined;
  /** Why the text was revised, kept with the version (--note). */
  note?: string | undefined;
  /** With --revise: which known project (by slug) a project of the new text is, by its name (--match). */
  match?: Map<string, string> | undefined;
  /** What the person importing decided of wordings that may withhold a part (--withheld-wording, --not-withheld). */
  wordings?: WordingDecisions | undefined;
  /** The address of the bureau's page the text was published on (--source-url). */
  sourceUrl?: string | undefined;
  /** YYYY-MM-DD the bureau published this text (--published-on). */
  publishedOn?: string | undefined;
  /** With --revise: YYYY-MM-DD the bureau revised the text (--revised-on), shown as the revision's date. */
  revisedOn?: string | undefined;
  /** Print what would be written, and write nothing. */
  dryRun: boolean;
  /** YYYY-MM-DD: when this copy of the content changed. */
  today: string;
  /** Where rendered bodies are kept between checks (the build's render cache), if anywhere. */
  renderCacheDir?: string | undefined;
  /** The project folder, whose code keys the render cache. */
  root?: string | undefined;
}

export interface ImportOutcome {
  result: ImportResult;
  /** Lines worth a person's eye, each with where it is in the original. */
  notices: string[];
  /** The files written (or, in a dry run, that would be), below the content folder. */
  files: string[];
  /** What an earlier, interrupted import left, and what was done about it. */
  recovered: string[];
}

/** Why nothing was imported: said plainly, with where in the file when that is known. */
export class ImportFailure extends Error {
  override name = 'ImportFailure';
}

interface Context {
  request: ImportRequest;
  recovered: string[];
}

/** A real day written YYYY-MM-DD (2021-02-30 is none). */
function isCalendarDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return (
    /^\d{4}-\d{2}-\d{2}$/u.test(value) &&
    !Number.isNaN(date.getTime()) &&
    date.toISOString().startsWith(value)
  );
}

/**
 * The options, before the file is read: a problem in one is said as the
 * option's, never as the file's or a content file's (a --note with a
 * bidirectional override, a department slug that is one of the site's own
 * folders).
 */
function checkOptions(request: ImportRequest): void {
  const slug = request.departmentSlug;
  const format = SlugSchema.safeParse(slug);
  if (!format.success)
    throw new ImportFailure(`--department-slug ${slug}: ${format.error.issues[0]!.message}`);
  if ((RESERVED_SEGMENTS as readonly string[]).includes(slug))
    throw new ImportFailure(
      `--department-slug ${slug}: /${slug}/ is one of the site's own addresses (${RESERVED_SEGMENTS.join(', ')}); choose another, e.g. ${slug}-bureau`,
    );
  const texts: [string, string | undefined][] = [
    ['--note', request.note],
    ['--region', request.region],
    ['--department', request.department],
    ['--source-url', request.sourceUrl],
    ...[...(request.match ?? [])].map(([old, name]): [string, string] => [
      `--match ${old}=…`,
      name,
    ]),
    ...(request.wordings?.withheld ?? []).map((w): [string, string] => ['--withheld-wording', w]),
    ...(request.wordings?.text ?? []).map((w): [string, string] => ['--not-withheld', w]),
  ];
  for (const [option, value] of texts) {
    const problem = value === undefined ? null : findUnprintable(value);
    if (problem) throw new ImportFailure(`${option}: ${problem}`);
  }
  if (request.note !== undefined && !request.revise)
    throw new ImportFailure('--note goes with --revise: it says why a text was revised');
  if (request.revisedOn !== undefined && !request.revise)
    throw new ImportFailure(
      '--revised-on goes with --revise: it dates a correction (a first import takes --published-on)',
    );
  for (const [option, value] of [
    ['--published-on', request.publishedOn],
    ['--revised-on', request.revisedOn],
  ] as const)
    if (value !== undefined && !isCalendarDate(value))
      throw new ImportFailure(`${option} ${value}: give the date as YYYY-MM-DD, e.g. 2021-03-16`);
  if (request.sourceUrl !== undefined && !/^https?:\/\/[^\s/]+/u.test(request.sourceUrl))
    throw new ImportFailure(
      `--source-url ${request.sourceUrl}: give the page's address, starting http:// or https://`,
    );
}

/** Step 1: the file, read as what it is. */
async function readInput(
  context: Context,
): Promise<{ bytes: Uint8Array; document: SourceDocument }> {
  const { file } = context.request;
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(file));
  } catch (error) {
    throw new ImportFailure(`${file}: ${describeFileError(error, 'read it')}`);
  }
  try {
    return { bytes, document: await readSourceFile(bytes, basename(file)) };
  } catch (error) {
    if (error instanceof SourceError) throw new ImportFailure(`${file}: ${error.message}`);
    throw error;
  }
}

/** The slugs of a publication's projects that have a translation already. */
function translatedSlugs(contentDir: string, folder: string): Set<string> {
  try {
    return new Set(
      readdirSync(join(contentDir, folder, 'en'))
        .filter((name) => name.endsWith('.md'))
        .map((name) => name.slice(0, -3)),
    );
  } catch {
    return new Set();
  }
}

/** Step 2: the template read into content files. */
function buildFiles(
  context: Context,
  bytes: Uint8Array,
  document: SourceDocument,
  overrides: { slugs?: string[]; sourceName?: string } = {},
): ImportResult {
  const { request } = context;
  try {
    return buildImport(document.lines.map((l) => l.text).join('\n'), {
      departmentSlug: request.departmentSlug,
      department: request.department,
      year: request.year,
      region: request.region,
      slugs: overrides.slugs ?? request.slugs,
      sourceName: overrides.sourceName,
      original: {
        bytes,
        format: document.format,
        encoding: document.encoding,
        // What the person importing says of where and when, over what a saved page says of itself.
        publishedOn: request.publishedOn ?? document.publishedOn,
        url: request.sourceUrl ?? document.url,
      },
      updated: request.today,
      translated: (year) =>
        translatedSlugs(request.contentDir, `${request.departmentSlug}/${year}`),
      wordings: request.wordings,
      locate: (line) => locate(document, line),
    });
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    const message = error.message.replace(/^line \d+: /, '');
    const where = error.line > 0 ? `${locate(document, error.line)}: ` : '';
    throw new ImportFailure(`${request.file}: ${where}${message}`);
  }
}

/** Where line `n` of the text is in the original file. */
const locate = (document: SourceDocument, line: number) =>
  document.lines[line - 1]?.at ?? `line ${line}`;

/** Step 3: refuse to replace what exists, unless asked to. */
function checkExisting(context: Context, folder: string, result: ImportResult): void {
  const { request } = context;
  if (request.revise) return;
  const existing = [
    ...(existsSync(join(request.contentDir, folder, 'publication.yaml')) ? [`${folder}/`] : []),
    ...[...result.files.keys()].filter(
      (path) => !path.startsWith(`${folder}/`) && existsSync(join(request.contentDir, path)),
    ),
  ];
  if (existing.length > 0 && !request.force) {
    throw new ImportFailure(
      `These exist already (an earlier import?); give --force to replace them:\n${existing
        .map((p) => `  ${join(request.contentDir, p)}`)
        .join('\n')}`,
    );
  }
}

/**
 * A problem the check found, said where the officer can look: a problem in a
 * file this import would write points into the original (page and line,
 * paragraph, line), never into a .md file that was never written.
 */
function locateProblem(
  problem: Problem,
  read: Read,
  folder: string,
): { where: string; message: string } | null {
  for (const [path, origins] of read.result.origins) {
    if (!problem.file.endsWith(path)) continue;
    const field = problem.path
      ? [...origins.fields]
          .filter(([key]) => problem.path === key || problem.path!.startsWith(`${key}.`))
          .sort((a, b) => b[0].length - a[0].length)[0]?.[1]
      : undefined;
    const line =
      field ?? (problem.line ? origins.lines.get(problem.line) : undefined) ?? origins.start;
    return { where: locate(read.document, line), message: problem.message };
  }
  // A problem elsewhere in the publication's folder is the import's too, but has no line of the original.
  if (problem.file.includes(`/${folder}/`))
    return { where: 'the imported text', message: problem.message };
  return null;
}

/** What was read and built: for locating what the check finds. */
interface Read {
  document: SourceDocument;
  result: ImportResult;
}

/** Step 4: the content as it would be, checked as npm run check checks it. */
async function checkTrial(
  context: Context,
  trial: string,
  read: Read,
  folder: string,
): Promise<void> {
  const { request } = context;
  const cache =
    request.renderCacheDir && request.root
      ? new RenderCache(request.renderCacheDir, request.root)
      : undefined;
  const { problems } = await checkContent(trial, cache ? { cache } : {});
  if (problems.length === 0) return;
  const ours = problems.map((p) => ({ problem: p, located: locateProblem(p, read, folder) }));
  const inOriginal = ours.filter((p) => p.located !== null);
  const elsewhere = ours.filter((p) => p.located === null).map((p) => p.problem);
  throw new ImportFailure(
    [
      ...(inOriginal.length > 0
        ? [
            `${request.file} would not pass npm run check:`,
            ...inOriginal.map(({ located }) => `  ${located!.where}: ${located!.message}`),
          ]
        : []),
      ...(elsewhere.length > 0
        ? [
            `With it, the content folder would not pass npm run check:\n\n${formatReport(elsewhere)}`,
          ]
        : []),
    ].join('\n'),
  );
}

/** A dry run's check: the new publication alone, in a folder of its own outside the content folder. */
async function checkAlone(
  context: Context,
  read: Read,
  folder: string,
  /** Files of the content folder the publication needs besides what the import writes (a revision's earlier versions). */
  keep: string[],
): Promise<void> {
  const trial = mkdtempSync(join(tmpdir(), 'import-dry-run-'));
  try {
    for (const path of keep) {
      mkdirSync(dirname(join(trial, path)), { recursive: true });
      writeFileSync(join(trial, path), readFileSync(join(context.request.contentDir, path)));
    }
    for (const [path, data] of read.result.files) {
      mkdirSync(dirname(join(trial, path)), { recursive: true });
      writeFileSync(join(trial, path), data);
    }
    await checkTrial(context, trial, read, folder);
  } finally {
    rmSync(trial, { recursive: true, force: true });
  }
}

/**
 * Imports a file. Throws an ImportFailure, and then the content folder is as
 * it was; on success it holds the publication, whole. A dry run writes nothing
 * into the content folder.
 */
export async function runImport(
  request: ImportRequest,
  log: (line: string) => void = () => {},
): Promise<ImportOutcome> {
  const context: Context = { request, recovered: [] };
  checkOptions(request);
  if (request.revise && request.force)
    throw new ImportFailure(
      '--revise keeps the earlier version and --force replaces it without history: give one of them',
    );
  const { bytes, document } = await readInput(context);
  const first = buildFiles(context, bytes, document);
  const folder = `${request.departmentSlug}/${first.publication.year}`;
  const revision = request.revise ? planRevision(context, bytes, document, first, folder) : null;
  const result = revision?.result ?? first;
  const outcome: ImportOutcome = {
    result,
    notices: [
      ...document.leftOut,
      ...result.notices.map((n) => `${locate(document, n.line)}: ${n.message}`),
      ...(revision?.review ?? []),
    ],
    files: [...result.files.keys()].sort(),
    recovered: context.recovered,
  };
  checkExisting(context, folder, result);
  // The review list, before anything is written: every fact read, with the line it was read from.
  for (const line of listFactsForReview(result, folder)) log(line);
  if (request.dryRun) {
    await checkAlone(context, { document, result }, folder, revision?.keep ?? []);
    return outcome;
  }
  let transaction: ImportTransaction | undefined;
  try {
    transaction = ImportTransaction.begin(request.contentDir, (line) => {
      context.recovered.push(line);
      log(line);
    });
    // The publication's folder is replaced whole (a forced import leaves no project of the old
    // one behind); its translations stay, and a revision keeps the earlier versions.
    transaction.replaceFolder(
      folder,
      revision
        ? (relative) => revision.keep.includes(`${folder}/${relative}`)
        : (relative) => relative.startsWith('en/'),
    );
    for (const [path, data] of result.files) transaction.write(path, data);
    await checkTrial(context, transaction.trialFolder(), { document, result }, folder);
    transaction.commit();
  } catch (error) {
    if (error instanceof ImportFailure) throw error;
    if (error instanceof TransactionError) throw new ImportFailure(error.message);
    throw new ImportFailure(describeFileError(error, `import ${request.file}`));
  } finally {
    transaction?.end();
  }
  return outcome;
}

/** What a revision writes besides the new version's files, and what it keeps of the folder. */
interface Revision {
  result: ImportResult;
  /** Paths below the content folder the revision keeps as they are (translations, earlier versions, their sources). */
  keep: string[];
  /** What was imported again, for a person to review. */
  review: string[];
}

const readText = (path: string) => readFileSync(path, 'utf8');
const listMarkdown = (dir: string) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((name) => name.endsWith('.md'))
        .sort()
    : [];

/**
 * Step 2b, for --revise: the corrected text as the publication's next version.
 * Projects keep their slugs (matched by name, else by place); each project's
 * file keeps what did not change (src/importer/revise.ts); the current zh
 * files are kept as the last version's (versions/<n>/zh/); publication.yaml
 * lists the versions; the new text's files get names of their own.
 */
function planRevision(
  context: Context,
  bytes: Uint8Array,
  document: SourceDocument,
  first: ImportResult,
  folder: string,
): Revision {
  const { request } = context;
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
  const result = buildFiles(context, bytes, document, { slugs: newSlugs, sourceName: base });

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

/** Each project's structured facts with their evidence, for the person importing to review. */
function listFactsForReview(result: ImportResult, folder: string): string[] {
  return [...result.files]
    .filter(([path]) => path.startsWith(`${folder}/zh/`))
    .flatMap(([path, text]) => {
      const data = parse(/^---\n([\s\S]*?)\n---/.exec(text as string)?.[1] ?? '') as ProjectZh;
      return [
        `review ${basename(path, '.md')}: ${data.name}`,
        ...listRecordedFacts(data).map((fact) => `  ${describeFact(fact)}`),
      ];
    });
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

/** Files below a folder, relative to it; none if it does not exist. */
function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split('\\').join('/'));
}

/** `npm run import -- --recover`: finishes or rolls back what interrupted imports left. */
export function recoverContent(contentDir: string): string[] {
  try {
    return ImportTransaction.recover(contentDir);
  } catch (error) {
    if (error instanceof TransactionError) throw new ImportFailure(error.message);
    throw new ImportFailure(describeFileError(error, `recover the content folder ${contentDir}`));
  }
}
