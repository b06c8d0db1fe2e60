import { describe, expect, it } from 'vitest';
import { buildImport, slugOf } from './build';
import { splitProjects } from './parse';
import {
  enumerationOf,
  enumerationStyle,
  ImportError,
  readPartHeading,
  readSubsectionHeading,
} from './headings';
import { parseAmount } from './published-amount';

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
    // What the line looks like, which part was expected, and every form that part may take.
    expect(() => splitProjects(lines.join('\n'))).toThrow(
      new ImportError(
        12,
        '“7、项目实施计划” (numbered 7、) is the heading of part 7 项目实施计划, out of order; expected part 6, 资金安排情况 (printed as 资金安排情况 / 资金安排 / 项目资金安排 / 项目资金安排情况). ' +
          "A part's heading is its number, if any, then its title, with its content after a colon on the same line or on the next lines, " +
          'e.g. 6、资金安排情况 | 6.资金安排情况 | 六、资金安排情况 | （六）资金安排情况 | 第六部分 资金安排情况 | 资金安排情况 | 六、资金安排情况：…',
      ),
    );
  });

  it.each([
    ['1、项目名称', 'name', null],
    ['1.项目名称', 'name', null],
    ['1. 项目名称', 'name', null],
    ['一、项目名称：农村义务教育学校运动场改造', 'name', '农村义务教育学校运动场改造'],
    ['一、项目名称:农村义务教育学校运动场改造', 'name', '农村义务教育学校运动场改造'],
    ['（一）项目名称', 'name', null],
    ['（一）、立项依据', 'basis', null],
    ['(三) 实施单位：合成县教育体育局', 'implementing-unit', '合成县教育体育局'],
    ['第四部分 项目基本概况', 'overview', null],
    ['第 5 部分：项目实施内容', 'content', null],
    ['６、资金安排', 'funding', null],
    ['　七、 项目实施计划', 'plan', null],
    ['项目实施单位及主管部门', 'implementing-unit', null],
    ['预期成效', 'outcomes', null],
    ['6、资金安排：涉及国家秘密，不予公开', 'funding', null],
  ] as const)('reads the part heading %s', (line, id, inline) => {
    const heading = readPartHeading(line);
    expect(heading?.id).toBe(id);
    expect(heading?.inline ?? null).toBe(inline);
  });

  it('reads a subsection with its content after the colon, and none from a numbered sentence', () => {
    expect(readSubsectionHeading('（一）项目可行性：全县农村学校现有土质运动场14块。')).toEqual({
      title: '项目可行性',
      withheld: null,
      inline: '全县农村学校现有土质运动场14块。',
    });
    expect(readSubsectionHeading('1.可行性：涉密，不予公开')).toEqual({
      title: '可行性',
      withheld: 'classified',
      inline: null,
    });
    expect(readSubsectionHeading('（二）建设内容：新建教学楼一栋')).toBeNull();
    expect(readPartHeading('1、关于2021年预算重点领域财政项目的说明')).toBeNull();
  });

  it('reads subsection headings, the inline withheld form included, and leaves sentences alone', () => {
    expect(readSubsectionHeading('（一）、项目可行性')).toEqual({
      title: '项目可行性',
      withheld: null,
      inline: null,
    });
    expect(readSubsectionHeading('（1） 、项目可行性：涉密不宜公开')).toEqual({
      title: '项目可行性',
      withheld: 'classified',
      inline: null,
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
    // ü is written v, never dropped (法律 once became fa-l).
    expect(slugOf('法律援助服务经费', taken)).toBe('fa-lv-yuan-zhu-fu-wu');
    expect(slugOf('妇女儿童之家', taken)).toBe('fu-nv-er-tong-zhi-jia');
    expect(slugOf('旅游厕所改造', taken)).toBe('lv-you-ce-suo-gai-zao');
    expect(slugOf('绿化提升工程', taken)).toBe('lv-hua-ti-sheng-gong-cheng');
    expect(slugOf('发展战略研究', taken)).toBe('fa-zhan-zhan-lve-yan-jiu');
  });
});

describe('the files it writes', () => {
  it('refuses a line after a heading that says 涉密不宜公开, naming it: a withheld part shows only its marker', () => {
    const lines = ['合成市甲局部门2021年预算重点领域财政项目文本公开', ...project((n) => `${n}、`)];
    lines[9] = '5、项目实施内容：涉密不宜公开';
    lines[10] = '另附说明一段。';
    lines[12] = '本年度预算安排为50万元；';
    lines.splice(14, 1, '（一）、实施周期', '2021年度');
    const importing = () =>
      buildImport(lines.join('\n'), {
        departmentSlug: 'synth-a',
        original: {
          bytes: new TextEncoder().encode(lines.join('\n')),
          format: 'txt',
          encoding: 'utf-8',
        },
        updated: '2026-11-25',
      });
    expect(importing).toThrow(ImportError);
    expect(importing).toThrow(
      /^line 11: “另附说明一段。” follows “5、项目实施内容：涉密不宜公开”, which withholds the part/,
    );
  });
});

