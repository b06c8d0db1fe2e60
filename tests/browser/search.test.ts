import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch } from '../support/browser';
import { astroBuild } from '../support/astro';
import { EXAMPLE_DIST, TEST_SITE } from '../support/paths';
import { serve, type StaticServer } from '../support/server';

let server: StaticServer;
let browser: Browser | undefined;
let page: Page;

beforeAll(async () => {
  // The example publication: these tests search for what its texts say.
  server = await serve(EXAMPLE_DIST);
  browser = await launch();
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
  await server.close();
});

const FOUND = /共找到 \d+ 个项目|\d+ projects? found/;

async function waitForResults(): Promise<void> {
  await page.waitForFunction(
    (pattern) =>
      new RegExp(pattern).test(document.querySelector('#search-status')?.textContent ?? ''),
    FOUND.source,
  );
}

/**
 * Types a query into the real search box and submits it with Enter, as a reader would: on the
 * search page already open when it shows only an earlier query of this helper's (a reader's
 * next query; loading the page again costs a second a query), else on the page loaded afresh.
 */
async function search(query: string, locale: 'zh' | 'en' = 'zh'): Promise<void> {
  const address = `${server.url}${locale === 'en' ? 'en/' : ''}search/`;
  const current = new URL(page.url());
  const again =
    current.href.startsWith(address) &&
    current.pathname === new URL(address).pathname &&
    [...current.searchParams.keys()].every((key) => key === 'q') &&
    !current.hash;
  if (again)
    // The status says the earlier query's count until the new one's results are in.
    await page.$eval('#search-status', (status) => (status.textContent = ''));
  else await page.goto(address);
  await page.getByLabel(locale === 'zh' ? '关键词或金额' : 'Words or amount').fill(query);
  await page.keyboard.press('Enter');
  await waitForResults();
  expect(new URL(page.url()).searchParams.get('q')).toBe(query);
}

const resultSlugs = () =>
  page.$$eval('#search-results .result-title a', (links) =>
    links.map((a) => new URL((a as HTMLAnchorElement).href).pathname.split('/').at(-2)),
  );

describe('a query typed while the search page starts', () => {
  it('is kept, and searched on Enter', async () => {
    // Pagefind's script held back for a moment: the reader types before the page's search has started.
    let release = () => {};
    const held = new Promise<void>((done) => (release = done));
    await page.route('**/pagefind.js', async (route) => {
      await held;
      await route.continue();
    });
    try {
      await page.goto(`${server.url}search/`);
      await page.getByLabel('关键词或金额').fill('看守所');
      release();
      await page.waitForResponse('**/pagefind.js');
      // The page has started once the index's amount table is in (it is read before the listeners).
      await page.waitForLoadState('networkidle');
      expect(await page.getByLabel('关键词或金额').inputValue()).toBe('看守所');
      await page.keyboard.press('Enter');
      await waitForResults();
      expect(await resultSlugs()).toContain('case-handling-centre');
    } finally {
      await page.unroute('**/pagefind.js');
    }
  });
});

/** One project's amount in the notations a reader may type, and the project it finds first. */
const AMOUNT_QUERIES = [
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
] as const;

