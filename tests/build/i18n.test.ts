import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { htmlPages as htmlPagesIn, page as pageIn } from '../support/dist';
import { EXAMPLE_CONTENT, EXAMPLE_DIST } from '../support/paths';
/** These tests check facts about the example publication: they read its build (tests/fixtures/example), whatever content/ holds. */
const page = (path: string) => pageIn(path, EXAMPLE_DIST);
const htmlPages = () => htmlPagesIn(EXAMPLE_DIST);

const SITE = 'https://example.org';
const pages = htmlPages().filter((p) => p !== '/404.html');
const zhPages = pages.filter((p) => !p.startsWith('/en/'));
const counterpart = (path: string) => (path.startsWith('/en/') ? path.slice(3) : `/en${path}`);

describe('bilingual site', () => {
  it('has an English counterpart for every Chinese page and the reverse', () => {
    expect(zhPages.length).toBeGreaterThan(5);
    for (const path of pages) expect(pages, path).toContain(counterpart(path));
  });

  it.each(pages)('%s: lang, language switch and hreflang pairs', (path) => {
    const $ = page(path);
    const isEn = path.startsWith('/en/');
    const zh = isEn ? counterpart(path) : path;
    const en = isEn ? path : counterpart(path);
    expect($('html').attr('lang')).toBe(isEn ? 'en' : 'zh-CN');
    expect($('a.language-switch').attr('href')).toBe(counterpart(path));
    expect($('link[rel="alternate"][hreflang="zh-CN"]').attr('href')).toBe(`${SITE}${zh}`);
    expect($('link[rel="alternate"][hreflang="en"]').attr('href')).toBe(`${SITE}${en}`);
    expect($('link[rel="alternate"][hreflang="x-default"]').attr('href')).toBe(`${SITE}${zh}`);
    expect($('link[rel="canonical"]').attr('href')).toBe(`${SITE}${path}`);
  });

  const projectPages = pages.filter((p) => page(p)('article.project').length > 0);
  it.each(projectPages)(
    '%s: every section heading links to the same section in the other language, which is there',
    (path) => {
      const $ = page(path);
      const other = page(counterpart(path));
      const headings = $('.heading-group > h2[id], .heading-group > h3[id]').toArray();
      expect(headings.length).toBeGreaterThan(5);
      for (const heading of headings) {
        const id = $(heading).attr('id')!;
        const link = $(heading).parent().find('a.section-language');
        expect(link.attr('href'), id).toBe(`${counterpart(path)}#${id}`);
        expect(link.attr('hreflang'), id).toBe(path.startsWith('/en/') ? 'zh-CN' : 'en');
        // Named by its language, described by the heading it follows.
        expect(link.attr('aria-describedby'), id).toBe(id);
        expect(other(`[id="${id}"]`).length, `${id} on ${counterpart(path)}`).toBe(1);
      }
    },
  );

  it.each(pages.filter((p) => p.startsWith('/en/')))(
    '%s: says its English is unofficial, where it comes from, and links the original',
    (path) => {
      const $ = page(path);
      const notice = $('.translation-notice');
      expect(notice.text()).toContain(
        'The English on this site is unofficial: a translator’s, or where marked, made by fixed rules',
      );
      expect(notice.find('a').attr('href')).toBe(counterpart(path));
    },
  );

  it('takes figures in English from the original: amounts follow the documented convention', () => {
    const $ = page('/en/ruili-psb/2020/case-property-centre/');
    expect($('.summary .amount').text().replace(/\s+/g, ' ').trim()).toBe(
      'CNY 7 million (¥7,000,000; published as 700万元)',
    );
    expect($('[data-total]').length).toBe(0);
    const home = page('/en/ruili-psb/2020/');
    // A sum the site computed is said to be one, never "published": no text prints 4012.95万元.
    expect(home('[data-total]').text().replace(/\s+/g, ' ').trim()).toBe(
      // In yuan where millions would need more than two decimals (the translation review's item).
      'CNY 40,129,500 (the sum of the published figures, computed by this site)',
    );
    expect(home('table.projects tbody tr').first().find('td').first().text()).toBe('700');
  });

  it('keeps document numbers in Chinese on English pages', () => {
    const $ = page('/en/ruili-psb/2020/face-recognition-system/');
    expect(
      $('.basis [lang="zh-CN"]')
        .toArray()
        .map((e) => $(e).text()),
    ).toEqual(expect.arrayContaining(['瑞政办发（2019）13号']));
  });
});

