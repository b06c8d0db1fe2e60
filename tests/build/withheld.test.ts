import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_DIST } from '../support/paths';
import { htmlPages as htmlPagesIn, page as pageIn } from '../support/dist';
/** These tests check facts about the example publication: they read its build (tests/fixtures/example), whatever content/ holds. */
const page = (path: string) => pageIn(path, EXAMPLE_DIST);
const htmlPages = () => htmlPagesIn(EXAMPLE_DIST);

const EXPECTED = [
  ['项目可行性', 'feasibility'],
  ['总体思路', 'approach'],
  ['项目实施内容', 'content'],
  ['建设规模', 'scale'],
] as const;

describe('withheld markers', () => {
  for (const locale of ['', '/en'] as const) {
    it(`puts exactly four markers on the case-handling centre${locale ? ' (en)' : ''}, under the right headings`, () => {
      const $ = page(`${locale}/ruili-psb/2020/case-handling-centre/`);
      const markers = $('.sections [data-withheld]');
      expect(markers).toHaveLength(4);
      // And one in the summary: what the money buys is in a part the text withholds.
      expect($('.summary [data-buys] [data-withheld]')).toHaveLength(1);
      expect($('[data-withheld]')).toHaveLength(5);
      expect(markers.toArray().map((m) => $(m).attr('data-withheld'))).toEqual([
        'classified',
        'classified',
        'classified',
        'classified',
      ]);
      expect(
        markers
          .toArray()
          .map((m) => $(m).prevAll('.heading-group').first().find('h2, h3').attr('id')),
      ).toEqual(EXPECTED.map(([, id]) => id));
      for (const marker of markers.toArray()) {
        expect($(marker).attr('role')).toBe('note');
        expect($(marker).find('a.withheld-why').attr('href')).toBe(
          `${locale}/withheld/#classified`,
        );
        expect($(marker).find('.withheld-label').text()).toBe(
          locale ? 'Withheld: classified; not suitable for disclosure' : '涉密不宜公开',
        );
      }
      if (!locale)
        expect(markers.toArray().map((m) => $(m).find('.withheld-section').text())).toEqual(
          EXPECTED.map(([name]) => name),
        );
    });
  }

  it('puts no marker on any other page but the explanation page', () => {
    for (const path of htmlPages().filter(
      (p) => !p.includes('case-handling-centre') && !p.includes('/withheld/'),
    )) {
      expect(page(path)('[data-withheld]'), path).toHaveLength(0);
    }
  });

  it('states the scope on the project page and the home table', () => {
    expect(page('/ruili-psb/2020/case-handling-centre/')('[data-withheld-count]').text()).toContain(
      '13处中4处未公开',
    );
    expect(
      page('/en/ruili-psb/2020/case-handling-centre/')('[data-withheld-count]').text(),
    ).toContain('4 of 13 sections withheld');
    expect(
      page('/en/ruili-psb/2020/')('tr[data-project="case-handling-centre"] td').last().text(),
    ).toBe('4 of 13 sections withheld');
  });

  it('shows a site-wide completeness figure on the home page', () => {
    // The share of counted sections not withheld, over every project on the site (90.5 % for the Ruili texts alone).
    const { projects } = JSON.parse(
      readFileSync(join(EXAMPLE_DIST, 'data/disclosures.json'), 'utf8'),
    ) as {
      projects: { id: string; sectionsCounted: number; sectionsWithheld: number }[];
    };
    const share = (list: typeof projects) => {
      const counted = list.reduce((n, p) => n + p.sectionsCounted, 0);
      const withheld = list.reduce((n, p) => n + p.sectionsWithheld, 0);
      return `${(((counted - withheld) / counted) * 100).toFixed(1)}%`;
    };
    expect(share(projects.filter((p) => p.id.startsWith('ruili-psb-2020/')))).toBe('90.5%');
    expect(page('/')('[data-completeness]').text()).toBe(share(projects));
    expect(page('/en/')('[data-completeness]').text()).toBe(share(projects));
  });

  it('explains each reason code, its meaning and basis, in both languages', () => {
    const zh = page('/withheld/');
    expect(zh('#classified h2').text()).toBe('涉密不宜公开');
    expect(zh('#classified').text()).toContain('第十四条');
    const en = page('/en/withheld/');
    expect(en('#classified h2').text()).toBe('Withheld: classified; not suitable for disclosure');
    expect(en('#classified').text()).toContain('article 14');
  });
});

describe('completeness by money and the list of withheld sections', () => {
  const all = JSON.parse(readFileSync(join(EXAMPLE_DIST, 'data/disclosures.json'), 'utf8')) as {
    totalYuan: number;
    projects: {
      publication: string;
      amount: { yuan: number } | { withheld: string };
      sectionsWithheld: number;
    }[];
  };

  it('shows the share of the disclosed budget in projects with nothing withheld, beside the share by section', () => {
    const share = (projects: typeof all.projects) => {
      const disclosed = projects.flatMap((p) => ('yuan' in p.amount ? [p] : []));
      const total = disclosed.reduce((n, p) => n + (p.amount as { yuan: number }).yuan, 0);
      const full = disclosed
        .filter((p) => p.sectionsWithheld === 0)
        .reduce((n, p) => n + (p.amount as { yuan: number }).yuan, 0);
      return `${((full / total) * 100).toFixed(1)}%`;
    };
    // The Ruili texts alone: 2000万元 of 4012.95万元 is in projects with nothing withheld.
    expect(share(all.projects.filter((p) => p.publication === 'ruili-psb-2020'))).toBe('49.8%');
    for (const path of ['/', '/en/']) {
      const $ = page(path);
      expect($('[data-completeness-money]').text(), path).toBe(share(all.projects));
      expect($('[data-completeness]').text(), path).toMatch(/%$/);
    }
  });

  it('lists every withheld section on the withheld page, with a link to it and the reason’s label', () => {
    for (const [path, label, prefix] of [
      ['/withheld/', '涉密不宜公开', ''],
      ['/en/withheld/', 'Withheld: classified; not suitable for disclosure', '/en'],
    ] as const) {
      const $ = page(path);
      const project = $(`[data-withheld-project="ruili-psb/2020/case-handling-centre/"]`);
      const links = project
        .find('ul a')
        .toArray()
        .map((a) => $(a).attr('href'));
      expect(links, path).toEqual(
        EXPECTED.map(([, id]) => `${prefix}/ruili-psb/2020/case-handling-centre/#${id}`),
      );
      for (const item of project.find('ul li').toArray())
        expect($(item).text(), path).toContain(label);
      expect($('main').text(), path).not.toMatch(/\(state secret\)|涉及国家秘密/);
    }
  });
});
