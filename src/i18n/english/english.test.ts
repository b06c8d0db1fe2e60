import { describe, expect, it } from 'vitest';
import { statesSameNumbers } from '../../domain/numbers';
import { ORGANISATION_TERMS } from './terms';
import { composeOrganisation, composePlace } from './names';
import { translateByRule, translateHeading, translateUnitLabel } from './sentences';
import { translateTitle } from './title';

describe('the template’s sentences by rule', () => {
  it.each([
    ['本年度预算安排为612.8万元。', 'This year’s budget allocation is CNY 6,128,000.'],
    ['本年度预算安排为2012.95万元；', 'This year’s budget allocation is CNY 20,129,500;'],
    ['本年度预算安排为700万元', 'This year’s budget allocation is CNY 7 million (¥7,000,000)'],
    [
      '本年度预算安排为1.05亿元。',
      'This year’s budget allocation is CNY 105 million (¥105,000,000).',
    ],
    [
      '本年度预算安排为2360000元。',
      'This year’s budget allocation is CNY 2.36 million (¥2,360,000).',
    ],
    [
      '项目估算总投资612.8万元。',
      'The estimated total investment of the project is CNY 6,128,000.',
    ],
    ['本项目采用公开招标方式实施。', 'This project is implemented by open tendering.'],
    ['本项目采用竞争性磋商方式实施。', 'This project is implemented by competitive consultation.'],
    [
      '本项目采用公开招标方式确定施工单位。',
      'The construction contractor of this project is chosen by open tendering.',
    ],
    [
      '本项目采用财政预算非税安排经费的方式实施',
      'This project is implemented by way of funds appropriated from non-tax budget revenue',
    ],
    [
      '资金来源：省级补助资金、县级配套资金',
      'Sources of funds: provincial subsidy, county matching funds',
    ],
    [
      '其中：省级补助资金200万元，县级配套资金150万元。',
      'This comprises: provincial subsidy CNY 2 million (¥2,000,000), county matching funds CNY 1.5 million (¥1,500,000).',
    ],
    [
      '（二）、瑞丽市公安局党委会讨论通过',
      '(2) Discussed and adopted at a meeting of the Party Committee of the Ruili City Public Security Bureau',
    ],
    [
      '（二）、瑞丽市公安局党委会议通过',
      '(2) Adopted at a meeting of the Party Committee of the Ruili City Public Security Bureau',
    ],
  ])('%s → %s', (zh, en) => {
    expect(translateByRule(zh)).toBe(en);
    // And the check’s number cross-check accepts what the rule wrote.
    expect(statesSameNumbers(zh, en)).toBe(true);
  });

  it.each([
    ['2022年度', 'FY2022'],
    ['2022年3月至2023年6月', 'March 2022 to June 2023'],
    ['2021年3月—2021年12月', 'March 2021 to December 2021'],
    ['2021年9月至2021年11月', 'September 2021 to November 2021'],
    ['2021年1-12月', 'January to December 2021'],
  ])('the period %s → %s, which the number cross-check accepts', (zh, en) => {
    expect(translateByRule(zh)).toBe(en);
    expect(statesSameNumbers(zh, en)).toBe(true);
  });

  it.each([
    '完成瑞丽市公安局执法办案中心主体建设。',
    '本年度预算安排为700万元，用于设备采购。',
    '本项目采用某种新方式实施。',
    '资金来源：省级补助资金、社会捐赠',
    '本年度预算安排为人民币柒佰万元整（6,000,000.00元）。',
  ])('gives no English for what no rule states exactly: %s', (zh) => {
    expect(translateByRule(zh)).toBeNull();
  });
});

describe('headings by rule', () => {
  it.each([
    ['（1） 、项目可行性', '(1) Project feasibility'],
    ['（一）、建设规模', '(1) Scale of construction'],
    ['（三）、实施周期', '(3) Implementation period'],
    ['1、实施方式', '1. Implementation method'],
    ['项目基本概况', 'Project overview'],
    ['资金安排', 'Funding arrangements'],
    ['（十二）、投资估算', '(12) Investment estimate'],
  ])('%s → %s', (zh, en) => {
    expect(translateHeading(zh)).toBe(en);
  });

  it('leaves a heading the template does not name untranslated', () => {
    expect(translateHeading('（一）、人脸识别市局平台的搭建')).toBeNull();
  });

  it('translates the labels before the implementing unit', () => {
    expect(translateUnitLabel('项目实施单位')).toBe('Implementing unit');
    expect(translateUnitLabel('项目单位')).toBe('Project unit');
    expect(translateUnitLabel('承办方')).toBeNull();
  });
});

describe('names by rule', () => {
  it.each([
    ['瑞丽市公安局', 'Ruili City Public Security Bureau'],
    ['陇川县司法局', 'Longchuan County Justice Bureau'],
    ['德宏州财政局', 'Dehong Prefecture Finance Bureau'],
    ['盈江县卫生健康委员会', 'Yingjiang County Health Commission'],
    ['瑞丽市人民政府办公室', 'General Office of the Ruili City People’s Government'],
    ['瑞丽市自然资源局', 'Ruili City Natural Resources Bureau'],
    ['陇川县教育体育局', 'Longchuan County Education and Sports Bureau'],
  ])('%s → %s', (zh, en) => {
    expect(composeOrganisation(zh)).toBe(en);
  });

  it.each([
    ['云南省德宏州瑞丽市', 'Ruili City, Dehong Prefecture, Yunnan Province'],
    ['德宏州', 'Dehong Prefecture'],
    ['陇川县', 'Longchuan County'],
  ])('the place %s → %s', (zh, en) => {
    expect(composePlace(zh)).toBe(en);
  });

  it.each([
    '瑞丽市某某中心',
    '芒市教育体育局',
    '云南省德宏傣族景颇族自治州瑞丽市',
    '德宏州瑞丽市公安局',
  ])(
    'composes no English for %s (a term not on the list, a one-character place, more than one place)',
    (zh) => {
      expect(composePlace(zh) ?? composeOrganisation(zh)).toBeNull();
    },
  );

  it('has a reviewed list of at least 60 organisation terms of county and city government', () => {
    expect(Object.keys(ORGANISATION_TERMS).length).toBeGreaterThanOrEqual(60);
  });
});

describe('the publication title by rule', () => {
  it('says Disclosure, the year, the budget and the department, one pattern everywhere', () => {
    expect(translateTitle('瑞丽市司法局2021年预算重点领域财政项目文本公开', '瑞丽市司法局')).toBe(
      'Disclosure of the Key-Area Fiscal Project Texts of the 2021 Budget of the Ruili City Justice Bureau',
    );
    expect(
      translateTitle('瑞丽市公安局部门2020年预算重点领域财政项目文本公开', '瑞丽市公安局'),
    ).toBe(
      'Disclosure of the Key-Area Fiscal Project Texts of the 2020 Departmental Budget of the Ruili City Public Security Bureau',
    );
    expect(translateTitle('关于瑞丽市司法局的说明', '瑞丽市司法局')).toBeNull();
  });
});
