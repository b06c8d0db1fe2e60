import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launch } from '../tests/support/browser';
import { serveSite } from './serve-site';
import { buildSearchIndex } from '../src/search/build-index';
import { NGINX, NGINX_BROTLI, startNginx } from '../tests/support/nginx';
import { PORTAL_BASE } from '../tests/support/paths';

/**
 * The search half of `npm run bench` (scripts/bench.ts): the site's search page against Pagefind
 * alone on the same built site, served as deployed, query by query in turns.
 */

/**
 * Search is measured as deployed: the docs' nginx configuration (docs/deploy/: gzip, and brotli
 * where Debian's module is installed, which Chromium asks for), which serves the site under the
 * portal's folder, so the site is built for it. Where nginx is not installed, the bench's own
 * server (no compression) serves it at the root, and says so.
 */
export const BASE = NGINX ? PORTAL_BASE : '/';

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
  const browser = await launch();
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
export async function measureAgainstFloor(
  dist: string,
  label: string,
  work: string,
): Promise<string[]> {
  const lines: string[] = [];
  const serving = NGINX
    ? `served by Debian's nginx with the docs' configuration (${NGINX_BROTLI ? 'brotli, which Chromium asks for, else gzip' : 'gzip; the brotli module is not installed'})`
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
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
