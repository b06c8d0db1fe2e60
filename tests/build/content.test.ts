import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CheerioAPI } from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadModel } from '../../src/check/check';
import { readSettings } from '../../src/config';
import { formatYuan } from '../../src/domain/amount';
import { stripEnumeration } from '../../src/domain/enumeration';
import { localePrefix, paths } from '../../src/domain/urls';
import { enumerationOf } from '../../src/importer/headings';
import { splitProjects } from '../../src/importer/parse';
import { withheldReasonOfText } from '../../src/domain/withheld-reasons';
import type { Model, Project } from '../../src/model/types';
import { compactText, htmlPages, page } from '../support/dist';
import { DIST, ROOT, TEST_SITE } from '../support/paths';

/**
 * The site built from whatever content/ holds (the example, a bureau's own
 * texts, or none yet) shows all of it and only it: every line of every
 * original text on its pages, every withheld marker where the content puts
 * one, totals that are the sum of the published amounts, the same anchors in
 * both languages, and a page in each language for every page. Facts about the
 * example publication itself are tested on a copy of it (EXAMPLE_DIST).
 */
const CONTENT = join(ROOT, 'content');
/**
 * Whether content/ holds any project. A site starting without the example has none: the tests
 * that check each project are then skipped, and say so, rather than pass having checked nothing.
 */
const HAS_PROJECTS = readdirSync(CONTENT, { recursive: true }).some((path) =>
  /^[^/]+\/[^/]+\/zh\/[^/]+\.md$/.test(String(path).split('\\').join('/')),
);
const eachProject = it.skipIf(!HAS_PROJECTS);
let model: Model;
beforeAll(async () => {
  model = await loadModel(CONTENT);
});

const projectPath = (project: Project, locale: 'zh' | 'en') =>
  `/${localePrefix(locale)}${paths.project(project.publication.data, project.slug)}`;
const pending = (project: Project) => project.translation === null;

/** Each withheld marker of a page's sections, with the id of the section it stands in. */
function markersOf($: CheerioAPI): string[] {
  const found: string[] = [];
  let section = '';
  $('.sections')
    .find('h2[id], h3[id], [data-withheld]')
    .each((_, element) => {
      const el = $(element);
      if (el.is('h2, h3')) section = el.attr('id')!;
      else found.push(`#${section}:${el.attr('data-withheld')!}`);
    });
  return found.sort();
}

/**
 * A line of the text as a page shows it, spaces removed: without its
 * numbering (一、, （1） 、…), which part headings leave to the site's own
 * titles; a withheld phrase (涉密不宜公开, （涉密不宜公开）…) is the marker, so
 * only the words before it are the text's.
 */
function readableLine(line: string): string {
  const compact = line.trim().replace(/\s+/g, '');
  const rest = stripEnumeration(compact.slice(enumerationOf(compact)?.length ?? 0));
  const [before, after] = rest.split(/[:：](?=[^:：]*$)/u);
  if (withheldReasonOfText(rest.normalize('NFKC')) !== null) return '';
  if (after !== undefined && withheldReasonOfText(after.normalize('NFKC')) !== null) return before!;
  return rest;
}

