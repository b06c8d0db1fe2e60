import { describe, expect, it } from 'vitest';
import {
  matchesAmount,
  parseAmountBound,
  parseAmountQuery,
  type AmountRange,
} from './amount-query';

/** The exact reading of a figure: only that many yuan. */
const exactly = (value: number): AmountRange => ({ value, min: value, max: value });

describe('parseAmountQuery', () => {
  it.each([
    ['7,000,000', [exactly(7000000)]],
    ['¥7,000,000', [exactly(7000000)]],
    ['20,129,500', [exactly(20129500)]],
    ['20.129500 million', [exactly(20129500)]],
    ['￥20，129，500', [exactly(20129500)]],
  ])('%s is exact to the yuan', (query, ranges) => {
    expect(parseAmountQuery(query)).toEqual({
      text: '',
      amounts: [{ asked: query.normalize('NFKC'), approximate: false, ranges }],
    });
  });

  it.each([
    // figure, its value, and the amounts that round to it at the precision written
    ['700万', 7000000, 6995000, 7004999],
    ['700万元', 7000000, 6995000, 7004999],
    ['1,300万', 13000000, 12995000, 13004999],
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

  it('reads 2012.95万元 as 20.13 million and as 2013万, and not as 2012万', () => {
    const published = 20129500;
    for (const query of ['20.13 million', '2013万', '2012.95万'])
      expect(matchesAmount(published, parseAmountQuery(query).amounts[0]!), query).toBe(true);
    for (const query of ['2012万', '20.12 million', '2000万', '21 million'])
      expect(matchesAmount(published, parseAmountQuery(query).amounts[0]!), query).toBe(false);
  });

  it.each(['约2000万', 'about 20 million', '~2000万', '≈ 2000万', '大约二千万'])(
    '%s widens the match to ±5 %%',
    (query) => {
      const [asked] = parseAmountQuery(query).amounts;
      expect(asked).toMatchObject({ asked: query.normalize('NFKC').trim(), approximate: true });
      expect(matchesAmount(20129500, asked!)).toBe(true);
      expect(matchesAmount(19000000, asked!)).toBe(true);
      expect(matchesAmount(21000000, asked!)).toBe(true);
      expect(matchesAmount(18999999, asked!) && !query.includes('二千万')).toBe(false);
    },
  );

  it('keeps both readings of a bare long number: yuan, or the text’s 万', () => {
    expect(parseAmountQuery('7000000').amounts[0]!.ranges).toEqual([
      exactly(7000000),
      { value: 70000000000, min: 69999995000, max: 70000004999 },
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
