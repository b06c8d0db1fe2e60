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
import { basename, dirname, join } from 'node:path';
import { formatReport, type Problem } from '../content/problems';
import { checkContent } from '../check/check';
import { RenderCache } from '../markdown/render';
import { buildImport, type ImportResult } from './build';
import { ImportError } from './parse';
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
function buildFiles(context: Context, bytes: Uint8Array, document: SourceDocument): ImportResult {
  const { request } = context;
  try {
    return buildImport(document.lines.map((l) => l.text).join('\n'), {
      departmentSlug: request.departmentSlug,
      department: request.department,
      year: request.year,
      region: request.region,
      slugs: request.slugs,
      original: {
        bytes,
        format: document.format,
        encoding: document.encoding,
        publishedOn: document.publishedOn,
        url: document.url,
      },
      updated: request.today,
      translated: (year) =>
        translatedSlugs(request.contentDir, `${request.departmentSlug}/${year}`),
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
async function checkAlone(context: Context, read: Read, folder: string): Promise<void> {
  const trial = mkdtempSync(join(tmpdir(), 'import-dry-run-'));
  try {
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
  const { bytes, document } = await readInput(context);
  const result = buildFiles(context, bytes, document);
  const folder = `${request.departmentSlug}/${result.publication.year}`;
  const outcome: ImportOutcome = {
    result,
    notices: [
      ...document.leftOut,
      ...result.notices.map((n) => `${locate(document, n.line)}: ${n.message}`),
    ],
    files: [...result.files.keys()].sort(),
    recovered: context.recovered,
  };
  checkExisting(context, folder, result);
  if (request.dryRun) {
    await checkAlone(context, { document, result }, folder);
    return outcome;
  }
  let transaction: ImportTransaction | undefined;
  try {
    transaction = ImportTransaction.begin(request.contentDir, (line) => {
      context.recovered.push(line);
      log(line);
    });
    // The publication's folder is replaced whole (a forced import leaves no project of the old
    // one behind); its translations stay.
    transaction.replaceFolder(folder, (relative) => relative.startsWith('en/'));
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

/** `npm run import -- --recover`: finishes or rolls back what interrupted imports left. */
export function recoverContent(contentDir: string): string[] {
  try {
    return ImportTransaction.recover(contentDir);
  } catch (error) {
    if (error instanceof TransactionError) throw new ImportFailure(error.message);
    throw new ImportFailure(describeFileError(error, `recover the content folder ${contentDir}`));
  }
}
