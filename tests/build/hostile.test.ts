import { spawn, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, TEST_SITE } from '../support/paths';
import { Sandbox } from '../support/sandbox';
import { treeHashes } from '../support/tree';

/**
 * Hostile and broken content, as a careless or malicious editor would write
 * it, through `npm run build` (scripts/build.mjs). Each case either fails with
 * a message naming the file (and line) and leaves the published dist/ byte for
 * byte as it was, or builds and publishes the text as exactly what it is.
 */
const ZH = 'content/ruili-psb/2020/zh/case-property-centre.md';
const EN = 'content/ruili-psb/2020/en/case-property-centre.md';
const HANDLING_ZH = 'content/ruili-psb/2020/zh/case-handling-centre.md';
const HANDLING_EN = 'content/ruili-psb/2020/en/case-handling-centre.md';
const PUBLICATION = 'content/ruili-psb/2020/publication.yaml';

const sandbox = new Sandbox();
let published: Record<string, string>;

function build(env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['scripts/build.mjs'], {
    cwd: sandbox.dir,
    encoding: 'utf8',
    env: { ...process.env, BASE_PATH: '', SITE_URL: TEST_SITE, CONTENT_DIR: '', ...env },
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

/** Puts back the real content and code, then applies one hostile change. */
function reset(): void {
  for (const folder of ['content', 'src']) {
    rmSync(join(sandbox.dir, folder), { recursive: true, force: true });
    cpSync(join(ROOT, folder), join(sandbox.dir, folder), { recursive: true });
  }
}

/** Builds with a change that must be refused: non-zero exit, the message, dist/ untouched. */
function expectRefused(change: () => void, message: RegExp): string {
  reset();
  change();
  const result = build();
  expect(result.status, result.output).not.toBe(0);
  expect(result.output).toMatch(message);
  expect(result.output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  expect(treeHashes(join(sandbox.dir, 'dist'))).toEqual(published);
  return result.output;
}

beforeAll(() => {
  const first = build();
  if (first.status !== 0) throw new Error(first.output);
  published = treeHashes(join(sandbox.dir, 'dist'));
}, 300_000);
afterAll(() => sandbox.remove());

describe('1. nothing is published with content missing', () => {
  it('a page that loses its body fails the output audit, and dist/ stays as it was', () => {
    const output = expectRefused(
      () =>
        sandbox.edit('src/views/ProjectView.astro', (t) =>
          t.replace('{bodyHtml !== null && <Fragment set:html={bodyHtml} />}', ''),
        ),
      /output audit found \d+ problems[\s\S]*ruili-psb\/2020\/case-property-centre\/index\.html: section #overview is missing/,
    );
    expect(output).toMatch(/case-property-centre\/index\.html: section #funding is missing/);
    expect(output).toMatch(/en\/ruili-psb\/2020\/case-handling-centre\/index\.html/);
  });

  it('a data file that differs from the model fails the audit', () => {
    expectRefused(
      () =>
        sandbox.edit('src/integrations/data-files.ts', (t) =>
          t.replace('toCsv(file.projects)', 'toCsv(file.projects.slice(1))'),
        ),
      /data\/disclosures\.csv: does not hold exactly the rows of the model/,
    );
  });

  it('any error logged during the build fails it', () => {
    expectRefused(
      () =>
        sandbox.edit('src/views/SourceView.astro', (t) =>
          t.replace(
            'const d = t(locale);',
            "const d = t(locale);\nconsole.error('12:00:00 [ERROR] [test] something went wrong while rendering');",
          ),
        ),
      /Astro logged an error \(above\), so the output cannot be trusted/,
    );
  });

  it.each([
    [
      'an upper-case heading id',
      ZH,
      (t: string) => t.replace('{#method}', '{#Method}'),
      /heading id "Method" must be lower-case/,
    ],
    [
      '4,000 nested block quotes',
      ZH,
      (t: string) => `${t}\n${'> '.repeat(4000)}深\n`,
      /nested (too deeply|more than 16 deep)/,
    ],
    [
      'a body heading with a frontmatter section’s id',
      ZH,
      (t: string) => t.replace('{#method}', '{#basis}'),
      /section id #basis is already used on the page/,
    ],
  ] as const)(
    'the check refuses what rendering would not survive: %s',
    (_, file, change, message) => {
      expectRefused(() => sandbox.edit(file, change), message);
    },
  );
});

describe('2. a withheld section holds nothing but its marker', () => {
  it.each([
    [
      'zh',
      HANDLING_ZH,
      '::withheld{reason=classified}\n\n### （2）',
      '::withheld{reason=classified}\n\n:::editor-note\n项目可行性研究报告已批复。\n:::\n\n### （2）',
    ],
    [
      'en',
      HANDLING_EN,
      '::withheld{reason=classified}\n\n### (2)',
      '::withheld{reason=classified}\n\nThe feasibility study was approved.\n\n### (2)',
    ],
  ])('in %s: a note or a paragraph beside the marker is refused', (_, file, from, to) => {
    expectRefused(
      () => sandbox.edit(file, (t) => t.replace(from, to)),
      /section #feasibility is withheld, so it may hold nothing but its withheld marker/,
    );
  });
});

describe('3 and 4. feeds and the CSV publish text as text', () => {
  const hostile = '=HYPERLINK("https://evil.example","<img src=x onerror=alert(1)>")';

  it('a name with markup and a formula is an escaped text title in the feeds and a neutralised CSV cell', () => {
    reset();
    sandbox.edit(ZH, (t) => t.replace('name: 涉案财物管理中心建设', `name: '${hostile}'`));
    sandbox.edit(EN, (t) => t.replace(/^name: .*$/m, `name: '${hostile}'`));
    const result = build();
    expect(result.status, result.output).toBe(0);
    const dist = join(sandbox.dir, 'dist');
    for (const feed of ['feed.xml', 'en/feed.xml']) {
      const xml = readFileSync(join(dist, feed), 'utf8');
      expect(xml).not.toContain('<img');
      expect(xml).not.toContain('CDATA');
      const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(
        xml,
      ) as {
        feed: { entry: { title: { '#text': string; type: string } }[] };
      };
      const titles = parsed.feed.entry.map((e) => e.title);
      expect(titles).toContainEqual({ '#text': hostile, type: 'text' });
    }
    const rows = parse<Record<string, string>>(readFileSync(join(dist, 'data/disclosures.csv')), {
      bom: true,
      columns: true,
    });
    const row = rows.find((r) => r.slug === 'case-property-centre')!;
    expect(row.name).toBe(`'${hostile}`);
    expect(row.name_en).toBe(`'${hostile}`);
    // The JSON keeps the text as written.
    const json = JSON.parse(readFileSync(join(dist, 'data/disclosures.json'), 'utf8')) as {
      projects: { slug: string; name: { zh: string } }[];
    };
    expect(json.projects.find((p) => p.slug === 'case-property-centre')!.name.zh).toBe(hostile);
    published = treeHashes(dist);
  });

  it.each([
    ['a control character', '\u0001', /line 4: contains a control character \(U\+0001\)/],
    ['a bidi override', '\u202e', /line 4: contains a bidirectional override \(U\+202E\)/],
    [
      'a zero-width space',
      '\u200b',
      /line 4: contains an invisible zero-width character \(U\+200B\)/,
    ],
  ])('%s in a name is refused with file and line', (_, char, message) => {
    expectRefused(
      () => sandbox.edit(ZH, (t) => t.replace('name: 涉案财物', `name: 涉案${char}财物`)),
      message,
    );
  });
});

describe('5. a message, never a crash', () => {
  it.each([
    [
      'a folder inside sources/',
      () => mkdirSync(join(sandbox.dir, 'content/sources/extra')),
      /content\/sources\/extra[\s\S]*is not a file/,
    ],
    [
      'no sources/ folder',
      () => rmSync(join(sandbox.dir, 'content/sources'), { recursive: true }),
      /content\/sources\/[\s\S]*the folder of original texts is missing/,
    ],
    [
      'a YAML alias bomb',
      () =>
        sandbox.edit(ZH, (t) =>
          t.replace(
            '---\nslug:',
            `---\na: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nslug:`,
          ),
        ),
      /line 2: YAML anchor &a is not allowed/,
    ],
    [
      'a file of 2 MB',
      () => sandbox.edit(ZH, (t) => `${t}\n${'很长的正文。'.repeat(120_000)}\n`),
      /is \d+ bytes, more than the 1048576/,
    ],
  ])('%s', (_, change, message) => {
    expectRefused(change, message);
  });
});

describe('6. the check reads YAML as the build does', () => {
  it('a custom tag such as !!js/function is refused by the check', () => {
    expectRefused(
      () =>
        sandbox.edit(ZH, (t) =>
          t.replace('order: 1', 'order: !!js/function "function () { return 1 }"'),
        ),
      /case-property-centre\.md[\s\S]*line 3: YAML/,
    );
  });
});

describe('7. content is read only from regular files inside the content folder', () => {
  it('a symlink in sources/ is an error naming it, and /etc/passwd is not published', () => {
    const output = expectRefused(
      () => symlinkSync('/etc/passwd', join(sandbox.dir, 'content/sources/passwd.txt')),
      /content\/sources\/passwd\.txt[\s\S]*is a symbolic link/,
    );
    expect(output).not.toContain('root:');
    expect(existsSync(join(sandbox.dir, 'dist/sources/passwd.txt'))).toBe(false);
  });

  it('a symlinked department folder is an error naming it, not silently skipped', () => {
    expectRefused(
      () =>
        symlinkSync(
          join(sandbox.dir, 'content/ruili-psb'),
          join(sandbox.dir, 'content/linked-psb'),
          'dir',
        ),
      /content\/linked-psb[\s\S]*is a symbolic link/,
    );
  });
});

describe('8. images from other hosts', () => {
  it.each(['![x](https://example.org/a.png)', '![x](//example.org/a.png)'])(
    '%s is refused; links to other hosts stay allowed',
    (image) => {
      expectRefused(
        () =>
          sandbox.edit(ZH, (t) =>
            t.replace(
              '本项目采用财政预算非税安排经费的方式实施。',
              `本项目采用财政预算非税安排经费的方式实施。\n\n${image}`,
            ),
          ),
        /is on another host/,
      );
    },
  );
});

describe('9. build hygiene', () => {
  it('dist/ is a link to the published build, switched in one rename; stale staging folders are removed', () => {
    reset();
    expect(lstatSync(join(sandbox.dir, 'dist')).isSymbolicLink()).toBe(true);
    mkdirSync(join(sandbox.dir, '.dist-killed'));
    const result = build();
    expect(result.status, result.output).toBe(0);
    expect(readdirSync(sandbox.dir).filter((name) => name.startsWith('.dist-'))).toEqual([]);
    // The published build, and the one before it (a copy that started before this build finishes from it).
    expect(readdirSync(join(sandbox.dir, '.published'))).toHaveLength(2);
    published = treeHashes(join(sandbox.dir, 'dist'));
  });

  it('a second build while one runs refuses with a message and leaves the first to finish', async () => {
    reset();
    const first = spawn(process.execPath, ['scripts/build.mjs'], {
      cwd: sandbox.dir,
      env: { ...process.env, BASE_PATH: '', SITE_URL: TEST_SITE, CONTENT_DIR: '' },
      stdio: 'ignore',
    });
    const done = new Promise<number | null>((resolve) => first.on('close', resolve));
    while (!existsSync(join(sandbox.dir, '.build.lock')))
      await new Promise((resolve) => setTimeout(resolve, 20));
    const second = build();
    expect(second.status).toBe(75);
    expect(second.output).toMatch(/Another build \(process \d+\) is running in this folder/);
    expect(await done).toBe(0);
    expect(existsSync(join(sandbox.dir, '.build.lock'))).toBe(false);
    published = treeHashes(join(sandbox.dir, 'dist'));
  });
});

describe('10. dates and messages', () => {
  it('an impossible date is an error, not another day', () => {
    expectRefused(
      () =>
        sandbox.edit(PUBLICATION, (t) => t.replace('updated: 2026-11-24', 'updated: 2026-02-30')),
      /publication\.yaml[\s\S]*line \d+, updated: 2026-02-30 is not a date on the calendar/,
    );
  });

  it('an amount past 2^53 is too large, not "not a whole number"', () => {
    expectRefused(
      () =>
        sandbox.edit(ZH, (t) =>
          t.replace('amountYuan: 7000000\n  published', 'amountYuan: 1e20\n  published'),
        ),
      /line 16, funding\.amountYuan: is too large to be a budget amount/,
    );
  });
});
