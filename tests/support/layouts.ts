/**
 * One county bureau's year of texts (three projects of a fictitious 合成县教育体育局),
 * written in the layouts bureaus use for the same eight-part template: how
 * parts and subsections are numbered (1、 1. 一、 （一） 第一部分 １、 or not
 * at all), where a heading's content goes (on the next line, or after its
 * colon), which wording a heading takes (实施单位, 资金安排, 预期成效, 可行性…),
 * how a part is withheld (涉密不宜公开, 涉及国家秘密，不予公开, 此项涉密…), and how
 * money is written (digits, capital numerals with a restatement, a breakdown,
 * a table). Each layout gives the text and what importing it must record.
 */

import { PARTS } from '../../src/domain/sections';

const DEPARTMENT = '合成县教育体育局';
const TITLE = `${DEPARTMENT}部门2022年预算重点领域财政项目文本公开`;

/** A heading the layout writes: a part (1–8) or a subsection (1–3 within its part). */
export interface Numbering {
  part: (n: number, title: string) => string;
  sub: (n: number, title: string) => string;
}

const ZH = ['', '一', '二', '三', '四', '五', '六', '七', '八'];
const FULL = (n: number) => String.fromCharCode(0xff10 + n);

export const NUMBERINGS = {
  standard: { part: (n, t) => `${n}、${t}`, sub: (n, t) => `（${ZH[n]!}）、${t}` },
  zhNumerals: { part: (n, t) => `${ZH[n]!}、${t}`, sub: (n, t) => `（${ZH[n]!}）${t}` },
  halfWidthDots: { part: (n, t) => `${n}. ${t}`, sub: (n, t) => `(${n}) ${t}` },
  bracketedParts: { part: (n, t) => `（${ZH[n]!}）${t}`, sub: (n, t) => `${n}.${t}` },
  sections: { part: (n, t) => `第${ZH[n]!}部分 ${t}`, sub: (n, t) => `（${ZH[n]!}）${t}` },
  fullWidth: { part: (n, t) => `${FULL(n)}、${t}`, sub: (n, t) => `（${FULL(n)}）${t}` },
  none: { part: (_, t) => t, sub: (_, t) => t },
} satisfies Record<string, Numbering>;

export interface Layout {
  numbering: Numbering;
  /** The project name and each subsection's content on its heading's line, after a colon. */
  inline: boolean;
  /** Heading wordings other than the template's: 实施单位, 资金安排, 实施计划, 预期成效, 可行性. */
  wordings: boolean;
  /** How the second project withholds its feasibility and content parts. */
  withheld: [string, string];
}

export const BASE_LAYOUT: Layout = {
  numbering: NUMBERINGS.standard,
  inline: false,
  wordings: false,
  withheld: ['涉密不宜公开', '涉密不宜公开'],
};

/** What the import of the text must record of each project. */
export interface Expected {
  name: string;
  amountYuan: number;
  published: string;
  source: string | null;
  procurement: string | null;
  breakdown: { source: string; amountYuan: number }[] | null;
  estimateYuan: number | null;
  period: string;
  withheld: string[];
}

interface ProjectText {
  name: string;
  basis: string[];
  unit: string[];
  feasibility: string;
  approach: string;
  method: string;
  content: string[];
  funding: string[];
  scale: string;
  estimate: string;
  period: string;
  outcomes: string;
  expected: Expected;
}

