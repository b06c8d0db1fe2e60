import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { loadModel } from '../../src/check/check';
import { compactText, htmlPages as htmlPagesIn, page as pageIn } from '../support/dist';
import { EXAMPLE_CONTENT, EXAMPLE_DIST } from '../support/paths';
/** These tests check facts about the example publication: they read its build (tests/fixtures/example), whatever content/ holds. */
const page = (path: string) => pageIn(path, EXAMPLE_DIST);
const htmlPages = () => htmlPagesIn(EXAMPLE_DIST);

describe('home and publication page', () => {
  it.each([
    [
      '/ruili-psb/2020/',
      [
        '瑞丽市公安局部门2020年预算重点领域财政项目文本公开',
        '发布机关',
        '瑞丽市公安局',
        '2020年度',
        '数据来源',
        '内容更新',
        '2026-11-24',
      ],
    ],
    [
      '/en/ruili-psb/2020/',
      [
        'Ruili City Public Security Bureau',
        'Published by',
        'FY2020',
        'Source',
        'Content updated',
        '2026-11-24',
      ],
    ],
  ])(
    '%s says what this is, who publishes it, where the data comes from and when it changed',
    (path, phrases) => {
      const text = page(path)('main').text();
      for (const phrase of phrases) expect(text).toContain(phrase);
    },
  );

  it('draws the funding chart as static SVG whose figures are the table’s', () => {
    const $ = page('/ruili-psb/2020/');
    const chart = $('figure.funding-chart');
    expect(chart.find('svg')).toHaveLength(3);
    expect($('script:not([type="application/ld+json"])')).toHaveLength(0);
    const bars = chart
      .find('rect.chart-fill')
      .toArray()
      .map((r) => Number($(r).attr('width')));
    const chartShares = chart
      .find('.chart-share')
      .toArray()
      .map((s) => $(s).text().trim());
    const tableShares = $('table.projects tbody tr')
      .toArray()
      .map((row) => $(row).find('td').eq(2).text().trim());
    expect(chartShares).toEqual(['17.4%', '50.2%', '32.4%']);
    expect(tableShares).toEqual(chartShares);
    expect(bars).toEqual([17.4, 50.2, 32.4]);
    const values = chart
      .find('.chart-value')
      .toArray()
      .map((v) =>
        compactText(
          $,
          `figure.funding-chart li:nth-child(${$(v).closest('li').index() + 1}) .chart-value`,
        ),
      );
    expect(values).toEqual([
      '700万元（¥7,000,000）17.4%',
      '2012.95万元（¥20,129,500）50.2%',
      '1300万元（¥13,000,000）32.4%',
    ]);
    // The bars are decoration for the figures beside them, hidden from screen readers; the words carry the data.
    for (const svg of chart.find('svg').toArray()) expect($(svg).attr('aria-hidden')).toBe('true');
  });

  it('links to the data downloads and the original text', () => {
    const hrefs = page('/ruili-psb/2020/')('main a')
      .toArray()
      .map((a) => a.attribs.href);
    expect(hrefs).toEqual(
      expect.arrayContaining([
        '/data/disclosures.json',
        '/data/disclosures.csv',
        '/data/',
        '/ruili-psb/2020/source/',
      ]),
    );
  });
});

describe('the home page says each fact once', () => {
  it.each(['/', '/en/'])(
    '%s: key figures, then one line per publication linking to its page; no repeated summary, chart or table',
    async (path) => {
      const $ = page(path);
      const model = await loadModel(EXAMPLE_CONTENT);
      // Up to three publications are listed one per line; past that, the way in is by year.
      expect($('li[data-publication]').length).toBe(
        model.publications.length <= 3 ? model.publications.length : 0,
      );
      for (const publication of model.publications.slice(0, 3)) {
        const title =
          path === '/'
            ? publication.data.title
            : (publication.data.en?.title ?? publication.data.title);
        expect($('main').text().split(title).length - 1, title).toBe(1);
      }
      expect($('figure.funding-chart, table.projects').length).toBe(0);
      // The one total is the year's, in the table of key figures by year.
      expect($('[data-total]').length).toBe(model.years.length);
      expect($('table.years [data-total]').length).toBe(model.years.length);
    },
  );
});