describe('the site of whatever content/ holds', () => {
  it('builds the pages it should and no others', () => {
    const listingPages = Math.max(
      1,
      Math.ceil(model.projects.length / readSettings().listingPageSize),
    );
    const expected = [
      '',
      'withheld/',
      'search/',
      'data/',
      'about/',
      'terms/',
      'changes/',
      ...['', 'amount-asc/', 'amount-desc/'].flatMap((order) =>
        Array.from(
          { length: listingPages },
          (_, i) => `projects/${order}${i ? `page/${i + 1}/` : ''}`,
        ),
      ),
      ...model.years.map(({ year }) => `years/${year}/`),
      ...model.departments.map((d) => paths.department(d.slug)),
      ...model.publications.flatMap(({ data, projects }) => [
        paths.publication(data),
        paths.sourceText(data),
        ...projects.map((p) => paths.project(data, p.slug)),
      ]),
    ];
    expect(htmlPages().filter((p) => p !== '/404.html')).toEqual(
      expected.flatMap((p) => [`/${p}`, `/en/${p}`]).sort(),
    );
  });

  eachProject(
    'carries every line of each original text on its Chinese pages, the title on its publication page',
    () => {
      for (const publication of model.publications) {
        const { file } = publication.data.source;
        const source = readFileSync(join(CONTENT, 'sources', file), 'utf8');
        expect(readFileSync(join(DIST, 'sources', file))).toEqual(
          readFileSync(join(CONTENT, 'sources', file)),
        );
        const title = source
          .split('\n')
          .find((line) => line.trim())!
          .trim();
        expect(compactText(page(`/${paths.publication(publication.data)}`))).toContain(
          title.replace(/\s+/g, ''),
        );
        const pages = publication.projects.map((p) =>
          compactText(page(projectPath(p, 'zh')), '.sections'),
        );
        // A text in the template: each project's lines on that project's page. Any other text: each line on one of them.
        const split = (() => {
          try {
            return splitProjects(source);
          } catch {
            return null;
          }
        })();
        const groups =
          split && split.projects.length === pages.length
            ? split.projects.map((project, i) => ({
                page: pages[i]!,
                lines: Object.values(project.parts).flatMap((part) => [
                  part.heading.text,
                  ...part.lines.map((l) => l.text),
                  ...part.subsections.flatMap((s) => [
                    s.heading.text,
                    ...s.lines.map((l) => l.text),
                  ]),
                ]),
              }))
            : [{ page: pages.join(''), lines: source.split('\n').slice(1) }];
        // The lines around the projects (a preface, a signature) are the publication page's.
        if (split && split.projects.length === pages.length)
          groups.push({
            page: compactText(page(`/${paths.publication(publication.data)}`)),
            lines: [
              ...split.preface.map((l) => l.text),
              ...(split.signature
                ? [split.signature.issuer?.text ?? '', split.signature.date.text]
                : []),
            ],
          });
        for (const group of groups) {
          const missing = group.lines
            .map(readableLine)
            .filter((line) => line && !group.page.includes(line));
          expect(missing, file).toEqual([]);
        }
        expect(page(`/${paths.sourceText(publication.data)}`)('[data-sha256]').text()).toBe(
          publication.data.source.sha256,
        );
      }
    },
  );

  eachProject(
    'puts every withheld marker where the content has one, in both languages, and counts them',
    () => {
      for (const project of model.projects) {
        const expected = project.markers.map((m) => `#${m.sectionId}:${m.reason}`).sort();
        for (const locale of ['zh', 'en'] as const) {
          if (locale === 'en' && pending(project)) continue;
          const $ = page(projectPath(project, locale));
          expect(markersOf($), projectPath(project, locale)).toEqual(expected);
          expect($('[data-withheld-count]').attr('data-withheld-count')).toBe(
            String(project.sectionsWithheld),
          );
        }
      }
    },
  );

  eachProject(
    'totals each publication as the sum of its projects’ published amounts, and says the same in the data',
    () => {
      const data = JSON.parse(readFileSync(join(DIST, 'data/disclosures.json'), 'utf8')) as {
        publications: { slug: string; totalYuan: number }[];
        projects: { publication: string; amount: { yuan?: number } }[];
      };
      for (const publication of model.publications) {
        const sum = publication.projects.reduce((n, p) => n + (p.amountYuan ?? 0), 0);
        expect(publication.totalYuan).toBe(sum);
        for (const locale of ['zh', 'en'] as const) {
          const $ = page(`/${localePrefix(locale)}${paths.publication(publication.data)}`);
          expect($('[data-total-yuan]').text().trim(), publication.id).toBe(formatYuan(sum));
        }
        const published = data.projects
          .filter((p) => p.publication === publication.data.slug)
          .reduce((n, p) => n + (p.amount.yuan ?? 0), 0);
        expect(published).toBe(sum);
      }
    },
  );

  eachProject(
    'gives every section and every passage of a project the same anchor in both languages',
    () => {
      for (const project of model.projects) {
        const zh = page(projectPath(project, 'zh'));
        const ids = ($: CheerioAPI) =>
          $('.sections [id]')
            .toArray()
            .map((el) => $(el).attr('id')!)
            .sort();
        for (const section of project.sections)
          expect(zh(`[id="${section.id}"]`), section.id).toHaveLength(1);
        expect(new Set(ids(zh)).size).toBe(ids(zh).length);
        // Every English page has the original's sections and passages, whoever wrote its English.
        if (!pending(project)) expect(ids(page(projectPath(project, 'en')))).toEqual(ids(zh));
        else expect(page(projectPath(project, 'en'))('[data-translation-pending]')).toHaveLength(1);
      }
    },
  );

  eachProject(
    'says on every English page and in the data where each passage’s English came from, and gives no English as null',
    () => {
      const data = JSON.parse(readFileSync(join(DIST, 'data/disclosures.json'), 'utf8')) as {
        projects: {
          id: string;
          name: { zh: string; en: string | null };
          english: { passages: { anchor: string; origin: string }[]; total: number; none: number };
        }[];
      };
      let checked = 0;
      for (const project of model.projects) {
        if (pending(project)) continue;
        const en = page(projectPath(project, 'en'));
        const record = data.projects.find((p) => p.id === project.key)!;
        const coverage = en('[data-english-total]');
        expect(Number(coverage.attr('data-english-total'))).toBe(record.english.total);
        expect(Number(coverage.attr('data-english-none'))).toBe(record.english.none);
        // Every anchored passage of the page carries its origin, the same as the data's.
        for (const { anchor, origin } of record.english.passages) {
          expect(en(`[id="${anchor}"]`).attr('data-origin'), `${project.key}#${anchor}`).toBe(
            origin,
          );
          if (origin === 'none') {
            // Shown in Chinese, marked so, never as English.
            expect(en(`[id="${anchor}"] [lang="zh-CN"]`).length, anchor).toBeGreaterThan(0);
            expect(en(`[id="${anchor}"] .origin-mark`).length, anchor).toBe(1);
          }
        }
        const name = record.english.passages.find((p) => p.anchor === 'name-p1')!;
        expect(record.name.en === null).toBe(name.origin === 'none');
        checked++;
      }
      expect(checked, 'no English page to check').toBeGreaterThan(0);
    },
  );

  it('pairs every page with its other language: lang, switch and hreflang alternates both ways', () => {
    const pages = htmlPages().filter((p) => p !== '/404.html');
    const counterpart = (path: string) => (path.startsWith('/en/') ? path.slice(3) : `/en${path}`);
    for (const path of pages) {
      expect(pages, path).toContain(counterpart(path));
      const $ = page(path);
      const isEn = path.startsWith('/en/');
      const [zh, en] = isEn ? [counterpart(path), path] : [path, counterpart(path)];
      expect($('html').attr('lang'), path).toBe(isEn ? 'en' : 'zh-CN');
      expect($('a.language-switch').attr('href'), path).toBe(counterpart(path));
      expect($('link[rel="alternate"][hreflang="zh-CN"]').attr('href'), path).toBe(
        `${TEST_SITE}${zh}`,
      );
      expect($('link[rel="alternate"][hreflang="en"]').attr('href'), path).toBe(
        `${TEST_SITE}${en}`,
      );
    }
  });
});