const PROJECTS: ProjectText[] = [
  {
    name: '农村义务教育学校运动场改造',
    basis: [
      '（一）、合县政发（2021）12号：合成县人民政府《关于改善农村义务教育学校办学条件的实施意见》',
    ],
    unit: ['主管部门：合成县教育体育局', '项目实施单位：合成县教育体育局'],
    feasibility:
      '全县农村学校现有土质运动场14块，雨天无法使用，学生体质测试合格率低于全省平均水平。',
    approach: '先中心校后村小，分两年完成。',
    method: '本项目采用公开招标方式确定施工单位。',
    content: ['改造塑胶运动场14块，配套建设排水设施。'],
    funding: [
      '本年度预算安排为350万元。',
      '资金来源：省级补助资金、县级配套资金',
      '其中：省级补助资金200万元，县级配套资金150万元。',
    ],
    scale: '运动场总面积约4.2万平方米。',
    estimate: '项目估算总投资350万元。',
    period: '2022年3月至2023年6月',
    outcomes: '项目建成后，农村学校体育课开课率达到百分之百。',
    expected: {
      name: '农村义务教育学校运动场改造',
      amountYuan: 3_500_000,
      published: '350万元',
      source: '省级补助资金、县级配套资金',
      procurement: '公开招标',
      breakdown: [
        { source: '省级补助资金', amountYuan: 2_000_000 },
        { source: '县级配套资金', amountYuan: 1_500_000 },
      ],
      estimateYuan: 3_500_000,
      period: '2022年3月至2023年6月',
      withheld: [],
    },
  },
  {
    name: '中小学校园安全监控系统建设',
    basis: ['（一）、合县教发（2021）30号：合成县教育体育局《关于加强校园安全防范工作的通知》'],
    unit: ['合成县教育体育局'],
    feasibility: '',
    approach: '统一平台，分校接入。',
    method: '本项目采用财政预算安排经费的方式实施。',
    content: [''],
    funding: ['本年度预算安排为人民币壹佰贰拾捌万零陆佰元整（1,280,600.00元）。'],
    scale: '覆盖全县中小学46所。',
    estimate: '项目估算总投资壹佰贰拾捌万零陆佰元。',
    period: '2022年度',
    outcomes: '校园重点部位监控覆盖率达到百分之百。',
    expected: {
      name: '中小学校园安全监控系统建设',
      amountYuan: 1_280_600,
      published: '人民币壹佰贰拾捌万零陆佰元整',
      source: '财政预算安排经费',
      procurement: null,
      breakdown: null,
      estimateYuan: 1_280_600,
      period: '2022年度',
      withheld: ['feasibility', 'content'],
    },
  },
  {
    name: '县城第二幼儿园新建工程',
    basis: [
      '（一）、合县政办发（2021）8号：合成县人民政府办公室《关于扩大学前教育资源的通知》',
      '（二）、合成县教育体育局党组会议研究通过',
    ],
    unit: ['项目单位：合成县第二幼儿园'],
    feasibility: '县城现有公办幼儿园学位缺口约600个。',
    approach: '一次规划，一次建成。',
    method: '本项目采用政府采购方式实施。',
    content: ['新建教学用房4800平方米，配套建设室外活动场地。'],
    // A table in the part, as Word keeps one: it stays a table, every cell as printed.
    funding: [
      '本年度预算安排为1,280.6万元。',
      '| 资金来源 | 金额（万元） |',
      '| --- | --- |',
      '| 一般公共预算 | 1,280.6 |',
    ],
    scale: '办园规模12个班，360个学位。',
    estimate: '项目估算总投资2560万元。',
    period: '2022年度',
    outcomes: '新增公办学位360个。',
    expected: {
      name: '县城第二幼儿园新建工程',
      amountYuan: 12_806_000,
      published: '1,280.6万元',
      source: null,
      procurement: '政府采购',
      breakdown: null,
      estimateYuan: 25_600_000,
      period: '2022年度',
      withheld: [],
    },
  },
];

/** The eight part titles, as the layout words them. */
function partTitles(layout: Layout): string[] {
  return layout.wordings
    ? [
        '项目名称',
        '立项依据',
        '实施单位',
        '基本概况',
        '实施内容',
        '资金安排',
        '实施计划',
        '预期成效',
      ]
    : PARTS.map((part) => part.title);
}

/** A heading with its content: on its line after a colon, or on the lines after it. */
function headed(layout: Layout, heading: string, content: string[]): string[] {
  if (layout.inline && content.length > 0)
    return [`${heading}：${content[0]!}`, ...content.slice(1)];
  return [heading, ...content];
}

/** The text of a layout, as the bureau would print it, and what its import must record. */
export function writeLayout(layout: Layout): { text: string; expected: Expected[] } {
  const { part, sub } = layout.numbering;
  const titles = partTitles(layout);
  const lines: string[] = [
    TITLE,
    '根据《中华人民共和国预算法》要求，现将我局2022年预算重点领域财政项目文本公开如下：',
  ];
  PROJECTS.forEach((project, p) => {
    const withheld = p === 1;
    const feasibility = withheld ? layout.withheld[0] : project.feasibility;
    const content = withheld ? [layout.withheld[1]] : project.content;
    lines.push(
      ...headed(layout, part(1, titles[0]!), [project.name]),
      part(2, titles[1]!),
      ...project.basis,
      ...(layout.inline && project.unit.length === 1
        ? [`${part(3, titles[2]!)}：${project.unit[0]!}`]
        : [part(3, titles[2]!), ...project.unit]),
      part(4, titles[3]!),
      ...headed(layout, sub(1, layout.wordings ? '可行性' : '项目可行性'), [feasibility]),
      ...headed(layout, sub(2, '总体思路'), [project.approach]),
      ...headed(layout, sub(3, '实施方式'), [project.method]),
      part(5, titles[4]!),
      ...content,
      part(6, titles[5]!),
      ...project.funding,
      part(7, titles[6]!),
      ...headed(layout, sub(1, '建设规模'), [project.scale]),
      ...headed(layout, sub(2, '投资估算'), [project.estimate]),
      ...headed(layout, sub(3, '实施周期'), [project.period]),
      part(8, titles[7]!),
      project.outcomes,
    );
  });
  lines.push(DEPARTMENT, '2022年2月28日');
  return { text: `${lines.join('\n')}\n`, expected: PROJECTS.map((p) => p.expected) };
}

