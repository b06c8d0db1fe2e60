#!/usr/bin/env node
// Builds the site into a folder, in two steps, one after the other:
//   node scripts/build-site.mjs <folder>
// 1. `astro build`, in a child process: the content check, the pages, the data files and
//    the output audit;
// 2. the search index (scripts/index-search.ts), in this process, once Astro's has ended.
// Pagefind holds every page it indexes in memory; run inside Astro's process, its
// peak came on top of Astro's (README, Performance). npm run build (scripts/build.mjs)
// and the tests build through here. Output is passed through; the exit code is the
// first failing step's.
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { register } from 'tsx/esm/api';

const modules = join(import.meta.dirname, '..', 'node_modules');

/** Runs one step with the given output handlers; resolves with its exit status. */
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
 * Builds into `outDir`; `onOutput(stream, chunk)` receives everything the steps print
 * (by default, passed through). Resolves with the exit status.
 */
export async function buildSite(outDir, onOutput = (to, chunk) => to.write(chunk)) {
  const astro = await step(
    [join(modules, 'astro/bin/astro.mjs'), 'build', '--outDir', outDir],
    onOutput,
  );
  if (astro !== 0) return astro;
  // TypeScript from here on: the index step shares src/ with the site. Its messages go through onOutput too.
  register();
  const { indexSite } = await import('./index-search.ts');
  try {
    await indexSite(outDir, (line) => onOutput(process.stdout, `${line}\n`));
    return 0;
  } catch (error) {
    onOutput(process.stderr, `[ERROR] [search-index] ${error?.stack ?? error}\n`);
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
