import { describe, expect, it } from 'vitest';
import { buildAmountTables, shardAmountTable } from './build-index';
import { findShards, printedAmount, readAmountShards, type AmountTable } from './keys';

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

describe('the amount table in shards by value', () => {
  /** A seeded table: some amounts withheld, some estimates missing, one id two parts give. */
  const table = (() => {
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const rows: AmountTable = { 'zh-cn_shared': null };
    for (let i = 0; i < 2500; i++) {
      const amount = next() < 0.1 ? null : Math.round(next() * 50_000_000);
      const estimate = next() < 0.5 ? null : Math.round(next() * 80_000_000);
      rows[`zh-cn_${i}`] = [amount, estimate, 2020 + (i % 3)];
    }
    // Equal amounts on either side of a shard's edge.
    for (let i = 0; i < 5; i++) rows[`zh-cn_same${i}`] = [7_000_000, null, 2021];
    return rows;
  })();
  const { shards, byKey } = shardAmountTable(table);

  it('finds, for any bounds, shards holding every page whose amount lies within them, and the shared id', () => {
    for (const [key, index] of [
      ['amount', 0],
      ['estimate', 1],
    ] as const) {
      expect(shards[key].length).toBe(byKey[key].length);
      // In order, each shard's least and greatest value its own.
      shards[key].forEach(([least, greatest], i) => {
        const values = Object.values(byKey[key][i]!).flatMap((a) => (a ? [a[index]!] : []));
        expect([Math.min(...values), Math.max(...values)]).toEqual([least, greatest]);
        if (i > 0) expect(least).toBeGreaterThanOrEqual(shards[key][i - 1]![1]);
        expect(byKey[key][i]!['zh-cn_shared']).toBeNull();
      });
      for (const bounds of [
        { min: 7_000_000, max: 7_000_000 },
        { min: 15_000_000, max: 25_000_000 },
        { min: null, max: 1_000_000 },
        { min: 45_000_000, max: null },
        { min: 90_000_000, max: 95_000_000 },
      ]) {
        const found: AmountTable = Object.assign(
          {},
          ...findShards(shards, key, [bounds]).map((i) => byKey[key][i]),
        );
        const within = Object.entries(table).filter(([, a]) => {
          const yuan = a?.[index];
          return (
            typeof yuan === 'number' &&
            (bounds.min === null || yuan >= bounds.min) &&
            (bounds.max === null || yuan <= bounds.max)
          );
        });
        for (const [id, amounts] of within) expect(found[id], `${key} ${id}`).toEqual(amounts);
        // Each shard holds a thousand pages at most: the bounds fetch a fraction of the table.
        expect(Object.keys(found).length).toBeLessThanOrEqual(within.length + 2 * 1001);
      }
    }
  });

  it('is read back from the search form as written, and a form without it reads as none', () => {
    expect(readAmountShards(JSON.stringify(shards))).toEqual(shards);
    expect(readAmountShards('')).toBeNull();
    expect(readAmountShards(undefined)).toBeNull();
    expect(readAmountShards('{"amount": 1}')).toBeNull();
  });
});