/** The layouts of the test set, by name: each a way bureaus really write the template. */
export const LAYOUTS: Record<string, Layout> = {
  'standard: 1、 parts, （一）、 subsections, content on the next line': BASE_LAYOUT,
  '一、 parts, （一） without 、, name and content after the colon': {
    ...BASE_LAYOUT,
    numbering: NUMBERINGS.zhNumerals,
    inline: true,
  },
  'half-width 1. parts and (1) subsections': {
    ...BASE_LAYOUT,
    numbering: NUMBERINGS.halfWidthDots,
  },
  '（一） parts and 1. subsections': { ...BASE_LAYOUT, numbering: NUMBERINGS.bracketedParts },
  '第一部分 parts': { ...BASE_LAYOUT, numbering: NUMBERINGS.sections },
  'full-width １、 parts and （１） subsections': {
    ...BASE_LAYOUT,
    numbering: NUMBERINGS.fullWidth,
  },
  'no numbers at all (Word heading styles)': { ...BASE_LAYOUT, numbering: NUMBERINGS.none },
  'other wordings: 实施单位, 资金安排, 实施计划, 预期成效, 可行性': {
    ...BASE_LAYOUT,
    wordings: true,
  },
  'other wordings, with the content after the colon': {
    ...BASE_LAYOUT,
    numbering: NUMBERINGS.zhNumerals,
    wordings: true,
    inline: true,
  },
  'withheld as 涉及国家秘密，不予公开 and 此项涉密': {
    ...BASE_LAYOUT,
    withheld: ['涉及国家秘密，不予公开', '此项涉密。'],
  },
  'withheld after the colon as 涉密，不予公开 and 因涉及国家秘密不予公开': {
    ...BASE_LAYOUT,
    numbering: NUMBERINGS.zhNumerals,
    inline: true,
    withheld: ['涉密，不予公开', '因涉及国家秘密不予公开'],
  },
  'no numbers, other wordings, content after the colon': {
    ...BASE_LAYOUT,
    numbering: NUMBERINGS.none,
    wordings: true,
    inline: true,
  },
};

/**
 * The text as a Word file: a paragraph per line, part headings in Word's
 * Heading 1 style, and each table the text holds (`| … |` lines) as a real
 * Word table.
 */
export async function writeLayoutDocx(text: string): Promise<Uint8Array> {
  const { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } =
    await import('docx');
  const { readPartHeading } = await import('../../src/importer/headings');
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  const children: (InstanceType<typeof Paragraph> | InstanceType<typeof Table>)[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    if (lines[i]!.startsWith('|')) {
      const rows: string[][] = [];
      for (; i < lines.length && lines[i]!.startsWith('|'); i += 1)
        if (!/^\|\s*-{3}/.test(lines[i]!))
          rows.push(
            lines[i]!.slice(1, -1)
              .split('|')
              .map((cell) => cell.trim()),
          );
      i -= 1;
      children.push(
        new Table({
          rows: rows.map(
            (cells) =>
              new TableRow({
                children: cells.map(
                  (cell) =>
                    new TableCell({ children: [new Paragraph({ children: [new TextRun(cell)] })] }),
                ),
              }),
          ),
        }),
      );
      continue;
    }
    const isPart = readPartHeading(lines[i]!) !== null;
    children.push(
      new Paragraph({
        ...(isPart ? { heading: HeadingLevel.HEADING_1 } : {}),
        children: [new TextRun(lines[i]!)],
      }),
    );
  }
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children }] })));
}

/** The text as a PDF that Word would make of it (tests/support/pdf.ts): title, headings, indented and wrapped paragraphs, table rows. */
export async function writeLayoutPdf(text: string): Promise<Uint8Array> {
  const { makeChinesePdf } = await import('./pdf');
  const { readPartHeading, readSubsectionHeading } = await import('../../src/importer/headings');
  const lines = text.split('\n').filter((line) => line.trim() !== '' && !/^\|\s*-{3}/.test(line));
  return makeChinesePdf(
    lines.map((line, i) => ({
      text: line,
      kind:
        i === 0
          ? 'title'
          : line.startsWith('|')
            ? 'row'
            : readPartHeading(line) || readSubsectionHeading(line)
              ? 'heading'
              : 'paragraph',
    })),
  );
}
