import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { readBuildReport } from '../../src/files/build-report';
import { astroBuild } from '../support/astro';
import { ARTIFACTS, DIST, ROOT, TEST_SITE } from '../support/paths';
import { Sandbox } from '../support/sandbox';
import { treeHashes } from '../support/tree';

const ZH = 'content/ruili-psb/2020/zh/case-property-centre.md';

describe('deterministic build', () => {
  const again = join(ARTIFACTS, 'dist-again');
  afterAll(() => rmSync(again, { recursive: true, force: true }));

  it('two builds of the same commit produce byte-identical output, search index included, even years apart', () => {
    // The second build runs with its clock in 2031: a date taken from the clock would differ.
    const clock = pathToFileURL(join(import.meta.dirname, '../support/fake-clock.mjs')).href;
    const result = astroBuild(again, {
      env: { BASE_PATH: '', SITE_URL: TEST_SITE, NODE_OPTIONS: `--import=${clock}` },
    });
    expect(result.status, result.output).toBe(0);
    const first = treeHashes(DIST);
    expect(Object.keys(first).some((f) => f.startsWith('pagefind/'))).toBe(true);
    expect(treeHashes(again)).toEqual(first);
  });
});

describe('npm run build, build after build', () => {
  // The example publication (tests/fixtures/example): three projects, six project pages.
  const sandbox = new Sandbox();
  afterAll(() => sandbox.remove());
  const build = (env: Record<string, string> = {}) =>
    spawnSync(process.execPath, ['scripts/build.mjs'], {
      cwd: sandbox.dir,
      encoding: 'utf8',
      env: { ...process.env, BASE_PATH: '', SITE_URL: TEST_SITE, CONTENT_DIR: '', ...env },
    });
  const leftovers = () => readdirSync(sandbox.dir).filter((name) => name.startsWith('.dist-'));
  const published = () => readdirSync(join(sandbox.dir, '.published')).sort();
  const resolved = () => realpathSync(join(sandbox.dir, 'dist'));
  const page = (path: string) => readFileSync(join(sandbox.dir, 'dist', path), 'utf8');
  /** What the last build in the sandbox reported doing (src/files/build-report.ts). */
  const report = () => readBuildReport(join(sandbox.dir, '.cache/build-report'));
  /** Project pages Astro copied from the last build instead of rendering them. */
  const restored = () => [...(report().pages?.restored ?? [])].sort();
  /** Project pages the output audit did not parse, because the last build's audit passed the same bytes against the same content. */
  const vouched = () => report().audit?.vouched;
  /** npm run build in the sandbox with empty caches: nothing kept from any build before. */
  const cleanBuild = () =>
    build({
      RENDER_CACHE_DIR: join(sandbox.dir, 'empty-render-cache'),
      PAGE_CACHE_DIR: join(sandbox.dir, 'empty-page-cache'),
    });
  let first = '';
  let copying = '';
  let copyingFiles: Record<string, string> = {};

  it('publishes dist/ through a link that git ignores, leaving no staging folder and no warning', () => {
    const result = build();
    expect(result.status, result.stderr).toBe(0);
    expect(existsSync(join(sandbox.dir, 'dist/index.html'))).toBe(true);
    expect(existsSync(join(sandbox.dir, 'dist/pagefind/parts.json'))).toBe(true);
    expect(leftovers()).toEqual([]);
    expect(`${result.stdout}${result.stderr}`).not.toContain('SITE_URL is not set');
    expect(lstatSync(join(sandbox.dir, 'dist')).isSymbolicLink()).toBe(true);
    // The project's own .gitignore, asked about the link by git (a pattern ending in / would miss it).
    const ignored = spawnSync('git', ['check-ignore', '--no-index', 'dist'], { cwd: ROOT });
    expect(ignored.status).toBe(0);
    const tracked = spawnSync('git', ['ls-files', 'dist'], { cwd: ROOT, encoding: 'utf8' });
    expect(tracked.stdout).toBe('');
    first = resolved();
    // A copy (rsync -a dist/ …) resolves the link when it starts, then reads that folder for minutes.
    copying = first;
    copyingFiles = treeHashes(first);
  });

  it('renders again only a body that changed, copies every page whose data did not, and keeps the build before', () => {
    // A body that ends in one more blank line is a changed body that renders to the same HTML.
    sandbox.edit(ZH, (t) => `${t}\n`);
    const warm = build();
    expect(warm.status, warm.stderr).toBe(0);
    expect(report().bodies).toEqual({ total: 6, rendered: 1 });
    // Its pages show the same data, so every project page is copied from the last build.
    expect(restored()).toHaveLength(6);
    // And the audit, which passed those bytes against the same content last time, does not parse them again.
    expect(vouched()).toBe(6);
    // Nor does Pagefind index them again: each language's index is kept under its pages' digest.
    expect(report().searchIndex).toMatchObject({ indexed: [], runs: [] });
    // The copy that started before this build finishes from the folder it resolved.
    expect(resolved()).not.toBe(copying);
    expect(treeHashes(copying)).toEqual(copyingFiles);
    expect(warm.stdout).toContain(`the build before stays at .published/${basename(copying)}/`);
  });

  it('renders again the pages of a project whose text changed, copies the rest, and publishes what a clean build does', () => {
    const projectPages = ['', 'en/'].map(
      (l) => `${l}ruili-psb/2020/case-property-centre/index.html`,
    );
    const before = projectPages.map(page);
    sandbox.edit(ZH, (t) => t.replace('财物储存库', '财物保管库'));
    const warm = build();
    expect(warm.status, warm.stderr).toBe(0);
    // Pagefind indexes again the languages whose pages changed, and only those.
    const changed = projectPages.filter((file, i) => page(file) !== before[i]);
    expect(changed).toContain(projectPages[0]);
    expect([...(report().searchIndex?.runs ?? [])].sort()).toEqual(
      changed.map((file) => (file.startsWith('en/') ? 'all/en' : 'all/zh-cn')).sort(),
    );
    // The other two projects' pages in both languages are copied; the changed one's are rendered.
    const copied = restored();
    expect(copied).toHaveLength(4);
    expect(copied.some((file) => file.includes('case-property-centre'))).toBe(false);
    // The changed Chinese page is audited again; its English page, whose bytes and content did not change, is not.
    expect(vouched()).toBe(5);
    expect(page('ruili-psb/2020/case-property-centre/index.html')).toContain('财物保管库');
    // The last two published builds are kept: the first is gone now.
    expect(existsSync(first)).toBe(false);
    expect(published()).toHaveLength(2);
    expect(published()).toContain(basename(resolved()));
    const warmTree = treeHashes(join(sandbox.dir, 'dist'));
    const clean = cleanBuild();
    expect(clean.status, clean.stderr).toBe(0);
    expect(report().bodies).toEqual({ total: 6, rendered: 6 });
    expect(restored()).toEqual([]);
    expect(vouched()).toBe(0);
    expect(treeHashes(join(sandbox.dir, 'dist'))).toEqual(warmTree);
  });

  it('renders again each kept page altered on disk, and publishes what the content says', () => {
    // What the content says: the clean build just published it, and the last build's kept pages
    // (the rebuild's, before it) are of the same content.
    const before = treeHashes(join(sandbox.dir, 'dist'));
    const kept = join(sandbox.dir, '.cache/pages/dist');
    // The project pages Astro keeps, from its record.
    const record = JSON.parse(
      readFileSync(join(sandbox.dir, '.cache/pages/incremental-build.json'), 'utf8'),
    ) as { routes: Record<string, { paths: Record<string, { outputFile: string }> }> };
    const pages = Object.values(record.routes).flatMap((r) =>
      Object.values(r.paths).map((p) => p.outputFile),
    );
    const read = (f: string) => readFileSync(join(kept, f), 'utf8');
    const withheld = pages.find((f) => read(f).includes('<div class="withheld"'))!;
    const withNext = pages.find((f) => f !== withheld && read(f).includes('rel="next"'))!;
    const others = pages.filter((f) => f !== withheld && f !== withNext);
    // Astro copies a kept page from its cache folder without rendering it; here four were altered there.
    const edits: [string, (html: string) => string][] = [
      [
        withheld,
        (t) =>
          t.replace('<div class="withheld"', '<p>插入未公开部分的一段。</p><div class="withheld"'),
      ],
      [
        withNext,
        (t) => t.replace(/rel="next" href="[^"]*"/, 'rel="next" href="https://evil.example/next/"'),
      ],
      [others[0]!, (t) => t.replace(/(\d+(?:\.\d+)?)万元/, '9$1万元')],
      [others[1]!, (t) => t.replace(/(<p id="outcomes-p1"[^>]*>)/, '$1另有一句不在原文中。')],
    ];
    for (const [file, edit] of edits) sandbox.edit(`.cache/pages/dist/${file}`, edit);
    const result = build();
    expect(result.status, result.stderr).toBe(0);
    expect(report().keptPages?.verified).toBe(pages.length - edits.length);
    expect(report().keptPages?.dropped).toHaveLength(edits.length);
    const copied = restored();
    for (const [file] of edits) expect(copied).not.toContain(`/${file}`);
    expect(copied).toHaveLength(pages.length - edits.length);
    expect(treeHashes(join(sandbox.dir, 'dist'))).toEqual(before);
  });

  it('leaves the published dist/ byte for byte as it was when a build fails', () => {
    const before = treeHashes(join(sandbox.dir, 'dist'));
    const amount = 'amountYuan: 7000000\n  published: 700万元\n  source';
    sandbox.edit(ZH, (t) => t.replace(amount, amount.replace('7000000', '700万')));
    const result = build();
    expect(result.status).not.toBe(0);
    expect(`${result.stdout}${result.stderr}`).toMatch(
      /case-property-centre\.md[\s\S]*line 16, funding\.amountYuan: must be a number of yuan/,
    );
    expect(`${result.stdout}${result.stderr}`).toContain('dist/ was left as it was');
    expect(treeHashes(join(sandbox.dir, 'dist'))).toEqual(before);
    expect(leftovers()).toEqual([]);
    sandbox.edit(ZH, (t) => t.replace(amount.replace('7000000', '700万'), amount));
  });

  it('renders every body again when the code that renders them changes; without SITE_URL, warns at its very end', () => {
    // #overview is a heading of the Markdown body, rendered by the check and kept in its cache.
    expect(page('ruili-psb/2020/case-property-centre/index.html')).toMatch(
      /<a class="section-link" href="#overview">/,
    );
    sandbox.edit('src/markdown/rehype-section-links.ts', (t) =>
      t.replace("className: ['section-link']", "className: ['section-link', 'edited']"),
    );
    const result = build({ SITE_URL: '' });
    expect(result.status, result.stderr).toBe(0);
    expect(report().bodies).toEqual({ total: 6, rendered: 6 });
    expect(page('ruili-psb/2020/case-property-centre/index.html')).toMatch(
      /<a class="section-link edited" href="#overview">/,
    );
    const lastLines = result.stderr.trimEnd().split('\n').slice(-6).join('\n');
    expect(lastLines).toMatch(
      /^!{78}\nWARNING: SITE_URL is not set[\s\S]*Do not deploy this build[\s\S]*!{78}$/,
    );
    expect(page('feed.xml')).toContain('http://localhost:4321/');
  });
});
