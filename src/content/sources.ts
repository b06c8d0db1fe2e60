import { lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { sha256 } from '../files/kept';
import { displayPathOf, SOURCES_DIR } from './paths';
import type { Problem } from './problems';

/**
 * SHA-256 of every regular file in `<content>/sources/`, by file name. A
 * missing folder, a folder inside it or a symlink is a problem with its path,
 * never a crash and never a followed link.
 */
export function hashSources(contentDir: string, problems: Problem[] = []): Record<string, string> {
  const dir = join(contentDir, SOURCES_DIR);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    problems.push({
      file: displayPathOf(`${SOURCES_DIR}/`),
      message: 'the folder of original texts is missing; create it and put each original there',
    });
    return {};
  }
  const hashes: Record<string, string> = {};
  for (const name of names.sort()) {
    const stat = lstatSync(join(dir, name));
    if (stat.isSymbolicLink()) {
      problems.push({
        file: displayPathOf(`${SOURCES_DIR}/${name}`),
        message:
          'is a symbolic link; an original text must be a regular file inside the content folder',
      });
    } else if (!stat.isFile()) {
      problems.push({
        file: displayPathOf(`${SOURCES_DIR}/${name}`),
        message: 'is not a file; put only the original texts in sources/',
      });
    } else hashes[name] = sha256(readFileSync(join(dir, name)));
  }
  return hashes;
}

/** An original text, byte for byte. */
export function readSource(contentDir: string, file: string): Buffer {
  return readFileSync(join(contentDir, SOURCES_DIR, file));
}

/** An original's size in bytes. */
export function sizeOfSource(contentDir: string, file: string): number {
  return statSync(join(contentDir, SOURCES_DIR, file)).size;
}
