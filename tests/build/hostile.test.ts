import { spawn, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, TEST_SITE } from '../support/paths';
import { Sandbox } from '../support/sandbox';
import { treeHashes } from '../support/tree';

/**
 * One real `npm run build` (scripts/build.mjs) for each way a build can fail:
 * the content check, the output audit, an error Astro only logs, the lock and
 * the publishing step. Each fails with its message and no stack trace, and
 * leaves the published dist/ byte for byte as it was. What the content check
 * refuses, case by case, is tested in process (src/check/hostile.test.ts).
 * The build published before them, and the builds of the lock's test, are
 * npm run build with a stand-in for Astro (BUILD_STEP): what they test is
 * around the build step, not in it.
 */
const STAND_IN = { BUILD_STEP: join(ROOT, 'tests/support/stand-in-build.mjs') };
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

/** Puts back the code and the content, then applies one breaking change. */
function reset(): void {
  for (const [from, folder] of [
    [join(ROOT, 'src'), 'src'],
    [join(ROOT, 'tests/fixtures/example'), 'content'],
  ] as const) {
    rmSync(join(sandbox.dir, folder), { recursive: true, force: true });
    cpSync(from, join(sandbox.dir, folder), { recursive: true });
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
  expect(result.output.trimEnd().split('\n').at(-1)).toMatch(
    /^build failed: .*; dist\/ was left as it was\.$/,
  );
  expect(treeHashes(join(sandbox.dir, 'dist'))).toEqual(published);
  expect(readdirSync(sandbox.dir).filter((name) => name.startsWith('.dist-'))).toEqual([]);
  return result.output;
}

beforeAll(() => {
  // A staging folder left by a build that was killed: the next build removes it.
  mkdirSync(join(sandbox.dir, '.dist-killed'));
  const first = build(STAND_IN);
  if (first.status !== 0) throw new Error(first.output);
  published = treeHashes(join(sandbox.dir, 'dist'));
}, 300_000);
afterAll(() => sandbox.remove());

describe('publishing', () => {
  it('switches dist/ in one rename of a link, and removes what killed builds left', () => {
    expect(lstatSync(join(sandbox.dir, 'dist')).isSymbolicLink()).toBe(true);
    expect(readdirSync(sandbox.dir).filter((name) => name.startsWith('.dist-'))).toEqual([]);
    expect(existsSync(join(sandbox.dir, '.build.lock'))).toBe(false);
  });
});

describe('a build that must not publish', () => {
  it('content the check refuses: the report names the file and line', () => {
    expectRefused(
      () =>
        sandbox.edit('content/ruili-psb/2020/zh/case-property-centre.md', (t) =>
          t.replace(/^name: (.*)$/m, 'name: "$1\\u0007"'),
        ),
      /case-property-centre\.md[\s\S]*line \d+, name: contains a control character \(U\+0007\)/,
    );
  });

  it('pages or data files that are not the content: the output audit lists each', () => {
    const output = expectRefused(() => {
      sandbox.edit('src/views/ProjectView.astro', (t) =>
        t.replace('{bodyHtml !== null && <Fragment set:html={bodyHtml} />}', ''),
      );
      // The writer cuts the CSV short, drops a character of the totals, and writes the first
      // project's JSON without its final newline (the same record, parsed: not the same bytes).
      sandbox.edit('src/integrations/data-files.ts', (t) =>
        t
          .replace(
            'write(DATA_FILES.csv, data.csv);',
            'write(DATA_FILES.csv, data.csv.slice(0, -8));',
          )
          .replace(
            'write(DATA_FILES.totals, data.totalsCsv);',
            'write(DATA_FILES.totals, data.totalsCsv.slice(1));',
          )
          .replace(
            'emitJsonFiles(data, { whole: write, piece: append });',
            'emitJsonFiles(data, { whole: (p, text) => write(p, p === data.projectFiles[0] ? text.trimEnd() : text), piece: append });',
          ),
      );
    }, /The output audit found \d+ problems; nothing was published\./);
    expect(output).toMatch(/\/index\.html: section #overview is missing/);
    expect(output).toMatch(/data\/disclosures\.csv: does not hold exactly the rows of the model/);
    expect(output).toMatch(/data\/totals\.csv: does not hold exactly the totals/);
    expect(output).toMatch(/data\/\S+\.json: does not hold exactly the project’s record/);
  });

  it('an error Astro only logs and carries on after', () => {
    expectRefused(
      () =>
        sandbox.edit('src/views/SourceView.astro', (t) =>
          t.replace(
            'const d = t(locale);',
            "const d = t(locale);\nconsole.error('12:00:00 [ERROR] [test] something went wrong while rendering');",
          ),
        ),
      /build failed: Astro logged an error \(above\), so the output cannot be trusted/,
    );
  });
});

describe('one build at a time', () => {
  it('a second build while one runs refuses with a message and leaves the first to finish', async () => {
    reset();
    // A build that holds the lock until the second has met it.
    const release = join(sandbox.dir, '.release-stand-in');
    const first = spawn(process.execPath, ['scripts/build.mjs'], {
      cwd: sandbox.dir,
      env: {
        ...process.env,
        BASE_PATH: '',
        SITE_URL: TEST_SITE,
        CONTENT_DIR: '',
        ...STAND_IN,
        STAND_IN_UNTIL: release,
      },
      stdio: 'ignore',
    });
    const done = new Promise<number | null>((resolve) => first.on('close', resolve));
    while (!existsSync(join(sandbox.dir, '.build.lock')))
      await new Promise((resolve) => setTimeout(resolve, 20));
    const second = build(STAND_IN);
    expect(second.status).toBe(75);
    expect(second.output).toMatch(/Another build \(process \d+\) is running in this folder/);
    writeFileSync(release, '');
    expect(await done).toBe(0);
    expect(existsSync(join(sandbox.dir, '.build.lock'))).toBe(false);
  });
});
