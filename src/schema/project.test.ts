import { describe, expect, it } from 'vitest';
import { fieldIssues } from './issues';
import { ProjectZhSchema } from './project';
import { PublicationSchema } from './publication';
import { ProjectTranslationSchema } from './translation';

/** A well-formed disclosure's frontmatter, written here so that no test depends on the real content. */
const real = (): Record<string, unknown> => ({
  slug: 'archive-centre',
  order: 1,
  name: '档案管理中心建设',
  basis: [
    {
      published:
        '（一）、合政办发（2019）13号：合成市人民政府办公室《关于印发合成市档案管理办法的通知》',
      number: '合政办发（2019）13号',
      issuer: '合成市人民政府办公室',
      title: '关于印发合成市档案管理办法的通知',
    },
    { published: '（二）、合成市档案局党组会议通过' },
  ],
  implementingUnit: { supervisor: '合成市档案局', unit: '合成市档案局', unitLabel: '项目实施单位' },
  funding: { amountYuan: 7000000, published: '700万元', source: '财政预算安排经费' },
  plan: {
    estimate: { amountYuan: 7000000, published: '700万元' },
    period: { published: '2021年4月至2022年8月' },
  },
});

/** Validates and returns "path: message" lines, or [] when valid. */
function problems(data: unknown): string[] {
  const result = ProjectZhSchema.safeParse(data);
  return result.success
    ? []
    : fieldIssues(result.error.issues, data).map((i) => `${i.path}: ${i.message}`);
}

describe('project schema', () => {
  it('refuses a project slug that is an address of its publication', () => {
    expect(problems({ ...real(), slug: 'source' })).toEqual([
      'slug: "source" is an address of the publication itself (…/source/); choose another slug',
    ]);
  });

  it('accepts a well-formed disclosure, its translation and its publication', () => {
    expect(problems(real())).toEqual([]);
    const translation = {
      name: 'Construction of the Archive Management Centre',
      basis: [
        { published: '(1) 合政办发（2019）13号: Notice …', title: 'Notice …' },
        { published: '(2) Adopted by the Party group meeting' },
      ],
      implementingUnit: {
        supervisor: 'Synthetic City Archives Bureau',
        unit: 'Synthetic City Archives Bureau',
        unitLabel: 'Implementing unit',
      },
      funding: { source: 'funds arranged in the fiscal budget' },
    };
    expect(ProjectTranslationSchema.safeParse(translation).success).toBe(true);
    const publication = {
      slug: 'synth-archives-2020',
      departmentSlug: 'synth-archives',
      fiscalYear: 2020,
      department: '合成市档案局',
      region: '合成省合成市',
      title: '合成市档案局部门2020年预算重点领域财政项目文本公开',
      source: { file: 'synth-archives-2020.zh.txt', sha256: 'a'.repeat(64) },
      updated: '2026-11-24',
      en: {
        department: 'Synthetic City Archives Bureau',
        region: 'Synthetic City',
        title: 'Texts of Key-Area Fiscal Projects',
      },
    };
    expect(PublicationSchema.safeParse(publication).success).toBe(true);
  });

  it('rejects a missing funding amount, naming the field', () => {
    const data = real();
    delete (data.funding as Record<string, unknown>).amountYuan;
    expect(problems(data)).toEqual([expect.stringMatching(/^funding\.amountYuan: is required/)]);
  });

  it('rejects a negative amount', () => {
    const data = real();
    (data.funding as Record<string, unknown>).amountYuan = -7000000;
    expect(problems(data)).toContainEqual(
      expect.stringMatching(/^funding\.amountYuan: must be more than zero/),
    );
  });

  it('rejects an amount finer than one yuan', () => {
    const data = real();
    (data.funding as Record<string, unknown>).amountYuan = 7000000.5;
    expect(problems(data)).toContainEqual(
      expect.stringMatching(/^funding\.amountYuan: must be a whole number of yuan/),
    );
  });

  it('rejects 万 written into the numeric field', () => {
    const data = real();
    (data.funding as Record<string, unknown>).amountYuan = '700万';
    expect(problems(data)).toEqual([
      expect.stringMatching(
        /^funding\.amountYuan: must be a number of yuan, e\.g\. 7000000 for 700万元; found "700万"/,
      ),
    ]);
  });

  it('rejects an amount that disagrees with its published wording', () => {
    const data = real();
    (data.funding as Record<string, unknown>).amountYuan = 700;
    expect(problems(data)).toEqual([
      'funding.published: says 700万元 but amountYuan 700 is 0.07万元',
    ]);
  });

  it('rejects an unknown key such as a typo', () => {
    const data = { ...real(), fundng: {} };
    expect(problems(data)).toEqual([
      'fundng: unknown field "fundng"; check its spelling, or remove it',
    ]);
    const nested = real();
    (nested.implementingUnit as Record<string, unknown>).untt = 'x';
    expect(problems(nested)).toEqual([
      'implementingUnit.untt: unknown field "untt"; check its spelling, or remove it',
    ]);
    const renamed: Record<string, unknown> = real();
    renamed.fundng = renamed.funding;
    delete renamed.funding;
    expect(problems(renamed)).toEqual([
      'funding: is required',
      'fundng: unknown field "fundng"; did you mean "funding"?',
    ]);
  });

  it('rejects a withheld section that also has text', () => {
    const data = { ...real(), implementingUnit: { withheld: 'classified', unit: '合成市档案局' } };
    expect(problems(data)).toEqual([
      expect.stringMatching(
        /^implementingUnit: a withheld section must hold nothing but its reason; remove unit/,
      ),
    ]);
  });

  it('rejects an unknown withheld reason', () => {
    const data = { ...real(), basis: { withheld: 'secret' } };
    expect(problems(data)).toEqual([
      expect.stringMatching(
        /^basis\.withheld: unknown withheld reason "secret"; known reasons: classified/,
      ),
    ]);
  });

  it('accepts a withheld section with a known reason', () => {
    expect(problems({ ...real(), implementingUnit: { withheld: 'classified' } })).toEqual([]);
  });

  it('rejects an empty string where text is required', () => {
    expect(problems({ ...real(), name: '  ' })).toEqual([
      expect.stringMatching(/^name: must not be empty/),
    ]);
  });

  it('rejects structured basis parts that are not in the published wording', () => {
    const data = real();
    (data.basis as Record<string, unknown>[])[0]!.number = '合政办发（2020）1号';
    expect(problems(data)).toEqual([
      'basis[0].number: "合政办发（2020）1号" does not appear in the published wording',
    ]);
  });

  it('keeps the period as published and reads no year out of it: the fiscal year is the publication’s', () => {
    const data = real();
    (data.plan as { period: Record<string, unknown> }).period.fiscalYear = 2021;
    expect(problems(data)).toEqual([
      'plan.period.fiscalYear: unknown field "fiscalYear"; check its spelling, or remove it',
    ]);
  });

  it('accepts a basis item that is itself withheld, and only one that says so and nothing more', () => {
    const data = real();
    (data.basis as Record<string, unknown>[])[1] = {
      published: '（二）、涉密不宜公开',
      withheld: 'classified',
    };
    expect(problems(data)).toEqual([]);
    (data.basis as Record<string, unknown>[])[1] = {
      published: '（二）、合成市档案局党组会议通过',
      withheld: 'classified',
    };
    expect(problems(data)).toEqual([
      'basis[1].published: a withheld item says only that it is withheld (涉密不宜公开), not "（二）、合成市档案局党组会议通过"',
    ]);
  });
});

