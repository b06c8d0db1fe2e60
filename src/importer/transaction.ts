import {
  closeSync,
  existsSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { IMPORT_DIR, IMPORT_JOURNAL } from '../content/paths';
import { firstLineOf } from '../domain/errors';
import { releaseLock, takeLock } from '../files/lock';

/**
 * An import changes the content folder all at once, or not at all, whatever
 * happens meanwhile (kill -9 included):
 *
 * 1. It takes the import lock (`.import.lock`): one import at a time.
 * 2. It stages everything it will write in `.import/<id>/new/`, inside the
 *    content folder (so the final moves are renames on one disk), and checks
 *    the content as it would be (a trial folder of hard links, beside it).
 * 3. It writes a journal (`.import/<id>/journal.json`) listing the moves, then
 *    makes them: each target that exists is moved aside into `.import/<id>/old/`,
 *    then the staged file or folder is renamed into place.
 * 4. It deletes the journal, then `.import/<id>/`.
 *
 * A run that finds a journal finishes its moves (the staged files were complete
 * before the journal was written); one that finds a staging folder without a
 * journal deletes it (nothing had been moved). Every import does this first,
 * and so does `npm run import -- --recover`; until then `npm run check` and
 * the build refuse the content, since it may be half written.
 */

/** One rename of the commit: a staged file or folder to its place below the content folder. */
interface Move {
  /** Below the transaction's folder. */
  from: string;
  /** Below the content folder. */
  to: string;
}

interface Journal {
  moves: Move[];
}

/** Why an import could not touch the content folder: said in one line. */
export class TransactionError extends Error {
  override name = 'TransactionError';
}

/** The message of a file-system error, in words an officer can act on. */
export function describeFileError(error: unknown, what: string): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const path = (error as NodeJS.ErrnoException | undefined)?.path;
  const where = path ? ` (${path})` : '';
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return `cannot ${what}: permission denied${where}`;
    case 'EROFS':
      return `cannot ${what}: the folder is on a read-only disk${where}`;
    case 'ENOSPC':
      return `cannot ${what}: the disk is full${where}`;
    case 'ENOENT':
      return `cannot ${what}: no such file or folder${where}`;
    default:
      return `cannot ${what}: ${firstLineOf(error)}`;
  }
}

/** Writes a file and makes it durable before it is renamed into place. */
function writeDurably(file: string, text: string): void {
  const partial = `${file}.partial`;
  const fd = openSync(partial, 'w');
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(partial, file);
}

/** Makes each move of a journal that is not made yet; safe to run again after any interruption. */
function finishMoves(contentDir: string, folder: string, journal: Journal): void {
  for (const move of journal.moves) {
    const from = join(folder, 'new', move.from);
    const to = join(contentDir, move.to);
    if (!existsSync(from)) continue;
    if (existsSync(to)) {
      const aside = join(folder, 'old', move.to);
      mkdirSync(dirname(aside), { recursive: true });
      renameSync(to, aside);
    }
    mkdirSync(dirname(to), { recursive: true });
    renameSync(from, to);
  }
}

/** Finishes or rolls back what interrupted imports left; returns what it did, for the report. */
function recoverImports(contentDir: string): string[] {
  const root = join(contentDir, IMPORT_DIR);
  if (!existsSync(root)) return [];
  const done: string[] = [];
  for (const id of readdirSync(root)) {
    const folder = join(root, id);
    const journalFile = join(folder, IMPORT_JOURNAL);
    if (existsSync(journalFile)) {
      finishMoves(contentDir, folder, JSON.parse(readFileSync(journalFile, 'utf8')) as Journal);
      rmSync(journalFile);
      done.push(`finished the import ${id}, which had been interrupted while it wrote`);
    } else {
      done.push(`removed the import ${id}, which had been interrupted before it wrote anything`);
    }
    rmSync(folder, { recursive: true, force: true });
  }
  rmSync(root, { recursive: true, force: true });
  return done;
}

/** Hard links of every file below `from` at the same paths below `to` (no data is copied). */
function linkTree(from: string, to: string, skip: (relative: string) => boolean): void {
  for (const entry of readdirSync(from, { withFileTypes: true, recursive: true })) {
    const full = join(entry.parentPath, entry.name);
    const relative = full.slice(from.length + 1);
    if (skip(relative)) continue;
    if (entry.isDirectory()) mkdirSync(join(to, relative), { recursive: true });
    else if (entry.isFile()) {
      mkdirSync(dirname(join(to, relative)), { recursive: true });
      linkSync(full, join(to, relative));
    }
  }
}

/** The import lock of a content folder, and its staging folder. */
export class ImportTransaction {
  readonly contentDir: string;
  readonly folder: string;
  readonly #lock: string;
  readonly #files = new Map<string, string | Uint8Array>();
  readonly #replaced = new Set<string>();

  private constructor(contentDir: string) {
    this.contentDir = contentDir;
    this.#lock = join(contentDir, '.import.lock');
    this.folder = join(contentDir, IMPORT_DIR, `${Date.now().toString(36)}-${process.pid}`);
  }

