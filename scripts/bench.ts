/**
 * `npm run bench`: builds the site for N = 3 (the real content), 1,000 and
 * 10,000 generated disclosures and prints what it measured. A benchmark, not a
 * test: it reports figures and asserts nothing. Usage:
 *   npm run bench                 all three sizes
 *   npm run bench -- 3 1000       chosen sizes
 *   npm run bench -- --years 30 10000    generated disclosures over 30 fiscal years (default 10)
 *   npm run bench -- --search <folder>   search alone against the floor, on a site already built
 *                                        (with BASE_PATH=/portal/yjsgk/ where nginx is installed)
 * From 10,000 it measures search on the same site, served as deployed (Debian's nginx with the
 * docs' configuration, gzip included): the site's search page on its index as the build wrote it
 * (and, where that is in parts, again on the same pages as one index, to show what merging
 * costs), and Pagefind alone on the one index (a bare page: its search and the first ten
 * results' data), the floor under the site's search page on this machine, query by query in
 * turns with the search page. Each figure is also given as a ratio to the floor.
 */
import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
import { serveSite } from './serve-site';
import { writeGenerated } from './generate';
import { buildSearchIndex, countIndexedWords } from '../src/search/build-index';
import { NGINX, startNginx } from '../tests/support/nginx';
import { PORTAL_BASE } from '../tests/support/paths';

const ROOT = resolve(import.meta.dirname, '..');
const ASTRO = join(ROOT, 'node_modules/astro/bin/astro.mjs');
/** Our build as npm run build runs it: Astro, then the search index once Astro's process has ended. */
const BUILD_SITE = join(ROOT, 'scripts/build-site.mjs');
const { values: options, positionals } = parseArgs({
  allowPositionals: true,
  options: { search: { type: 'string' }, years: { type: 'string' } },
});
const YEARS = options.years === undefined ? undefined : Number(options.years);
const sizes = positionals.map(Number).filter((n) => Number.isInteger(n) && n > 0);
if (
  sizes.length !== positionals.length ||
  (YEARS !== undefined && !(Number.isInteger(YEARS) && YEARS > 0))
) {
  console.error('usage: npm run bench -- [--years Y] [N ...] | --search <built site folder>');
  process.exit(2);
}
const SIZES = sizes.length ? sizes : [3, 1000, 10000];
/**
 * Search is measured as deployed: the docs' nginx configuration (docs/deploy/, gzip included),
 * which serves the site under the portal's folder, so the site is built for it. Where nginx is
 * not installed, the bench's own server (no compression) serves it at the root, and says so.
 */
const BASE = NGINX ? PORTAL_BASE : '/';
const work = mkdtempSync(join(tmpdir(), 'bench-'));

interface Build {
  seconds: number;
  pagefindSeconds: number;
  /** Largest resident memory of the whole process tree at once (Astro and the Pagefind service it spawns). */
  peakRssMb: number;
  pages: number;
  distMb: number;
  /** Markdown bodies run through the body rules (check and render). */
  parses: number;
  /** What the search index holds, as its step printed it. */
  indexed: string;
}

/** Resident bytes of a process and all its descendants now, from /proc. */
function treeRssBytes(root: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the command name (which may hold spaces) start after the last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const pid = Number(entry);
      const ppid = Number(fields[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), pid]);
      rss.set(pid, Number(fields[21]) * 4096);
    } catch {
      // The process ended while we read.
    }
  }
  let total = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    total += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