describe('project page', () => {
  it('opens with a summary panel: amount in 万元 and yuan, source, period, units, withheld count (the basis is the section below)', () => {
    const $ = page('/ruili-psb/2020/face-recognition-system/');
    const summary = compactText($, '.summary');
    for (const part of [
      '1300万元（¥13,000,000）',
      '财政预算非税安排经费',
      '2020年度',
      '主管部门瑞丽市公安局',
      // The unit labelled as the text labels it (项目单位), as its section is.
      '项目单位瑞丽市公安局科信办',
      '16处中0处未公开',
    ]) {
      expect(summary).toContain(part);
    }
    expect(
      $('.summary + .project-body nav.toc a')
        .toArray()
        .map((a) => a.attribs.href)
        .slice(0, 4),
    ).toEqual(['#name', '#basis', '#implementing-unit', '#overview']);
  });

  it('labels the unit as the text does, in the summary as in the section, in both languages', () => {
    for (const [path, label, other] of [
      ['/ruili-psb/2020/face-recognition-system/', '项目单位', '实施单位'],
      ['/en/ruili-psb/2020/face-recognition-system/', 'Project unit', 'Implementing unit'],
    ] as const) {
      const summary = page(path)('.summary dt')
        .toArray()
        .map((dt) => page(path)(dt).text().trim());
      expect(summary, path).toContain(label);
      expect(summary, path).not.toContain(other);
    }
  });

  it('has breadcrumbs and previous/next links in published order', () => {
    const $ = page('/ruili-psb/2020/case-handling-centre/');
    expect(
      $('.breadcrumb a')
        .toArray()
        .map((a) => a.attribs.href),
    ).toEqual(['/', '/ruili-psb/', '/ruili-psb/2020/']);
    expect($('.breadcrumb [aria-current=page]').text()).toBe(
      '瑞丽市公安局执法办案中心（包括看守所铁桶工程项目）',
    );
    expect($('a[rel=prev]').attr('href')).toBe('/ruili-psb/2020/case-property-centre/');
    expect($('a[rel=next]').attr('href')).toBe('/ruili-psb/2020/face-recognition-system/');
  });
});

describe('throughout', () => {
  it('names the publisher and data source in the footer of a publication’s pages, with the date from the content; the site’s own pages name no department', () => {
    for (const path of htmlPages().filter((p) => p.includes('/ruili-psb/2020/'))) {
      const footer = page(path)('footer');
      expect(footer.text(), path).toMatch(/瑞丽市公安局|Ruili City Public Security Bureau/);
      expect(footer.find('time').attr('datetime'), path).toBe('2026-11-24');
    }
    for (const path of htmlPages().filter((p) => !p.includes('/ruili-psb/')))
      expect(page(path)('footer').text(), path).not.toMatch(
        /瑞丽市公安局|Ruili City Public Security Bureau/,
      );
  });

  it('marks the current page in the navigation', () => {
    expect(page('/data/')('nav a[aria-current=page]').attr('href')).toBe('/data/');
    expect(page('/en/search/')('nav a[aria-current=page]').attr('href')).toBe('/en/search/');
  });
});

describe('the first screen of a project page', () => {
  it('says what the money buys, in the words of 项目实施内容, or that the part is withheld', async () => {
    const model = await loadModel(EXAMPLE_CONTENT);
    expect(model.projects.length).toBeGreaterThan(0);
    for (const project of model.projects)
      for (const prefix of ['', '/en']) {
        const path = `${prefix}/${project.publication.data.departmentSlug}/${project.publication.data.fiscalYear}/${project.slug}/`;
        const $ = page(path);
        // The part and its subsections, in order: the first that says anything is what the summary says.
        const at = project.sections.findIndex((s) => s.id === 'content');
        const end = project.sections.findIndex((s, i) => i > at && s.level === 2);
        const first = project.sections
          .slice(at, end)
          .find((s) => s.withheld !== null || s.paragraphs.zh.length > 0)!;
        const buys = $('.summary [data-buys]');
        if (first.withheld) expect(buys.find('[data-withheld]').length, path).toBe(1);
        else
          expect(buys.text(), path).toBe(
            first.paragraphs[prefix && project.translation ? 'en' : 'zh'][0],
          );
      }
  });

  it('offers a citation with the page’s address, the version, its date and the original’s SHA-256, in its language', async () => {
    const model = await loadModel(EXAMPLE_CONTENT);
    const project = model.projects[0]!;
    const { sha256 } = project.publication.data.source;
    const zh = page(`/ruili-psb/2020/${project.slug}/`)('.cite [data-citation]').text();
    expect(zh).toContain(`/ruili-psb/2020/${project.slug}/`);
    expect(zh).toContain('第1版（发布日期未记录）');
    expect(zh).toContain(`原文 SHA-256：${sha256}`);
    const en = page(`/en/ruili-psb/2020/${project.slug}/`)('.cite [data-citation]').text();
    expect(en).toContain(`/en/ruili-psb/2020/${project.slug}/`);
    expect(en).toContain('version 1 (publication date not recorded)');
    expect(en).toContain(`SHA-256 of the original text ${sha256}`);
    expect(page(`/ruili-psb/2020/${project.slug}/`)('.cite summary').text()).toBe('引用本页');
  });
});

describe('page weight', () => {
  // 9 KB since the summary says what the money buys and the page offers its citation (docs/performance.md).
  it('keeps the face-recognition page within 9 KB gzip with the stylesheet it uses on screen, and no script', () => {
    const file = join(EXAMPLE_DIST, 'ruili-psb/2020/face-recognition-system/index.html');
    const html = readFileSync(file);
    const sheets = [
      ...html.toString().matchAll(/<link rel="stylesheet" href="\/([^"]+)"( media="print")?>/g),
    ];
    const screen = sheets.filter((m) => !m[2]).map((m) => m[1]!);
    expect(screen).toHaveLength(1);
    const gz = (bytes: Buffer) => gzipSync(bytes, { level: 9 }).length;
    const weight =
      gz(html) + screen.reduce((n, sheet) => n + gz(readFileSync(join(EXAMPLE_DIST, sheet))), 0);
    expect(weight).toBeLessThanOrEqual(9216);
    expect(html.toString()).not.toMatch(/<script(?![^>]*application\/ld\+json)/);
  });
});
