import { describe, expect, it } from 'vitest';
import {
  exactFormOf,
  matchesAmount,
  parseAmountBound,
  parseAmountQuery,
  type AmountRange,
} from './amount-query';

/** The exact reading of a figure: only that many yuan. */
const exactly = (value: number): AmountRange => ({ value, min: value, max: value });

describe('parseAmountQuery', () => {
  it.each([
    ['7,000,001', [exactly(7000001)]],
    ['¥7,000,001', [exactly(7000001)]],
    ['20,129,501', [exactly(20129501)]],
    ['20.129500 million', [exactly(20129500)]],
    ['￥20，129，501', [exactly(20129501)]],
  ])('%s is exact to the yuan', (query, ranges) => {
    expect(parseAmountQuery(query)).toEqual({
      text: '',
      amounts: [{ asked: query.normalize('NFKC'), approximate: false, ranges }],
    });
  });

  it.each([
    // figure, its value, and the amounts that round to it at the precision written
    ['700万', 7000000, 6500000, 7499999],
    ['700万元', 7000000, 6500000, 7499999],
    ['7,000,000', 7000000, 6500000, 7499999],
    ['1,300万', 13000000, 12500000, 13499999],
    ['2000万', 20000000, 15000000, 24999999],
    ['20 million', 20000000, 15000000, 24999999],
    ['20,000,000', 20000000, 15000000, 24999999],
    ['20.00 million', 20000000, 19995000, 20004999],
    ['20,129,500', 20129500, 20129450, 20129549],
    ['2013万', 20130000, 20125000, 20134999],
    ['2012.95', 20129500, 20129450, 20129549],
    ['2012.95万', 20129500, 20129450, 20129549],
    ['20.1295 million', 20129500, 20129450, 20129549],
    ['20.13 million', 20130000, 20125000, 20134999],
    ['7 million', 7000000, 6500000, 7499999],
    ['CNY 7 million', 7000000, 6500000, 7499999],
    ['2千万', 20000000, 15000000, 24999999],
    ['二千万', 20000000, 15000000, 24999999],
    ['两千零一十三万', 20130000, 20125000, 20134999],
    ['一千三百万', 13000000, 12500000, 13499999],
    ['1.2亿', 120000000, 115000000, 124999999],
  ])('%s matches what rounds to it', (query, value, min, max) => {
    expect(parseAmountQuery(query).amounts[0]!.ranges).toEqual([{ value, min, max }]);
  });

  it('reads 2012.95万元 as 20.13 million, 2013万 and 2000万, and not as 2012万', () => {
    const published = 20129500;
    for (const query of ['20.13 million', '2013万', '2012.95万', '2000万', '20 million'])
      expect(matchesAmount(published, parseAmountQuery(query).amounts[0]!), query).toBe(true);
    for (const query of ['2012万', '20.12 million', '2011万', '20.2 million'])
      expect(matchesAmount(published, parseAmountQuery(query).amounts[0]!), query).toBe(false);
  });

  it.each(['约2013万', 'about 20.13 million', '~2013万', '≈ 2013万', '大约两千零一十三万'])(
    '%s widens the match to ±5 %%',
    (query) => {
      const [asked] = parseAmountQuery(query).amounts;
      expect(asked).toMatchObject({ asked: query.normalize('NFKC').trim(), approximate: true });
      // 20,130,000 ± 5 %: 19,123,500 to 21,136,500.
      expect(asked!.ranges).toEqual([{ value: 20130000, min: 19123500, max: 21136500 }]);
      expect(matchesAmount(20129500, asked!)).toBe(true);
    },
  );

  it('keeps a round figure’s own precision where it is wider than ±5 %', () => {
    expect(parseAmountQuery('约2000万').amounts[0]!.ranges).toEqual(
      parseAmountQuery('2000万').amounts[0]!.ranges,
    );
  });

  it('keeps both readings of a bare long number: yuan, or the text’s 万', () => {
    expect(parseAmountQuery('7000001').amounts[0]!.ranges).toEqual([
      exactly(7000001),
      { value: 70000010000, min: 70000005000, max: 70000014999 },
    ]);
  });

  it('keeps decimals exactly instead of dropping the point', () => {
    expect(parseAmountQuery('1.2 million').amounts[0]!.ranges[0]!.value).toBe(1200000);
    expect(parseAmountQuery('1.2万').amounts[0]!.ranges[0]!.value).toBe(12000);
  });

  it('refuses amounts finer than one yuan', () => {
    expect(parseAmountQuery('0.00001万')).toEqual({ text: '0.00001万', amounts: [] });
  });

  it('leaves words, years, short bare numbers and number-like words as text', () => {
    expect(parseAmountQuery('人脸识别')).toEqual({ text: '人脸识别', amounts: [] });
    expect(parseAmountQuery('2020')).toEqual({ text: '2020', amounts: [] });
    expect(parseAmountQuery('700')).toEqual({ text: '700', amounts: [] });
    expect(parseAmountQuery('千万')).toEqual({ text: '千万', amounts: [] });
    expect(parseAmountQuery('十三五规划')).toEqual({ text: '十三五规划', amounts: [] });
    const mixed = parseAmountQuery('face recognition 13 million');
    expect(mixed.text).toBe('face recognition');
    expect(mixed.amounts.map((a) => a.asked)).toEqual(['13 million']);
    expect(parseAmountQuery('人脸 1300万').text).toBe('人脸');
  });
});

describe('parseAmountBound', () => {
  it('reads a bound in any notation, bare numbers as yuan', () => {
    expect(parseAmountBound('10000000')).toBe(10000000);
    expect(parseAmountBound('1000万')).toBe(10000000);
    expect(parseAmountBound('10 million')).toBe(10000000);
    expect(parseAmountBound('10,000,000')).toBe(10000000);
    expect(parseAmountBound('一千万')).toBe(10000000);
    expect(parseAmountBound('700')).toBe(700);
  });

  it('returns null for empty, unreadable or approximate input', () => {
    expect(parseAmountBound('')).toBeNull();
    expect(parseAmountBound(null)).toBeNull();
    expect(parseAmountBound('lots')).toBeNull();
    expect(parseAmountBound('1 million 2 million')).toBeNull();
    expect(parseAmountBound('约1000万')).toBeNull();
  });
});

describe('a figure asked exactly', () => {
  it('is that figure to the yuan: 2000万元整, exactly 20 million', () => {
    for (const query of ['2000万元整', 'exactly 20 million', '二千万元整']) {
      const { amounts } = parseAmountQuery(query);
      expect(amounts, query).toHaveLength(1);
      expect(amounts[0]!.ranges, query).toEqual([
        { value: 20_000_000, min: 20_000_000, max: 20_000_000 },
      ]);
    }
  });

  it('is offered for a rounded figure, and not for an exact or approximate one', () => {
    const offer = (query: string) => exactFormOf(parseAmountQuery(query).amounts[0]!);
    expect(offer('2000万')).toBe('2000万元整');
    expect(offer('20 million')).toBe('exactly 20 million');
    expect(offer('7,000,001元')).toBeNull();
    expect(offer('约2000万')).toBeNull();
    expect(offer('2000万元整')).toBeNull();
  });
});
