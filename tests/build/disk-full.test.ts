import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, TEST_SITE } from '../support/paths';
import { Sandbox } from '../support/sandbox';

/** Whether this machine lets a process mount a small disk of its own (a tmpfs in a mount namespace). */
const canMount =
  spawnSync(
    'unshare',
    ['-rm', 'sh', '-c', 'd=$(mktemp -d) && mount -t tmpfs -o size=1m tmpfs "$d"'],
    {
      stdio: 'ignore',
    },
  ).status === 0;
if (!canMount)
  console.warn(
    'disk-full.test.ts: skipped, because this machine does not let a process mount a tmpfs in a namespace of its own (unshare -rm)',
  );

describe.skipIf(!canMount)('a build whose disk fills up while it writes the search index', () => {
  const sandbox = new Sandbox();
  const report = mkdtempSync(join(tmpdir(), 'disk-full-'));
  afterAll(() => {
    sandbox.remove();
    rmSync(report, { recursive: true, force: true });
  });

  it('says in one line that it failed, exits non-zero, and leaves no lock, no staging folder and dist/ as it was', () => {
    // RUST_BACKTRACE as a developer's shell may have it: Pagefind's panic must still be one line.
    const env = {
      ...process.env,
      BASE_PATH: '',
      SITE_URL: TEST_SITE,
      CONTENT_DIR: '',
      RUST_BACKTRACE: '1',
    };
    // The build published before: a stand-in for Astro (BUILD_STEP) will do, it is only to be kept.
    const first = spawnSync(process.execPath, ['scripts/build.mjs'], {
      cwd: sandbox.dir,
      env: { ...env, BUILD_STEP: join(ROOT, 'tests/support/stand-in-build.mjs') },
      encoding: 'utf8',
    });
    expect(first.status, first.stderr).toBe(0);
    const script = join(import.meta.dirname, '../support/disk-full.sh');
    const run = spawnSync(
      'unshare',
      ['-rm', 'bash', script, sandbox.dir, process.execPath, report],
      {
        env,
        encoding: 'utf8',
      },
    );
    expect(run.status, run.stderr).toBe(0);
    const read = (name: string) => readFileSync(join(report, name), 'utf8');
    const output = read('output');
    expect(Number(read('status')), output).not.toBe(0);
    // One line for the step, with Pagefind's own report of the full disk, and one for the build.
    expect(output).toMatch(
      /^\[ERROR\] \[search-index\] pagefind: exit status \d+: .*No space left on device/m,
    );
    expect(output).not.toMatch(/stack backtrace/);
    expect(output.trimEnd().split('\n').at(-1)).toBe(
      'build failed: a step failed (its report is above); dist/ was left as it was.',
    );
    expect(output).not.toMatch(/unsettled top-level await/);
    // No lock, no staging folder: the same entries as before, dist/ pointing at the same files.
    expect(read('after.txt')).toBe(read('before.txt'));
    expect(read('after.txt')).not.toMatch(/\.build\.lock|\.dist-/);
  });
});
