import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { buildModel } from '../model/build';
import { readContent } from '../model/read-content';
import type { ModelInput } from '../model/types';
import { toCsv } from './csv';
import { fieldRows, withheldRows, type SchemaNode } from './dictionary';
import { disclosuresJsonSchema } from './json-schema';
import { disclosuresFile as fileSchema } from './record';
import { disclosuresFile, type Links } from './records';

const ROOT = `${import.meta.dirname}/../..`;
const links: Links = {
  page: (locale, path) => `https://example.org/${locale === 'en' ? 'en/' : ''}${path}`,
  file: (path) => `https://example.org/${path}`,
};

function input(): ModelInput {
  const { input, problems } = readContent(ROOT);
  expect(problems).toEqual([]);
  return structuredClone(input);
}

/** The real content with the face-recognition project's amount, unit and basis withheld in both languages. */
function withheldInput(): ModelInput {
  const content = input();
  for (const entry of [...content.disclosures, ...content.translations].filter((e) => e.id.endsWith('/face-recognition-system'))) {
    const data = entry.data as Record<string, unknown>;
    data.funding = { withheld: 'classified' };
    data.implementingUnit = { withheld: 'classified' };
    data.basis = { withheld: 'classified' };
  }
  // The #funding section then says nothing but the marker, as the model requires of a withheld amount.
  for (const entry of [...content.disclosures, ...content.translations].filter((e) => e.id.endsWith('/face-recognition-system'))) {
    entry.body = entry.body.replace(/^(本年度预算安排为1300万元；|The budget arranged for this year is CNY 13 million \(¥13,000,000\);)$/m, '::withheld{reason=classified}');
  }
  return content;
}

describe('open data records', () => {
  it('match their own zod schema on the real content', () => {
    const file = disclosuresFile(buildModel(input()), links);
    expect(fileSchema.safeParse(file).success).toBe(true);
    expect(file.totalYuan).toBe(40_129_500);
  });

  it('write a withheld amount, unit and basis as withheld with its reason, in JSON and CSV, never empty or 0', () => {
    const file = disclosuresFile(buildModel(withheldInput()), links);
    const face = file.projects.find((p) => p.slug === 'face-recognition-system')!;
    const marker = { withheld: 'classified', label: { zh: '涉密不宜公开', en: 'Withheld: classified (state secret)' }, explanation: 'https://example.org/withheld/#classified' };
    expect(face.amount).toEqual(marker);
    expect(face.implementingUnit).toEqual(marker);
    expect(face.basis).toEqual(marker);
    expect(face.fundingSource).toEqual(marker);
    expect(fileSchema.safeParse(file).success).toBe(true);
    expect(file.totalYuan).toBe(27_129_500);

    const rows = parse(toCsv(file.projects), { bom: true, columns: true }) as Record<string, string>[];
    const row = rows.find((r) => r.slug === 'face-recognition-system')!;
    for (const column of ['amount_yuan', 'amount_published', 'funding_source', 'implementing_unit', 'supervisor', 'basis_documents']) {
      expect(row[column], column).toBe('withheld:classified');
    }
  });
});

describe('data dictionary', () => {
  const schema = disclosuresJsonSchema('https://example.org/data/disclosures.schema.json') as SchemaNode;
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
    expect(withheldRows(schema).map((r) => r.path)).toEqual(['withheld.withheld', 'withheld.label', 'withheld.label.zh', 'withheld.label.en', 'withheld.explanation']);
  });
});