/** Runs a command, sampling the process tree's memory every 100 ms; resolves with its time and peak. */
function runMeasured(
  command: string,
  args: string[],
  cwd: string,
  env: Record<string, string>,
): Promise<{ seconds: number; peakRssMb: number; output: string }> {
  return new Promise((done, fail) => {
    const started = performance.now();
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on(
      'data',
      (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20000)),
    );
    child.stderr.on(
      'data',
      (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20000)),
    );
    let peak = 0;
    const sampler = setInterval(() => {
      peak = Math.max(peak, treeRssBytes(child.pid!));
    }, 100);
    child.on('close', (code) => {
      clearInterval(sampler);
      const seconds = (performance.now() - started) / 1000;
      if (code !== 0) fail(new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${output}`));
      else done({ seconds, peakRssMb: peak / 2 ** 20, output });
    });
  });
}

/** Builds `cwd` into `outDir`: ours as npm run build does, the bare baseline with `astro build` alone. */
async function timedBuild(
  cwd: string,
  outDir: string,
  env: Record<string, string>,
  kind: 'ours' | 'bare' = 'ours',
): Promise<Build> {
  const timings = join(work, 'timings.json');
  rmSync(timings, { force: true });
  const args = kind === 'ours' ? [BUILD_SITE, outDir] : [ASTRO, 'build', '--outDir', outDir];
  const run = await runMeasured(process.execPath, args, cwd, {
    BENCH_TIMINGS: timings,
    ...env,
  });
  const measured = existsSync(timings)
    ? (JSON.parse(readFileSync(timings, 'utf8')) as { pagefindMs: number; parses: number })
    : { pagefindMs: 0, parses: 0 };
  return {
    seconds: run.seconds,
    pagefindSeconds: measured.pagefindMs / 1000,
    peakRssMb: run.peakRssMb,
    pages: countHtml(outDir),
    distMb: dirBytes(outDir) / 1e6,
    parses: measured.parses,
    indexed: /indexed [^(\n]* pages \(\d+ words\)|no project page yet/.exec(run.output)?.[0] ?? '',
  };
}

/** The like-for-like baseline: bare Astro, then Pagefind's CLI over its output, each measured. */
async function baselineBuild(
  dir: string,
): Promise<{ astro: Build; pagefind: { seconds: number; peakRssMb: number; indexed: string } }> {
  const astro = await timedBuild(dir, join(dir, 'dist'), {}, 'bare');
  const pagefind = await runMeasured(
    process.execPath,
    [
      join(ROOT, 'node_modules/pagefind/lib/runner/bin.cjs'),
      '--site',
      join(dir, 'dist'),
      '--verbose',
    ],
    dir,
    {},
  );
  const words = countIndexedWords(join(dir, 'dist/pagefind'));
  return {
    astro,
    pagefind: { ...pagefind, indexed: describePagefindRun(pagefind.output, words) },
  };
}

/**
 * Pages by language, from what Pagefind's command line printed (--verbose), and the words of
 * those pages as our index step counts them (each page's word count, summed): the CLI's own
 * "words" are distinct words, another measure.
 */
function describePagefindRun(output: string, words: number): string {
  const languages = [...output.matchAll(/Language (\S+):[^\S\n]*\n\s*Indexed (\d+) pages?/g)];
  const pages = languages
    .map(([, language = '', count = '']) => `${count} ${language}`)
    .join(' + ');
  return `indexed ${pages || '?'} pages (${words} words)`;
}

function countHtml(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter(
    (e) => e.isFile() && e.name.endsWith('.html'),
  ).length;
}
function dirBytes(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .reduce((sum, e) => sum + statSync(join(e.parentPath, e.name)).size, 0);
}

/** A bare Astro project over the same Markdown: default processor, no schema, no plugins, no index. */
function bareProject(contentDir: string): string {
  const dir = join(work, 'bare');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'src/pages'), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
  writeFileSync(join(dir, 'astro.config.mjs'), 'export default {};\n');
  writeFileSync(
    join(dir, 'src/content.config.ts'),
    // Ids from the path, as ours: the frontmatter slug repeats across publications (p001…), and
    // Astro's default id (the slug) would collapse them into one entry per slug.
    `import { defineCollection } from 'astro:content';\nimport { glob } from 'astro/loaders';\nexport const collections = { docs: defineCollection({ loader: glob({ pattern: '**/*.md', base: ${JSON.stringify(contentDir)}, generateId: ({ entry }) => entry.replace(/\\.md$/, '') }) }) };\n`,
  );
  writeFileSync(
    join(dir, 'src/pages/[...id].astro'),
    `---\nimport { getCollection, render } from 'astro:content';\nexport async function getStaticPaths() {\n  return (await getCollection('docs')).map((entry) => ({ params: { id: entry.id }, props: { entry } }));\n}\nconst { Content } = await render(Astro.props.entry);\n---\n<html lang={Astro.props.entry.id.includes('/en/') ? 'en' : 'zh-CN'}><head><meta charset="utf-8"><title>{Astro.props.entry.id}</title></head><body><Content /></body></html>\n`,
  );
  return dir;
}

/** gzip bytes of a page's HTML and of the CSS and JS it loads (JS: the module and what it statically imports). */
function pageWeight(
  dist: string,
  path: string,
): { html: number; css: number; js: number; text: number } {
  const html = readFileSync(join(dist, path, 'index.html'), 'utf8');
  const gz = (s: string | Buffer) => gzipSync(s, { level: 9 }).length;
  const css = [
    ...html.matchAll(new RegExp(`<link rel="stylesheet" href="${BASE}([^"]+)"`, 'g')),
  ].reduce((n, m) => n + gz(readFileSync(join(dist, m[1]!))), 0);
  const seen = new Set<string>();
  const addJs = (file: string): number => {
    if (seen.has(file) || !existsSync(join(dist, file))) return 0;
    seen.add(file);
    const code = readFileSync(join(dist, file), 'utf8');
    const imports = [...code.matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)].map((m) =>
      file.replace(/[^/]+$/, m[1]!),
    );
    return gz(code) + imports.reduce((n, f) => n + addJs(f), 0);
  };
  const js = [
    ...html.matchAll(new RegExp(`<script type="module" src="${BASE}([^"]+)"`, 'g')),
  ].reduce((n, m) => n + addJs(m[1]!), 0);
  const main = html.match(/<main[\s\S]*<\/main>/)?.[0] ?? html;
  const text = gz(main.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' '));
  return { html: gz(html), css, js, text };
}

