import { describe, expect, it } from 'vitest';
import { readChineseNumeral } from './chinese-numerals';

describe('readChineseNumeral', () => {
  it.each([
    ['二千万', 20000000n, 7],
    ['两千万', 20000000n, 7],
    ['一千三百万', 13000000n, 6],
    ['二零一三万', 20130000n, 4],
    ['两千零一十三万', 20130000n, 4],
    ['一亿二千万', 120000000n, 7],
    ['一亿零五百万', 105000000n, 6],
    ['三万零五', 30005n, 0],
  ])('%s is %s, precise to 10^%i', (text, value, place) => {
    expect(readChineseNumeral(text)).toEqual({ value, place });
  });

  it.each(['千万', '十三五', '万一', '三万五', '一千二万', '一千三', 'abc'])(
    'refuses %s rather than guess',
    (text) => {
      expect(readChineseNumeral(text)).toBeNull();
    },
  );
});