describe('around the projects', () => {
  const TITLE = '合成市甲局部门2021年预算重点领域财政项目文本公开';
  const text = (before: string[], after: string[]) =>
    [TITLE, ...before, ...project((n) => `${n}、`), ...after].join('\n');

  it('keeps the lines before the first project as the preface, and a closing issuer and date as the signature', () => {
    const preface =
      '根据《中华人民共和国预算法》要求，现将我局2021年预算重点领域财政项目文本公开如下：';
    const {
      preface: read,
      signature,
      projects,
    } = splitProjects(text([preface], ['合成市甲局', '二〇二一年三月十五日']));
    expect(read.map((l) => l.text)).toEqual([preface]);
    expect(signature?.issuer?.text).toBe('合成市甲局');
    expect(signature?.isoDate).toBe('2021-03-15');
    expect(projects[0]!.parts.outcomes.lines.map((l) => l.text)).toEqual(['第8部分的正文。']);
  });

  it('takes a closing date alone as the signature, and a last sentence never', () => {
    expect(splitProjects(text([], ['2021年3月15日'])).signature?.issuer).toBeNull();
    const { signature, projects } = splitProjects(text([], ['本项目于2021年3月15日开工。']));
    expect(signature).toBeNull();
    expect(projects[0]!.parts.outcomes.lines.map((l) => l.text)).toContain(
      '本项目于2021年3月15日开工。',
    );
  });

  it('reads headings that carry no number (a .doc keeps automatic numbers out of its text)', () => {
    const lines = [TITLE, ...PARTS.flatMap((title, i) => [title, `第${i + 1}部分的正文。`])];
    const { projects, unnumbered } = splitProjects(lines.join('\n'));
    expect(projects).toHaveLength(1);
    expect(unnumbered.map((l) => l.line)).toEqual([2, 4, 6, 8, 10, 12, 14, 16]);
  });
});

describe('fields as written', () => {
  const build = (edit: (lines: string[]) => void) => {
    const lines = ['合成市甲局部门2021年预算重点领域财政项目文本公开', ...project((n) => `${n}、`)];
    edit(lines);
    const { files } = buildImport(lines.join('\n'), {
      departmentSlug: 'synth-a',
      original: { bytes: new Uint8Array(), format: 'txt', encoding: 'utf-8' },
      updated: '2026-11-30',
    });
    return [...files].find(([path]) => path.includes('/zh/'))![1] as string;
  };

  it('keeps a month-range period verbatim, and tells a procurement method from a source of funds, with or without 的', () => {
    const zh = build((lines) => {
      lines[12] = '本年度预算安排为1523.68万元，本项目采用政府采购方式实施。';
      lines.splice(14, 1, '（一）、实施周期', '2021年4月至2022年8月');
    });
    expect(zh).toContain('  period:\n    published: 2021年4月至2022年8月\n');
    // How the work is bought is not where the money comes from.
    expect(zh).toContain('procurementMethod: 政府采购\n');
    expect(zh).not.toContain('source:');
    expect(zh).not.toContain('fiscalYear');
    const funded = build((lines) => {
      lines[12] = '本年度预算安排为50万元，本项目采用财政预算非税安排经费的方式实施。';
      lines.splice(14, 1, '（一）、实施周期', '2021年度');
    });
    expect(funded).toContain('  source: 财政预算非税安排经费\n');
    expect(funded).not.toContain('procurementMethod');
    // Each fact with the line it was read from.
    expect(funded).toContain(
      'evidence:\n  amount: line 13\n  source: line 13\n  period: line 16\n',
    );
  });

  it('makes a withheld basis item a withheld item among the others', () => {
    const zh = build((lines) => {
      lines[4] = '（一）、合政发（2020）18号：合成市人民政府《关于印发档案规划的通知》';
      lines.splice(5, 0, '（二）、涉密 不宜公开。');
      lines[13] = '本年度预算安排为50万元；';
      lines.splice(15, 1, '（一）、实施周期', '2021年度');
    });
    expect(zh).toContain('  - published: （二）、涉密 不宜公开。\n    withheld: classified\n');
  });
});
