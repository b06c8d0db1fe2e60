import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContentFixture } from '../../src/generate/fixture';
import { astroBuild } from '../support/astro';
import { launch } from '../support/browser';
import { TEST_SITE } from '../support/paths';
import { serveMounts, type StaticServer } from '../support/server';
import { readFragments } from '../../src/search/index-parts';
import type { AmountTable } from '../../src/search/keys';
import { readIndexParts as readParts } from '../support/dist';

/**
 * A site in two partitions (docs/operations.md, Scaling out): each department's pages and
 * search index are built on their own, as separate CI jobs would, and served
 * under one origin, one at the root and one under /b/. Each search page merges
 * the other's index with Pagefind's mergeIndex.
 */
const work = mkdtempSync(join(tmpdir(), 'partitions-'));
let server: StaticServer;
let browser: Browser | undefined;
let page: Page;

/**
 * Three generated departments, each with three publications (three fiscal years) of one project:
 * two departments in the root partition, one in /b/. Each build's index is in parts by year, so a
 * search page merges six parts, and every result of a query fits on its first page.
 */
const content = new ContentFixture({ count: 9, perPublication: 1, years: 3 });
const departments = [...new Set(content.find(/publication\.yaml$/).map((p) => p.split('/')[0]!))];
const [ownDepartment, otherDepartment] = departments;
/** Projects of one department: one a year. */
const PER_DEPARTMENT = 3;

/**
 * One project prints its budget in yuan (2288750元), as some bureaus do, not in 万元: results must
 * quote it so, never as the site's 万元 conversion.
 */
const inYuan = (() => {
  const file = content.find(new RegExp(`^${ownDepartment!}/.*/zh/`))[0]!;
  const yuan = Number(/amountYuan: (\d+)/.exec(content.read(file))![1]);
  const wan = /funding:\n {2}amountYuan: \d+\n {2}published: (\S+)/.exec(content.read(file))![1]!;
  content.edit(file, (text) =>
    text
      .replace(
        `funding:\n  amountYuan: ${yuan}\n  published: ${wan}`,
        `funding:\n  amountYuan: ${yuan}\n  published: ${yuan}元`,
      )
      .replace(`本年度预算安排为${wan}`, `本年度预算安排为${yuan}元`),
  );
  return { path: `/${file.replace('/zh/', '/').replace(/\.md$/, '/')}`, yuan, wan };
})();

function buildPartition(
  name: string,
  drop: readonly string[],
  basePath: string,
  other: string,
): string {
  const dir = join(work, `content-${name}`);
  cpSync(content.dir, dir, { recursive: true });
  for (const department of drop) rmSync(join(dir, department), { recursive: true });
  const dist = join(work, `dist-${name}`);
  const result = astroBuild(dist, {
    env: {
      CONTENT_DIR: dir,
      SITE_URL: TEST_SITE,
      BASE_PATH: basePath,
      SEARCH_PARTITIONS: other,
      // Parts by fiscal year, so that the page merges parts within a partition as well as across.
      SEARCH_INDEX_PARTS: 'fiscal-year',
      RENDER_CACHE_DIR: join(work, 'render-cache'),
    },
  });
  if (result.status !== 0) throw new Error(result.output);
  return dist;
}

/**
 * Pagefind's ids are unique within a part only: the build marks an id two parts give null in the
 * amount table (src/search/build-index.ts). One page of the root partition is marked so, as if
 * that had happened, before the server starts (it reads each file's length once).
 */
