import { mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatReport } from '../content/problems';
import { ContentFixture } from '../generate/fixture';
import { checkContent } from './check';

/**
 * Hostile and broken content, as a careless or malicious editor would write
 * it: the check refuses each with a message that names the file (and the line
 * where there is one), and never crashes. The build runs this same check
 * first and refuses what it refuses (tests/build/hostile.test.ts builds one
 * such case through npm run build).
 */
const fixtures: ContentFixture[] = [];
afterEach(() => {
  for (const fixture of fixtures.splice(0)) fixture.remove();
});

/** One generated publication of three projects, the first with withheld sections. */
function fixture() {
  const made = new ContentFixture({ count: 3, perPublication: 3, withheldShare: 1, seed: 5 });
  fixtures.push(made);
  const [zh] = made.find(/\/zh\//);
  return Object.assign(made, {
    zh: zh!,
    en: zh!.replace('/zh/', '/en/'),
    publication: made.find(/publication\.yaml$/)[0]!,
  });
}

/** The problems the check finds, as the report prints them. */
async function report(content: ContentFixture): Promise<string> {
  const { problems, model } = await checkContent(content.dir);
  expect(model, 'the check passed what it must refuse').toBeNull();
  return formatReport(problems);
}

describe('the check refuses hostile content, naming the file and line', { timeout: 30_000 }, () => {
  type Fixture = ReturnType<typeof fixture>;
  it.each<[string, (content: Fixture) => void, RegExp]>([
    [
      'an upper-case heading id',
      (c) => c.edit(c.zh, (t) => t.replace('{#method}', '{#Method}')),
      /line \d+: heading id "Method" must be lower-case/,
    ],
    [
      '4,000 nested block quotes, which would overflow the parser',
      (c) => c.edit(c.zh, (t) => `${t}\n${'> '.repeat(4000)}深\n`),
      /nested (too deeply|more than 16 deep)/,
    ],
    [
      'a body heading with a frontmatter section’s id',
      (c) => c.edit(c.zh, (t) => t.replace('{#method}', '{#basis}')),
      /section id #basis is already used on the page/,
    ],
    [
      'an editor’s note beside a withheld marker',
      (c) =>
        c.edit(c.zh, (t) =>
          t.replace(
            '::withheld{reason=classified}',
            '::withheld{reason=classified}\n\n:::editor-note\n可行性研究报告已批复。\n:::',
          ),
        ),
      /section #[a-z-]+ is withheld, so it may hold nothing but its withheld marker/,
    ],
    [
      'a paragraph beside a withheld marker, in English',
      (c) =>
        c.edit(c.en, (t) =>
          t.replace(
            '::withheld{reason=classified}',
            '::withheld{reason=classified}\n\nThe feasibility study was approved.',
          ),
        ),
      /en\/p001\.md\n.*section #[a-z-]+ is withheld, so it may hold nothing but its withheld marker/,
    ],
    [
      'a withheld directive with a label (the leak guard)',
      (c) =>
        c.edit(c.zh, (t) =>
          t.replace(
            '::withheld{reason=classified}',
            '::withheld[总面积9999平方米]{reason=classified}',
          ),
        ),
      /a withheld directive must be empty/,
    ],
    [
      'an unknown withheld reason in the body',
      (c) =>
        c.edit(c.zh, (t) =>
          t.replace('::withheld{reason=classified}', '::withheld{reason=secret}'),
        ),
      /unknown withheld reason "secret"/,
    ],
    [
      'a folder inside sources/',
      (c) => mkdirSync(join(c.dir, 'sources/extra')),
      /content\/sources\/extra\n\s+file: is not a file/,
    ],
    [
      'no sources/ folder',
      (c) => rmSync(join(c.dir, 'sources'), { recursive: true }),
      /content\/sources\/\n\s+file: the folder of original texts is missing/,
    ],
    [
      'a YAML alias bomb',
      (c) =>
        c.edit(c.zh, (t) =>
          t.replace(
            '---\nslug:',
            `---\na: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nslug:`,
          ),
        ),
      /line 2: YAML anchor &a is not allowed/,
    ],
    [
      'a file of 2 MB',
      (c) => c.edit(c.zh, (t) => `${t}\n${'很长的正文。'.repeat(120_000)}\n`),
      /is \d+ bytes, more than the 1048576/,
    ],
    [
      'a custom YAML tag such as !!js/function',
      (c) =>
        c.edit(c.zh, (t) =>
          t.replace('order: 1', 'order: !!js/function "function () { return 1 }"'),
        ),
      /p001\.md\n\s+line 3: YAML/,
    ],
    [
      'a symlink in sources/ (to /etc/passwd)',
      (c) => symlinkSync('/etc/passwd', join(c.dir, 'sources/passwd.txt')),
      /content\/sources\/passwd\.txt\n\s+file: is a symbolic link/,
    ],
    [
      'a symlinked department folder',
      (c) => symlinkSync(join(c.dir, c.zh.split('/')[0]!), join(c.dir, 'linked'), 'dir'),
      /content\/linked\n\s+file: is a symbolic link/,
    ],
    [
      'an image from another host',
      (c) => c.edit(c.zh, (t) => `${t}\n![x](https://example.org/a.png)\n`),
      /image "https:\/\/example\.org\/a\.png" is on another host/,
    ],
    [
      'an image from another host, protocol-relative',
      (c) => c.edit(c.zh, (t) => `${t}\n![x](//example.org/a.png)\n`),
      /image "\/\/example\.org\/a\.png" is on another host/,
    ],
    [
      'an impossible date',
      (c) => c.edit(c.publication, (t) => t.replace(/updated: \S+/, 'updated: 2026-02-30')),
      /publication\.yaml\n\s+line \d+, updated: 2026-02-30 is not a date on the calendar/,
    ],
    [
      'an amount past 2^53, which is too large rather than not a whole number',
      (c) =>
        c.edit(c.zh, (t) =>
          t.replace(/amountYuan: \d+\n {2}published/, 'amountYuan: 1e20\n  published'),
        ),
      /line \d+, funding\.amountYuan: is too large to be a budget amount/,
    ],
  ])('%s', async (_, change, message) => {
    const content = fixture();
    change(content);
    const found = await report(content);
    expect(found).toMatch(message);
    expect(found).not.toContain('root:');
  });
});
