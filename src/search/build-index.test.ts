import { describe, expect, it } from 'vitest';
import { buildAmountTables } from './build-index';
import { printedAmount } from './keys';

describe('buildAmountTables', () => {
  const record = (
    slug: string,
    yuan: number | null,
    fiscalYear: number,
    amountPublished: string | null = yuan === null ? null : `${yuan / 10_000}万元`,
  ) => ({
    amountYuan: yuan,
    estimateYuan: null,
    amountPublished,
    estimatePublished: null,
    fiscalYear,
    url: {
      zh: `https://example.org/portal/d/${fiscalYear}/${slug}/`,
      en: `https://example.org/portal/en/d/${fiscalYear}/${slug}/`,
    },
  });
  const records = {
    projects: [record('a', 7_000_000, 2021), record('b', null, 2020), record('c', 5, 2020)],
  };

  it('gives each page id its project’s amounts, by the page’s address below the base', () => {
    const tables = buildAmountTables(records, '/portal/', [
      { urls: { 'zh-cn_1': '/d/2021/a/', en_1: '/en/d/2021/a/' } },
      { urls: { 'zh-cn_2': '/d/2020/b/', en_2: '/en/d/2020/b/' } },
    ]);
    expect(tables.get('zh-cn')).toEqual({
      'zh-cn_1': [7_000_000, null, 2021],
      'zh-cn_2': [null, null, 2020],
    });
    expect(tables.get('en')).toEqual({ en_1: [7_000_000, null, 2021], en_2: [null, null, 2020] });
  });

  it('makes an id that two parts give null: the search page reads that page’s amounts from its data file', () => {
    const tables = buildAmountTables(records, '/portal/', [
      { urls: { 'zh-cn_1': '/d/2021/a/' } },
      { urls: { 'zh-cn_1': '/d/2020/c/', 'zh-cn_2': '/d/2020/b/' } },
    ]);
    expect(tables.get('zh-cn')).toEqual({ 'zh-cn_1': null, 'zh-cn_2': [null, null, 2020] });
  });

  it('keeps a figure as the text prints it only where it is not the site’s own 万元 form', () => {
    const printed = {
      projects: [
        record('a', 105_000_000, 2021, '1.05亿元'),
        record('b', 2_360_000, 2021, '2360000元'),
        record('c', 7_000_000, 2021),
      ],
    };
    const tables = buildAmountTables(printed, '/portal/', [
      { urls: { 'zh-cn_1': '/d/2021/a/', 'zh-cn_2': '/d/2021/b/', 'zh-cn_3': '/d/2021/c/' } },
    ]);
    const table = tables.get('zh-cn')!;
    expect(table['zh-cn_1']).toEqual([105_000_000, null, 2021, '1.05亿元', null]);
    expect(printedAmount(table['zh-cn_1']!, 'amount')).toBe('1.05亿元');
    expect(printedAmount(table['zh-cn_2']!, 'amount')).toBe('2360000元');
    // 700万元 is what the site would write: the table leaves it out, and gives it back.
    expect(table['zh-cn_3']).toEqual([7_000_000, null, 2021]);
    expect(printedAmount(table['zh-cn_3']!, 'amount')).toBe('700万元');
    expect(printedAmount(table['zh-cn_3']!, 'estimate')).toBeNull();
  });

  it('refuses a page that is no project of the data', () => {
    expect(() =>
      buildAmountTables(records, '/portal/', [{ urls: { 'zh-cn_9': '/d/2021/zzz/' } }]),
    ).toThrow(/indexed \/d\/2021\/zzz\/, which is no project of the data/);
  });
});
