import { describe, expect, it } from 'vitest';
import { compactText, page as pageIn } from '../support/dist';
import { EXAMPLE_DIST } from '../support/paths';
/** These tests check facts about the example publication: they read its build (tests/fixtures/example), whatever content/ holds. */
const page = (path: string) => pageIn(path, EXAMPLE_DIST);

const PROJECTS = {
  'case-property-centre': { wan: '700', yuan: '¥7,000,000', en: 'CNY 7 million (¥7,000,000; ' },
  // Millions that would need four decimals are written in yuan (the translation review's item).
  'case-handling-centre': { wan: '2012.95', yuan: '¥20,129,500', en: 'CNY 20,129,500 (' },
  'face-recognition-system': {
    wan: '1300',
    yuan: '¥13,000,000',
    en: 'CNY 13 million (¥13,000,000; ',
  },
} as const;

describe('built site', () => {
  it('has a Chinese publication page with the title, department, year and computed total', () => {
    const $ = page('/ruili-psb/2020/');
    expect($('html').attr('lang')).toBe('zh-CN');
    const text = compactText($);
    expect(text).toContain('瑞丽市公安局部门2020年预算重点领域财政项目文本公开');
    expect(text).toContain('瑞丽市公安局');
    expect(text).toContain('2020年度');
    expect($('[data-total]').text().replace(/\s+/g, '')).toBe(
      '4012.95万元（¥40,129,500；各项目公开金额之和，由本站计算）',
    );
    expect($('[data-total-yuan]').text()).toBe('¥40,129,500');
  });

  it('lists the three projects in the publication table with amounts, period, unit, withheld count and link', () => {
    const $ = page('/ruili-psb/2020/');
    const rows = $('table.projects tbody tr')
      .toArray()
      .map((row) =>
        $(row)
          .find('th, td')
          .toArray()
          .map((c) => $(c).text().trim()),
      );
    expect(rows).toEqual([
      [
        '涉案财物管理中心建设',
        '700',
        '¥7,000,000',
        '17.4%',
        '2020年度',
        '瑞丽市公安局',
        '13处中0处未公开',
      ],
      [
        '瑞丽市公安局执法办案中心（包括看守所铁桶工程项目）',
        '2012.95',
        '¥20,129,500',
        '50.2%',
        '2020年度',
        '瑞丽市公安局',
        '13处中4处未公开',
      ],
      [
        '人脸识别系统建设项目',
        '1300',
        '¥13,000,000',
        '32.4%',
        '2020年度',
        '瑞丽市公安局科信办',
        '16处中0处未公开',
      ],
    ]);
    expect(
      $('table.projects tbody a')
        .toArray()
        .map((a) => $(a).attr('href')),
    ).toEqual(Object.keys(PROJECTS).map((slug) => `/ruili-psb/2020/${slug}/`));
  });

  for (const [slug, amount] of Object.entries(PROJECTS)) {
    it(`renders ${slug} with its name as <h1>, its amount, and the eight sections in order`, () => {
      const $ = page(`/ruili-psb/2020/${slug}/`);
      expect($('html').attr('lang')).toBe('zh-CN');
      expect($('h1')).toHaveLength(1);
      expect(compactText($, '.summary')).toContain(`${amount.wan}万元（${amount.yuan}）`);
      expect(
        $('.sections h2')
          .toArray()
          .map((h) => $(h).attr('id')),
      ).toEqual([
        'name',
        'basis',
        'implementing-unit',
        'overview',
        'content',
        'funding',
        'plan',
        'outcomes',
      ]);
      expect($('a[href="/ruili-psb/2020/source/"]').length).toBeGreaterThan(0);
      const en = page(`/en/ruili-psb/2020/${slug}/`);
      expect(compactText(en, '.summary')).toContain(
        `${amount.en}published as ${amount.wan}万元)`.replace(/\s+/g, ''),
      );
    });
  }

  it('names the project exactly as published in the <h1>', () => {
    expect(page('/ruili-psb/2020/case-handling-centre/')('h1').text()).toBe(
      '瑞丽市公安局执法办案中心（包括看守所铁桶工程项目）',
    );
  });
});
