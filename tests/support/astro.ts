import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve, sep } from 'node:path';
import { readBuildReport, type BuildReport } from '../../src/files/build-report';
import { ROOT } from './paths';

export interface BuildResult {
  status: number | null;
  output: string;
  /** What the build's steps reported doing (src/files/build-report.ts); {} where none ran. */
  report: BuildReport;
}

/** A build to run: the command's arguments and options, and what to do with its outcome. */
interface BuildPlan {
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Moves the output where it was asked for and removes the build's own caches; call once, after the run. */
  finish: (status: number | null, output: string) => BuildResult;
}

function planBuild(
  outDir: string,
  options: { cwd?: string; env?: Record<string, string> },
): BuildPlan {
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
  // And its report, unless the test gives a folder: builds side by side write their own.
  const reportDir = options.env?.BUILD_REPORT_DIR ?? mkdtempSync(join(tmpdir(), 'build-report-'));
  // Astro writes its prerender chunks beside the output, but for an output outside the project
  // folder into <project>/.astro/.prerender: two such builds of one folder at once overwrite each
  // other's chunks (ERR_MODULE_NOT_FOUND). So such a build is made inside the folder (under
  // .astro/, which no build step cleans) and moved out whole.
  const outside = !resolve(outDir).startsWith(`${resolve(cwd)}${sep}`);
  mkdirSync(join(cwd, '.astro'), { recursive: true });
  const staging = outside ? mkdtempSync(join(cwd, '.astro', 'test-build-')) : null;
  const target = staging ? join(staging, 'dist') : outDir;
  const cleanUp = () => {
    rmSync(pageCache, { recursive: true, force: true });
    rmSync(searchCache, { recursive: true, force: true });
    if (!options.env?.BUILD_REPORT_DIR) rmSync(reportDir, { recursive: true, force: true });
    if (staging) rmSync(staging, { recursive: true, force: true });
  };
  return {
    args: [join(cwd, 'scripts/build-site.mjs'), target],
    cwd,
    env: {
      ...env,
      ASTRO_TELEMETRY_DISABLED: '1',
      PAGE_CACHE_DIR: pageCache,
      SEARCH_CACHE_DIR: searchCache,
      BUILD_REPORT_DIR: reportDir,
      ...(options.cwd ? { CONTENT_DIR: '' } : {}),
      ...options.env,
    },
    finish: (status, output) => {
      try {
        if (staging && existsSync(target)) {
          rmSync(outDir, { recursive: true, force: true });
          mkdirSync(dirname(resolve(outDir)), { recursive: true });
          renameSync(target, outDir);
        }
        return { status, output, report: readBuildReport(reportDir) };
      } finally {
        cleanUp();
      }
    },
  };
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
  const plan = planBuild(outDir, options);
  let result: SpawnSyncReturns<string>;
  try {
    result = spawnSync(process.execPath, plan.args, {
      cwd: plan.cwd,
      env: plan.env,
      encoding: 'utf8',
    });
  } catch (error) {
    plan.finish(null, '');
    throw error;
  }
  return plan.finish(result.status, `${result.stdout}\n${result.stderr}`);
}

/** astroBuild without blocking: for builds that may run side by side (the global setup's). */
export function astroBuildInBackground(
  outDir: string,
  options: { cwd?: string; env?: Record<string, string> } = {},
): Promise<BuildResult> {
  const plan = planBuild(outDir, options);
  return new Promise((settle) => {
    const child = spawn(process.execPath, plan.args, { cwd: plan.cwd, env: plan.env });
    const output: string[] = [];
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => output.push(chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => output.push(chunk));
    let settled = false;
    const end = (status: number | null, more = '') => {
      if (settled) return;
      settled = true;
      settle(plan.finish(status, `${output.join('')}${more}`));
    };
    child.on('error', (error) => end(null, `\n${error.message}`));
    child.on('close', (status) => end(status));
  });
}
