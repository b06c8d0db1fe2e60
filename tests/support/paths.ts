import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '../..');
/** Build outputs of the test suite; git-ignored. */
export const ARTIFACTS = join(ROOT, 'tests/.artifacts');
/** The site built once for the build and browser tests (BASE_PATH unset). */
export const DIST = join(ARTIFACTS, 'dist');