describe('search by amount, in any notation', () => {
  // Each language's queries in a row, as a reader types one after another on the same page.
  it.each(
    (['zh', 'en'] as const).flatMap((locale) =>
      AMOUNT_QUERIES.map(([query, slug]) => [query, slug, locale] as const),
    ),
  )('%s finds %s first (%s)', async (query, slug, locale) => {
    await search(query, locale);
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
      '1300万元 (¥13,000,000) · Science, Technology and Information Office of the Ruili City Public Security Bureau · Ruili City Public Security Bureau · FY2020',
    );
    // "cameras", as typed, is in (3) only; (2) has "camera channels", which Pagefind's stemming also matched.
    const href = await first.locator('.result-section').getAttribute('href');
    expect(href).toMatch(/^\/en\/ruili-psb\/2020\/face-recognition-system\/#content-analysis/);
    // The link lands on the paragraph with the words, and the page marks it.
    await first.locator('.result-section').click();
    const id = href!.split('#')[1]!;
    await page.waitForURL(new RegExp(`#${id}$`));
    const target = page.locator(`[id="${id}"]`);
    expect(await target.textContent()).toContain('cameras');
    expect(await target.evaluate((el) => el.matches(':target'))).toBe(true);
    expect(await target.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe(
      'rgba(0, 0, 0, 0)',
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

  it.each([
    ['', '本年度预算安排为'],
    ['en/', 'This year’s budget allocation is'],
  ])(
    'lands a range without words (%s) on the sentence that states the amount, and quotes it',
    async (prefix, sentence) => {
      await page.goto(`${server.url}${prefix}search/?min=500万&max=1300万&sort=amount-asc`);
      await waitForResults();
      const first = page.locator('#search-results .result').first();
      expect(await first.locator('.result-title a').getAttribute('href')).toMatch(/#funding$/);
      expect(await first.locator('.result-excerpt').textContent()).toContain(sentence);
    },
  );

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
      document.querySelector('#search-status')?.textContent.includes('无法识别金额'),
    );
    expect(await resultSlugs()).toEqual([]);
  });
});

describe('without JavaScript', () => {
  it('says search needs JavaScript and links the full table, pre-sorted by amount', async () => {
    const context = await browser!.newContext({ javaScriptEnabled: false });
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

/** The first result's link, and the text of the section its #anchor lands on (that section's heading to the next). */
async function firstLanding(): Promise<{ slug: string; anchor: string; section: string }> {
  const href = await page.locator('#search-results .result-title a').first().getAttribute('href');
  const url = new URL(href!, server.url);
  const anchor = url.hash.slice(1);
  const target = await browser!.newPage();
  await target.goto(url.href);
  const section = await target.evaluate((id) => {
    const heading = document.getElementById(id);
    if (!heading) return '';
    // A heading (in its group with the section link) runs to the next heading; links added for citing are left out.
    const textOf = (el: Element) => {
      const copy = el.cloneNode(true) as Element;
      for (const ignored of copy.querySelectorAll('[data-pagefind-ignore]')) ignored.remove();
      return copy.textContent;
    };
    const start = heading.closest('.heading-group') ?? heading;
    let text = heading.textContent;
    for (
      let el = start.nextElementSibling;
      el && !el.matches('.heading-group, h1, h2, h3, h4, h5, h6');
      el = el.nextElementSibling
    )
      text += textOf(el);
    return text;
  }, anchor);
  await target.close();
  return { slug: url.pathname.split('/').at(-2)!, anchor, section };
}

describe('results land on the passage', () => {
  it.each([
    ['人脸', 'face-recognition-system'],
    ['看守所', 'case-handling-centre'],
  ])(
    '%s links to a section of %s whose text has it, and the excerpt is from there',
    async (query, slug) => {
      await search(query);
      const landing = await firstLanding();
      expect(landing.slug).toBe(slug);
      expect(landing.anchor).not.toBe('');
      expect(landing.section.replace(/\s/g, '')).toContain(query);
      const first = page.locator('#search-results .result').first();
      // The excerpt marks the query whole, as typed, not its characters one by one.
      expect(await first.locator('.result-excerpt mark').allTextContents()).toContain(query);
      const excerpt = (await first.locator('.result-excerpt').textContent())!.replace(/…/g, '');
      expect(landing.section.replace(/\s/g, '')).toContain(excerpt.replace(/\s/g, ''));
    },
  );

  it.each([
    // Each language's queries in a row, typed one after another on the open search page.
    ['1300万', 'zh', 'face-recognition-system', '1300万元（¥13,000,000）'],
    ['¥13,000,000', 'zh', 'face-recognition-system', '1300万元（¥13,000,000）'],
    ['2013万', 'zh', 'case-handling-centre', '2012.95万元（¥20,129,500）'],
    ['约2000万', 'zh', 'case-handling-centre', '2012.95万元（¥20,129,500）'],
    ['二千万', 'zh', 'case-handling-centre', '2012.95万元（¥20,129,500）'],
    // Round figures are round: 2000万 is "about twenty million" as 二千万 is.
    ['2000万', 'zh', 'case-handling-centre', '2012.95万元（¥20,129,500）'],
    ['13 million', 'en', 'face-recognition-system', '1300万元 (¥13,000,000)'],
    ['20.13 million', 'en', 'case-handling-centre', '2012.95万元 (¥20,129,500)'],
    ['20 million', 'en', 'case-handling-centre', '2012.95万元 (¥20,129,500)'],
  ] as const)(
    '%s (%s) finds %s, links to #funding and quotes the published figure, its yuan beside it',
    async (query, locale, slug, published) => {
      await search(query, locale);
      expect(await resultSlugs()).toEqual([slug]);
      const landing = await firstLanding();
      expect(landing.anchor).toBe('funding');
      const asked = await page.locator('#search-results .result-asked').first().textContent();
      expect(asked).toContain(query);
      expect(asked).toContain(published);
    },
  );

  it.each([
    ['2000万', 'zh', '（即1500万–2500万元）'],
    ['20 million', 'en', '(15–25 million)'],
  ] as const)(
    '%s (%s) says the range a rounded figure stood for: %s',
    async (query, locale, range) => {
      await search(query, locale);
      const asked = await page.locator('#search-results .result-asked').first().textContent();
      expect(asked).toContain(range);
    },
  );

  it('offers a rounded figure exactly (1300万 → 1300万元整), and that finds the figure to the yuan', async () => {
    await search('1300万');
    const offer = page.locator('#search-status a.search-exactly');
    expect(await offer.textContent()).toBe('只看“1300万元整”');
    await offer.click();
    await page.waitForURL(/q=1300%E4%B8%87%E5%85%83%E6%95%B4/);
    await waitForResults();
    expect(await resultSlugs()).toEqual(['face-recognition-system']);
    // Exact now: no range said, and nothing more to offer.
    expect(await page.locator('#search-results .result-asked').first().textContent()).not.toContain(
      '即',
    );
    expect(await page.locator('#search-status a.search-exactly').count()).toBe(0);
  });

  it('does not match an amount that does not round to the figure asked', async () => {
    await search('2012万');
    expect(await resultSlugs()).toEqual([]);
  });
});

describe('what a result set says', () => {
  it('gives the sum of the results’ published amounts by fiscal year, called a sum', async () => {
    await page.goto(`${server.url}search/?min=1000万`);
    await waitForResults();
    const status = await page.locator('#search-status').textContent();
    // 1300万元 + 2012.95万元, the two projects over 10 million.
    expect(status).toContain('共找到 2 个项目');
    expect(status).toContain('2020年度 3312.95万元（¥33,129,500）');
    expect(status).toContain('本站按年度计算');
    expect(status).not.toMatch(/公布|published as/);
    await page.goto(`${server.url}en/search/?min=1000万`);
    await waitForResults();
    expect(await page.locator('#search-status').textContent()).toContain(
      'FY2020 CNY 33.1295 million (¥33,129,500)',
    );
  });

  it('shows no English full stop after a Chinese heading in an excerpt', async () => {
    await page.goto(`${server.url}search/?year=2020`);
    await waitForResults();
    const excerpts = await page.locator('#search-results .result-excerpt').allTextContents();
    expect(excerpts.length).toBeGreaterThan(0);
    for (const excerpt of excerpts) expect(excerpt).not.toMatch(/\p{Script=Han}\s?\.(\s|$)/u);
  });

  it('on a 360 px phone, starts the first result on the first screen, the filters folded', async () => {
    const phone = await browser!.newPage({ viewport: { width: 360, height: 740 } });
    try {
      await phone.goto(`${server.url}search/`);
      await phone.getByLabel('关键词或金额').fill('人脸');
      await phone.keyboard.press('Enter');
      await phone.waitForSelector('#search-results .result');
      expect(
        await phone.locator('#search-filters').evaluate((el) => (el as HTMLDetailsElement).open),
      ).toBe(false);
      const box = await phone.locator('#search-results .result').first().boundingBox();
      expect(box!.y).toBeLessThan(740);
      // An address that sets a filter opens them: the reader sees what filtered the results.
      await phone.goto(`${server.url}search/?q=人脸&year=2020`);
      await phone.waitForSelector('#search-results .result');
      expect(
        await phone.locator('#search-filters').evaluate((el) => (el as HTMLDetailsElement).open),
      ).toBe(true);
      expect(await phone.getByLabel('年度').isVisible()).toBe(true);
    } finally {
      await phone.close();
    }
  });
});

describe('a site with no project yet', () => {
  const root = mkdtempSync(join(tmpdir(), 'search-empty-'));
  const dist = join(root, 'dist');
  let built: ReturnType<typeof astroBuild>;
  let empty: StaticServer | undefined;
  // The build in a hook: its time is the hook's (a busy machine may take a minute), not the test's.
  beforeAll(async () => {
    const content = join(root, 'content');
    mkdirSync(join(content, 'sources'), { recursive: true });
    built = astroBuild(dist, { env: { CONTENT_DIR: content, SITE_URL: TEST_SITE } });
    if (built.status === 0) empty = await serve(dist);
  });
  afterAll(async () => {
    await empty?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('builds no index, and its search page says there is nothing to search', async () => {
    expect(built.status, built.output).toBe(0);
    expect(built.output).toContain('no project page yet');
    expect(existsSync(join(dist, 'pagefind'))).toBe(false);
    await page.goto(`${empty!.url}search/?q=人脸`);
    await page.waitForFunction(() => document.querySelector('#search-status')?.textContent);
    expect(await page.locator('#search-status').textContent()).toBe(
      '本站尚未收录项目，暂无可搜索的内容。',
    );
  });
});

describe('links you can share', () => {
  it('the language switch carries the query and every filter', async () => {
    const query = 'q=1300%E4%B8%87&year=2020&withheld=no&min=500%E4%B8%87&sort=amount-desc';
    await page.goto(`${server.url}search/?${query}`);
    await waitForResults();
    await page.locator('a.language-switch').click();
    await page.waitForURL(/\/en\/search\//);
    await waitForResults();
    const params = new URL(page.url()).searchParams;
    expect(Object.fromEntries(params)).toEqual({
      q: '1300万',
      year: '2020',
      withheld: 'no',
      min: '500万',
      sort: 'amount-desc',
    });
    expect(await page.getByLabel('Words or amount').inputValue()).toBe('1300万');
    expect(await resultSlugs()).toEqual(['face-recognition-system']);
    expect(await page.getByLabel('Minimum amount').inputValue()).toBe('500万');
    expect(await page.getByLabel('Has withheld sections').inputValue()).toBe('no');
    expect(await page.getByLabel('Sort by').inputValue()).toBe('amount-desc');
  });

  it('a query with no result here, but results in the other language, offers that link', async () => {
    await page.goto(`${server.url}search/?q=camera`);
    await page.waitForFunction(() => !document.querySelector<HTMLElement>('#search-other')?.hidden);
    expect(await page.textContent('#search-status')).toBe('没有找到“camera”');
    const offer = page.locator('#search-other a');
    expect(new URL((await offer.getAttribute('href'))!, server.url).pathname).toBe('/en/search/');
    await offer.click();
    await waitForResults();
    expect(await resultSlugs()).toContain('face-recognition-system');
  });

  it('offers nothing where neither language has the query', async () => {
    await page.goto(`${server.url}search/?q=${encodeURIComponent('天网')}`);
    await page.waitForFunction(() =>
      /没有找到/.test(document.querySelector('#search-status')?.textContent ?? ''),
    );
    // The other-language check runs after the status; give it the time a reader would.
    await page.waitForTimeout(1000);
    expect(await page.locator('#search-other').isVisible()).toBe(false);
  });
});

describe('export', () => {
  const download = async (format: 'CSV' | 'JSON') => {
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('#search-export').getByRole('button', { name: format, exact: true }).click(),
    ]);
    return readFileSync(await file.path(), 'utf8');
  };

  it('downloads the results of min=1000万 as CSV with the columns of disclosures.csv, and as JSON', async () => {
    await page.goto(`${server.url}search/?min=1000%E4%B8%87`);
    await waitForResults();
    const csv = await download('CSV');
    const published = readFileSync(join(EXAMPLE_DIST, 'data', 'disclosures.csv'), 'utf8');
    const rows = parse<Record<string, string>>(csv, { bom: true, columns: true });
    const all = parse<Record<string, string>>(published, { bom: true, columns: true });
    expect(csv.split('\r\n')[0]).toBe(published.split('\r\n')[0]);
    const expected = all.filter((r) => Number(r.amount_yuan) >= 10_000_000);
    expect(rows.map((r) => [r.slug, Number(r.amount_yuan)]).sort()).toEqual(
      expected.map((r) => [r.slug, Number(r.amount_yuan)]).sort(),
    );
    expect(rows).toHaveLength(2);
    // Each row is the published row of that project, cell for cell.
    for (const row of rows) expect(row).toEqual(all.find((r) => r.id === row.id));
    const json = JSON.parse(await download('JSON')) as {
      count: number;
      projects: { id: string }[];
    };
    expect(json.count).toBe(2);
    expect(json.projects.map((p) => p.id).sort()).toEqual(rows.map((r) => r.id).sort());
  });
});

describe('what every search needs is preloaded', () => {
  it('fetches Pagefind’s entry, metadata and wasm once each, the ones the page preloads, and a word query no amount table', async () => {
    await page.goto(`${server.url}search/?q=${encodeURIComponent('人脸')}`);
    await waitForResults();
    const preloaded = await page.$$eval('link[rel="preload"], link[rel="modulepreload"]', (links) =>
      links.map((l) => (l as HTMLLinkElement).href),
    );
    // Every part of the index (by fiscal year): its entry and this language's metadata.
    const parts = ((await page.getAttribute('#search-form', 'data-pagefind-parts')) ?? '').split(
      ' ',
    );
    expect(parts.length).toBeGreaterThan(0);
    const paths = parts.map((ref) => ref.split(':')[0] ?? '');
    const first = paths[0] ?? '';
    const expected: unknown[] = [
      `/pagefind/${first}pagefind.js`,
      expect.stringMatching(new RegExp(`^/pagefind/${first}wasm\\.\\w+\\.pagefind$`)),
      ...paths.flatMap((path): unknown[] => [
        `/pagefind/${path}pagefind-entry.json`,
        expect.stringMatching(new RegExp(`^/pagefind/${path}pagefind\\.zh-cn_\\w+\\.pf_meta$`)),
      ]),
    ];
    expect(preloaded.map((href) => new URL(href).pathname)).toEqual(
      expect.arrayContaining(expected),
    );
    const fetched = await page.evaluate(() =>
      performance.getEntriesByType('resource').map((e) => e.name),
    );
    for (const href of preloaded)
      expect(
        fetched.filter((name) => name === href),
        href,
      ).toHaveLength(1);
    expect(fetched.filter((name) => name.includes('pagefind-entry.json'))).toHaveLength(
      parts.length,
    );
    // A word query's results carry their amounts in their own data: no table is preloaded or fetched.
    const tables = (names: string[]) =>
      names.filter((name) => /\/amounts\.[\w.-]+\.json$/.test(name));
    expect(tables(preloaded)).toEqual([]);
    expect(tables(fetched)).toEqual([]);
    // Its amount, quoted as printed with the yuan beside it, from the result's own data.
    expect(await page.locator('#search-results li .result-facts').first().textContent()).toMatch(
      /元（¥[\d,]+）/,
    );
    // A query about an amount fetches only the shards of the table that may hold it (here, a site
    // of a few projects: one per amount key), never the whole table.
    await page.evaluate(() => (document.querySelector('#search-status')!.textContent = ''));
    await page.fill('#search-q', '700万');
    await page.press('#search-q', 'Enter');
    await waitForResults();
    const resources = () =>
      page.evaluate(() =>
        performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname),
      );
    const afterAmount = tables(await resources());
    expect(afterAmount).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\/pagefind\/amounts\.zh-cn\.amount-\d+\.json$/),
        expect.stringMatching(/^\/pagefind\/amounts\.zh-cn\.estimate-\d+\.json$/),
      ]),
    );
    expect(afterAmount).not.toContain('/pagefind/amounts.zh-cn.json');
    // A list sorted by amount needs every project's: the whole table, once.
    await page.evaluate(() => (document.querySelector('#search-status')!.textContent = ''));
    await page.selectOption('#search-sort', 'amount-desc');
    await page.fill('#search-q', '');
    await page.press('#search-q', 'Enter');
    await waitForResults();
    expect(
      tables(await resources()).filter((path) => path === '/pagefind/amounts.zh-cn.json'),
    ).toHaveLength(1);
  });
});
