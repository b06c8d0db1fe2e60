#!/usr/bin/env node
// Atomic build: Astro (with the content check first and the Pagefind index last)
// writes into a fresh temporary folder; dist/ is replaced only when all of it
// succeeded. A failed build leaves the published dist/ exactly as it was.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = process.cwd();
const dist = join(root, 'dist');
const astro = join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
const staging = mkdtempSync(join(root, '.dist-'));

const result = spawnSync(process.execPath, [astro, 'build', '--outDir', staging], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
});
if (result.status !== 0) {
  rmSync(staging, { recursive: true, force: true });
  console.error(
    `\nbuild failed; dist/ was left as it was${existsSync(dist) ? '' : ' (there was none)'}.`,
  );
  process.exit(result.status ?? 1);
}
const previous = `${staging}-previous`;
if (existsSync(dist)) renameSync(dist, previous);
renameSync(staging, dist);
rmSync(previous, { recursive: true, force: true });
console.log('\nbuild complete: dist/ replaced.');
