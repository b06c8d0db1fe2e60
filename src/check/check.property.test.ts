import fc from 'fast-check';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Problem } from '../content/problems';
import { parseFile } from '../content/read';
import { ContentFixture } from '../generate/fixture';
import { mutate, MUTATION } from '../generate/mutations';
import { ProjectZhSchema } from '../schema/project';
import { checkContent } from './check';

/** A rejection an editor can act on: it names a content file, and a field, a line or the whole file. */
function actionable(problem: Problem, files: readonly string[]): boolean {
  return (
    files.includes(problem.file) &&
    (problem.path !== undefined ||
      problem.line !== undefined ||
      /^(?:file|no |translation|sections|withheld markers)/.test(problem.message))
  );
}

describe('the validator on random input (fast-check)', () => {
  it('never throws on random frontmatter, and names the file and field of every rejection', () => {
    const file = 'content/x/2020/zh/random.md';
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.oneof(fc.constantFrom(...Object.keys(ProjectZhSchema.shape)), fc.string()),
          fc.jsonValue(),
        ),
        (frontmatter) => {
          const bytes = new TextEncoder().encode(
            `---\n${stringify(frontmatter)}---\n\n## 项目基本概况 {#overview}\n`,
          );
          const result = parseFile(file, bytes, ProjectZhSchema, true);
          if (!Array.isArray(result)) return;
          expect(result.length).toBeGreaterThan(0);
          for (const problem of result)
            expect(actionable(problem, [file]), JSON.stringify(problem)).toBe(true);
        },
      ),
      { numRuns: 300, seed: 20201124 },
    );
  });

  describe('random mutations of generated files', () => {
    let content: ContentFixture;
    let files: string[];
    beforeAll(() => {
      // Half the projects with withheld sections, so that markers get mutated too.
      content = new ContentFixture({ count: 3, perPublication: 3, withheldShare: 0.5 });
      const [zh1, zh2, zh3] = content.find(/\/zh\//);
      files = [content.find(/publication\.yaml$/)[0]!, zh1!, zh2!, zh3!.replace('/zh/', '/en/')];
    });
    afterAll(() => content.remove());

    it('never throws, and every rejection names the file and the field (or line)', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.nat(),
          fc.array(MUTATION, { minLength: 1, maxLength: 3 }),
          async (pick, changes) => {
            const file = files[pick % files.length]!;
            const original = Buffer.from(content.files.get(file)!);
            content.write(file, changes.reduce(mutate, original));
            try {
              const { problems } = await checkContent(content.dir);
              const known = [
                ...files.map((f) => content.display(f)),
                ...problems.map((p) => p.file).filter((f) => f.startsWith('content/synth-')),
              ];
              for (const problem of problems)
                expect(actionable(problem, known), JSON.stringify(problem)).toBe(true);
            } finally {
              content.write(file, original);
            }
          },
        ),
        { numRuns: 60, seed: 20201124 },
      );
    });
  });
});
