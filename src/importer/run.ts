import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { parse } from 'yaml';
import { findUnprintable } from '../domain/printable';
import { RESERVED_SEGMENTS } from '../domain/urls';
import { SlugSchema } from '../schema/text';
import { formatReport, type Problem } from '../content/problems';
import { checkContent } from '../check/check';
import { describeFact, listRecordedFacts } from '../check/facts';
import type { Model, ProjectEnglish } from '../model/types';
import type { ProjectZh } from '../schema/project';
import { RenderCache } from '../markdown/render';
import { buildImport, type ImportResult } from './build';
import { ImportFailure } from './failure';
import { translatedSlugs } from './folder';
import { ImportError } from './headings';
import { planRevision } from './plan-revision';
import type { ImportRequest } from './request';
import { readSourceFile, SourceError, type SourceDocument } from './source';
import { describeFileError, ImportTransaction, TransactionError } from './transaction';

export { ImportFailure } from './failure';
export type { ImportRequest } from './request';

/**
 * `npm run import`: a publication's text, as the bureau published it, into
 * the content folder, in steps that share one context (the request, what was
 * read, what will be written). Every way it can fail ends in an ImportFailure:
 * a message of a line or a few, never a stack trace, and the content folder as
 * it was (src/importer/transaction.ts).
 */
export interface ImportOutcome {
  result: ImportResult;
  /** Lines worth a person's eye, each with where it is in the original. */
  notices: string[];
  /** The files written (or, in a dry run, that would be), below the content folder. */
  files: string[];
  /** What an earlier, interrupted import left, and what was done about it. */
  recovered: string[];
  /** The publication's passages by where their English came from, as the check built them: English on the day of import. */
  english: EnglishCounts | null;
}

type EnglishCounts = ProjectEnglish['counts'];

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
    ['--note-en', request.noteEn],
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
  if (request.noteEn !== undefined && request.note === undefined)
    throw new ImportFailure('--note-en goes with --note: it is the English of the note');
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

/** The passages of a publication's projects by where their English came from (`folder`: `<department>/<year>`). */
function countEnglish(model: Model, folder: string): EnglishCounts {
  const counts: EnglishCounts = { total: 0, translator: 0, rule: 0, memory: 0, none: 0 };
  for (const project of model.projects) {
    const { departmentSlug, fiscalYear } = project.publication.data;
    if (`${departmentSlug}/${fiscalYear}` !== folder) continue;
    for (const key of Object.keys(counts) as (keyof EnglishCounts)[])
      counts[key] += project.english.counts[key];
  }
  return counts;
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
): Promise<EnglishCounts> {
  const { request } = context;
  const cache =
    request.renderCacheDir && request.root
      ? new RenderCache(request.renderCacheDir, request.root)
      : undefined;
  const { problems, model } = await checkContent(trial, cache ? { cache } : {});
  if (problems.length === 0 && model) return countEnglish(model, folder);
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
): Promise<EnglishCounts> {
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
    return await checkTrial(context, trial, read, folder);
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
  const revision = request.revise
    ? planRevision(request, bytes, first, folder, (overrides) =>
        buildFiles(context, bytes, document, overrides),
      )
    : null;
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
    english: null,
  };
  checkExisting(context, folder, result);
  // The review list, before anything is written: every fact read, with the line it was read from.
  for (const line of listFactsForReview(result, folder)) log(line);
  if (request.dryRun) {
    outcome.english = await checkAlone(context, { document, result }, folder, revision?.keep ?? []);
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
    outcome.english = await checkTrial(
      context,
      transaction.trialFolder(),
      { document, result },
      folder,
    );
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

/** `npm run import -- --recover`: finishes or rolls back what interrupted imports left. */
export function recoverContent(contentDir: string): string[] {
  try {
    return ImportTransaction.recover(contentDir);
  } catch (error) {
    if (error instanceof TransactionError) throw new ImportFailure(error.message);
    throw new ImportFailure(describeFileError(error, `recover the content folder ${contentDir}`));
  }
}
