import { createHash } from 'node:crypto';
import { stringify } from 'yaml';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { formatMillionsEn, formatYuan, groupDigits, toWan } from '../domain/amount';
import { PARTS, SUBSECTIONS, type BodyPartId, type SubsectionId } from '../domain/sections';
import { templateText } from './template-text';

/**
 * Synthetic disclosures in the real schema, for the scale test and the
 * benchmark. Seeded and deterministic: the same options give the same files,
 * byte for byte. Departments and places are fictitious ("合成市", Synthetic
 * City) so generated text can never be mistaken for a real disclosure.
 */
export interface GenerateOptions {
  /** Number of project disclosures (each in zh and en). */
  count: number;
  seed?: number;
  /** Projects per publication (one department, one year). */
  perPublication?: number;
  /** Fiscal years to spread over, newest first. */
  years?: number;
  /** Share of projects with withheld sections, from 0 to 1 (about one in ten, as in the real publication). */
  withheldShare?: number;
}

/** Relative path under the content folder → file text. */
export type ContentFiles = Map<string, string>;

/** mulberry32: small, fast and good enough for test data. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DEPARTMENTS: [string, string, string][] = [
  ['edu', '教育局', 'Education Bureau'],
  ['health', '卫生健康局', 'Health Commission'],
  ['transport', '交通运输局', 'Transport Bureau'],
  ['water', '水务局', 'Water Resources Bureau'],
  ['psb', '公安局', 'Public Security Bureau'],
  ['agri', '农业农村局', 'Agriculture and Rural Affairs Bureau'],
  ['culture', '文化和旅游局', 'Culture and Tourism Bureau'],
  ['housing', '住房和城乡建设局', 'Housing and Urban-Rural Development Bureau'],
  ['env', '生态环境局', 'Ecology and Environment Bureau'],
  ['civil', '民政局', 'Civil Affairs Bureau'],
];

const FACILITIES: [string, string][] = [
  ['综合服务中心', 'integrated service centre'],
  ['信息化平台', 'information platform'],
  ['视频监控系统', 'video surveillance system'],
  ['档案管理中心', 'archive management centre'],
  ['应急指挥中心', 'emergency command centre'],
  ['数据共享平台', 'data-sharing platform'],
  ['培训基地', 'training base'],
  ['供水管网改造', 'water-supply network renovation'],
  ['道路维修工程', 'road repair works'],
  ['便民服务站', 'public service station'],
];

const FEASIBILITY: [string, string][] = [
  [
    '随着合成市经济社会进一步发展，现有设施已不能满足工作需要，迫切需要建设{facility}。',
    'With the further economic and social development of Synthetic City, existing facilities can no longer meet the needs of the work, and there is an urgent need to build the {facilityEn}.',
  ],
  [
    '该项目是提升公共服务能力的重要举措，符合上级部署要求。',
    'The project is an important measure for improving public service capacity and meets the requirements set by higher authorities.',
  ],
];
const APPROACH: [string, string][] = [
  [
    '有效提升{dept}的服务能力，提升群众的获得感和安全感。',
    'Effectively enhance the service capacity of the {deptEn}, and enhance the public’s sense of gain and security.',
  ],
  [
    '以需求为导向，统筹规划，分步实施，注重实效。',
    'Be guided by needs, plan as a whole, implement in steps, and focus on results.',
  ],
];
const CONTENT: [string, string][] = [
  [
    '新建业务用房{a}平方米，配套建设附属设施{b}处。',
    'New construction of {aG} square metres of business premises, with {b} supporting ancillary facilities.',
  ],
  [
    '部署前端采集设备{a}台，建设汇聚节点{b}个。',
    'Deploy {aG} front-end capture devices and build {b} aggregation nodes.',
  ],
  [
    '改造管线{a}米，更新设备{b}套。',
    'Renovate {aG} metres of pipelines and replace {b} sets of equipment.',
  ],
];
const SCALE: [string, string][] = [
  [
    '总面积为：{a}平方米。其中：新建主体建筑一栋共{b}层。',
    'Total area: {aG} square metres. Of which: one new main building of {b} storeys in all.',
  ],
  [
    '覆盖全市{b}个乡镇，服务人口约{a}人。',
    'Covering {b} townships across the city, serving a population of about {aG} people.',
  ],
];
const OUTCOMES: [string, string][] = [
  [
    '通过本项目建设，进一步提升工作效率和服务水平，适应全市社会发展的需要。',
    'Through the construction of this project, work efficiency and service levels will be further improved, meeting the needs of social development across the city.',
  ],
  [
    '项目建成后，将有效改善群众办事条件，提升管理能力。',
    'Once completed, the project will effectively improve conditions for the public in handling their affairs and enhance management capacity.',
  ],
];

const ENUM_ZH = ['（一）', '（二）', '（三）'];

/** A body part's `##` heading, as the template titles it (src/domain/sections.ts). */
const part = (id: BodyPartId) => `## ${PARTS.find((p) => p.id === id)!.title} {#${id}}`;
/** A standard subsection's `###` heading, enumerated as the n-th (from 0) of its part. */
const subsection = (id: SubsectionId, n: number) =>
  `### ${ENUM_ZH[n]!}、${SUBSECTIONS.find((s) => s.id === id)!.title} {#${id}}`;

