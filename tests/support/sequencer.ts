import { readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Seconds per test file, from a clean clone's run (scripts/test-durations.ts writes it). */
const DURATIONS = JSON.parse(
  readFileSync(join(import.meta.dirname, 'durations.json'), 'utf8'),
) as Record<string, number>;

/**
 * Longest file first, whichever project it is in. Vitest's own order runs the projects one after
 * another (browser, build, then unit), so the slowest unit file (the importer's kill tests) started
 * last and ran alone for a minute and a half of a 7-minute run on two cores. The longest-first
 * order keeps both workers busy to the end.
 *
 * How long a file takes: vitest's record of the last run where there is one; else durations.json,
 * seconds per file measured on a clean clone (refresh it with `npm run test:durations`); a file in
 * neither counts as quick. A failed file runs first, as vitest does it.
 */
export default class LongestFirst extends BaseSequencer {
  override sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const root = this.ctx.config.root;
    // Each file's weight once, not at every comparison of the sort (a stat each, for unknown files).
    const weights = new Map(
      files.map((spec) => {
        const last = this.ctx.cache.getTestSpecificationResult(spec);
        // Unknown: by its size, as vitest does, well below any file measured at a second or more.
        const seconds = last
          ? last.duration / 1000
          : (DURATIONS[relative(root, spec.moduleId)] ?? statSync(spec.moduleId).size / 1e6);
        return [spec, { failed: last?.failed ? 1 : 0, seconds }] as const;
      }),
    );
    const weight = (spec: TestSpecification) => weights.get(spec)!;
    return Promise.resolve(
      [...files].sort(
        (a, b) => weight(b).failed - weight(a).failed || weight(b).seconds - weight(a).seconds,
      ),
    );
  }
}