interface SearchFigures {
  coldMs: number[];
  warmMs: number[];
  coldBytes: number[];
  warmBytes: number[];
}

/**
 * Time from query to first result rendered, and bytes fetched, over the queries in Chromium, on
 * each page of `paths` (the site's search page, the floor below), taken in turns query by query
 * so that a machine that gets busier for a while weighs on each page alike.
 */
async function measureSearch(
  dist: string,
  queries: string[],
  paths: readonly string[] = ['search/'],
): Promise<SearchFigures[]> {
  const server = await serveBuilt(dist);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const figures: SearchFigures[] = paths.map(() => ({
    coldMs: [],
    warmMs: [],
    coldBytes: [],
    warmBytes: [],
  }));
  // Results are on the page once the status line carries the count (set after the first results are
  // appended; a query with no match says 0). Strings, not functions: tsx would wrap named inner
  // functions in a helper the page does not have. Gives up after 20 s rather than hang.
  const settled = (start: string) => `new Promise((done) => {
    const ready = () => /\\d|没有找到|No passage/.test((document.querySelector('#search-status') || {}).textContent || '');
    const t0 = ${start};
    if (ready()) return done(performance.now() - t0);
    const observer = new MutationObserver(() => {
      if (ready()) {
        observer.disconnect();
        done(performance.now() - t0);
      }
    });
    observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
    setTimeout(() => done(NaN), 20000);
  })`;
  const firstResult = (page: Page) => page.evaluate<number>(settled('0'));
  try {
    for (const [query, [path, figure]] of queries.flatMap((q) =>
      paths.map((path, i) => [q, [path, figures[i]!]] as const),
    )) {
      // Cold: a shared link opened in a fresh browser context (nothing cached).
      const context = await browser.newContext();
      const page = await context.newPage();
      let bytes = 0;
      page.on('requestfinished', (request) => {
        // A request that finishes as the context closes has no sizes any more: not counted.
        request.sizes().then(
          (sizes) => (bytes += sizes.responseBodySize + sizes.responseHeadersSize),
          () => undefined,
        );
      });
      await page.goto(`${server.url}${path}?q=${encodeURIComponent(query)}`, {
        waitUntil: 'commit',
      });
      const rendered = await firstResult(page);
      figure.coldMs.push(rendered);
      await page.waitForLoadState('networkidle');
      figure.coldBytes.push(bytes);

      // Warm: the page and Pagefind already loaded (after the cold query), a new query typed and submitted.
      const other = queries[(queries.indexOf(query) + 7) % queries.length]!;
      await page.fill('#search-q', other);
      bytes = 0;
      const elapsed = page.evaluate(
        settled(
          "(document.querySelector('#search-status').textContent = '', document.querySelector('#search-form').requestSubmit(), performance.now())",
        ),
      );
      const done = (await elapsed) as number;
      await page.waitForLoadState('networkidle');
      figure.warmMs.push(done);
      figure.warmBytes.push(bytes);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return figures;
}

/** The built site as deployed (nginx, the docs' configuration), else the bench's own server. */
async function serveBuilt(dist: string): Promise<{ url: string; close: () => Promise<void> }> {
  if (!NGINX) return serveSite(dist);
  const nginx = await startNginx(dist);
  return {
    url: `${nginx.origin}${BASE}`,
    close: () => {
      nginx.stop();
      return Promise.resolve();
    },
  };
}

/** The folder of the floor page in the built site (the bench's own; the site has no such page). */
const FLOOR_PAGE = 'bench-floor';

/**
 * A bare Pagefind search page over the site's one index (pagefind/all/): the form and status
 * line measureSearch drives, Pagefind's search, and the first ten results' data rendered. What
 * any site with Pagefind pays per query, on the same pages, server and browser: the floor
 * under the site's own search page, which adds the exact check, the amounts and the parts.
 */
function writeFloorPage(dist: string): void {
  const script = `
const pagefind = await import('${BASE}pagefind/all/pagefind.js');
await pagefind.options({ baseUrl: '${BASE}', noWorker: true });
await pagefind.init();
const status = document.querySelector('#search-status');
const list = document.querySelector('#search-results');
const run = async (q) => {
  const { results } = await pagefind.search(q);
  const data = await Promise.all(results.slice(0, 10).map((r) => r.data()));
  list.replaceChildren(...data.map((d) => {
    const item = document.createElement('li');
    item.innerHTML = '<a href="' + d.url + '">' + d.meta.title + '</a><p>' + d.excerpt + '</p>';
    return item;
  }));
  status.textContent = results.length + ' results';
};
document.querySelector('#search-form').addEventListener('submit', (event) => {
  event.preventDefault();
  void run(document.querySelector('#search-q').value);
});
const q = new URLSearchParams(location.search).get('q');
if (q) {
  document.querySelector('#search-q').value = q;
  await run(q);
}`;
  mkdirSync(join(dist, FLOOR_PAGE), { recursive: true });
  writeFileSync(
    join(dist, FLOOR_PAGE, 'index.html'),
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>Pagefind alone</title>` +
      `<link rel="modulepreload" href="${BASE}pagefind/all/pagefind.js"></head><body>` +
      `<form id="search-form"><input id="search-q" name="q"></form>` +
      `<p id="search-status"></p><ol id="search-results"></ol>` +
      `<script type="module">${script}</script></body></html>`,
  );
}

/** Twenty queries a journalist might type at N = 10,000: words from the generated text, and amounts in several notations. */
const QUERIES = [
  '信息化平台',
  '视频监控',
  '档案管理',
  '应急指挥',
  '培训基地',
  '供水管网',
  '道路维修',
  '便民服务',
  '教育局',
  '卫生健康',
  '合政办发',
  '涉密',
  '党组会议',
  '乡镇',
  '平方米',
  '1113.47万',
  '500万',
  '10000000',
  '2,455',
  '建设项目',
  '约2000万',
  '20.13 million',
  '二千万',
];

/** One line of search figures: warm and cold time to the first result, and bytes fetched. */
function describeSearch(what: string, s: SearchFigures): string {
  return `${what}, over ${QUERIES.length} queries in Chromium (loopback, no throttling): warm (page loaded, query typed) median ${quantile(s.warmMs, 0.5).toFixed(0)} ms, p95 ${quantile(s.warmMs, 0.95).toFixed(0)} ms, median ${kb(quantile(s.warmBytes, 0.5))} fetched, p95 ${kb(quantile(s.warmBytes, 0.95))}; cold (shared link opened fresh) median ${quantile(s.coldMs, 0.5).toFixed(0)} ms, p95 ${quantile(s.coldMs, 0.95).toFixed(0)} ms from navigation start, median ${kb(quantile(s.coldBytes, 0.5))}, p95 ${kb(quantile(s.coldBytes, 0.95))} fetched (page, CSS, JS, wasm and index).`;
}

/**
 * The site's search against the floor, on the same built site in one run: the site's index as
 * the build wrote it; if that is in parts, the same pages as one index too (the difference is
 * what merging costs); and Pagefind alone on one index. Each figure also as a ratio to the floor.
 */
async function measureAgainstFloor(dist: string, label: string): Promise<string[]> {
  const lines: string[] = [];
  const serving = NGINX
    ? "served by Debian's nginx with the docs' configuration (gzip)"
    : "served by the bench's own server (nginx is not installed: no compression)";
  const parts = JSON.parse(readFileSync(join(dist, 'pagefind/parts.json'), 'utf8')) as {
    path: string;
  }[];
  const oneCache = join(work, `search-cache-one`);
  let site: SearchFigures | undefined;
  if (parts.length > 1) {
    console.error(`${label}: measuring search in Chromium, the index in ${parts.length} parts…`);
    [site] = await measureSearch(dist, QUERIES);
    lines.push(describeSearch(`${label} search, index in ${parts.length} parts`, site!));
  }
  if (parts.length > 1 || parts[0]?.path !== 'all/') {
    const started = performance.now();
    await buildSearchIndex(dist, { basePath: BASE, cacheDir: oneCache, grouping: 'one' });
    lines.push(
      `${label}: the same pages indexed as one index in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
    );
    rmSync(oneCache, { recursive: true, force: true });
  }
  writeFloorPage(dist);
  console.error(`${label}: measuring the search page on one index and Pagefind alone, in turns…`);
  const [one, floor] = await measureSearch(dist, QUERIES, ['search/', `${FLOOR_PAGE}/`]);
  lines.push(describeSearch(`${label} search, one index, ${serving}`, one!));
  lines.push(
    describeSearch(
      `${label} Pagefind alone on the one index (its search and the first 10 results' data, as a bare Pagefind page does; no exact check, no amounts), ${serving}`,
      floor!,
    ),
  );
  // Query by query, where the two differ most is where to look.
  QUERIES.forEach((query, i) =>
    console.error(
      `${label}   ${query}: warm ${one!.warmMs[i]!.toFixed(0)} / ${floor!.warmMs[i]!.toFixed(0)} ms, cold ${one!.coldMs[i]!.toFixed(0)} / ${floor!.coldMs[i]!.toFixed(0)} ms, ${kb(one!.coldBytes[i]!)} / ${kb(floor!.coldBytes[i]!)} cold (search page / Pagefind alone)`,
    ),
  );
  const ratio = (figures: SearchFigures, key: keyof SearchFigures, q: number) =>
    `${(quantile(figures[key], q) / quantile(floor![key], q)).toFixed(2)}×`;
  for (const [what, figures] of [
    ['one index', one!],
    ...(site ? ([[`${parts.length} parts`, site]] as const) : []),
  ] as const)
    lines.push(
      `${label} search (${what}) against Pagefind alone: warm median ${ratio(figures, 'warmMs', 0.5)}, warm p95 ${ratio(figures, 'warmMs', 0.95)}, cold median ${ratio(figures, 'coldMs', 0.5)}, bytes fetched cold (median) ${ratio(figures, 'coldBytes', 0.5)}.`,
    );
  return lines;
}

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
};
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function main(): Promise<void> {
  const rows: string[][] = [];
  const notes: string[] = [];
  // Each note is also printed as it comes, so that a run that stops later keeps it.
  const note = (line: string) => {
    notes.push(line);
    console.error(line);
  };
  for (const n of SIZES) {
    const contentDir = n === 3 ? join(ROOT, 'content') : join(work, `content-${n}`);
    if (n !== 3) writeGenerated(contentDir, n, undefined, YEARS);
    console.error(`N=${n}: building the site…`);
    // Inside the project, so that the build's server chunks resolve node_modules (.dist-* is git-ignored).
    const dist = join(ROOT, `.dist-bench-${n}`);
    // A cold build: an empty cache of rendered bodies (src/markdown/render.ts), kept for the warm rebuild.
    const renderCache = join(work, `render-cache-${n}`);
    // And an empty page cache (Astro's incremental build), likewise kept for the warm rebuild.
    const pageCache = join(work, `page-cache-${n}`);
    // And no kept parts of the search index, likewise kept for the warm rebuild.
    const searchCache = join(work, `search-cache-${n}`);
    for (const cache of [renderCache, pageCache, searchCache])
      rmSync(cache, { recursive: true, force: true });
    const env = {
      CONTENT_DIR: n === 3 ? '' : contentDir,
      RENDER_CACHE_DIR: renderCache,
      PAGE_CACHE_DIR: pageCache,
      SEARCH_CACHE_DIR: searchCache,
      BASE_PATH: BASE,
    };
    const ours = await timedBuild(ROOT, dist, env);
    let warm = '';
    if (n !== 3) {
      // Warm rebuild: one disclosure's body changed, the rendered bodies and the pages of the cold build kept, as npm run build keeps them.
      const changed = readdirSync(contentDir, { recursive: true, withFileTypes: true }).find(
        (e) => e.isFile() && e.parentPath.endsWith('/zh') && e.name.endsWith('.md'),
      )!;
      const file = join(changed.parentPath, changed.name);
      writeFileSync(file, `${readFileSync(file, 'utf8')}\n本段为基准测试所加。\n`);
      console.error(`N=${n}: rebuilding after changing ${changed.name}…`);
      const again = await timedBuild(ROOT, `${dist}-warm`, env);
      warm = `${again.seconds.toFixed(1)} s (${again.parses} ${again.parses === 1 ? 'parse' : 'parses'})`;
      rmSync(`${dist}-warm`, { recursive: true, force: true });
    }
    console.error(`N=${n}: building the baseline: bare Astro, then Pagefind over its output…`);
    const bareDir = bareProject(contentDir);
    const baseline = await baselineBuild(bareDir);
    const bare = baseline.astro;
    const baseSeconds = bare.seconds + baseline.pagefind.seconds;
    const basePeak = Math.max(bare.peakRssMb, baseline.pagefind.peakRssMb);
    const projectPath = n === 3 ? 'ruili-psb/2020/case-handling-centre' : 'synth-edu/2025/p001';
    const weights = {
      home: pageWeight(dist, ''),
      project: pageWeight(dist, projectPath),
      search: pageWeight(dist, 'search'),
    };
    const biggestListing = readdirSync(dist, { recursive: true, withFileTypes: true })
      .filter(
        (e) => e.isFile() && e.name === 'index.html' && !/\/p\d{3}$|case-|face-/.test(e.parentPath),
      )
      .reduce((max, e) => Math.max(max, statSync(join(e.parentPath, e.name)).size), 0);
    rows.push([
      String(n),
      `${ours.seconds.toFixed(1)} s`,
      // The index step's own time: after Astro's process for one index, beside its output audit
      // for parts (scripts/build-site.mjs).
      `${ours.pagefindSeconds.toFixed(1)} s`,
      (ours.pages / ours.seconds).toFixed(0),
      `${ours.peakRssMb.toFixed(0)} MB`,
      String(ours.parses),
      warm || '—',
      `${baseSeconds.toFixed(1)} s (${(ours.seconds / baseSeconds).toFixed(2)}×)`,
      `${bare.seconds.toFixed(1)} s`,
      `${basePeak.toFixed(0)} MB`,
      `${ours.distMb.toFixed(1)} MB`,
      ...(['home', 'project', 'search'] as const).map(
        (k) => `${kb(weights[k].html)} / ${kb(weights[k].css)} / ${kb(weights[k].js)}`,
      ),
      kb(biggestListing),
    ]);
    console.error(`N=${n}: | ${rows.at(-1)!.join(' | ')} |`);
    const p = weights.project;
    note(
      `N=${n}: project page ${kb(p.html + p.css + p.js)} gzip (HTML+CSS+JS), ${p.js === 0 ? 'zero JS' : `${kb(p.js)} JS`}; its own text ${kb(p.text)} gzip → budget 1.5 × ${kb(p.text)} + 8 KB = ${kb(1.5 * p.text + 8192)}: ${p.html + p.css + p.js <= 1.5 * p.text + 8192 ? 'within' : 'over'}.`,
    );
    note(
      `N=${n}: ours ${ours.indexed || '(no index line)'}; baseline ${baseline.pagefind.indexed}.`,
    );
    if (n >= Number(process.env.BENCH_SEARCH_MIN || 10000))
      for (const line of await measureAgainstFloor(dist, `N=${n}`)) note(line);
    rmSync(dist, { recursive: true, force: true });
  }
  const header = [
    'N',
    'build',
    'index step',
    'pages/s',
    'peak RSS (tree)',
    'parses',
    'warm rebuild',
    'baseline: bare Astro + Pagefind (ratio)',
    'bare Astro alone',
    'baseline peak RSS',
    'dist',
    'home gz HTML/CSS/JS',
    'project gz HTML/CSS/JS',
    'search gz HTML/CSS/JS',
    'largest listing HTML',
  ];
  const table = [header, header.map(() => '---'), ...rows]
    .map((r) => `| ${r.join(' | ')} |`)
    .join('\n');
  console.log(
    `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}\n`,
  );
  console.log(table);
  console.log(`\n${notes.map((n) => `- ${n}`).join('\n')}`);
  rmSync(work, { recursive: true, force: true });
}

if (options.search !== undefined) {
  // Measures search alone on a site already built (for the portal's folder where nginx is
  // installed: BASE_PATH=/portal/yjsgk/): npm run bench -- --search <dist folder>
  for (const line of await measureAgainstFloor(resolve(options.search), 'search'))
    console.log(line);
  rmSync(work, { recursive: true, force: true });
} else {
  await main();
}
