import { describe, expect, it } from 'vitest';
import { stripEnumeration } from './enumeration';

describe('stripEnumeration', () => {
  it.each([
    ['1、 项目名称', '项目名称'],
    ['（一）、项目可行性', '项目可行性'],
    ['（1） 、项目可行性：涉密不宜公开', '项目可行性：涉密不宜公开'],
    [
      '（1）《关于加强公共安全视频监控建设联网应用工作的若干意见》',
      '《关于加强公共安全视频监控建设联网应用工作的若干意见》',
    ],
    ['2、技术可行性', '技术可行性'],
    ['(1) Project feasibility', 'Project feasibility'],
    ['(iii) Method', 'Method'],
    ['1. Policy feasibility', 'Policy feasibility'],
  ])('%s → %s', (input, expected) => {
    expect(stripEnumeration(input)).toBe(expected);
  });

  it('keeps numbers that are content', () => {
    expect(stripEnumeration('2020年度')).toBe('2020年度');
    expect(stripEnumeration('2015年5月6日，国家发展和改革委员会')).toBe(
      '2015年5月6日，国家发展和改革委员会',
    );
    expect(stripEnumeration('2020 fiscal year')).toBe('2020 fiscal year');
  });
});
