/**
 * Compile-time test, checked by `astro check` (run before the test suite):
 * a locale that lacks a key must not type-check. If it ever does, the
 * @ts-expect-error below becomes unused and the check fails.
 */
import type { Dictionary } from './dictionary';
import { en } from './en';

const { siteName: _dropped, ...missingSiteName } = en;

// @ts-expect-error a dictionary without siteName is not a Dictionary
export const incomplete: Dictionary = missingSiteName;
