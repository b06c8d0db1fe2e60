import { describe, expect, it } from 'vitest';
import {
  amountVariants,
  formatMillionsEn,
  formatWan,
  formatYuan,
  groupDigits,
  parsePublishedAmount,
  scaleDecimal,
  shiftLeft,
  toMillions,
  toWan,
  wanToYuan,
} from './amount';

describe('amount', () => {
  it('shifts decimals without floats', () => {
    expect(shiftLeft(20129500, 4)).toBe('2012.95');
    expect(shiftLeft(7000000, 4)).toBe('700');
    expect(shiftLeft(5, 4)).toBe('0.0005');
    expect(shiftLeft(40129500, 6)).toBe('40.1295');
  });

  it('scales decimals and refuses fractions of the unit', () => {
    expect(scaleDecimal('2012.95', 4)).toBe(20129500n);
    expect(scaleDecimal('7,000,000', 0)).toBe(7000000n);
    expect(scaleDecimal('0.00001', 4)).toBeNull();
    expect(scaleDecimal('1.50', 1)).toBe(15n);
    expect(scaleDecimal('7,00', 0)).toBeNull();
    expect(scaleDecimal('abc', 0)).toBeNull();
  });

  it('converts 万元 both ways', () => {
    expect(toWan(7000000)).toBe('700');
    expect(toWan(20129500)).toBe('2012.95');
    expect(wanToYuan('2012.95')).toBe(20129500);
    expect(wanToYuan('0.12345')).toBeNull();
    expect(parsePublishedAmount('700万元')).toBe(7000000);
    expect(parsePublishedAmount('2012.95万元')).toBe(20129500);
    expect(parsePublishedAmount('3,500,000元')).toBe(3500000);
    expect(parsePublishedAmount('1.2亿元')).toBe(120000000);
    expect(parsePublishedAmount('０.５亿元')).toBe(50000000);
    expect(parsePublishedAmount('700万')).toBeNull();
    expect(parsePublishedAmount('七百万元')).toBeNull();
    expect(parsePublishedAmount('0.12345万元')).toBeNull();
    expect(parsePublishedAmount('1000000000亿元')).toBeNull();
  });

  it('formats for each language', () => {
    expect(groupDigits(40129500)).toBe('40,129,500');
    expect(formatYuan(7000000)).toBe('¥7,000,000');
    expect(formatWan(40129500)).toBe('4012.95万元');
    expect(toMillions(20129500)).toBe('20.1295');
    expect(formatMillionsEn(7000000)).toBe('CNY 7 million');
  });

  it('lists the notations journalists type', () => {
    expect(amountVariants(7000000)).toEqual([
      '700万',
      '700万元',
      '7000000',
      '7,000,000',
      '¥7,000,000',
      '7 million',
      'CNY 7 million',
    ]);
    expect(amountVariants(20129500)).toContain('20.1295 million');
  });
});