function markSharedId(dist: string): { path: string; yuan: number } {
  const tableFile = join(dist, 'pagefind/amounts.zh-cn.json');
  const table = JSON.parse(readFileSync(tableFile, 'utf8')) as AmountTable;
  const { projects } = JSON.parse(readFileSync(join(dist, 'data/disclosures.json'), 'utf8')) as {
    projects: { amount: { yuan?: number }; url: { zh: string } }[];
  };
  const project = projects.find((p) => p.amount.yuan !== undefined)!;
  const path = new URL(project.url.zh).pathname;
  const [id] = readParts(dist)
    .flatMap((part) => [...readFragments(join(dist, 'pagefind', part.path))])
    .find(([, fragment]) => fragment.url === path)!;
  if (table[id]?.[0] !== project.amount.yuan) throw new Error(`${id} is not ${path}`);
  writeFileSync(tableFile, JSON.stringify({ ...table, [id]: null }));
  return { path, yuan: project.amount.yuan! };
}
let sharedId: { path: string; yuan: number };

beforeAll(async () => {
  const root = buildPartition('a', [otherDepartment!], '', '/b/');
  sharedId = markSharedId(root);
  const b = buildPartition(
    'b',
    departments.filter((d) => d !== otherDepartment),
    '/b/',
    '/',
  );
  server = await serveMounts([
    { base: '/', dir: root },
    { base: '/b/', dir: b },
  ]);
  browser = await launch();
  page = await browser.newPage();
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await server.close();
  content.remove();
  rmSync(work, { recursive: true, force: true });
});

/** Searches on one partition's search page and returns the paths of the results. */
async function searchOn(base: string, query: string): Promise<string[]> {
  await page.goto(`${server.origin}${base}search/?q=${encodeURIComponent(query)}`);
  await page.waitForFunction(() =>
    /共找到 \d+ 个项目/.test(document.querySelector('#search-status')?.textContent ?? ''),
  );
  return page.$$eval('#search-results .result-title a', (links) =>
    links.map((a) => new URL((a as HTMLAnchorElement).href).pathname),
  );
}

