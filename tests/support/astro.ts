import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve, sep } from 'node:path';
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
  // Astro writes its prerender chunks beside the output, but for an output outside the project
  // folder into <project>/.astro/.prerender: two such builds of one folder at once overwrite each
  // other's chunks (ERR_MODULE_NOT_FOUND). So such a build is made inside the folder (under
  // .astro/, which no build step cleans) and moved out whole.
  const outside = !resolve(outDir).startsWith(`${resolve(cwd)}${sep}`);
  mkdirSync(join(cwd, '.astro'), { recursive: true });
  const staging = outside ? mkdtempSync(join(cwd, '.astro', 'test-build-')) : null;
  const target = staging ? join(staging, 'dist') : outDir;
  try {
    const result = spawnSync(process.execPath, [join(cwd, 'scripts/build-site.mjs'), target], {
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
    if (staging && existsSync(target)) {
      rmSync(outDir, { recursive: true, force: true });
      mkdirSync(dirname(resolve(outDir)), { recursive: true });
      renameSync(target, outDir);
    }
    return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
  } finally {
    rmSync(pageCache, { recursive: true, force: true });
    rmSync(searchCache, { recursive: true, force: true });
    if (staging) rmSync(staging, { recursive: true, force: true });
  }
}
