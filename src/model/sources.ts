import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentDir } from '../lib/content-dir';

/** The folder of the content that holds the original texts, byte for byte as published. */
export const SOURCES_DIR = 'sources';

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** SHA-256 of every file in content/sources/, by file name. */
export function hashSources(root = process.cwd()): Record<string, string> {
  const dir = join(contentDir(root), SOURCES_DIR);
  return Object.fromEntries(readdirSync(dir).map((file) => [file, sha256(readFileSync(join(dir, file)))]));
}

export function readSource(file: string, root = process.cwd()): Buffer {
  return readFileSync(join(contentDir(root), SOURCES_DIR, file));
}
