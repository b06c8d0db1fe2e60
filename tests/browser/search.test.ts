import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch } from '../support/browser';
import { DIST } from '../support/paths';
import { serve, type StaticServer } from '../support/server';

let server: StaticServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await serve(DIST);
  browser = await launch();
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const FOUND = /共找到 \d+ 个项目|\d+ projects? found/;

async function waitForResults(): Promise<void> {
  await page.waitForFunction(
    (pattern) =>
      new RegExp(pattern).test(document.querySelector('#search-status')?.textContent ?? ''),
    FOUND.source,
  );
}

/** Types a query into the real search box and submits it with Enter, as a reader would. */
async function search(query: string, locale: 'zh' | 'en' = 'zh'): Promise<void> {
  await page.goto(`${server.url}${locale === 'en' ? 'en/' : ''}search/`);
  await page.getByLabel(locale === 'zh' ? '关键词或金额' : 'Words or amount').fill(query);
  await page.keyboard.press('Enter');
  await waitForResults();
}

const resultSlugs = () =>
  page.$$eval('#search-results .result-title a', (links) =>
    links.map((a) => new URL((a as HTMLAnchorElement).href).pathname.split('/').at(-2)),
  );

describe('search by amount, in any notation', () => {
  it.each([
    ['700万', 'case-property-centre'],
    ['700万元', 'case-property-centre'],
    ['7000000', 'case-property-centre'],
    ['7,000,000', 'case-property-centre'],
    ['¥7,000,000', 'case-property-centre'],
    ['7 million', 'case-property-centre'],
    ['CNY 7 million', 'case-property-centre'],
    ['2012.95', 'case-handling-centre'],
    ['2012.95万', 'case-handling-centre'],
    ['20,129,500', 'case-handling-centre'],
    ['20.1295 million', 'case-handling-centre'],
  ])('%s finds %s first (zh and en)', async (query, slug) => {
    await search(query);
    expect((await resultSlugs())[0]).toBe(slug);
    await search(query, 'en');
    expect((await resultSlugs())[0]).toBe(slug);
  });
});

