import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fieldIssues } from './issues';
import { projectZh } from './project';
import { projectTranslation } from './translation';
import { publication } from './publication';

const CONTENT = join(import.meta.dirname, '../../content/ruili-psb/2020');
const frontmatter = (file: string) => parse(readFileSync(file, 'utf8').split(/^---$/m)[1]!) as Record<string, unknown>;
const files = (locale: string) => readdirSync(join(CONTENT, locale)).map((f) => join(CONTENT, locale, f));
const real = () => frontmatter(join(CONTENT, 'zh/case-property-centre.md'));

/** Validates and returns "path: message" lines, or [] when valid. */
function problems(data: unknown): string[] {
  const result = projectZh.safeParse(data);
  return result.success ? [] : fieldIssues(result.error.issues, data).map((i) => `${i.path}: ${i.message}`);
}

describe('project schema', () => {
  it('accepts the three real disclosures and their translations', () => {
    expect(files('zh')).toHaveLength(3);
    for (const file of files('zh')) expect(problems(frontmatter(file)), file).toEqual([]);
    for (const file of files('en')) expect(projectTranslation.safeParse(frontmatter(file)).success, file).toBe(true);
    expect(publication.safeParse(parse(readFileSync(join(CONTENT, 'publication.yaml'), 'utf8'))).success).toBe(true);
  });

  it('rejects a missing funding amount, naming the field', () => {
    const data = real();
    delete (data.funding as Record<string, unknown>).amountYuan;
    expect(problems(data)).toEqual([expect.stringMatching(/^funding\.amountYuan: is required/)]);
  });

  it('rejects a negative amount', () => {
    const data = real();
    (data.funding as Record<string, unknown>).amountYuan = -7000000;
    expect(problems(data)).toContainEqual(expect.stringMatching(/^funding\.amountYuan: must be more than zero/));
  });

  it('rejects an amount finer than one yuan', () => {
    const data = real();
    (data.funding as Record<string, unknown>).amountYuan = 7000000.5;
    expect(problems(data)).toContainEqual(expect.stringMatching(/^funding\.amountYuan: must be a whole number of yuan/));
  });

  it('rejects 万 written into the numeric field', () => {
    const data = real();
    (data.funding as Record<string, unknown>).amountYuan = '700万';
    expect(problems(data)).toEqual([expect.stringMatching(/^funding\.amountYuan: must be a number of yuan, e\.g\. 7000000 for 700万元; found "700万"/)]);
  });

  it('rejects an amount that disagrees with its published wording', () => {
    const data = real();
    (data.funding as Record<string, unknown>).amountYuan = 700;
    expect(problems(data)).toEqual(['funding.published: says 700万元 but amountYuan 700 is 0.07万元']);
  });

  it('rejects an unknown key such as a typo', () => {
    const data = { ...real(), fundng: {} };
    expect(problems(data)).toEqual(['fundng: unknown field "fundng"; check its spelling, or remove it']);
    const nested = real();
    (nested.implementingUnit as Record<string, unknown>).untt = 'x';
    expect(problems(nested)).toEqual(['implementingUnit.untt: unknown field "untt"; check its spelling, or remove it']);
    const renamed: Record<string, unknown> = real();
    renamed.fundng = renamed.funding;
    delete renamed.funding;
    expect(problems(renamed)).toEqual(['funding: is required', 'fundng: unknown field "fundng"; did you mean "funding"?']);
  });

  it('rejects a withheld section that also has text', () => {
    const data = { ...real(), implementingUnit: { withheld: 'classified', unit: '瑞丽市公安局' } };
    expect(problems(data)).toEqual([expect.stringMatching(/^implementingUnit: a withheld section must hold nothing but its reason; remove unit/)]);
  });

  it('rejects an unknown withheld reason', () => {
    const data = { ...real(), basis: { withheld: 'secret' } };
    expect(problems(data)).toEqual([expect.stringMatching(/^basis\.withheld: unknown withheld reason "secret"; known reasons: classified/)]);
  });

  it('accepts a withheld section with a known reason', () => {
    expect(problems({ ...real(), implementingUnit: { withheld: 'classified' } })).toEqual([]);
  });

  it('rejects an empty string where text is required', () => {
    expect(problems({ ...real(), name: '  ' })).toEqual([expect.stringMatching(/^name: must not be empty/)]);
  });

  it('rejects structured basis parts that are not in the published wording', () => {
    const data = real();
    (data.basis as Record<string, unknown>[])[0]!.number = '瑞政办发（2020）1号';
    expect(problems(data)).toEqual(['basis[0].number: "瑞政办发（2020）1号" does not appear in the published wording']);
  });

  it('rejects an invalid year', () => {
    const data = real();
    (data.plan as { period: Record<string, unknown> }).period.fiscalYear = 20;
    expect(problems(data)).toEqual([expect.stringMatching(/^plan\.period\.fiscalYear: must be a four-digit year/)]);
  });
});
