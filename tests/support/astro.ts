import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './paths';

export interface BuildResult {
  status: number | null;
  output: string;
}

/**
 * Runs `astro build` of the project at `cwd` (default: this repository) into
 * `outDir`. A sandbox (`cwd` given) builds its own content/, whatever CONTENT_DIR
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
  const result = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', outDir],
    {
      cwd,
      env: {
        ...env,
        ASTRO_TELEMETRY_DISABLED: '1',
        ...(options.cwd ? { CONTENT_DIR: '' } : {}),
        ...options.env,
      },
      encoding: 'utf8',
    },
  );
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}
