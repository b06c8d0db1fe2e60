import { readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as cheerio from 'cheerio';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatWan, formatYuan, formatMillionsEn, groupDigits } from '../../src/domain/amount';
import { generateContent } from '../../src/generate/synthetic';
import { serveSite } from '../../scripts/serve-site';
import { astroBuild } from '../support/astro';
import { launch } from '../support/browser';
import { findLayoutProblems } from '../support/layout';
import { TEST_SITE } from '../support/paths';
import { Sandbox } from '../support/sandbox';

/**
 * A portal of two departments over two fiscal years (generated content), built
 * as a finance bureau would publish it: the site names no department as its
 * own, totals are by fiscal year and never across years, and each department
 * has its page, its years side by side, and its CSV.
 */
describe('a portal of many departments and years', () => {
  const sandbox = new Sandbox();
  const content = join(sandbox.dir, 'content');
  const dist = join(sandbox.dir, 'out');
  let built: ReturnType<typeof astroBuild>;
  /** The project whose name the 2024 text repeats from 2025. */
  const recurring = { department: '', name: '', slug2025: '', slug2024: '' };

  beforeAll(() => {
    rmSync(content, { recursive: true });
    const files = generateContent({ count: 12, seed: 3, perPublication: 3, years: 2 });
    for (const [path, text] of files) {
      mkdirSync(dirname(join(content, path)), { recursive: true });
      writeFileSync(join(content, path), text);
    }
    // The same project in both years of one department, under the same name.
    const department = readdirSync(content).find((d) => d.startsWith('synth-'))!;
    const read = (year: number) =>
      readdirSync(join(content, department, String(year), 'zh')).sort()[0]!;
    const [first, second] = [read(2025), read(2024)];
    const nameOf = (path: string) => /^name: (.*)$/m.exec(readFileSync(path, 'utf8'))![1]!;
    const name = nameOf(join(content, department, '2025/zh', first));
    for (const locale of ['zh', 'en']) {
      const source = join(content, department, '2025', locale, first);
      const target = join(content, department, '2024', locale, second);
      const sourceName = /^name: (.*)$/m.exec(readFileSync(source, 'utf8'))![1]!;
      writeFileSync(
        target,
        readFileSync(target, 'utf8').replace(/^name: .*$/m, () => `name: ${sourceName}`),
      );
    }
    Object.assign(recurring, {
      department,
      name,
      slug2025: first.slice(0, -3),
      slug2024: second.slice(0, -3),
    });
    built = astroBuild(dist, { cwd: sandbox.dir, env: { SITE_URL: TEST_SITE, BASE_PATH: '' } });
  }, 300_000);
  afterAll(() => sandbox.remove());

  const page = (path: string) => cheerio.load(readFileSync(join(dist, path, 'index.html'), 'utf8'));
  const data = () =>
    JSON.parse(readFileSync(join(dist, 'data/disclosures.json'), 'utf8')) as {
      totalsByYear: { fiscalYear: number; totalYuan: number; projects: number }[];
      publications: { slug: string; totalYuan: number }[];
      projects: {
        id: string;
        publication: string;
        fiscalYear: number;
        department: { zh: string; en: string | null };
        amount: { yuan?: number };
      }[];
    };

  it('builds, audited', () => {
    expect(built.status, built.output).toBe(0);
    expect(built.report.audit?.projects).toBe(12);
  });

  it('names no department on the site’s own pages: the operator runs the site, each publication names its publisher', () => {
    const departments = ['合成市', 'Synthetic City'];
    for (const path of [
      '',
      'en',
      'projects',
      'search',
      'data',
      'about',
      'terms',
      'changes',
      'withheld',
      'years/2025',
    ]) {
      const footer = page(path)('.site-footer').text();
      for (const name of departments) expect(footer, `/${path}`).not.toContain(name);
    }
    const notFound = cheerio.load(readFileSync(join(dist, '404.html'), 'utf8'));
    for (const name of departments) expect(notFound('.site-footer').text()).not.toContain(name);
    // A publication's own page does.
    const publication = data().publications[0]!;
    expect(page(publication.slug.replace(/-(\d{4})$/, '/$1'))('.site-footer').text()).toMatch(
      /发布机关：合成市/,
    );
  });

  it('totals by fiscal year, and never adds years together: home, listings, data or feeds', () => {
    const file = data();
    const byYear = new Map<number, number>();
    for (const project of file.projects)
      byYear.set(
        project.fiscalYear,
        (byYear.get(project.fiscalYear) ?? 0) + (project.amount.yuan ?? 0),
      );
    expect(file.totalsByYear.map((y) => [y.fiscalYear, y.totalYuan])).toEqual(
      [...byYear].sort((a, b) => b[0] - a[0]),
    );
    const acrossYears = [...byYear.values()].reduce((a, b) => a + b, 0);
    const forms = [
      formatWan(acrossYears),
      formatYuan(acrossYears),
      formatMillionsEn(acrossYears),
      String(acrossYears),
    ];
    const home = page('');
    expect(home('table.years tbody tr').length).toBe(2);
    for (const [year, total] of byYear)
      expect(home(`tr[data-year="${year}"] [data-total]`).text()).toContain(formatYuan(total));
    const surfaces = {
      home: home.html(),
      homeEn: page('en').html(),
      projects: page('projects').html(),
      projectsEn: page('en/projects').html(),
      json: readFileSync(join(dist, 'data/disclosures.json'), 'utf8'),
      index: readFileSync(join(dist, 'data/index.json'), 'utf8'),
      feed: readFileSync(join(dist, 'feed.xml'), 'utf8'),
      feedEn: readFileSync(join(dist, 'en/feed.xml'), 'utf8'),
      data: page('data').html(),
      dataEn: page('en/data').html(),
      totals: readFileSync(join(dist, 'data/totals.csv'), 'utf8'),
    };
    for (const [surface, text] of Object.entries(surfaces))
      for (const form of forms) expect(text.includes(form), `${surface} holds ${form}`).toBe(false);
  });

  it('breaks every project down by department and fiscal year on the data page and in data/totals.csv', () => {
    const expected = new Map<string, { projects: number; total: number; withheld: number }>();
    for (const project of data().projects) {
      const key = `${project.fiscalYear},${project.department.zh}`;
      const row = expected.get(key) ?? { projects: 0, total: 0, withheld: 0 };
      row.projects += 1;
      if (project.amount.yuan === undefined) row.withheld += 1;
      else row.total += project.amount.yuan;
      expected.set(key, row);
    }
    expect(expected.size).toBeGreaterThanOrEqual(4);
    const rows = parse<Record<string, string>>(
      readFileSync(join(dist, 'data/totals.csv'), 'utf8'),
      { columns: true, bom: true },
    );
    expect(
      new Map(
        rows.map((r) => [
          `${r.fiscal_year ?? ''},${r.department ?? ''}`,
          {
            projects: Number(r.projects),
            total: Number(r.total_yuan_computed),
            withheld: Number(r.amounts_withheld),
          },
        ]),
      ),
    ).toEqual(expected);
    // Newest year first, as every list of years on the site.
    const years = rows.map((r) => Number(r.fiscal_year));
    expect(years).toEqual([...years].sort((a, b) => b - a));
    for (const path of ['data', 'en/data']) {
      const $ = page(path);
      const cells = $('table.totals tbody tr')
        .toArray()
        .map((tr) =>
          $(tr)
            .find('td')
            .toArray()
            .map((td) => $(td).text().trim()),
        );
      expect(cells, path).toHaveLength(rows.length);
      rows.forEach((row, i) => {
        expect(cells[i]![2], path).toBe(row.projects);
        expect(cells[i]![3], path).toBe(formatYuan(Number(row.total_yuan_computed)));
      });
      expect($('a[data-download="totals"]').attr('href'), path).toBe('/data/totals.csv');
      // A computed sum, said so.
      expect($('#totals ~ p.note').first().text(), path).toMatch(/本站.*计算|this site’s sums/);
    }
  });

  it('calls a computed total a sum of the published figures, never “published”', () => {
    const en = page('en')('[data-total]').first().text();
    expect(en).toContain('the sum of the published figures');
    expect(en).not.toContain('published as');
    expect(page('')('[data-total]').first().text()).toContain('各项目公开金额之和');
  });

  it('gives each department a page in both languages: its years side by side, the change from the year before, its recurring projects, its CSV', () => {
    const file = data();
    const { department } = recurring;
    for (const prefix of ['', 'en/']) {
      const $ = page(`${prefix}${department}`);
      const rows = $('table.years tbody tr');
      expect(rows.length).toBe(2);
      const total = (year: number) =>
        file.publications.find((p) => p.slug === `${department}-${year}`)!.totalYuan;
      // In yuan, grouped, in either language (¥24,784,400; CNY 24,784,400).
      expect($('tr[data-year="2025"]').text()).toContain(groupDigits(total(2025)));
      expect(Number($('tr[data-year="2025"] [data-change]').attr('data-change'))).toBe(
        total(2025) - total(2024),
      );
      expect($('tr[data-year="2024"] [data-change]').attr('data-change')).toBe('');
      const links = $('[data-recurring] a')
        .toArray()
        .map((a) => $(a).attr('href'));
      expect(links).toEqual([
        `/${prefix}${department}/2024/${recurring.slug2024}/`,
        `/${prefix}${department}/2025/${recurring.slug2025}/`,
      ]);
    }
    const rows = parse<Record<string, string>>(
      readFileSync(join(dist, `data/${department}/projects.csv`), 'utf8'),
      { bom: true, columns: true },
    );
    expect(rows.map((r) => r.id).sort()).toEqual(
      file.projects
        .filter((p) => p.id.startsWith(`${department}-`))
        .map((p) => p.id)
        .sort(),
    );
    expect(rows.length).toBe(6);
  });

  it('repeats no heading in the listings', () => {
    for (const path of ['projects', 'en/projects']) {
      const $ = page(path);
      const headings = new Set(
        $('h2')
          .toArray()
          .map((h) => $(h).text().trim()),
      );
      for (const caption of $('caption').toArray())
        expect(headings.has($(caption).text().trim()), `${path}: ${$(caption).text()}`).toBe(false);
    }
  });

  it('reads on a phone and on a desktop: no page scrolls sideways, no cell holding Chinese is narrower than three characters', async () => {
    const departments = readdirSync(content).filter((d) => d.startsWith('synth-'));
    expect(departments.length).toBeGreaterThanOrEqual(2);
    const paths = [
      '',
      'projects/',
      'years/2025/',
      'years/2024/',
      ...departments.flatMap((d) => [`${d}/`, `${d}/2025/`]),
    ].flatMap((path) => [path, `en/${path}`]);
    const browser = await launch();
    const served = await serveSite(dist);
    try {
      const problems: string[] = [];
      for (const width of [375, 1280]) {
        const tab = await browser.newPage({ viewport: { width, height: 800 } });
        for (const path of paths) {
          await tab.goto(new URL(path, served.url).href);
          problems.push(
            ...(await findLayoutProblems(tab, width)).map((p) => `/${path} at ${width}px: ${p}`),
          );
        }
        await tab.close();
      }
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
      await served.close();
    }
  });
});
