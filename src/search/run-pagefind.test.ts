import { spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { close, createIndex } from 'pagefind';
import { afterAll, describe, expect, it } from 'vitest';
import { treeHashes } from '../../tests/support/tree';
import {
  ENTRY,
  indexLanguage,
  mergeLanguageBundles,
  PAGEFIND_ALLOCATOR,
  readPagefindEnv,
  resolvePagefindBinary,
} from './run-pagefind';

const root = mkdtempSync(join(tmpdir(), 'run-pagefind-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A small site: a few pages in Chinese at the root and in English below en/, and a page of neither. */
function writeSite(): string {
  const site = join(root, 'site');
  const page = (lang: string, title: string, body: string) =>
    `<!doctype html><html lang="${lang}"><head><title>${title}</title></head><body><main data-pagefind-body><h1>${title}</h1><p>${body}</p></main></body></html>`;
  const pages: Record<string, string> = {
    'd/2020/a/index.html': page('zh-CN', '执法办案中心', '本年度预算安排为2012.95万元。'),
    'd/2020/b/index.html': page('zh-CN', '人脸识别系统', '项目估算总投资1300万元。'),
    'd/2021/c/index.html': page('zh-CN', '涉案财物管理中心', '涉密不宜公开'),
    'en/d/2020/a/index.html': page(
      'en',
      'Case-handling centre',
      'The budget is CNY 20.1295 million.',
    ),
    'en/d/2020/b/index.html': page('en', 'Face recognition system', 'Cameras and channels.'),
    'en/d/2021/c/index.html': page('en', 'Case property centre', 'Withheld: classified.'),
    'index.html': page('zh-CN', '首页', '不是项目。'),
  };
  for (const [path, html] of Object.entries(pages)) {
    mkdirSync(dirname(join(site, path)), { recursive: true });
    writeFileSync(join(site, path), html);
  }
  return site;
}

const GLOBS = ['{d,x}/*/*/index.html', 'en/*/*/*/index.html'];

describe('indexLanguage and mergeLanguageBundles', () => {
  const site = writeSite();

  it('write, one language at a time, the bundle Pagefind writes over every language at once, byte for byte', async () => {
    const staging = join(root, 'staging');
    const runs = GLOBS.map((_, i) => join(staging, `language-${i}`));
    const bundle = join(staging, 'bundle');
    // A setting of Pagefind's command line left in the environment must not change the index.
    const before = process.env.PAGEFIND_FORCE_LANGUAGE;
    process.env.PAGEFIND_FORCE_LANGUAGE = 'fr';
    try {
      for (const [i, glob] of GLOBS.entries()) {
        const own = await indexLanguage(site, glob, runs[i]!);
        expect(Object.keys(own.languages)).toHaveLength(1);
      }
    } finally {
      if (before === undefined) delete process.env.PAGEFIND_FORCE_LANGUAGE;
      else process.env.PAGEFIND_FORCE_LANGUAGE = before;
    }
    const entry = mergeLanguageBundles(runs, bundle, renameSync);
    // Pagefind's own run over both languages, through its API, for comparison.
    const once = join(root, 'once');
    const { index } = await createIndex({});
    try {
      for (const glob of GLOBS) await index!.addDirectory({ path: site, glob });
      await index!.writeFiles({ outputPath: once });
    } finally {
      await close();
    }
    expect(Object.keys(entry.languages)).toEqual(['en', 'zh-cn']);
    expect(entry.languages['zh-cn']?.page_count).toBe(3);
    expect(entry.languages.en?.page_count).toBe(3);
    const written = treeHashes(bundle);
    expect(Object.keys(written)).toContain(ENTRY);
    expect(Object.keys(written).some((file) => file.startsWith('fragment/zh-cn_'))).toBe(true);
    expect(written).toEqual(treeHashes(once));
  });

  it('fails with what Pagefind said when a run fails, and leaves no run behind', async () => {
    const staging = join(root, 'failing');
    await expect(
      indexLanguage(join(root, 'no-such-site'), GLOBS[0]!, join(staging, 'bundle')),
    ).rejects.toThrow(/^pagefind: exit status [1-9]\d*: ./);
    expect(readdirSync(staging)).toEqual([]);
  });
});

describe('the environment of a run', () => {
  const env = readPagefindEnv({
    PATH: process.env.PATH,
    PAGEFIND_FORCE_LANGUAGE: 'fr',
    RUST_BACKTRACE: '1',
    _RJEM_MALLOC_CONF: 'narenas:64',
  });

  it('has none of Pagefind’s or Rust’s settings, and the allocator setting in place of any other', () => {
    expect(Object.keys(env).sort()).toEqual(['PATH', '_RJEM_MALLOC_CONF']);
    expect(env._RJEM_MALLOC_CONF).toBe(PAGEFIND_ALLOCATOR);
  });

  it('gives the allocator setting under the name the installed binary reads', () => {
    // jemalloc prints its options at exit when asked to: the binary must report the one arena.
    const run = spawnSync(resolvePagefindBinary(), ['--version'], {
      env: { ...env, _RJEM_MALLOC_CONF: `${PAGEFIND_ALLOCATOR},stats_print:true` },
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/^\s*opt\.narenas: 1$/m);
    expect(run.stderr).toMatch(/^\s*opt\.dirty_decay_ms: 1000 /m);
  });
});

describe('a run whose build is killed', () => {
  // Linux's setpriv has the kernel end the run (src/search/run-pagefind.ts); elsewhere it outlives the build.
  it.skipIf(process.platform !== 'linux')(
    'ends with it: killed with -9 while Pagefind indexes, Pagefind writes nothing more',
    async () => {
      // Enough pages that Pagefind is still at work when the process that started it is killed.
      const site = join(root, 'big');
      for (let i = 0; i < 3000; i++) {
        mkdirSync(join(site, 'd', '2020', `p${i}`), { recursive: true });
        writeFileSync(
          join(site, 'd', '2020', `p${i}`, 'index.html'),
          `<!doctype html><html lang="zh-CN"><body><main data-pagefind-body><h1>项目${i}</h1><p>${'本年度预算安排为'.repeat(20)}${i}万元。编号${i * 7919}</p></main></body></html>`,
        );
      }
      const staging = join(root, 'killed');
      const bundle = join(staging, 'bundle');
      const run = join(import.meta.dirname, 'run-pagefind.ts');
      const child = spawn(
        process.execPath,
        [
          '--import',
          'tsx',
          '--input-type=module',
          '-e',
          `await (await import(${JSON.stringify(run)})).indexLanguage(${JSON.stringify(site)}, 'd/*/*/index.html', ${JSON.stringify(bundle)});`,
        ],
        { stdio: 'ignore' },
      );
      const exited = new Promise((done) => child.once('exit', done));
      const pagefindRuns = () =>
        spawnSync('pgrep', ['-f', '--', `--output-path ${staging}`], { encoding: 'utf8' })
          .stdout.split('\n')
          .filter(Boolean);
      // Killed as soon as Pagefind runs; it takes a second or more over these pages.
      let seen: string[] = [];
      while (seen.length === 0 && child.exitCode === null) {
        await new Promise((done) => setTimeout(done, 10));
        seen = pagefindRuns();
      }
      expect(seen.length, 'Pagefind finished before it could be interrupted').toBeGreaterThan(0);
      child.kill('SIGKILL');
      await exited;
      while (pagefindRuns().length > 0) await new Promise((done) => setTimeout(done, 20));
      // Pagefind writes its entry last: a run that went on after the kill would have written it.
      expect(existsSync(join(bundle, ENTRY))).toBe(false);
    },
  );
});
