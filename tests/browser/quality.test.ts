import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch } from '../support/browser';
import { findLayoutProblems } from '../support/layout';
import { ARTIFACTS, DIST, EXAMPLE_DIST } from '../support/paths';
import { serveMounts, type StaticServer } from '../support/server';
import { samplePages } from '../support/site-pages';

/**
 * axe-core, served beside each site under test rather than injected as inline text: Chromium
 * keeps the compiled code of a script it fetched, so the 560 KB of axe is compiled once, not on
 * each of some fifty pages (injected inline it took 8.7 s of the axe test's page loads, served
 * 2.0 s, 2026-12-07). The path is outside any site's own (the sites are served at the root).
 */
const AXE_FOLDER = dirname(createRequire(import.meta.url).resolve('axe-core/axe.min.js'));
const AXE_BASE = '/.test-axe/';

/** A built site at the root, with axe-core at AXE_BASE on the same origin. */
async function serveWithAxe(dir: string): Promise<StaticServer> {
  const server = await serveMounts([
    { base: '/', dir },
    { base: AXE_BASE, dir: AXE_FOLDER },
  ]);
  return { ...server, url: `${server.origin}/` };
}
/** WCAG 2.2 A and AA, and the 2.0/2.1 rules they include. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
/** Screenshots for a person to look at; git-ignored. */
const SCREENSHOTS = join(ARTIFACTS, 'screenshots');
/** A project page of the example publication with withheld sections (tests/fixtures/example). */
const PROJECT = 'ruili-psb/2020/case-handling-centre/';

let server: StaticServer;
/** The example publication's site, for what these tests say about particular pages. */
let example: StaticServer;
let browser: Browser | undefined;
/** One page of each kind of view, in each language, of whatever content/ holds. */
let pages: string[];
beforeAll(async () => {
  server = await serveWithAxe(DIST);
  example = await serveWithAxe(EXAMPLE_DIST);
  browser = await launch();
  pages = samplePages(DIST);
});
afterAll(async () => {
  await browser?.close();
  await server.close();
  await example.close();
});

async function withPage<T>(
  options: Parameters<Browser['newContext']>[0],
  run: (page: Page, context: BrowserContext) => Promise<T>,
): Promise<T> {
  const context = await browser!.newContext(options);
  try {
    return await run(await context.newPage(), context);
  } finally {
    await context.close();
  }
}

interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string[] }[];
}

/** axe's violations on the page: of every WCAG 2.2 A and AA rule, or of those named. */
async function axeViolations(page: Page, rules?: string[]): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window)))
    await page.addScriptTag({ url: new URL(`${AXE_BASE}axe.min.js`, page.url()).href });
  const runOnly = rules ? { type: 'rule', values: rules } : { type: 'tag', values: WCAG_TAGS };
  const violations = await page.evaluate(
    async (only) =>
      (
        await (
          window as unknown as {
            axe: { run: (c: Document, o: object) => Promise<{ violations: unknown[] }> };
          }
        ).axe.run(document, { runOnly: only })
      ).violations,
    runOnly,
  );
  return (violations as AxeViolation[]).map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

/** A sample page as a reader with JavaScript sees it. */
interface Visit {
  /** The text of its <main>, read before axe runs. */
  main: string;
  /** axe's violations, the dark colour scheme's marked so. */
  violations: string[];
}

let visits: Promise<Map<string, Visit>> | undefined;
/**
 * For the two tests that read the visits: the first of them loads every sample page and runs axe
 * twice on each, minutes on a busy machine, not seconds.
 */
const VISITING = { timeout: 300_000 };
/**
 * Every sample page loaded once with JavaScript, for the two tests that need that (axe, and the
 * text a reader without JavaScript must also get): each load of every page costs a second.
 */
