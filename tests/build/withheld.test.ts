import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST } from '../support/paths';
import { htmlPages, page } from '../support/dist';

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
      const markers = $('[data-withheld]');
      expect(markers).toHaveLength(4);
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
          locale ? 'Withheld: classified, not for disclosure' : '涉密不宜公开',
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
    const { projects } = JSON.parse(readFileSync(join(DIST, 'data/disclosures.json'), 'utf8')) as {
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
    expect(en('#classified h2').text()).toBe('Withheld: classified, not for disclosure');
    expect(en('#classified').text()).toContain('article 14');
  });
});
