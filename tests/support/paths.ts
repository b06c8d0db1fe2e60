import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '../..');
/** Build outputs of the test suite; git-ignored. */
export const ARTIFACTS = join(ROOT, 'tests/.artifacts');
/** The SITE_URL the test builds use. */
export const TEST_SITE = 'https://example.org';
/** The site built once for the build and browser tests (BASE_PATH unset). */
export const DIST = join(ARTIFACTS, 'dist');
/** The sub-path of the portal test build, as the finance bureau's portal would host the site. */
export const PORTAL_BASE = '/portal/yjsgk/';
/** The same site built with BASE_PATH=/portal/yjsgk/. */
export const PORTAL_DIST = join(ARTIFACTS, 'dist-portal');
/**
 * A copy of the example publication (the Ruili texts), for the tests that check facts about it:
 * they pass whatever content/ holds, since they build this copy, not content/.
 */
export const EXAMPLE_CONTENT = join(ROOT, 'tests/fixtures/example');
/** The example publication built at the root (the same folder as DIST when content/ is the example). */
export const EXAMPLE_DIST = join(ARTIFACTS, 'dist-example');
/** The example publication built under the portal's sub-path (the same folder as PORTAL_DIST when content/ is the example). */
export const EXAMPLE_PORTAL_DIST = join(ARTIFACTS, 'dist-example-portal');