function visitWithJavaScript(): Promise<Map<string, Visit>> {
  // bypassCSP lets the test inject axe; the site's own policy forbids inline script, rightly.
  visits ??= withPage({ colorScheme: 'light', bypassCSP: true }, async (page) => {
    const seen = new Map<string, Visit>();
    for (const path of pages) {
      await page.goto(`${server.url}${path}`, {
        waitUntil: path.includes('search/') ? 'networkidle' : 'load',
      });
      const main = await page.locator('main').innerText();
      const light = await axeViolations(page);
      // The scheme changes colours only: in the dark one, contrast is what is checked again.
      await page.emulateMedia({ colorScheme: 'dark' });
      const dark = await axeViolations(page, ['color-contrast', 'link-in-text-block']);
      await page.emulateMedia({ colorScheme: 'light' });
      seen.set(path, { main, violations: [...light, ...dark.map((v) => `(dark) ${v}`)] });
    }
    return seen;
  });
  return visits;
}

describe('accessibility (axe-core, WCAG 2.2 A and AA)', () => {
  it(
    'finds no violation on a page of each kind, zh and en, in the light and the dark colour scheme',
    VISITING,
    async () => {
      const seen = await visitWithJavaScript();
      expect(seen.size).toBe(pages.length);
      const found = Object.fromEntries(
        [...seen]
          .filter(([, visit]) => visit.violations.length > 0)
          .map(([path, visit]) => [path, visit.violations]),
      );
      expect(found).toEqual({});
    },
  );

  it('finds no violation on the search page with results shown', async () => {
    await withPage({ bypassCSP: true }, async (page) => {
      await page.goto(`${example.url}search/?q=${encodeURIComponent('涉密')}`);
      await page.waitForSelector('#search-results .result');
      expect(await axeViolations(page)).toEqual([]);
    });
  });
});

describe('withheld markers for screen readers', () => {
  it('exposes each marker as a note that says what is withheld and why, in both languages', async () => {
    await withPage({}, async (page) => {
      await page.goto(`${example.url}${PROJECT}`);
      // The first section marker (the summary's says the part that would tell what the money buys is withheld).
      const zh = await page.locator('.sections [data-withheld]').first().ariaSnapshot();
      expect(zh).toMatch(
        /^- note:\n {2}- text: 项目可行性：\n {2}- strong: 涉密不宜公开\n {2}- link "为什么不公开？"/,
      );
      await page.goto(`${example.url}en/${PROJECT}`);
      const en = await page.locator('.sections [data-withheld]').first().ariaSnapshot();
      expect(en).toMatch(
        /^- note:\n {2}- text: Project feasibility —\n {2}- strong: "Withheld: classified; not suitable for disclosure"\n {2}- link "Why is this withheld\?"/,
      );
    });
  });
});

