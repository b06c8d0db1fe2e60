import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateContent, writeContent } from '../../src/generate/synthetic';
import { astroBuild } from '../support/astro';
import { htmlPages, page } from '../support/dist';
import { ARTIFACTS, TEST_SITE } from '../support/paths';

/**
 * 50 generated disclosures in 25 publications (3 departments, 10 years), listed
 * 20 to a page, built like the real site: proves the generator and the
 * pagination, and takes the "large site" branches of the home and data pages.
 */
const COUNT = 50;
const PER_PUBLICATION = 2;
const PAGE_SIZE = 20;
const DIST = join(ARTIFACTS, 'dist-scale');
let content: string;

beforeAll(() => {
  content = mkdtempSync(join(tmpdir(), 'scale-content-'));
  writeContent(content, generateContent({ count: COUNT, perPublication: PER_PUBLICATION }));
  rmSync(DIST, { recursive: true, force: true });
  const result = astroBuild(DIST, {
    env: {
      CONTENT_DIR: content,
      LISTING_PAGE_SIZE: String(PAGE_SIZE),
      BASE_PATH: '',
      SITE_URL: TEST_SITE,
    },
  });
  if (result.status !== 0) throw new Error(result.output);
}, 300_000);
afterAll(() => {
  rmSync(content, { recursive: true, force: true });
  rmSync(DIST, { recursive: true, force: true });
});

const rowsOf = (path: string) => {
  const $ = page(path, DIST);
  return $('table.projects tbody tr')
    .toArray()
    .map((tr) => ({
      href: $(tr).find('th a').attr('href')!,
      yuan: Number($(tr).find('td.num').eq(1).text().replace(/[¥,]/g, '')),
    }));
};

describe(`a site of ${COUNT} generated disclosures`, () => {
  it('builds every project page in both languages', () => {
    const projectPages = htmlPages(DIST).filter((p) => /\/p\d{3}\/$/.test(p));
    expect(projectPages).toHaveLength(COUNT * 2);
  });

  it.each(['', 'amount-desc/', 'amount-asc/'])(
    'splits /projects/%s into pages of %i that together list every project once',
    (order) => {
      const pages = [
        `/projects/${order}`,
        `/projects/${order}page/2/`,
        `/projects/${order}page/3/`,
      ];
      expect(
        htmlPages(DIST).filter(
          (p) => p.startsWith(`/projects/${order}`) && (order || !/amount/.test(p)),
        ),
      ).toEqual([...pages].sort());
      const rows = pages.map(rowsOf);
      expect(rows.map((r) => r.length)).toEqual([20, 20, 10]);
      const all = rows.flat();
      expect(new Set(all.map((r) => r.href)).size).toBe(COUNT);
      if (order === 'amount-desc/')
        expect(all.map((r) => r.yuan)).toEqual([...all.map((r) => r.yuan)].sort((a, b) => b - a));
      if (order === 'amount-asc/')
        expect(all.map((r) => r.yuan)).toEqual([...all.map((r) => r.yuan)].sort((a, b) => a - b));
      const $ = page(pages[1]!, DIST);
      expect($('.listing-pager a[rel=prev]').attr('href')).toBe(pages[0]);
      expect($('.listing-pager a[rel=next]').attr('href')).toBe(pages[2]);
      expect($('.listing-pager [aria-current=page]').text()).toBe('2');
    },
  );

  it('groups the published-order listing by year, then department', () => {
    const headings = [1, 2, 3].flatMap((n) => {
      const $ = page(n === 1 ? '/projects/' : `/projects/page/${n}/`, DIST);
      return $('main h2')
        .toArray()
        .map((h) => $(h).text());
    });
    expect(headings.slice(0, 4)).toEqual([
      '2025年度 · 合成市教育局',
      '2025年度 · 合成市卫生健康局',
      '2025年度 · 合成市交通运输局',
      '2024年度 · 合成市教育局',
    ]);
    const years = headings.map((h) => Number(h.slice(0, 4)));
    expect(years).toEqual([...years].sort((a, b) => b - a));
    // A group split across two pages is headed again on the next one; otherwise each publication appears once.
    expect(new Set(headings).size).toBeGreaterThanOrEqual(25);
  });

  it('shows a large site by year on the home page, and each year with its departments and originals', () => {
    const $ = page('/', DIST);
    expect($('section.publication')).toHaveLength(0);
    expect(
      $('table.years tbody tr')
        .toArray()
        .map((tr) => $(tr).attr('data-year')),
    ).toEqual(['2025', '2024', '2023', '2022', '2021', '2020', '2019', '2018', '2017', '2016']);
    const year = page('/years/2024/', DIST);
    expect(year('table.publications tbody tr')).toHaveLength(3);
    expect(year('[data-sha256]')).toHaveLength(3);
    const data = page('/data/', DIST);
    expect(data('[data-sha256]')).toHaveLength(0);
    expect(data('main a[href="/years/2016/"]')).toHaveLength(1);
  });

  it('keeps every listing page and the home page small', () => {
    for (const path of htmlPages(DIST).filter((p) => !/\/p\d{3}\/$/.test(p))) {
      const bytes = readFileSync(
        join(DIST, path.endsWith('/') ? `${path}index.html` : path),
      ).length;
      expect(bytes, path).toBeLessThan(100_000);
    }
  });
});
