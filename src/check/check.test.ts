import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatReport, type Problem } from '../content/problems';
import { ContentFixture } from '../generate/fixture';
import { checkContent } from './check';

const ROOT = join(import.meta.dirname, '../..');

const fixtures: ContentFixture[] = [];
afterEach(() => {
  for (const fixture of fixtures.splice(0)) fixture.remove();
});

/** One generated publication of three projects; `withheldShare: 1` gives every project withheld sections. */
function fixture(
  withheldShare = 0,
): ContentFixture & { zh: string; en: string; third: string; publication: string } {
  const made = new ContentFixture({ count: 3, perPublication: 3, withheldShare });
  fixtures.push(made);
  const [zh, , third] = made.find(/\/zh\//);
  return Object.assign(made, {
    zh: zh!,
    en: zh!.replace('/zh/', '/en/'),
    third: third!,
    publication: made.find(/publication\.yaml$/)[0]!,
  });
}

const problemsIn = async (content: ContentFixture) => (await checkContent(content.dir)).problems;
const one = (problems: Problem[]) => {
  expect(problems, formatReport(problems)).toHaveLength(1);
  return problems[0]!;
};
/** Replaces the funding amount (the first amountYuan of a disclosure). */
const amount = (value: string) => (t: string) =>
  t.replace(/amountYuan: \d+\n {2}published/, `amountYuan: ${value}\n  published`);

describe('checkContent on generated content', () => {
  it('finds nothing wrong', async () => {
    const content = fixture();
    const { problems, model } = await checkContent(content.dir);
    expect(problems).toEqual([]);
    expect(model?.projects).toHaveLength(3);
  });
});

describe('a clear error, with file, line and field, for every mistake an editor can make', () => {
  it.each([
    [
      'a missing required field',
      'zh',
      (t: string) => t.replace(/^name: .*\n/m, ''),
      { line: 2, path: 'name', message: /is required/ },
    ],
    [
      'a wrong type',
      'zh',
      (t: string) => t.replace('order: 1', 'order: first'),
      { at: 'order:', path: 'order', message: /whole number/ },
    ],
    [
      'a negative amount',
      'zh',
      amount('-7000000'),
      { at: 'amountYuan:', path: 'funding.amountYuan', message: /more than zero/ },
    ],
    [
      'a zero amount',
      'zh',
      amount('0'),
      { at: 'amountYuan:', path: 'funding.amountYuan', message: /more than zero/ },
    ],
    [
      'a non-numeric amount',
      'zh',
      amount('seven million'),
      {
        at: 'amountYuan:',
        path: 'funding.amountYuan',
        message: /must be a number of yuan.*found "seven million"/,
      },
    ],
    [
      'an amount more precise than one yuan',
      'zh',
      amount('7000000.5'),
      { at: 'amountYuan:', path: 'funding.amountYuan', message: /whole number of yuan/ },
    ],
    [
      '万 written inside a numeric field',
      'zh',
      amount('700万'),
      { at: 'amountYuan:', path: 'funding.amountYuan', message: /found "700万"/ },
    ],
    [
      'an unknown withheld reason',
      'zh',
      (t: string) =>
        t.replace(/implementingUnit:\n(?: {2}.*\n)+/, 'implementingUnit:\n  withheld: secret\n'),
      {
        path: 'implementingUnit.withheld',
        message: /unknown withheld reason "secret"; known reasons: classified/,
      },
    ],
    [
      'a withheld frontmatter section that has text',
      'zh',
      (t: string) =>
        t.replace(/implementingUnit:\n/, 'implementingUnit:\n  withheld: classified\n'),
      { path: 'implementingUnit', message: /must hold nothing but its reason/ },
    ],
    [
      'an invalid year',
      'publication',
      (t: string) => t.replace(/fiscalYear: (\d+)/, 'fiscalYear: $10'),
      { at: 'fiscalYear:', path: 'fiscalYear', message: /four-digit year/ },
    ],
    [
      'a YAML syntax error',
      'zh',
      (t: string) => t.replace('order: 1', 'order: [1'),
      { message: /YAML syntax error/ },
    ],
    [
      'raw HTML in Markdown',
      'zh',
      (t: string) => `${t}\n<script>alert(1)</script>\n`,
      { message: /raw HTML is not allowed/ },
    ],
    [
      'an event-handler attribute',
      'zh',
      (t: string) => `${t}\n<img src=x onerror=alert(1)>\n`,
      { message: /raw HTML is not allowed/ },
    ],
    [
      'a javascript: link',
      'zh',
      (t: string) => `${t}\n[x](javascript:alert(1))\n`,
      { message: /is not allowed: use http\(s\), mailto or a relative address/ },
    ],
  ] as const)('%s', async (_, which, change, expected) => {
    const content = fixture();
    const file = which === 'zh' ? content.zh : content.publication;
    content.edit(file, change);
    const problem = one(await problemsIn(content));
    expect(problem.file).toBe(content.display(file));
    expect(problem.message).toMatch(expected.message);
    if ('path' in expected) expect(problem.path).toBe(expected.path);
    if ('at' in expected) expect(problem.line).toBe(content.lineOf(file, expected.at));
    else if ('line' in expected) expect(problem.line).toBe(expected.line);
    else expect(problem.line).toBeGreaterThan(0);
  });

  it('a withheld directive that has text (the leak guard), with its line', async () => {
    const content = fixture(1);
    content.edit(content.zh, (t) =>
      t.replace(
        '::withheld{reason=classified}',
        ':::withheld{reason=classified}\n项目可行性研究报告\n:::',
      ),
    );
    const problem = one(await problemsIn(content));
    expect(problem.file).toBe(content.display(content.zh));
    expect(problem.message).toMatch(/^section #[a-z-]+: a withheld directive must be empty/);
    expect(problem.line).toBe(content.lineOf(content.zh, ':::withheld'));
  });

  it.each([
    ['a control character', '\u0001', 'a control character (U+0001)'],
    ['a bidi override', '\u202e', 'a bidirectional override (U+202E)'],
    ['a zero-width space', '\u200b', 'an invisible zero-width character (U+200B)'],
  ])('%s in a name, written as it is or as a YAML escape, with its line', async (_, char, what) => {
    for (const written of [char, `\\u${char.codePointAt(0)!.toString(16).padStart(4, '0')}`]) {
      const content = fixture();
      content.edit(content.zh, (t) => t.replace(/^name: (.*)$/m, `name: "$1${written}"`));
      const problem = one(await problemsIn(content));
      expect(problem.file).toBe(content.display(content.zh));
      expect(problem.line).toBe(content.lineOf(content.zh, 'name: '));
      expect(problem.message).toBe(
        `contains ${what}; delete it (it is invisible or breaks the feeds)`,
      );
    }
  });

  it('a bidi override written as a character reference in the body, with its line', async () => {
    // (Markdown turns a reference to a control character into U+FFFD itself.)
    const content = fixture();
    content.edit(content.zh, (t) => t.replace(/(## [^\n]+\n\n)([^\n#:]+)/, '$1$2&#x202E;'));
    const problem = one(await problemsIn(content));
    expect(problem.message).toBe(
      'the text contains a bidirectional override (U+202E); delete it (it is invisible or breaks the feeds)',
    );
    expect(problem.line).toBe(content.lineOf(content.zh, '&#x202E;'));
  });

  it('a name longer than a name can be', async () => {
    const content = fixture();
    content.edit(content.zh, (t) => t.replace(/^name: .*$/m, `name: ${'名'.repeat(301)}`));
    const problem = one(await problemsIn(content));
    expect([problem.path, problem.message]).toEqual([
      'name',
      'is longer than the 300 characters a name may have',
    ]);
  });

  it('an unknown key (a typo), with the field it probably meant', async () => {
    const content = fixture();
    content.edit(content.zh, (t) => t.replace('funding:', 'fundng:'));
    const problems = await problemsIn(content);
    expect(problems.map((p) => [p.file, p.line, p.path, p.message])).toEqual([
      [content.display(content.zh), 2, 'funding', 'is required'],
      [
        content.display(content.zh),
        content.lineOf(content.zh, 'fundng:'),
        'fundng',
        'unknown field "fundng"; did you mean "funding"?',
      ],
    ]);
  });

  it('a duplicate slug and a duplicate order, both reported', async () => {
    const content = fixture();
    content.edit(content.third, (t) =>
      t.replace('slug: p003', 'slug: p001').replace('order: 3', 'order: 1'),
    );
    const problems = (await problemsIn(content)).map(
      (p) => `${p.file} ${p.path ?? ''}: ${p.message}`,
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/slug: .*p001.* (used|twice|also)/),
        expect.stringMatching(/order: .*1/),
      ]),
    );
  });

  it('a missing translation', async () => {
    const content = fixture();
    rmSync(join(content.dir, content.en));
    const problem = one(await problemsIn(content));
    expect([problem.file, problem.message]).toEqual([
      content.display(content.zh),
      expect.stringMatching(/no English translation/),
    ]);
  });

  it('mismatched sections between languages', async () => {
    const content = fixture();
    content.edit(content.en, (t) => t.replace('{#approach}', '{#overall-approach}'));
    const problems = await problemsIn(content);
    expect(problems.length).toBeGreaterThan(0);
    expect(
      problems.every(
        (p) => p.file === content.display(content.en) || p.file === content.display(content.zh),
      ),
    ).toBe(true);
    expect(formatReport(problems)).toMatch(/#approach/);
  });

  it('a file that is not UTF-8', async () => {
    const content = fixture();
    content.write(content.zh, Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xd6, 0xd0, 0xce, 0xc4, 0x0a]));
    const problem = one(await problemsIn(content));
    expect([problem.file, problem.line, problem.message]).toEqual([
      content.display(content.zh),
      2,
      'file is not UTF-8 text; save it as UTF-8',
    ]);
  });

  it('an empty file', async () => {
    const content = fixture();
    content.write(content.zh, '');
    const problem = one(await problemsIn(content));
    expect([problem.file, problem.line, problem.message]).toEqual([
      content.display(content.zh),
      1,
      'file is empty',
    ]);
  });

  it('reports every problem in every file at once', async () => {
    const content = fixture();
    content.edit(content.zh, (t) =>
      t.replace('order: 1', 'order: first').replace('funding:', 'fundng:'),
    );
    content.edit(content.publication, (t) => t.replace(/fiscalYear: (\d+)/, 'fiscalYear: $10'));
    const problems = await problemsIn(content);
    expect(new Set(problems.map((p) => p.file))).toEqual(
      new Set([content.display(content.zh), content.display(content.publication)]),
    );
    expect(problems.map((p) => p.path)).toEqual(
      expect.arrayContaining(['order', 'fundng', 'fiscalYear']),
    );
  });

  it('accepts and normalises a BOM and CRLF line endings', async () => {
    const content = fixture();
    content.edit(content.zh, (t) => `\uFEFF${t.replace(/\n/g, '\r\n')}`);
    content.edit(content.en, (t) => t.replace(/\n/g, '\r\n'));
    expect(await problemsIn(content)).toEqual([]);
  });
});

describe('npm run check', () => {
  const run = (contentDir: string) =>
    spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/check.ts')], {
      encoding: 'utf8',
      env: { ...process.env, CONTENT_DIR: contentDir },
    });

  it('exits 0 and says so when the content is good', () => {
    const result = run(fixture().dir);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('content OK: 1 publication(s), 3 project(s)');
  });

  it('exits non-zero with a report grouped by file, naming line and field', () => {
    const content = fixture();
    content.edit(content.zh, amount('700万'));
    const result = run(content.dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('1 problem in 1 file:');
    // Named where the content folder is (CONTENT_DIR), not as content/….
    expect(result.stderr).toContain(
      `${content.dir}/${content.zh}\n  line ${content.lineOf(content.zh, 'amountYuan:')}, funding.amountYuan: must be a number of yuan`,
    );
  });
});
