import { describe, expect, it } from 'vitest';
import { buildAmountTables } from './build-index';

describe('buildAmountTables', () => {
  const record = (slug: string, yuan: number | null, fiscalYear: number) => ({
    amountYuan: yuan,
    estimateYuan: null,
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

  it('refuses a page that is no project of the data', () => {
    expect(() =>
      buildAmountTables(records, '/portal/', [{ urls: { 'zh-cn_9': '/d/2021/zzz/' } }]),
    ).toThrow(/indexed \/d\/2021\/zzz\/, which is no project of the data/);
  });
});
