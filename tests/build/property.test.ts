import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { mutate, MUTATION } from '../../src/generate/mutations';
import { checkContent } from '../../src/check/check';
import { astroBuild } from '../support/astro';
import { EXAMPLE_CONTENT, TEST_SITE } from '../support/paths';
import { Sandbox } from '../support/sandbox';

/**
 * The guarantee of the check and the output audit together, on random damage
 * to the example's files (a copy of them): either the check rejects the content, or the build
 * succeeds and its output audit passes. Nothing in between: no build that
 * quietly publishes less than the content says.
 */
const DEPARTMENT = 'ruili-psb';
const FILES = [
  '2020/zh/case-property-centre.md',
  '2020/zh/case-handling-centre.md',
  '2020/en/face-recognition-system.md',
];

/**
 * The example's publication as department `slug`, in content folder `content`: the same
 * files and source text under another department's folder and slugs, so that several
 * damaged copies sit side by side in one site and are built together, once.
 */
function copyAsDepartment(content: string, slug: string): string {
  const folder = join(content, slug);
  cpSync(join(EXAMPLE_CONTENT, DEPARTMENT), folder, { recursive: true });
  const publication = join(folder, '2020/publication.yaml');
  writeFileSync(
    publication,
    readFileSync(publication, 'utf8')
      .replace(/^slug: ruili-psb-2020$/m, `slug: ${slug}-2020`)
      .replace(/^departmentSlug: ruili-psb$/m, `departmentSlug: ${slug}`),
  );
  return folder;
}

describe('random mutations of the real files, through the build', () => {
  const sandbox = new Sandbox();
  const scratch = mkdtempSync(join(tmpdir(), 'mutations-'));
  afterAll(() => {
    sandbox.remove();
    rmSync(scratch, { recursive: true, force: true });
  });
  const content = join(sandbox.dir, 'content');
  const outcomes = { rejected: 0, accepted: [] as string[] };

  it('are rejected by the check, or built with an output audit that passes', async () => {
    // Each damaged copy is checked alone, in a content folder of its own; those the check
    // accepts are moved into the sandbox's content, one department each, and built at the end.
    await fc.assert(
      fc.asyncProperty(
        fc.nat(),
        fc.array(MUTATION, { minLength: 1, maxLength: 2 }),
        async (pick, changes) => {
          const run = `mutated-${outcomes.rejected + outcomes.accepted.length + 1}`;
          const alone = join(scratch, run);
          // The example's sources and glossary, and its publication under this run's department.
          cpSync(EXAMPLE_CONTENT, alone, {
            recursive: true,
            filter: (source) => source !== join(EXAMPLE_CONTENT, DEPARTMENT),
          });
          const folder = copyAsDepartment(alone, run);
          const file = join(folder, FILES[pick % FILES.length]!);
          writeFileSync(file, changes.reduce(mutate, readFileSync(file)));
          if ((await checkContent(alone)).problems.length > 0) {
            outcomes.rejected += 1;
            return;
          }
          renameSync(folder, join(content, run));
          outcomes.accepted.push(run);
        },
      ),
      { numRuns: 16, seed: 20201125 },
    );
    // Both branches were taken, or the property says little.
    expect(outcomes.rejected).toBeGreaterThan(0);
    expect(outcomes.accepted.length).toBeGreaterThan(0);
    // Together they still pass the check (one department's damage cannot hide in another's).
    expect((await checkContent(content)).problems).toEqual([]);
    const result = astroBuild(join(sandbox.dir, 'dist'), {
      cwd: sandbox.dir,
      env: { SITE_URL: TEST_SITE, BASE_PATH: '' },
    });
    expect(result.status, result.output).toBe(0);
    // The example's own three projects, and three for each accepted copy.
    expect(result.report.audit?.projects).toBe(3 * (1 + outcomes.accepted.length));
    expect(result.output).not.toMatch(/\[ERROR\]/);
  });
});
