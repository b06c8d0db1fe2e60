import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { mutate, MUTATION } from '../../src/generate/mutations';
import { checkContent } from '../../src/check/check';
import { astroBuild } from '../support/astro';
import { TEST_SITE } from '../support/paths';
import { Sandbox } from '../support/sandbox';

/**
 * The guarantee of the check and the output audit together, on random damage
 * to the example's files (a copy of them): either the check rejects the content, or the build
 * succeeds and its output audit passes. Nothing in between: no build that
 * quietly publishes less than the content says.
 */
const FILES = [
  'content/ruili-psb/2020/zh/case-property-centre.md',
  'content/ruili-psb/2020/zh/case-handling-centre.md',
  'content/ruili-psb/2020/en/face-recognition-system.md',
];

describe('random mutations of the real files, through the build', () => {
  const sandbox = new Sandbox();
  afterAll(() => sandbox.remove());
  const outcomes = { rejected: 0, built: 0 };

  it('are rejected by the check, or built with an output audit that passes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat(),
        fc.array(MUTATION, { minLength: 1, maxLength: 2 }),
        async (pick, changes) => {
          const file = FILES[pick % FILES.length]!;
          const path = join(sandbox.dir, file);
          const original = readFileSync(path);
          writeFileSync(path, changes.reduce(mutate, original));
          try {
            if ((await checkContent(join(sandbox.dir, 'content'))).problems.length > 0) {
              outcomes.rejected += 1;
              return;
            }
            const result = astroBuild(join(sandbox.dir, 'dist'), {
              cwd: sandbox.dir,
              env: { SITE_URL: TEST_SITE, BASE_PATH: '' },
            });
            expect(result.status, result.output).toBe(0);
            expect(result.report.audit?.projects).toBe(3);
            expect(result.output).not.toMatch(/\[ERROR\]/);
            outcomes.built += 1;
          } finally {
            writeFileSync(path, original);
          }
        },
      ),
      { numRuns: 16, seed: 20201125 },
    );
    // Both branches were taken, or the property says little.
    expect(outcomes.rejected).toBeGreaterThan(0);
    expect(outcomes.built).toBeGreaterThan(0);
  });
});
