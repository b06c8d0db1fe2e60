import { resolve } from 'node:path';

/**
 * Where the content lives: `content/` in the project, or CONTENT_DIR (used by
 * the benchmark and the scale test to build generated disclosures without
 * touching content/). Problems are still reported as `content/<path>`.
 */
export function contentDir(root = process.cwd()): string {
  return resolve(root, process.env.CONTENT_DIR || 'content');
}
