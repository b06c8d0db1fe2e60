import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './paths';

export interface BuildResult {
  status: number | null;
  output: string;
}

/**
 * Builds the project at `cwd` (default: this repository) into `outDir` as
 * `npm run build` does (scripts/build-site.mjs: Astro, then the search index),
 * without publishing it to dist/. A sandbox (`cwd` given) builds its own content/, whatever CONTENT_DIR
 * the test run itself was given.
 */
export function astroBuild(
  outDir: string,
  options: { cwd?: string; env?: Record<string, string> } = {},
): BuildResult {
  const cwd = options.cwd ?? ROOT;
  // Vitest sets these in its workers to emulate import.meta.env; Vite would read the worker's
  // BASE_URL ('/') in the child and build every page for the root, whatever BASE_PATH says.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR'].includes(name),
    ),
  );
  // A page cache of its own, unless the test gives one: test builds run side by side, and a build
  // must neither reuse another's pages nor read one that another is writing.
  const pageCache = mkdtempSync(join(tmpdir(), 'page-cache-'));
  // Likewise the kept parts of the search index: a build removes those it did not use.
  const searchCache = mkdtempSync(join(tmpdir(), 'search-cache-'));
  try {
    const result = spawnSync(process.execPath, [join(cwd, 'scripts/build-site.mjs'), outDir], {
      cwd,
      env: {
        ...env,
        ASTRO_TELEMETRY_DISABLED: '1',
        PAGE_CACHE_DIR: pageCache,
        SEARCH_CACHE_DIR: searchCache,
        ...(options.cwd ? { CONTENT_DIR: '' } : {}),
        ...options.env,
      },
      encoding: 'utf8',
    });
    return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
  } finally {
    rmSync(pageCache, { recursive: true, force: true });
    rmSync(searchCache, { recursive: true, force: true });
  }
}
