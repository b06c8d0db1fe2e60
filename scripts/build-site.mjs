#!/usr/bin/env node
// @ts-check
// Builds the site into a folder:
//   node scripts/build-site.mjs <folder>
// 1. `astro build`, in a child process: the content check, the pages, the data files and
//    the output audit;
// 2. the search index (scripts/index-search.ts), in this process: one index (the default) once
//    Astro's process has ended, as Pagefind holds a language's pages of it in memory at once
//    (src/search/run-pagefind.ts); parts by
//    fiscal year (SEARCH_INDEX_PARTS=fiscal-year) from the moment Astro has written the pages and
//    the data files (it says so over IPC, src/integrations/data-files.ts), so that they are
//    indexed while Astro audits the output: two steps that read the same finished files and
//    write none the other reads, and Pagefind holds one part at a time (src/search/index-parts.ts).
//    The audit decides the build: if it fails, an index under way is let finish and the build
//    fails with Astro's status, and scripts/build.mjs publishes nothing (docs/performance.md).
// npm run build (scripts/build.mjs) and the tests build through here. Output is passed
// through; the exit code is the first failing step's.
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { register } from 'tsx/esm/api';
import { tidyPageLog } from './page-log.mjs';

// TypeScript from here on: the index step shares src/ with the site.
register();
const { OUTPUT_WRITTEN } = await import('../src/integrations/output-written.ts');
const { readSettings } = await import('../src/config.ts');
const { clearBuildReport, writeBuildReport } = await import('../src/files/build-report.ts');

const modules = join(import.meta.dirname, '..', 'node_modules');

/** @typedef {import('./page-log.mjs').OnOutput} OnOutput */

/**
 * Runs one step with the given output handlers; resolves with its exit status.
 * `onMessage` receives what the step sends over IPC.
 * @param {string[]} args
 * @param {OnOutput} onOutput
 * @param {(message: unknown) => void} onMessage
 * @returns {Promise<number>}
 */
function step(args, onOutput, onMessage) {
  return new Promise((done) => {
    const child = spawn(process.execPath, args, {
      stdio: ['inherit', 'pipe', 'pipe', 'ipc'],
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    });
    // Piped, so never null (with an IPC channel in the list, Node's types no longer say so).
    /** @type {import('node:stream').Readable} */ (child.stdout).on('data', (chunk) =>
      onOutput(process.stdout, chunk),
    );
    /** @type {import('node:stream').Readable} */ (child.stderr).on('data', (chunk) =>
      onOutput(process.stderr, chunk),
    );
    child.on('message', onMessage);
    child.on('close', (status) => done(status ?? 1));
  });
}

/**
 * The search index of the site in `outDir` (scripts/index-search.ts); resolves with 0, or
 * with 1 once its error is said. Its messages go through onOutput too.
 * @param {string} outDir
 * @param {OnOutput} onOutput
 * @returns {Promise<number>}
 */
async function indexStep(outDir, onOutput) {
  try {
    const { indexSite } = await import('./index-search.ts');
    await indexSite(outDir, (line) => onOutput(process.stdout, `${line}\n`));
    return 0;
  } catch (error) {
    // One line: what failed and why. The step's own messages, if any, are above it.
    const message = error instanceof Error ? error.message : String(error);
    onOutput(process.stderr, `[ERROR] [search-index] ${message.split('\n')[0]}\n`);
    return 1;
  }
}

/**
 * Builds into `outDir`; `onOutput(stream, chunk)` receives everything the steps print
 * (by default, passed through). Resolves with the exit status: Astro's if it failed,
 * else the index step's.
 * @param {string} outDir
 * @param {OnOutput} onOutput
 */
export async function buildSite(outDir, onOutput = (to, chunk) => to.write(chunk)) {
  /** @type {Promise<number> | undefined} */
  let index;
  // Parts by fiscal year are indexed beside the audit: Pagefind holds one part at a time. One
  // index holds every page at once, and beside Astro's audit the two took 4.9 GB at 10,000
  // projects against the baseline's 2.9: it is built once Astro's process has ended
  // (docs/performance.md).
  const { searchIndexParts, buildReportDir } = readSettings();
  const beside = searchIndexParts === 'fiscal-year';
  // The report says what this build did: nothing of an earlier one's may remain in it.
  clearBuildReport(buildReportDir);
  const tidy = tidyPageLog(onOutput);
  const astro = await step(
    [join(modules, 'astro/bin/astro.mjs'), 'build', '--outDir', outDir],
    tidy.onOutput,
    (message) => {
      if (message === OUTPUT_WRITTEN && beside) index ??= indexStep(outDir, onOutput);
    },
  );
  tidy.flush();
  writeBuildReport(buildReportDir, 'pages', { restored: tidy.restored });
  if (astro !== 0) {
    // Nothing is published. An index under way is let finish, so that no Pagefind run outlives
    // the build; its status does not matter.
    await index;
    return astro;
  }
  // One index, or had Astro not said so (its data-files step did not run): built after it.
  return (index ??= indexStep(outDir, onOutput));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const outDir = process.argv[2];
  if (!outDir) {
    console.error('usage: node scripts/build-site.mjs <folder>');
    process.exit(2);
  }
  process.exitCode = await buildSite(resolve(outDir));
}
