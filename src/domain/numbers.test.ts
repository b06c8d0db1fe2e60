import { describe, expect, it } from 'vitest';
import { compareNumbers, numbersIn, numbersInBlock } from './numbers';

const set = (...values: string[]) => new Set(values);

describe('numbersInBlock', () => {
  it('multiplies out 万 in Chinese', () => {
    expect(numbersInBlock('本年度预算安排为700万元项目实施计划', 'zh')).toEqual(set('7000000'));
    expect(numbersInBlock('项目估算总投资2012.95万元。', 'zh')).toEqual(set('20129500'));
  });

  it('multiplies out million and drops group commas in English', () => {
    expect(numbersInBlock('CNY 7 million (¥7,000,000)', 'en')).toEqual(set('7000000'));
    // A capital amount is a figure; 1,280.6万 keeps its group comma; a fraction of zeros is no fraction.
    expect(numbersInBlock('人民币壹佰贰拾捌万零陆佰元整（1,280,600.00元）', 'zh')).toEqual(
      set('1280600'),
    );
    expect(numbersInBlock('预算1,280.6万元', 'zh')).toEqual(set('12806000'));
    expect(numbersInBlock('September 2021 to November 2021', 'en')).toEqual(set('9', '2021', '11'));
    expect(numbersInBlock('2021年9月至2021年11月', 'zh')).toEqual(set('9', '2021', '11'));
    // Chinese kept in an English text (not yet translated) reads as Chinese.
    expect(numbersInBlock('本年度预算安排为350万元。', 'en')).toEqual(set('3500000'));
    expect(numbersInBlock('CNY 20.1295 million (¥20,129,500)', 'en')).toEqual(set('20129500'));
    expect(numbersInBlock('a total floor area of 2,500 square metres', 'en')).toEqual(set('2500'));
  });

  it('ignores leading enumerations but keeps content numbers', () => {
    expect(
      numbersInBlock('（1）《关于加强公共安全视频监控建设联网应用工作的若干意见》', 'zh'),
    ).toEqual(set());
    expect(numbersInBlock('(1) Opinions on …', 'en')).toEqual(set());
    expect(numbersInBlock('（一）、瑞政办发（2019）13号', 'zh')).toEqual(set('2019', '13'));
    expect(numbersInBlock('（一）、2015年', 'zh')).toEqual(set('2015'));
  });

  it('reads dates in either language as the same date', () => {
    expect(numbersInBlock('2015年5月6日，', 'zh')).toEqual(set('2015-5-6'));
    expect(numbersInBlock('On 6 May 2015,', 'en')).toEqual(set('2015-5-6'));
    expect(numbersInBlock('On 5 June 2015,', 'en')).toEqual(set('2015-6-5'));
  });

  it('reads numbers glued to letters', () => {
    expect(numbersInBlock('1V1比对，不低于40M', 'zh')).toEqual(set('1', '40'));
  });

  it('reads a small count spelled out in a compound, and not the word alone', () => {
    expect(
      numbersInBlock('a new two-storey centre building and a one-storey duty-room building', 'en'),
    ).toEqual(set('2', '1'));
    expect(numbersInBlock('one of the projects', 'en')).toEqual(set());
    expect(numbersInBlock('the Twelfth Five-Year Plan', 'en')).toEqual(set());
  });

  it('does not count Chinese numerals', () => {
    expect(numbersInBlock('“十二五”专项规划', 'zh')).toEqual(set());
  });
});

describe('compareNumbers', () => {
  it('finds what is missing on either side', () => {
    const zh = numbersIn(['新建涉案财物管理中心一栋共2层，值班室1栋1层。'], 'zh');
    const en = numbersIn(['one new 2-storey centre and a 1-storey duty room of 3 buildings'], 'en');
    expect(compareNumbers(zh, en)).toEqual({ missingInEn: [], extraInEn: ['3'] });
  });
});
