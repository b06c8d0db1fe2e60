#!/usr/bin/env node
// @ts-check
// Builds the site into a folder, in two steps, one after the other:
//   node scripts/build-site.mjs <folder>
// 1. `astro build`, in a child process: the content check, the pages, the data files and
//    the output audit;
// 2. the search index (scripts/index-search.ts), in this process, once Astro's has ended.
// Pagefind holds every page it indexes in memory; run inside Astro's process, its
// peak came on top of Astro's (docs/performance.md). npm run build (scripts/build.mjs)
// and the tests build through here. Output is passed through; the exit code is the
// first failing step's.
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { register } from 'tsx/esm/api';

const modules = join(import.meta.dirname, '..', 'node_modules');

/** @typedef {(to: NodeJS.WriteStream, chunk: Buffer | string) => void} OnOutput */

/**
 * Runs one step with the given output handlers; resolves with its exit status.
 * @param {string[]} args
 * @param {OnOutput} onOutput
 * @returns {Promise<number>}
 */
function step(args, onOutput) {
  return new Promise((done) => {
    const child = spawn(process.execPath, args, {
      stdio: ['inherit', 'pipe', 'pipe'],
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    });
    child.stdout.on('data', (chunk) => onOutput(process.stdout, chunk));
    child.stderr.on('data', (chunk) => onOutput(process.stderr, chunk));
    child.on('close', (status) => done(status ?? 1));
  });
}

/**
 * The promise's value, or a rejection if this process runs out of work while it is pending.
 * Pagefind's service is a child process that Node does not wait for: when it dies (it panics
 * on a full disk), its pending calls never settle, and Node would end with an unsettled
 * top-level await (exit 13) before any cleanup ran.
 * @template T
 * @param {Promise<T>} promise
 * @param {string} what
 * @returns {Promise<T>}
 */
function settled(promise, what) {
  return new Promise((resolvePromise, reject) => {
    const stalled = () =>
      reject(new Error(`${what} stopped without finishing (is the disk full? see above)`));
    process.once('beforeExit', stalled);
    promise.then(
      (value) => (process.off('beforeExit', stalled), resolvePromise(value)),
      (error) => (process.off('beforeExit', stalled), reject(error)),
    );
  });
}

/**
 * Builds into `outDir`; `onOutput(stream, chunk)` receives everything the steps print
 * (by default, passed through). Resolves with the exit status.
 * @param {string} outDir
 * @param {OnOutput} onOutput
 * @returns {Promise<number>}
 */
export async function buildSite(outDir, onOutput = (to, chunk) => to.write(chunk)) {
  const astro = await step(
    [join(modules, 'astro/bin/astro.mjs'), 'build', '--outDir', outDir],
    onOutput,
  );
  if (astro !== 0) return astro;
  // TypeScript from here on: the index step shares src/ with the site. Its messages go through onOutput too.
  register();
  try {
    const { indexSite } = await import('./index-search.ts');
    await settled(
      indexSite(outDir, (line) => onOutput(process.stdout, `${line}\n`)),
      'the search index (Pagefind)',
    );
    return 0;
  } catch (error) {
    // One line: what failed and why. The step's own messages, if any, are above it.
    const message = error instanceof Error ? error.message : String(error);
    onOutput(process.stderr, `[ERROR] [search-index] ${message.split('\n')[0]}\n`);
    return 1;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const outDir = process.argv[2];
  if (!outDir) {
    console.error('usage: node scripts/build-site.mjs <folder>');
    process.exit(2);
  }
  process.exitCode = await buildSite(resolve(outDir));
}