/** The same headings in English, by the registry's English titles. */
const partEn = (id: BodyPartId) => `## ${PARTS.find((p) => p.id === id)!.en} {#${id}}`;
const subsectionEn = (id: SubsectionId, n: number) =>
  `### (${n + 1}) ${SUBSECTIONS.find((s) => s.id === id)!.en} {#${id}}`;

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '');
}

export function generateContent(options: GenerateOptions): ContentFiles {
  const { count, seed = 20201124, perPublication = 20, years = 10, withheldShare = 0.1 } = options;
  const rand = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const int = (min: number, max: number) => min + Math.floor(rand() * (max - min + 1));
  const files: ContentFiles = new Map();

  const publications = Math.ceil(count / perPublication);
  const yearCount = Math.min(years, publications);
  const departmentCount = Math.ceil(publications / yearCount);
  let made = 0;

  for (let d = 0; d < departmentCount && made < count; d += 1) {
    const [code, deptZhBase, deptEnBase] = DEPARTMENTS[d % DEPARTMENTS.length]!;
    const round = Math.floor(d / DEPARTMENTS.length);
    // Past the ten kinds of department, further districts of the same synthetic city.
    const district =
      round === 0
        ? { zh: '合成市', en: 'Synthetic City' }
        : { zh: `合成市第${round + 1}区`, en: `Synthetic City District ${round + 1}` };
    const deptZh = `${district.zh}${deptZhBase}`;
    const deptEn = `${district.en} ${deptEnBase}`;
    const departmentSlug = `synth-${code}${round ? `-${round + 1}` : ''}`;

    for (let y = 0; y < yearCount && made < count; y += 1) {
      const year = 2025 - y;
      const slug = `${departmentSlug}-${year}`;
      const inThis = Math.min(perPublication, count - made);
      const dir = `${departmentSlug}/${year}`;
      const zhFiles: string[] = [];

      for (let i = 1; i <= inThis; i += 1) {
        made += 1;
        const [facility, facilityEn] = pick(FACILITIES);
        const name = `${deptZh}${facility}建设项目（${ENUM_ZH[i % 3]!.slice(1, 2)}期）`;
        const nameEn = `Construction of the ${facilityEn} of the ${deptEn} (phase ${['one', 'two', 'three'][i % 3]!})`;
        const amountYuan = int(50, 300_000) * 100;
        const wan = `${toWan(amountYuan)}万元`;
        const docYear = year - int(1, 3);
        const docNo = int(1, 60);
        const number = `合政办发（${docYear}）${docNo}号`;
        const title = `关于印发合成市${deptZhBase}${facility}建设实施方案的通知`;
        const titleEn = `Notice on Issuing the Implementation Plan for the ${facilityEn} of the Synthetic City ${deptEnBase}`;
        const withheld = new Set<string>();
        if (rand() < withheldShare) {
          for (const id of ['feasibility', 'approach', 'content', 'scale'] satisfies (
            SubsectionId | BodyPartId
          )[])
            if (rand() < 0.5) withheld.add(id);
          if (withheld.size === 0) withheld.add('content');
        }
        const values = {
          facility,
          facilityEn,
          dept: deptZh,
          deptEn,
          a: String(int(100, 9000)),
          b: String(int(2, 12)),
        };
        const pair = (templates: [string, string][]) => {
          const [zh, en] = pick(templates);
          const v = { ...values, aG: groupDigits(Number(values.a)) };
          return [fill(zh, v), fill(en, v)] as const;
        };
        const section = (id: string, templates: [string, string][]) =>
          withheld.has(id)
            ? (['::withheld{reason=classified}', '::withheld{reason=classified}'] as const)
            : pair(templates);
        const feasibility = section('feasibility', FEASIBILITY);
        const approach = section('approach', APPROACH);
        const content = section('content', CONTENT);
        const scale = section('scale', SCALE);
        const outcomes = pair(OUTCOMES);

        const zhFront = {
          slug: `p${String(i).padStart(3, '0')}`,
          order: i,
          name,
          basis: [
            {
              published: `（一）、${number}：合成市人民政府办公室《${title}》`,
              number,
              issuer: '合成市人民政府办公室',
              title,
            },
            { published: `（二）、${deptZh}党组会议研究通过` },
          ],
          implementingUnit: { supervisor: deptZh, unit: deptZh, unitLabel: '项目实施单位' },
          funding: { amountYuan, published: wan, source: '财政预算安排经费' },
          plan: {
            estimate: { amountYuan, published: wan },
            period: { published: `${year}年度` },
          },
        };
        const zhBody = [
          part('overview'),
          subsection('feasibility', 0),
          feasibility[0],
          subsection('approach', 1),
          approach[0],
          subsection('method', 2),
          '本项目采用财政预算安排经费的方式实施。',
          part('content'),
          content[0],
          part('funding'),
          `本年度预算安排为${wan}；`,
          part('plan'),
          subsection('scale', 0),
          scale[0],
          subsection('estimate', 1),
          `项目估算总投资${wan}。`,
          subsection('period', 2),
          `${year}年度`,
          part('outcomes'),
          outcomes[0],
        ].join('\n\n');
        const amountEn = `${formatMillionsEn(amountYuan)} (${formatYuan(amountYuan)})`;
        const enFront = {
          name: nameEn,
          basis: [
            {
              published: `(1) ${number} (He Zheng Ban Fa [${docYear}] No. ${docNo}): ${titleEn}, issued by the General Office of the Synthetic City People’s Government`,
              issuer: 'General Office of the Synthetic City People’s Government',
              title: titleEn,
            },
            {
              published: `(2) Studied and adopted by the meeting of the Party leadership group of the ${deptEn}`,
            },
          ],
          implementingUnit: { supervisor: deptEn, unit: deptEn, unitLabel: 'Implementing unit' },
          funding: { source: 'funds arranged in the fiscal budget' },
        };
        const enBody = [
          partEn('overview'),
          subsectionEn('feasibility', 0),
          feasibility[1],
          subsectionEn('approach', 1),
          approach[1],
          subsectionEn('method', 2),
          'This project is implemented by way of funds arranged in the fiscal budget.',
          partEn('content'),
          content[1],
          partEn('funding'),
          `This year’s budget allocation is ${amountEn};`,
          partEn('plan'),
          subsectionEn('scale', 0),
          scale[1],
          subsectionEn('estimate', 1),
          `The estimated total investment of the project is ${amountEn}.`,
          subsectionEn('period', 2),
          `The ${year} fiscal year`,
          partEn('outcomes'),
          outcomes[1],
        ].join('\n\n');
        const zhFile = `---\n${stringify(zhFront)}---\n\n${zhBody}\n`;
        zhFiles.push(zhFile);
        files.set(`${dir}/zh/${zhFront.slug}.md`, zhFile);
        files.set(`${dir}/en/${zhFront.slug}.md`, `---\n${stringify(enFront)}---\n\n${enBody}\n`);
      }

      const sourceFile = `${slug}.zh.txt`;
      const title = `${deptZh}部门${year}年预算重点领域财政项目文本公开`;
      // The original text, in the template: the importer reads it back into these same files.
      const sourceText = templateText(title, zhFiles);
      files.set(`sources/${sourceFile}`, sourceText);
      files.set(
        `${dir}/publication.yaml`,
        stringify({
          slug,
          departmentSlug,
          fiscalYear: year,
          department: deptZh,
          region: '合成省合成市',
          title,
          source: {
            file: sourceFile,
            sha256: createHash('sha256').update(sourceText).digest('hex'),
          },
          updated: '2026-11-24',
          en: {
            department: deptEn,
            region: 'Synthetic City, Synthetic Province',
            title: `${deptEn} — ${year} Departmental Budget, Texts of Key-Area Fiscal Projects`,
          },
        }),
      );
    }
  }
  return files;
}

/** Writes generated files into a content folder. */
export function writeContent(dir: string, files: ContentFiles): void {
  for (const [path, text] of files) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}