  /**
   * Takes the lock (refusing while another import runs), finishes or rolls back
   * what an interrupted import left, and makes the staging folder.
   */
  static begin(contentDir: string, log: (line: string) => void = () => {}): ImportTransaction {
    const transaction = new ImportTransaction(contentDir);
    try {
      mkdirSync(contentDir, { recursive: true });
    } catch (error) {
      throw new TransactionError(
        describeFileError(error, `create the content folder ${contentDir}`),
      );
    }
    transaction.#takeLock();
    try {
      for (const line of recoverImports(contentDir)) log(line);
      mkdirSync(join(transaction.folder, 'new'), { recursive: true });
    } catch (error) {
      transaction.end();
      throw new TransactionError(
        describeFileError(error, `write into the content folder ${contentDir}`),
      );
    }
    return transaction;
  }

  #takeLock(): void {
    let lock: ReturnType<typeof takeLock>;
    try {
      lock = takeLock(this.#lock);
    } catch (error) {
      throw new TransactionError(
        describeFileError(error, `write into the content folder ${this.contentDir}`),
      );
    }
    if (!lock.taken)
      throw new TransactionError(
        `another import (process ${lock.holder}) is writing into ${this.contentDir}; wait for it to finish, then import again`,
      );
  }

  /**
   * `npm run import -- --recover`: with the lock (refusing while an import runs, taking over
   * one whose import died), finishes or rolls back what interrupted imports left.
   */
  static recover(contentDir: string): string[] {
    const transaction = new ImportTransaction(contentDir);
    transaction.#takeLock();
    try {
      return recoverImports(contentDir);
    } catch (error) {
      throw new TransactionError(
        describeFileError(error, `recover the content folder ${contentDir}`),
      );
    } finally {
      transaction.#release();
    }
  }

  /**
   * Stages a publication folder (`<department>/<year>`) to replace whatever is
   * there now, whole: files of the folder that `keep` names are carried over.
   */
  replaceFolder(folder: string, keep: (relative: string) => boolean = () => false): void {
    this.#replaced.add(folder);
    const current = join(this.contentDir, folder);
    if (existsSync(current)) linkTree(current, join(this.folder, 'new', folder), (r) => !keep(r));
    mkdirSync(join(this.folder, 'new', folder), { recursive: true });
  }

  /** Stages one file, below the content folder. */
  write(path: string, data: string | Uint8Array): void {
    const full = join(this.folder, 'new', path);
    mkdirSync(dirname(full), { recursive: true });
    rmSync(full, { force: true });
    writeFileSync(full, data);
    this.#files.set(path, data);
  }

  /**
   * The content folder as it will be once committed, as a folder of hard links
   * (nothing is copied), for the check to read; removed with the transaction.
   */
  trialFolder(): string {
    const trial = join(this.folder, 'trial');
    rmSync(trial, { recursive: true, force: true });
    const replaced = [...this.#replaced];
    const staged = [...this.#files.keys()];
    linkTree(this.contentDir, trial, (relative) => {
      const top = relative.split('/')[0]!;
      if (top === IMPORT_DIR || top === '.import.lock') return true;
      return (
        replaced.some((f) => relative === f || relative.startsWith(`${f}/`)) ||
        staged.includes(relative)
      );
    });
    linkTree(join(this.folder, 'new'), trial, () => false);
    return trial;
  }

  /** The moves of the commit: each replaced folder whole, then each other staged file. */
  #moves(): Move[] {
    const replaced = [...this.#replaced];
    const inFolder = (path: string) => replaced.some((f) => path.startsWith(`${f}/`));
    return [
      ...replaced.map((folder) => ({ from: folder, to: folder })),
      ...[...this.#files.keys()]
        .filter((path) => !inFolder(path))
        .map((path) => ({ from: path, to: path })),
    ];
  }

  /** Makes the staged change in one go: from the journal on, it completes even if interrupted. */
  commit(): void {
    rmSync(join(this.folder, 'trial'), { recursive: true, force: true });
    const journal: Journal = { moves: this.#moves() };
    try {
      writeDurably(join(this.folder, IMPORT_JOURNAL), JSON.stringify(journal));
      finishMoves(this.contentDir, this.folder, journal);
      rmSync(join(this.folder, IMPORT_JOURNAL));
    } catch (error) {
      throw new TransactionError(
        `${describeFileError(error, 'finish writing into the content folder')}; run \`npm run import -- --recover --content ${this.contentDir}\` once the cause is mended`,
      );
    }
  }

  /** Removes the staging folder and releases the lock: after a commit, or instead of one. */
  end(): void {
    rmSync(this.folder, { recursive: true, force: true });
    this.#release();
  }

  /** Removes the staging root if it is empty, and the lock if it is this process's. */
  #release(): void {
    try {
      if (readdirSync(join(this.contentDir, IMPORT_DIR)).length === 0)
        rmSync(join(this.contentDir, IMPORT_DIR), { recursive: true, force: true });
    } catch {
      // No staging root: nothing to tidy.
    }
    releaseLock(this.#lock);
  }
}
