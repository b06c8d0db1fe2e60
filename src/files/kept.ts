import { createHash } from 'node:crypto';
import {
  closeSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  readdirSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * What builds keep between runs (the render cache, src/markdown/render.ts, and
 * the output audit's memo, src/site/audit.ts) is valid only for the code that
 * made it, and must never be read half-written.
 */

/** The SHA-256 of some bytes (or a string's UTF-8), in hex: how kept files, sources and pages are verified. */
export const sha256 = (bytes: Uint8Array | string): string =>
  createHash('sha256').update(bytes).digest('hex');

/** One buffer for every file sha256File reads: it runs on one thread, a file at a time. */
const fileChunk = Buffer.allocUnsafe(1 << 20);

/**
 * The SHA-256 of a file's bytes, read through one buffer. Reading each whole file into a buffer
 * of its own left the build's process larger by the garbage until the next collection, at the
 * moment Pagefind starts beside it: hashing the 22,735 pages of 10,000 projects grew the
 * process by 69 MB that way, by 5 MB this way (2026-12-07).
 */
export function sha256File(path: string): string {
  const hash = createHash('sha256');
  const fd = openSync(path, 'r');
  try {
    for (let n; (n = readSync(fd, fileChunk, 0, fileChunk.length, null)) > 0;)
      hash.update(fileChunk.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

/** A hash of the code a build's output depends on: src/, the Astro config and the lock file. */
export function hashCode(root: string): string {
  const hash = createHash('sha256');
  const add = (path: string) => {
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat) return;
    if (stat.isDirectory()) {
      for (const name of readdirSync(path).sort()) add(join(path, name));
    } else {
      hash.update(path.slice(root.length)).update('\0').update(readFileSync(path)).update('\0');
    }
  };
  for (const path of ['src', 'astro.config.mjs', 'package-lock.json']) add(join(root, path));
  return hash.digest('hex');
}

/** Writes a kept file aside and renames it into place, so that a build reading it meanwhile sees all of it or none. */
export function writeKept(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}`;
  writeFileSync(partial, text);
  renameSync(partial, file);
}