describe('a site in two partitions, searched as one', () => {
  it('three departments over three years really are in separate builds', () => {
    expect(departments).toHaveLength(3);
    expect(ownDepartment).not.toBe(otherDepartment);
    const years = new Set(content.find(/publication\.yaml$/).map((p) => p.split('/')[1]!));
    expect(years.size).toBe(3);
  });

  it.each([
    ['/', 'the root partition'],
    ['/b/', 'the /b/ partition'],
  ])('one query on %s (%s) finds the projects of both partitions', async (base) => {
    // Every generated department is of 合成市 (Synthetic City).
    const paths = await searchOn(base, '合成市');
    expect(paths.filter((p) => p.startsWith(`/${ownDepartment!}/`))).toHaveLength(PER_DEPARTMENT);
    expect(paths.filter((p) => p.startsWith(`/b/${otherDepartment!}/`))).toHaveLength(
      PER_DEPARTMENT,
    );
    expect(paths).toHaveLength(3 * PER_DEPARTMENT);
    // Every fiscal year of each: every part of each build's index was merged.
    expect(new Set(paths.map((p) => /\/(\d{4})\//.exec(p)?.[1])).size).toBe(3);
  });

  it('a result from the other partition links to its page there', async () => {
    const paths = await searchOn('/', '合成市');
    const other = paths.find((p) => p.startsWith(`/b/${otherDepartment!}/`))!;
    const response = await page.goto(`${server.origin}${other}`);
    expect(response?.status()).toBe(200);
    expect(await page.locator('h1').textContent()).not.toBe('');
  });

  it('offers the other partition’s department as a filter, and the filter finds only its projects', async () => {
    await searchOn('/', '合成市');
    const departments = await page.$$eval('#search-department option', (options) =>
      options.map((o) => (o as HTMLOptionElement).value).filter(Boolean),
    );
    expect(departments).toHaveLength(3);
    const partitionsFound = new Set<string>();
    for (const name of departments) {
      await page.goto(
        `${server.origin}/search/?q=${encodeURIComponent('合成市')}&department=${encodeURIComponent(name)}`,
      );
      await page.waitForFunction(() =>
        /共找到 \d+ 个项目/.test(document.querySelector('#search-status')?.textContent ?? ''),
      );
      const paths = await page.$$eval('#search-results .result-title a', (links) =>
        links.map((a) => new URL((a as HTMLAnchorElement).href).pathname),
      );
      expect(paths, name).toHaveLength(PER_DEPARTMENT);
      const inB = paths.every((p) => p.startsWith('/b/'));
      const inRoot = paths.every((p) => !p.startsWith('/b/'));
      expect(inB || inRoot, name).toBe(true);
      partitionsFound.add(inB ? '/b/' : '/');
      expect(await page.locator('#search-department').inputValue()).toBe(name);
    }
    expect([...partitionsFound].sort()).toEqual(['/', '/b/']);
  });

  it('filters by a fiscal year across the parts of both partitions', async () => {
    const years = [...new Set(content.find(/publication\.yaml$/).map((p) => p.split('/')[1]!))];
    expect(years).toHaveLength(3);
    for (const year of years) {
      await page.goto(`${server.origin}/search/?q=${encodeURIComponent('合成市')}&year=${year}`);
      await page.waitForFunction(() =>
        /共找到 \d+ 个项目/.test(document.querySelector('#search-status')?.textContent ?? ''),
      );
      const paths = await page.$$eval('#search-results .result-title a', (links) =>
        links.map((a) => new URL((a as HTMLAnchorElement).href).pathname),
      );
      expect(paths, year).toHaveLength(3);
      expect(
        paths.every((p) => p.includes(`/${year}/`)),
        year,
      ).toBe(true);
      expect(
        paths.some((p) => p.startsWith('/b/')),
        year,
      ).toBe(true);
    }
  });

  it('counts a query found only in English over every year of this build’s index', async () => {
    // The generated English text says "Synthetic City"; the Chinese, 合成市.
    await page.goto(`${server.origin}/search/?q=Synthetic`);
    await page.waitForFunction(() => !document.querySelector<HTMLElement>('#search-other')?.hidden);
    // The root partition's own index: its two departments' projects, every year.
    expect(await page.textContent('#search-other span')).toBe(
      `英文译文中有 ${2 * PER_DEPARTMENT} 个项目含此查询。`,
    );
  });

  it.each([
    ['amount-desc', 'largest'],
    ['amount-asc', 'smallest'],
  ] as const)(
    'sorts by amount (%s) as one list over the six parts of both partitions, %s first, and exports that list',
    async (sort, _first) => {
      // Every project's amount, from both builds' data.
      const yuan = new Map<string, number | null>();
      for (const dist of ['dist-a', 'dist-b']) {
        const { projects } = JSON.parse(
          readFileSync(join(work, dist, 'data/disclosures.json'), 'utf8'),
        ) as { projects: { id: string; amount: { yuan?: number }; url: { zh: string } }[] };
        for (const p of projects) yuan.set(new URL(p.url.zh).pathname, p.amount.yuan ?? null);
      }
      await page.goto(`${server.origin}/search/?q=${encodeURIComponent('合成市')}&sort=${sort}`);
      await page.waitForFunction(() =>
        /共找到 \d+ 个项目/.test(document.querySelector('#search-status')?.textContent ?? ''),
      );
      const paths = await page.$$eval('#search-results .result-title a', (links) =>
        links.map((a) => new URL((a as HTMLAnchorElement).href).pathname),
      );
      expect(paths).toHaveLength(3 * PER_DEPARTMENT);
      const amounts = paths.map((p) => yuan.get(p));
      const disclosed = amounts.filter((a): a is number => a !== null && a !== undefined);
      const ordered = [...disclosed].sort((a, b) => (sort === 'amount-desc' ? b - a : a - b));
      expect(disclosed).toEqual(ordered);
      // A withheld amount is last, whichever way.
      expect(amounts.slice(disclosed.length).every((a) => a === null)).toBe(true);
      // Every fiscal year and both partitions are in the one list.
      expect(new Set(paths.map((p) => /\/(\d{4})\//.exec(p)?.[1])).size).toBe(3);
      expect(paths.some((p) => p.startsWith('/b/'))).toBe(true);
      const [file] = await Promise.all([
        page.waitForEvent('download'),
        page.locator('#search-export').getByRole('button', { name: 'JSON', exact: true }).click(),
      ]);
      const exported = JSON.parse(readFileSync(await file.path(), 'utf8')) as {
        projects: { url: { zh: string } }[];
      };
      expect(exported.projects.map((p) => new URL(p.url.zh).pathname)).toEqual(paths);
    },
  );

  it('quotes a figure as the text prints it (in yuan), its yuan beside it, never the site’s 万元 conversion', async () => {
    await searchOn('/', '合成市');
    const item = page.locator('#search-results li', {
      has: page.locator(`a[href*="${inYuan.path}"]`),
    });
    const facts = (await item.first().locator('.result-facts').textContent()) ?? '';
    expect(facts).toContain(`${inYuan.yuan}元（¥${inYuan.yuan.toLocaleString('en-US')}）`);
    expect(facts).not.toContain(inYuan.wan);
  });

  it('breaks the result set down by department and fiscal year, on the page and as CSV, years never added', async () => {
    // Every project's department, year and amount, from both builds' data.
    const expected = new Map<string, { projects: number; total: number }>();
    for (const dist of ['dist-a', 'dist-b']) {
      const { projects } = JSON.parse(
        readFileSync(join(work, dist, 'data/disclosures.json'), 'utf8'),
      ) as {
        projects: { fiscalYear: number; department: { zh: string }; amount: { yuan?: number } }[];
      };
      for (const p of projects) {
        const key = `${p.fiscalYear},${p.department.zh}`;
        const row = expected.get(key) ?? { projects: 0, total: 0 };
        row.projects += 1;
        row.total += p.amount.yuan ?? 0;
        expected.set(key, row);
      }
    }
    await searchOn('/', '合成市');
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.locator(`#search-totals button[data-format="breakdown"]`).click(),
    ]);
    const lines = readFileSync(await file.path(), 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'fiscal_year,department,department_en,projects,total_yuan_computed,amounts_withheld',
    );
    // Three departments (two in one partition, one in the other) × three years: nine rows, each its own sum.
    expect(lines).toHaveLength(1 + 9);
    for (const line of lines.slice(1)) {
      const [year, department, , projects, total] = line.split(',');
      expect(expected.get(`${year!},${department!}`), line).toEqual({
        projects: Number(projects),
        total: Number(total),
      });
    }
    const rows = page.locator('#search-breakdown tbody tr');
    expect(await rows.count()).toBe(9);
    expect(await page.locator('#search-breakdown').isVisible()).toBe(true);
  });

  it('reads from its data file the amounts of a page whose id another part also gives', async () => {
    const paths = await searchOn('/', String(sharedId.yuan));
    expect(paths).toContain(sharedId.path);
    // The set's sum counts it (none "未计入", not counted), and the result shows its amount.
    const status = (await page.textContent('#search-status')) ?? '';
    expect(status).toMatch(/预算合计/);
    expect(status).not.toMatch(/未计入/);
    const item = page.locator('#search-results li', {
      has: page.locator(`a[href*="${sharedId.path}"]`),
    });
    expect(await item.first().textContent()).toMatch(/公开金额/);
  });

  it('exports the results of both partitions, each record from its own partition’s data file', async () => {
    await searchOn('/', '合成市');
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('#search-export').getByRole('button', { name: 'JSON', exact: true }).click(),
    ]);
    const json = JSON.parse(readFileSync(await file.path(), 'utf8')) as {
      count: number;
      projects: { id: string }[];
    };
    expect(json.count).toBe(3 * PER_DEPARTMENT);
    // Ids are <publication slug>/<project slug>, and a publication slug is <department>-<year>.
    expect(new Set(json.projects.map((p) => p.id.replace(/-\d{4}\/.*$/, '')))).toEqual(
      new Set(departments),
    );
  });
});
