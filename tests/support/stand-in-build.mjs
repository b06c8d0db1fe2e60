// @ts-check
// A build step that stands in for Astro and Pagefind (BUILD_STEP=tests/support/stand-in-build.mjs):
// for the tests of what npm run build does around the step (the lock, publishing, a failure),
// which need a build, not the site. It writes one page, waits until the file STAND_IN_UNTIL
// exists, if one is named (to hold the lock until another build has met it; a minute at most),
// and ends with STAND_IN_STATUS (0 unless given).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * @param {string} outDir
 * @param {import('../../scripts/page-log.mjs').OnOutput} onOutput
 * @returns {Promise<number>}
 */
export async function buildSite(outDir, onOutput = (to, chunk) => to.write(chunk)) {
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'index.html'), '<!doctype html><title>stand-in build</title>\n');
  const until = process.env.STAND_IN_UNTIL;
  for (let waited = 0; until && !existsSync(until) && waited < 60_000; waited += 20)
    await sleep(20);
  onOutput(process.stdout, `stand-in build of ${outDir}\n`);
  return Number(process.env.STAND_IN_STATUS ?? 0);
}
