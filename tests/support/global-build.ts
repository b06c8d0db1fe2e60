import { rmSync } from 'node:fs';
import { astroBuild } from './astro';
import { DIST } from './paths';

/** Builds the site once for every build test. */
export default function setup(): void {
  rmSync(DIST, { recursive: true, force: true });
  const result = astroBuild(DIST, { env: { BASE_PATH: '', SITE_URL: 'https://example.org' } });
  if (result.status !== 0) throw new Error(`astro build failed:\n${result.output}`);
}
