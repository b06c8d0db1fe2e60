import { rmSync } from 'node:fs';
import { astroBuild } from './astro';
import { DIST, PORTAL_BASE, PORTAL_DIST, TEST_SITE } from './paths';

/**
 * Builds the site once for every build and browser test: at the root, and
 * under a portal's sub-path as the finance bureau would host it. Both test
 * projects name this setup; the flag keeps it to one build per run.
 */
export default function setup(): void {
  if (process.env.DISCLOSURES_TEST_BUILT) return;
  for (const [dist, base] of [
    [DIST, ''],
    [PORTAL_DIST, PORTAL_BASE],
  ] as const) {
    rmSync(dist, { recursive: true, force: true });
    const result = astroBuild(dist, { env: { BASE_PATH: base, SITE_URL: TEST_SITE } });
    if (result.status !== 0)
      throw new Error(`astro build (BASE_PATH=${base || '/'}) failed:\n${result.output}`);
  }
  process.env.DISCLOSURES_TEST_BUILT = '1';
}