describe('publication schema: preface, signature and the original file', () => {
  const publication = (extra: Record<string, unknown>) => ({
    slug: 'hecheng-a-2021',
    departmentSlug: 'hecheng-a',
    fiscalYear: 2021,
    department: '合成市甲局',
    title: '合成市甲局部门2021年预算重点领域财政项目文本公开',
    source: {
      file: 'hecheng-a-2021-key-projects.zh.txt',
      sha256: 'a'.repeat(64),
      original: {
        file: 'hecheng-a-2021-key-projects.zh.pdf',
        sha256: 'b'.repeat(64),
        format: 'pdf',
      },
    },
    updated: '2026-11-30',
    ...extra,
  });
  const issues = (data: unknown) => {
    const result = PublicationSchema.safeParse(data);
    return result.success
      ? []
      : fieldIssues(result.error.issues, data).map((i) => `${i.path}: ${i.message}`);
  };

  it('accepts a preface, a signature whose date is the printed one, and a PDF original', () => {
    expect(
      issues(
        publication({
          preface: [
            '根据《中华人民共和国预算法》要求，现将我局2021年预算重点领域财政项目文本公开如下：',
          ],
          signature: {
            issuer: '合成市甲局',
            published: '二〇二一年三月十五日',
            date: '2021-03-15',
          },
        }),
      ),
    ).toEqual([]);
  });

  it('refuses a signature date that is not the printed one', () => {
    expect(
      issues(publication({ signature: { published: '2021年3月15日', date: '2021-05-13' } })),
    ).toEqual(['signature.date: is 2021-05-13, but the text says 2021年3月15日 (2021-03-15)']);
  });
});
