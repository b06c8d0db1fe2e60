import { describe, expect, it } from 'vitest';
import { parseAmountBound, parseAmountQuery } from './amount-query';

describe('parseAmountQuery', () => {
  it.each([
    ['700万', [[7000000]]],
    ['700万元', [[7000000]]],
    ['7000000', [[7000000, 70000000000]]],
    ['7,000,000', [[7000000]]],
    ['¥7,000,000', [[7000000]]],
    ['7 million', [[7000000]]],
    ['CNY 7 million', [[7000000]]],
    ['2012.95', [[20129500]]],
    ['2012.95万', [[20129500]]],
    ['20,129,500', [[20129500]]],
    ['20.1295 million', [[20129500]]],
    ['￥20，129，500', [[20129500]]],
    ['1,300万', [[13000000]]],
  ])('%s → %j', (query, amounts) => {
    expect(parseAmountQuery(query)).toEqual({ text: '', amounts });
  });

  it('keeps decimals exactly instead of dropping the point', () => {
    expect(parseAmountQuery('1.2 million').amounts).toEqual([[1200000]]);
    expect(parseAmountQuery('1.2万').amounts).toEqual([[12000]]);
  });

  it('refuses amounts finer than one yuan', () => {
    expect(parseAmountQuery('0.00001万')).toEqual({ text: '0.00001万', amounts: [] });
  });

  it('leaves words, years and short bare numbers as text', () => {
    expect(parseAmountQuery('人脸识别')).toEqual({ text: '人脸识别', amounts: [] });
    expect(parseAmountQuery('2020')).toEqual({ text: '2020', amounts: [] });
    expect(parseAmountQuery('700')).toEqual({ text: '700', amounts: [] });
    expect(parseAmountQuery('face recognition 13 million')).toEqual({
      text: 'face recognition',
      amounts: [[13000000]],
    });
    expect(parseAmountQuery('人脸 1300万')).toEqual({ text: '人脸', amounts: [[13000000]] });
  });
});

describe('parseAmountBound', () => {
  it('reads a bound in any notation, bare numbers as yuan', () => {
    expect(parseAmountBound('10000000')).toBe(10000000);
    expect(parseAmountBound('1000万')).toBe(10000000);
    expect(parseAmountBound('10 million')).toBe(10000000);
    expect(parseAmountBound('10,000,000')).toBe(10000000);
    expect(parseAmountBound('700')).toBe(700);
  });

  it('returns null for empty or unreadable input', () => {
    expect(parseAmountBound('')).toBeNull();
    expect(parseAmountBound(null)).toBeNull();
    expect(parseAmountBound('lots')).toBeNull();
    expect(parseAmountBound('1 million 2 million')).toBeNull();
  });
});