describe('anchors a journalist can cite', () => {
  it('gives every heading and every paragraph of a project the same id in both languages', () => {
    const all = JSON.parse(readFileSync(join(EXAMPLE_DIST, 'data/disclosures.json'), 'utf8')) as {
      projects: { url: { zh: string; en: string }; name: { en: string | null } }[];
    };
    for (const project of all.projects.filter((p) => p.name.en !== null)) {
      const ids = (url: string) => {
        const $ = page(new URL(url).pathname);
        return $('.sections [id]')
          .toArray()
          .map((e) => $(e).attr('id'));
      };
      const zh = ids(project.url.zh);
      expect(zh.length).toBeGreaterThan(0);
      expect(ids(project.url.en), project.url.en).toEqual(zh);
    }
  });

  it('anchors every paragraph as #<section>-p<n>, with a discreet link to itself', () => {
    for (const path of [
      '/ruili-psb/2020/face-recognition-system/',
      '/en/ruili-psb/2020/face-recognition-system/',
    ]) {
      const $ = page(path);
      const paragraph = $('#feasibility-p1');
      expect(paragraph.is('p'), path).toBe(true);
      const link = paragraph.find('a.passage-link');
      expect(link.attr('href')).toBe('#feasibility-p1');
      expect(link.attr('aria-label')).toMatch(/^(本段链接|Link to this paragraph)$/);
      // No text of its own (CSS draws the ¶): the paragraph's text is the publisher's alone.
      expect(link.text()).toBe('');
      // Fourth-level headings: the same id in both languages, not a slug of their words.
      expect(
        $('h4')
          .toArray()
          .map((e) => $(e).attr('id')),
      ).toEqual(['feasibility-h1', 'feasibility-h2']);
      expect($('#name-p1').text()).toMatch(/人脸识别系统建设项目|Face Recognition/i);
    }
  });
});

describe('the Terms page', () => {
  it('lists every term of content/glossary.yaml with its one English rendering', () => {
    const glossary = parse(readFileSync(join(EXAMPLE_CONTENT, 'glossary.yaml'), 'utf8')) as {
      terms: { zh: string; en: string }[];
    };
    for (const path of ['/terms/', '/en/terms/']) {
      const $ = page(path);
      const rows = $('tr[data-term]')
        .toArray()
        .map((row) => [$(row).find('th').text().trim(), $(row).find('td').first().text().trim()]);
      expect(rows, path).toEqual(glossary.terms.map((term) => [term.zh, term.en]));
    }
    expect(
      page('/en/ruili-psb/2020/').root().find('.translation-notice a[href="/en/terms/"]').length,
    ).toBe(1);
  });

  it('gives each note in the page’s language', () => {
    const glossary = parse(readFileSync(join(EXAMPLE_CONTENT, 'glossary.yaml'), 'utf8')) as {
      terms: { zh: string; note?: { zh: string; en: string } }[];
    };
    const noted = glossary.terms.filter((term) => term.note);
    expect(noted.length).toBeGreaterThan(0);
    for (const [path, locale] of [
      ['/terms/', 'zh'],
      ['/en/terms/', 'en'],
    ] as const) {
      const $ = page(path);
      for (const term of noted)
        expect($(`tr[data-term="${term.zh}"] td`).last().text().trim(), path).toBe(
          term.note![locale],
        );
    }
  });
});