describe('paragraph links', () => {
  it('show their ¶ on hover, on keyboard focus and on the paragraph a link landed on, not after every paragraph', async () => {
    await withPage({ viewport: { width: 1280, height: 900 } }, async (page) => {
      await page.goto(`${example.url}${PROJECT}`);
      const link = page.locator('.sections p > a.passage-link').first();
      const opacity = () => link.evaluate((el) => getComputedStyle(el).opacity);
      await expect(opacity()).resolves.toBe('0');
      // Reachable by keyboard: it takes focus, and shows.
      await link.focus();
      await expect(link.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
      await expect(opacity()).resolves.toBe('1');
      await link.evaluate((el) => (el as HTMLElement).blur());
      await link.locator('..').hover();
      await expect(opacity()).resolves.toBe('1');
      // Landed on by its address, the paragraph shows its link.
      const id = await link.locator('..').getAttribute('id');
      await page.mouse.move(0, 0);
      await page.goto(`${example.url}${PROJECT}#${id!}`);
      await expect(opacity()).resolves.toBe('1');
    });
  });
});

describe('mobile (375 px wide)', () => {
  const phone = { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true };

  it('shows project tables as stacked cards: no sideways scroll, readable cells with their labels', async () => {
    await withPage(phone, async (page) => {
      for (const path of ['ruili-psb/2020/', 'en/ruili-psb/2020/', 'projects/']) {
        await page.goto(`${example.url}${path}`);
        const layout = await page.evaluate(() => {
          const table = document.querySelector('table.projects')!;
          const region = table.closest('.table-scroll')!;
          const cells = [...table.querySelectorAll('tbody td')];
          return {
            pageWidth: document.documentElement.scrollWidth,
            regionScrolls: region.scrollWidth > region.clientWidth,
            rowDisplay: getComputedStyle(table.querySelector('tbody tr')!).display,
            narrowest: Math.min(...cells.map((c) => c.getBoundingClientRect().width)),
            label: getComputedStyle(cells[0]!, '::before').content,
          };
        });
        expect(layout.pageWidth, path).toBeLessThanOrEqual(375);
        expect(layout.regionScrolls, path).toBe(false);
        expect(layout.rowDisplay, path).toBe('block');
        // A cell spans the card, so 实施单位 reads on one line instead of one character per line.
        expect(layout.narrowest, path).toBeGreaterThan(200);
        expect(layout.label, path).not.toBe('none');
      }
    });
  });

  it('folds the contents of a project page into a collapsed <details>, so the text starts sooner', async () => {
    await withPage(phone, async (page) => {
      await page.goto(`${example.url}${PROJECT}`);
      const contents = page.locator('nav.toc details');
      await expect(contents.isVisible()).resolves.toBe(true);
      await expect(contents.evaluate((d) => (d as HTMLDetailsElement).open)).resolves.toBe(false);
      await expect(contents.locator('a[href="#funding"]').isVisible()).resolves.toBe(false);
      await contents.locator('summary').click();
      await expect(contents.locator('a[href="#funding"]').isVisible()).resolves.toBe(true);
    });
    // On a wide screen the same list stays in view beside the text, nothing to unfold.
    await withPage({ viewport: { width: 1280, height: 900 } }, async (page) => {
      await page.goto(`${example.url}${PROJECT}`);
      await expect(page.locator('nav.toc a[href="#funding"]').isVisible()).resolves.toBe(true);
    });
  });
});

describe('mobile (360 px wide)', () => {
  it('never scrolls sideways, gives no table cell holding Chinese less than three characters’ width, and every control that is not a link inside a sentence is at least 24 × 24 px', async () => {
    await withPage(
      { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true },
      async (page) => {
        const problems: string[] = [];
        for (const path of pages) {
          await page.goto(`${server.url}${path}`);
          const width = await page.evaluate(() => document.documentElement.scrollWidth);
          if (width > 360) problems.push(`${path}: page is ${width}px wide`);
          const small = await page.$$eval(
            'a, button, input, select, textarea, summary',
            (elements) =>
              elements
                .filter((el) => {
                  const style = getComputedStyle(el);
                  if (
                    style.display === 'inline' ||
                    style.visibility === 'hidden' ||
                    el.closest('[hidden], .visually-hidden, .skip-link')
                  )
                    return false;
                  const box = el.getBoundingClientRect();
                  return box.width > 0 && (box.width < 24 || box.height < 24);
                })
                .map(
                  (el) =>
                    `${el.tagName.toLowerCase()} "${((el.textContent as string | null) ?? '').trim().slice(0, 30)}" ${Math.round(el.getBoundingClientRect().width)}×${Math.round(el.getBoundingClientRect().height)}`,
                ),
          );
          problems.push(...small.map((s) => `${path}: ${s}`));
          problems.push(
            ...(await findLayoutProblems(page, 360))
              .filter((p) => p.startsWith('cell'))
              .map((s) => `${path}: ${s}`),
          );
        }
        expect(problems).toEqual([]);
      },
    );
  });
});

describe('without JavaScript', () => {
  it(
    'reads every page but search completely: the same text as with JavaScript, and no script at all',
    VISITING,
    async () => {
      const withJs = await visitWithJavaScript();
      const read = pages.filter((p) => !p.includes('search/'));
      expect(read.length).toBeGreaterThan(0);
      // One browser page without JavaScript, reused for every address (a context per page was slow).
      await withPage({ javaScriptEnabled: false }, async (page) => {
        for (const path of read) {
          await page.goto(`${server.url}${path}`);
          const main = await page.locator('main').innerText();
          expect(main, path).toBe(withJs.get(path)!.main);
          expect(main.trim(), path).not.toBe('');
          const scripts = await page.locator('script:not([type="application/ld+json"])').count();
          expect(scripts, `${path} ships JavaScript`).toBe(0);
        }
      });
    },
  );
});

describe('print', () => {
  it('prints a project page without header or navigation, with link addresses, and withheld markers in black and white', async () => {
    await withPage({}, async (page) => {
      await page.goto(`${example.url}${PROJECT}`);
      await page.emulateMedia({ media: 'print' });
      const hidden = await page.$$eval(
        '.site-header, .toc, .pager, .breadcrumb, .section-language, .passage-link',
        (els) => els.map((el) => getComputedStyle(el).display),
      );
      expect(new Set(hidden)).toEqual(new Set(['none']));
      const after = await page.$eval(
        '.summary .source-link a',
        (a) => getComputedStyle(a, '::after').content,
      );
      expect(after).toContain('/ruili-psb/2020/source/');
      const markers = await page.$$eval('.sections [data-withheld]', (els) =>
        els.map((el) => {
          const style = getComputedStyle(el);
          return {
            color: style.color,
            border: `${style.borderTopStyle} ${style.borderTopWidth} ${style.borderTopColor}`,
            label: getComputedStyle(el.querySelector('.withheld-label')!).fontWeight,
          };
        }),
      );
      expect(markers).toHaveLength(4);
      for (const marker of markers)
        expect(marker).toEqual({
          color: 'rgb(0, 0, 0)',
          border: 'solid 2px rgb(0, 0, 0)',
          label: '700',
        });
      const pdf = await page.pdf({ format: 'A4' });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      mkdirSync(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: join(SCREENSHOTS, 'project-print.png'), fullPage: true });
    });
  });
});

