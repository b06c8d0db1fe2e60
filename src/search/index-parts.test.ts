import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, matchesGlob } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildIndexParts, languageGlob, MAX_PARTS, planIndexParts } from './index-parts';

describe('languageGlob', () => {
  // Project pages only (<department>/<year>/<project>/): listings, feeds and the other pages
  // would be parsed, then dropped, and add their words to the index.
  const matched = (locale: 'zh' | 'en', paths: string[]) =>
    paths.filter((path) => matchesGlob(path, languageGlob(locale)));

  it('takes every project page of its language and nothing else', () => {
    const zh = [
      'ruili-psb/2020/face-recognition-system/index.html',
      'energy/2021/grid/index.html',
      'e/2021/s/index.html',
      'ens/2021/sources/index.html',
    ];
    const en = zh.map((path) => `en/${path}`);
    const others = [
      'index.html',
      'ruili-psb/index.html',
      'ruili-psb/2020/index.html',
      'ruili-psb/2020/source/index.html',
      'ruili-psb/2020/face-recognition-system/v1/index.html',
      'projects/page/2/index.html',
      'years/2020/index.html',
      'search/index.html',
    ];
    const all = [...zh, ...en, ...others, ...others.map((path) => `en/${path}`)];
    expect(matched('zh', all)).toEqual(zh);
    expect(matched('en', all)).toEqual(en);
  });

  it('with years, takes only those years’ project pages', () => {
    const paths = ['a/2015/p/index.html', 'a/2025/p/index.html', 'a/2016/p/index.html'];
    const inYears = (years: number[]) =>
      paths.filter((path) => matchesGlob(path, languageGlob('zh', years)));
    expect(inYears([2025])).toEqual(['a/2025/p/index.html']);
    expect(inYears([2025, 2015])).toEqual(['a/2015/p/index.html', 'a/2025/p/index.html']);
    expect(
      paths
        .map((path) => `en/${path}`)
        .filter((path) => matchesGlob(path, languageGlob('en', [2016]))),
    ).toEqual(['en/a/2016/p/index.html']);
  });
});

describe('planIndexParts', () => {
  const page = (fiscalYear: number, slug: string) => ({
    fiscalYear,
    files: {
      zh: `d/${fiscalYear}/${slug}/index.html`,
      en: `en/d/${fiscalYear}/${slug}/index.html`,
    },
  });

  it('makes one part per fiscal year, newest first, each with its pages in both languages', () => {
    const parts = planIndexParts(
      [page(2020, 'a'), page(2021, 'b'), page(2020, 'c')],
      'fiscal-year',
    );
    expect(parts).toEqual([
      {
        name: '2021',
        years: [2021],
        pages: { zh: ['d/2021/b/index.html'], en: ['en/d/2021/b/index.html'] },
      },
      {
        name: '2020',
        years: [2020],
        pages: {
          zh: ['d/2020/a/index.html', 'd/2020/c/index.html'],
          en: ['en/d/2020/a/index.html', 'en/d/2020/c/index.html'],
        },
      },
    ]);
  });

  it('makes no more than MAX_PARTS parts: years ending in the same digit share one', () => {
    const years = Array.from({ length: 30 }, (_, i) => 2025 - i);
    const parts = planIndexParts(
      years.map((year) => page(year, 'p')),
      'fiscal-year',
    );
    expect(parts).toHaveLength(MAX_PARTS);
    expect(parts[0]).toMatchObject({ name: '2025-2015-2005', years: [2025, 2015, 2005] });
    expect(parts.at(-1)).toMatchObject({ name: '2016-2006-1996' });
    // Every page in exactly one part.
    expect(parts.flatMap((p) => p.pages.zh).sort()).toEqual(
      years.map((y) => `d/${y}/p/index.html`).sort(),
    );
    for (const part of parts) expect(new Set(part.years!.map((y) => y % 10)).size).toBe(1);
  });

  it('puts every page in one part when asked (the benchmark’s comparison)', () => {
    const parts = planIndexParts([page(2020, 'a'), page(2021, 'b')], 'one');
    expect(parts).toEqual([
      {
        name: 'all',
        years: null,
        pages: {
          zh: ['d/2020/a/index.html', 'd/2021/b/index.html'],
          en: ['en/d/2020/a/index.html', 'en/d/2021/b/index.html'],
        },
      },
    ]);
  });
});

describe('buildIndexParts', () => {
  const root = mkdtempSync(join(tmpdir(), 'index-parts-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('refuses a language whose pages include one in another language, and keeps nothing of it', async () => {
    const site = join(root, 'site');
    const page = (lang: string, title: string) =>
      `<!doctype html><html lang="${lang}"><head><title>${title}</title></head><body><main data-pagefind-body><h1>${title}</h1><p>本年度预算安排为700万元。</p></main></body></html>`;
    // A Chinese project's page, and a page below a Chinese project's address that says it is English.
    const pages: Record<string, string> = {
      'd/2020/a/index.html': page('zh-CN', '执法办案中心'),
      'd/2020/b/index.html': page('en', 'Case-handling centre'),
      'en/d/2020/a/index.html': page('en', 'Case-handling centre'),
    };
    for (const [path, html] of Object.entries(pages)) {
      mkdirSync(dirname(join(site, path)), { recursive: true });
      writeFileSync(join(site, path), html);
    }
    const cache = join(root, 'cache');
    const [part] = planIndexParts(
      [{ fiscalYear: 2020, files: { zh: 'd/2020/a/index.html', en: 'en/d/2020/a/index.html' } }],
      'one',
    );
    await expect(buildIndexParts(site, [part!], cache)).rejects.toThrow(
      /^pagefind: the zh project pages of all include pages in en /,
    );
    expect(readdirSync(cache)).toEqual([]);
  });
});