describe('search by words', () => {
  it.each([
    ['人脸', 'zh', 'face-recognition-system'],
    ['人脸识别', 'zh', 'face-recognition-system'],
    ['执法办案', 'zh', 'case-handling-centre'],
    ['看守所', 'zh', 'case-handling-centre'],
    ['涉密', 'zh', 'case-handling-centre'],
    ['face recognition', 'en', 'face-recognition-system'],
    ['detention centre', 'en', 'case-handling-centre'],
    ['cameras', 'en', 'face-recognition-system'],
    ['classified', 'en', 'case-handling-centre'],
  ] as const)('%s (%s) finds %s first', async (query, locale, slug) => {
    await search(query, locale);
    expect((await resultSlugs())[0]).toBe(slug);
  });

  it('shows name, amount in both notations, unit and year, with a deep link to the matching section', async () => {
    await search('涉密');
    const first = page.locator('#search-results .result').first();
    await expect(first.locator('.result-title').textContent()).resolves.toBe(
      '瑞丽市公安局执法办案中心（包括看守所铁桶工程项目）',
    );
    await expect(first.locator('.result-facts').textContent()).resolves.toBe(
      '2012.95万元（¥20,129,500） · 瑞丽市公安局 · 2020年度',
    );
    // Pagefind may mark each segmented character on its own; together they are the query.
    expect((await first.locator('.result-excerpt mark').allTextContents()).join('')).toContain(
      '涉密',
    );
    const deep = await first.locator('.result-section').getAttribute('href');
    expect(deep).toBe('/ruili-psb/2020/case-handling-centre/#feasibility');
    await first.locator('.result-section').click();
    await page.waitForURL(/#feasibility$/);
    expect(await page.locator('#feasibility').isVisible()).toBe(true);
  });

  it('deep-links English results too', async () => {
    await search('cameras', 'en');
    const first = page.locator('#search-results .result').first();
    await expect(first.locator('.result-facts').textContent()).resolves.toBe(
      'CNY 13 million (¥13,000,000) · Science, Technology and Information Office of the Ruili City Public Security Bureau · FY2020',
    );
    expect(await first.locator('.result-section').getAttribute('href')).toBe(
      '/en/ruili-psb/2020/face-recognition-system/#content-capture',
    );
  });
});

describe('filters, sort and URL state', () => {
  it('holds the query in readable URL parameters and restores it on reload', async () => {
    await search('人脸');
    expect(new URL(page.url()).searchParams.get('q')).toBe('人脸');
    await page.reload();
    await waitForResults();
    expect(await page.getByLabel('关键词或金额').inputValue()).toBe('人脸');
    expect(await resultSlugs()).toEqual(['face-recognition-system']);
  });

  it('filters by minimum amount: which projects are over 10 million?', async () => {
    await page.goto(`${server.url}en/search/`);
    await page.getByLabel('Minimum amount').fill('10 million');
    await page.getByLabel('Sort by').selectOption('amount-desc');
    await page.getByRole('button', { name: 'Search' }).click();
    await waitForResults();
    expect(await resultSlugs()).toEqual(['case-handling-centre', 'face-recognition-system']);
    const params = new URL(page.url()).searchParams;
    expect([params.get('min'), params.get('sort')]).toEqual(['10 million', 'amount-desc']);
  });

  it('filters by a min–max range and by band', async () => {
    await page.goto(`${server.url}search/?min=500万&max=1300万&sort=amount-asc`);
    await waitForResults();
    expect(await resultSlugs()).toEqual(['case-property-centre', 'face-recognition-system']);
    await page.goto(`${server.url}search/?band=20m-50m`);
    await waitForResults();
    expect(await resultSlugs()).toEqual(['case-handling-centre']);
    expect(await page.getByLabel('金额区间').inputValue()).toBe('20m-50m');
  });

  it('filters by withheld sections, year and department', async () => {
    await page.goto(`${server.url}search/`);
    await page.getByLabel('含未公开部分').selectOption('yes');
    await page.getByRole('button', { name: '搜索', exact: true }).click();
    await waitForResults();
    expect(await resultSlugs()).toEqual(['case-handling-centre']);
    expect(new URL(page.url()).searchParams.get('withheld')).toBe('yes');
    await page.goto(
      `${server.url}search/?year=2020&department=${encodeURIComponent('瑞丽市公安局')}&withheld=no&sort=amount-asc`,
    );
    await waitForResults();
    expect(await resultSlugs()).toEqual(['case-property-centre', 'face-recognition-system']);
  });

  it('sorts by amount both ways, and the back button restores the previous state', async () => {
    await page.goto(`${server.url}search/?year=2020&sort=amount-desc`);
    await waitForResults();
    expect(await resultSlugs()).toEqual([
      'case-handling-centre',
      'face-recognition-system',
      'case-property-centre',
    ]);
    await page.getByLabel('排序').selectOption('amount-asc');
    await page.getByRole('button', { name: '搜索', exact: true }).click();
    await page.waitForURL(/sort=amount-asc/);
    await waitForResults();
    expect(await resultSlugs()).toEqual([
      'case-property-centre',
      'face-recognition-system',
      'case-handling-centre',
    ]);
    await page.goBack();
    await page.waitForURL(/sort=amount-desc/);
    await page.waitForFunction(() =>
      document
        .querySelector('#search-results .result-title a')
        ?.getAttribute('href')
        ?.includes('case-handling-centre'),
    );
    expect(await resultSlugs()).toEqual([
      'case-handling-centre',
      'face-recognition-system',
      'case-property-centre',
    ]);
  });

  it('says so when a bound is not an amount, instead of guessing', async () => {
    await page.goto(`${server.url}search/?min=lots`);
    await page.waitForFunction(() =>
      document.querySelector('#search-status')?.textContent?.includes('无法识别金额'),
    );
    expect(await resultSlugs()).toEqual([]);
  });
});

describe('without JavaScript', () => {
  it('says search needs JavaScript and links the full table, pre-sorted by amount', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const noJs = await context.newPage();
    await noJs.goto(`${server.url}search/`);
    await expect(noJs.locator('noscript, .notice').first().textContent()).resolves.toContain(
      '搜索需要启用 JavaScript',
    );
    await noJs.getByRole('link', { name: '全部项目' }).first().click();
    await noJs.getByRole('link', { name: '金额从高到低' }).click();
    const rows = await noJs.$$eval('table.projects tbody tr', (trs) =>
      trs.map((tr) => tr.getAttribute('data-project')),
    );
    expect(rows).toEqual([
      'case-handling-centre',
      'face-recognition-system',
      'case-property-centre',
    ]);
    await context.close();
  });
});

describe('exact by default: no false matches', () => {
  it.each(['天网', '雪亮工程', '摄像机'])(
    '%s: the text never uses it, so no result is a match, and the page says so',
    async (query) => {
      await page.goto(`${server.url}search/`);
      await page.getByLabel('关键词或金额').fill(query);
      await page.keyboard.press('Enter');
      await page.waitForFunction(() =>
        /没有找到/.test(document.querySelector('#search-status')?.textContent ?? ''),
      );
      expect(await page.textContent('#search-status')).toBe(`没有找到“${query}”`);
      expect(await resultSlugs()).toEqual([]);
      // What Pagefind found by shared characters (网, 工程, 机) is kept apart, folded, and labelled as such.
      const partial = page.locator('#search-partial');
      expect(await partial.isVisible()).toBe(true);
      expect(await partial.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
      expect(await partial.locator('summary').textContent()).toMatch(
        /^部分匹配：只含查询中的部分字（[1-9]\d*个项目）$/,
      );
      expect(await partial.locator('.result').count()).toBeGreaterThan(0);
    },
  );

  it('says so in English too', async () => {
    await page.goto(`${server.url}en/search/`);
    await page.getByLabel('Words or amount').fill('satellite');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() =>
      /No passage contains/.test(document.querySelector('#search-status')?.textContent ?? ''),
    );
    expect(await page.textContent('#search-status')).toBe('No passage contains "satellite"');
  });
});
