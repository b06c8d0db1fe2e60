import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { ContentFixture } from '../generate/fixture';
import { loadModel } from '../check/check';
import { neutraliseFormula, toCsv, writeCsv } from './csv';
import { fieldRows, withheldRows, type SchemaNode } from './dictionary';
import { disclosuresJsonSchema } from './json-schema';
import { DisclosuresFileSchema } from './record-schemas';
import { buildDisclosuresFile, type Links } from './records';

const links: Links = {
  page: (locale, path) => `https://example.org/${locale === 'en' ? 'en/' : ''}${path}`,
  file: (path) => `https://example.org/${path}`,
};

const fixtures: ContentFixture[] = [];
afterAll(() => fixtures.forEach((f) => f.remove()));
function fixture(): ContentFixture {
  const made = new ContentFixture({ count: 3, perPublication: 3, withheldShare: 0 });
  fixtures.push(made);
  return made;
}

describe('open data records', () => {
  it('match their own zod schema, and total the projects', async () => {
    const content = fixture();
    const file = buildDisclosuresFile(await loadModel(content.dir), links);
    expect(DisclosuresFileSchema.safeParse(file).success).toBe(true);
    const amounts = content
      .find(/\/zh\//)
      .map((f) => Number(/amountYuan: (\d+)/.exec(content.read(f))![1]));
    expect(file.totalsByYear.map((y) => y.totalYuan)).toEqual([amounts.reduce((a, b) => a + b, 0)]);
  });

  it('write a withheld amount, unit and basis as withheld with its reason, in JSON and CSV, never empty or 0', async () => {
    const content = fixture();
    const [zh] = content.find(/\/zh\//);
    const yuan = Number(/amountYuan: (\d+)/.exec(content.read(zh!))![1]);
    for (const file of [zh!, zh!.replace('/zh/', '/en/')]) {
      content.edit(file, (t) =>
        t
          .replace(/^basis:\n(?: .*\n)+/m, 'basis:\n  withheld: classified\n')
          .replace(/^implementingUnit:\n(?: .*\n)+/m, 'implementingUnit:\n  withheld: classified\n')
          .replace(/^funding:\n(?: .*\n)+/m, 'funding:\n  withheld: classified\n')
          // The #funding section then says nothing but the marker, as the model requires of a withheld amount.
          .replace(
            /^(?:本年度预算安排为.*|This year’s budget allocation is .*)$/m,
            '::withheld{reason=classified}',
          ),
      );
    }
    const file = buildDisclosuresFile(await loadModel(content.dir), links);
    const project = file.projects.find((p) => p.slug === 'p001')!;
    const marker = {
      withheld: 'classified',
      label: { zh: '涉密不宜公开', en: 'Withheld: classified; not suitable for disclosure' },
      explanation: 'https://example.org/withheld/#classified',
    };
    expect(project.amount).toEqual(marker);
    expect(project.implementingUnit).toEqual(marker);
    expect(project.basis).toEqual(marker);
    expect(project.fundingSource).toEqual(marker);
    expect(DisclosuresFileSchema.safeParse(file).success).toBe(true);
    const others = file.projects
      .filter((p) => p !== project)
      .map((p) => ('yuan' in p.amount ? p.amount.yuan : 0));
    expect(file.totalsByYear[0]!.totalYuan).toBe(others.reduce((a, b) => a + b, 0));
    expect(file.totalsByYear[0]!.totalYuan).not.toBe(others.reduce((a, b) => a + b, 0) + yuan);
    expect(file.totalsByYear[0]!.withheldAmounts).toBe(1);

    const rows = parse<Record<string, string>>(toCsv(file.projects), { bom: true, columns: true });
    const row = rows.find((r) => r.slug === 'p001')!;
    for (const column of [
      'amount_yuan',
      'amount_published',
      'funding_source',
      'implementing_unit',
      'supervisor',
      'basis_documents',
    ]) {
      expect(row[column], column).toBe('withheld:classified');
    }
  });
});

describe('data dictionary', () => {
  const schema = disclosuresJsonSchema(
    'https://example.org/data/disclosures.schema.json',
  ) as SchemaNode;
  const rows = fieldRows(schema);
  const row = (path: string) => rows.find((r) => r.path === path);

  it('lists every field with its type, unit and both descriptions', () => {
    expect(row('projects[].amount.yuan')).toEqual({
      path: 'projects[].amount.yuan',
      type: 'integer',
      unit: { en: 'yuan (CNY)', zh: '元（人民币）' },
      description: { en: 'The amount in whole yuan', zh: '金额，以元为单位的整数' },
    });
    expect(row('projects[].amount')!.type).toBe('object | withheld');
    expect(row('projects[].estimate')!.type).toBe('object | null');
    expect(row('updated')!.type).toBe('string (date)');
    expect(row('currency')!.type).toBe('string = "CNY"');
    for (const r of rows) expect(r.description.en && r.description.zh, r.path).toBeTruthy();
  });

  it('documents the withheld marker once, not inside every field that may carry it', () => {
    expect(rows.some((r) => r.path.startsWith('projects[].amount.withheld'))).toBe(false);
    expect(withheldRows(schema).map((r) => r.path)).toEqual([
      'withheld.withheld',
      'withheld.label',
      'withheld.label.zh',
      'withheld.label.en',
      'withheld.explanation',
    ]);
  });
});

describe('CSV formula injection', () => {
  it.each(['=HYPERLINK("https://evil.example","x")', '+1+1', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd'])(
    'neutralises a cell starting %j with a quote',
    (text) => {
      const csv = writeCsv(['name', 'count'], [{ name: text, count: 5 }]);
      const [row] = parse<Record<string, string>>(csv, {
        bom: true,
        columns: true,
        relax_quotes: true,
      });
      expect(row!.name).toBe(`'${text}`);
      expect(row!.count).toBe('5');
    },
  );

  it('leaves other text and numbers as they are', () => {
    expect(neutraliseFormula('涉案财物管理中心建设')).toBe('涉案财物管理中心建设');
    expect(neutraliseFormula('a=b')).toBe('a=b');
    expect(neutraliseFormula(-7)).toBe(-7);
  });
});
