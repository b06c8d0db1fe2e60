import { describe, expect, it } from 'vitest';
import { parsePublishedAmount } from './amount';
import { CAPITAL_AMOUNT, readCapitalAmount } from './capital-numerals';

describe('amounts in capital numerals (大写)', () => {
  it('reads them as finance documents write them', () => {
    expect(readCapitalAmount('人民币叁佰伍拾万元整')).toBe(3_500_000);
    expect(readCapitalAmount('壹仟贰佰捌拾万零陆仟元')).toBe(12_806_000);
    expect(readCapitalAmount('伍万元整')).toBe(50_000);
    expect(readCapitalAmount('拾万元')).toBe(100_000);
    expect(readCapitalAmount('壹拾贰万叁仟肆佰伍拾陆元')).toBe(123_456);
    expect(readCapitalAmount('壹亿贰仟万元整')).toBe(120_000_000);
    expect(readCapitalAmount('贰仟零壹拾叁万元')).toBe(20_130_000);
    expect(readCapitalAmount('壹亿零伍佰万元')).toBe(105_000_000);
    expect(readCapitalAmount('叁佰伍拾万元零角零分')).toBe(3_500_000);
  });

  it('refuses what is not written as one, never guessing', () => {
    expect(readCapitalAmount('叁伍万元')).toBeNull(); // two digits with no unit
    expect(readCapitalAmount('佰叁万元')).toBeNull(); // a unit with no digit
    expect(readCapitalAmount('叁拾佰万元')).toBeNull(); // units out of order
    expect(readCapitalAmount('叁佰伍拾万元伍角')).toBeNull(); // not whole yuan
    expect(readCapitalAmount('三百五十万元')).toBeNull(); // ordinary numerals are not 大写
    expect(readCapitalAmount('万万元')).toBeNull();
  });

  it('are published amounts, and are found in a sentence', () => {
    expect(parsePublishedAmount('人民币叁佰伍拾万元整')).toBe(3_500_000);
    expect(parsePublishedAmount('1,280.6万元')).toBe(12_806_000);
    expect(parsePublishedAmount('700万元')).toBe(7_000_000);
    expect(CAPITAL_AMOUNT.exec('项目估算总投资壹仟贰佰捌拾万零陆仟元。')?.[0]).toBe(
      '壹仟贰佰捌拾万零陆仟元',
    );
    expect(CAPITAL_AMOUNT.exec('本年度预算安排为700万元')).toBeNull();
  });
});
