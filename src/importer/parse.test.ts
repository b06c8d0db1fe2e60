import { describe, expect, it } from 'vitest';
import { buildImport, slugOf } from './build';
import {
  enumerationOf,
  enumerationStyle,
  ImportError,
  parseAmount,
  readSubsectionHeading,
  splitProjects,
} from './parse';

const PARTS = [
  '项目名称',
  '立项依据',
  '项目实施单位',
  '项目基本概况',
  '项目实施内容',
  '资金安排情况',
  '项目实施计划',
  '项目实施成效',
];
const project = (numbering: (n: number) => string) =>
  PARTS.flatMap((title, i) => [`${numbering(i + 1)}${title}`, `第${i + 1}部分的正文。`]);

describe('the template reader', () => {
  it.each([
    ['1、', (n: number) => `${n}、`],
    ['一、', (n: number) => `${'一二三四五六七八'[n - 1]!}、`],
    ['（一）、', (n: number) => `（${'一二三四五六七八'[n - 1]!}）、`],
    ['（1） 、', (n: number) => `（${n}） 、`],
    ['(1)', (n: number) => `(${n})`],
    ['1.', (n: number) => `${n}.`],
    ['full-width digits and spaces', (n: number) => `${String.fromCharCode(0xff10 + n)}、\u3000`],
  ])('finds the eight parts numbered %s, with or without blank lines', (_, numbering) => {
    for (const separator of ['\n', '\n\n']) {
      const { title, projects } = splitProjects(
        [
          '合成市甲局部门2021年预算重点领域财政项目文本公开',
          ...project(numbering),
          ...project(numbering),
        ].join(separator),
      );
      expect(title.text).toBe('合成市甲局部门2021年预算重点领域财政项目文本公开');
      expect(projects).toHaveLength(2);
      expect(projects[1]!.parts.outcomes.lines.map((l) => l.text)).toEqual(['第8部分的正文。']);
    }
  });

  it('names the line where a part was expected', () => {
    const lines = ['标题', ...project((n) => `${n}、`)];
    lines.splice(11, 2); // drop 6、资金安排情况 and its text
    expect(() => splitProjects(lines.join('\n'))).toThrow(
      new ImportError(12, 'expected part 6、资金安排情况, found 7、项目实施计划'),
    );
  });

  it('reads subsection headings, the inline withheld form included, and leaves sentences alone', () => {
    expect(readSubsectionHeading('（一）、项目可行性')).toEqual({
      title: '项目可行性',
      withheld: null,
    });
    expect(readSubsectionHeading('（1） 、项目可行性：涉密不宜公开')).toEqual({
      title: '项目可行性',
      withheld: 'classified',
    });
    expect(
      readSubsectionHeading('（1）《关于加强公共安全视频监控建设联网应用工作的若干意见》'),
    ).toBeNull();
    expect(
      readSubsectionHeading('（一）、有效提升了治安防控能力，增强了打击各种犯罪能力；'),
    ).toBeNull();
    expect(enumerationStyle(enumerationOf('（二）、总体思路')!)).not.toBe(
      enumerationStyle(enumerationOf('1、 政策可行性')!),
    );
  });

  it('reads amounts in 万元, 元 and 亿元, with full-width digits, exactly', () => {
    expect(parseAmount('2012.95万元')).toBe(20_129_500);
    expect(parseAmount('３,５００,０００元')).toBe(3_500_000);
    expect(parseAmount('1.2亿元')).toBe(120_000_000);
    expect(parseAmount('约700万元')).toBeNull();
    expect(parseAmount('0.00001万元')).toBeNull();
  });

  it('makes short ASCII slugs from Chinese names, numbering collisions', () => {
    const taken = new Set<string>();
    expect(slugOf('涉案财物管理中心建设', taken)).toBe('she-an-cai-wu-guan-li');
    expect(slugOf('涉案财物管理中心建设二期', taken)).toBe('she-an-cai-wu-guan-li-2');
    expect(slugOf('LED显示屏', taken)).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });
});

describe('the files it writes', () => {
  it('keeps every line of a part whose heading says 涉密不宜公开, with the marker where the heading stood', () => {
    const lines = ['合成市甲局部门2021年预算重点领域财政项目文本公开', ...project((n) => `${n}、`)];
    lines[9] = '5、项目实施内容：涉密不宜公开';
    lines[10] = '另附说明一段。';
    lines[12] = '本年度预算安排为50万元；';
    lines.splice(14, 1, '（一）、实施周期', '2021年度');
    const { files } = buildImport(lines.join('\n'), {
      departmentSlug: 'synth-a',
      original: { bytes: new TextEncoder().encode(lines.join('\n')), extension: 'txt' },
      updated: '2026-11-25',
    });
    const zh = [...files].find(([path]) => path.includes('/zh/'))![1] as string;
    expect(zh).toMatch(
      /## 项目实施内容 \{#content\}\n\n::withheld\{reason="classified"\}\n\n另附说明一段。/,
    );
  });
});
