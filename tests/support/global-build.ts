import { existsSync, rmSync, symlinkSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { astroBuildInBackground, type BuildResult } from './astro';
import {
  DIST,
  EXAMPLE_CONTENT,
  EXAMPLE_DIST,
  EXAMPLE_PORTAL_DIST,
  PORTAL_BASE,
  PORTAL_DIST,
  ROOT,
  TEST_SITE,
} from './paths';
import { treeHashes } from './tree';

/**
 * Builds the sites every build and browser test reads, once per run: content/
 * (whatever it holds) at the root and under a portal's sub-path, as the
 * finance bureau would host it; and the example publication, at the root and
 * under the sub-path, for the tests of facts about it and of what only a
 * site with content shows (the nginx test's original texts). When content/ is
 * the example, its builds serve both. Both test projects name this setup; the
 * flag keeps it to one build per run.
 */
export default async function setup(): Promise<void> {
  if (process.env.DISCLOSURES_TEST_BUILT) return;
  const content = `${ROOT}/content`;
  const builds: [string, Record<string, string>][] = [
    [DIST, { BASE_PATH: '', CONTENT_DIR: content }],
    [PORTAL_DIST, { BASE_PATH: PORTAL_BASE, CONTENT_DIR: content }],
  ];
  const contentIsExample =
    existsSync(content) && isDeepStrictEqual(treeHashes(content), treeHashes(EXAMPLE_CONTENT));
  if (!contentIsExample)
    builds.push(
      [EXAMPLE_DIST, { BASE_PATH: '', CONTENT_DIR: EXAMPLE_CONTENT }],
      [EXAMPLE_PORTAL_DIST, { BASE_PATH: PORTAL_BASE, CONTENT_DIR: EXAMPLE_CONTENT }],
    );
  rmSync(EXAMPLE_DIST, { recursive: true, force: true });
  rmSync(EXAMPLE_PORTAL_DIST, { recursive: true, force: true });
  // Two side by side: each is mostly one process on one core, and no test starts before they end.
  const results: BuildResult[] = [];
  let taken = 0;
  const lane = async (): Promise<void> => {
    while (taken < builds.length) {
      const i = taken++;
      const [dist, env] = builds[i]!;
      rmSync(dist, { recursive: true, force: true });
      results[i] = await astroBuildInBackground(dist, { env: { ...env, SITE_URL: TEST_SITE } });
    }
  };
  await Promise.all([lane(), lane()]);
  results.forEach((result, i) => {
    const env = builds[i]![1];
    if (result.status !== 0)
      throw new Error(
        `the build of ${env.CONTENT_DIR ?? ''} (BASE_PATH=${env.BASE_PATH || '/'}) failed:\n${result.output}`,
      );
  });
  if (contentIsExample) {
    symlinkSync(DIST, EXAMPLE_DIST, 'dir');
    symlinkSync(PORTAL_DIST, EXAMPLE_PORTAL_DIST, 'dir');
  }
  process.env.DISCLOSURES_TEST_BUILT = '1';
}