describe('fonts and screenshots', () => {
  it('downloads no font: system stacks that name CJK faces', async () => {
    await withPage({}, async (page) => {
      const fontRequests: string[] = [];
      page.on('request', (request) => {
        if (request.resourceType() === 'font') fontRequests.push(request.url());
      });
      await page.goto(`${example.url}${PROJECT}`);
      const family = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
      expect(family).toMatch(/PingFang SC/);
      expect(family).toMatch(/Microsoft YaHei/);
      expect(family).toMatch(/Noto Sans CJK SC/);
      expect(await page.evaluate(() => document.fonts.size)).toBe(0);
      expect(fontRequests).toEqual([]);
    });
  });

  it('saves screenshots of home and a project page, zh and en, desktop and mobile', async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const shots = [
      ['home-zh', '', { width: 1280, height: 900 }],
      ['home-en', 'en/', { width: 1280, height: 900 }],
      ['project-zh', PROJECT, { width: 1280, height: 900 }],
      ['project-en', `en/${PROJECT}`, { width: 1280, height: 900 }],
      ['home-zh-mobile', '', { width: 360, height: 740 }],
      ['project-zh-mobile', PROJECT, { width: 360, height: 740 }],
      ['project-en-mobile', `en/${PROJECT}`, { width: 360, height: 740 }],
      ['project-zh-dark', PROJECT, { width: 1280, height: 900 }],
    ] as const;
    const schemeOf = (name: string) => (name.endsWith('dark') ? 'dark' : 'light');
    // One browser page for each viewport and colour scheme, not one for each shot.
    const groups = Map.groupBy(
      shots,
      ([name, , viewport]) => `${viewport.width} ${schemeOf(name)}`,
    );
    for (const group of groups.values()) {
      const [name, , viewport] = group[0]!;
      await withPage({ viewport, colorScheme: schemeOf(name) }, async (page) => {
        for (const [shot, path] of group) {
          await page.goto(`${example.url}${path}`);
          const file = join(SCREENSHOTS, `${shot}.png`);
          await page.screenshot({ path: file, fullPage: true });
          expect(readFileSync(file).subarray(1, 4).toString()).toBe('PNG');
        }
      });
    }
  });
});
