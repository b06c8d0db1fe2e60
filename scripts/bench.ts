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
import { writeGenerated } from './generate';
import { countIndexedWords } from '../src/search/build-index';
import { BASE, kb, measureAgainstFloor } from './bench-search';

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
const work = mkdtempSync(join(tmpdir(), 'bench-'));

interface Build {
  seconds: number;
  pagefindSeconds: number;
  /** Largest resident memory of the whole process tree at once (Astro, and the Pagefind runs of the index step). */
  peakRssMb: number;
  pages: number;
  distMb: number;
  /** Markdown bodies run through the body rules (check and render). */
  parses: number;
  /** What the search index holds, as its step printed it. */
  indexed: string;
  /** The index step's line: what it indexed and what it kept from the last build. */
  indexLine: string;
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
    indexLine: /\[search-index\][^\n]*/.exec(run.output)?.[0] ?? '',
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
      console.error(`N=${n}: the rebuild's ${again.indexLine || 'index step printed nothing'}`);
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
      for (const line of await measureAgainstFloor(dist, `N=${n}`, work)) note(line);
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
  for (const line of await measureAgainstFloor(resolve(options.search), 'search', work))
    console.log(line);
  rmSync(work, { recursive: true, force: true });
} else {
  await main();
}
