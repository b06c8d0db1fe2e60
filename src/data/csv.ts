import { stringify } from 'csv-stringify/sync';
import type { AmountValue, ProjectRecord, WithheldValue } from './record-schemas';

/**
 * One row per project. Header names are stable English identifiers: tools that
 * read this file rely on them, so add columns at the end and never rename one.
 * A withheld value reads `withheld:<reason>`, never an empty cell or 0; an empty
 * cell means the text says nothing there.
 */
export const CSV_COLUMNS = [
  { key: 'id', en: 'Unique identifier: publication slug / project slug', zh: '唯一标识' },
  { key: 'publication', en: 'Publication slug', zh: '公开文本标识' },
  { key: 'fiscal_year', en: 'Fiscal year', zh: '预算年度' },
  { key: 'department', en: 'Publishing department (Chinese)', zh: '发布部门' },
  { key: 'department_en', en: 'Publishing department (English)', zh: '发布部门（英文）' },
  { key: 'order', en: 'Position in the published document', zh: '原文顺序' },
  { key: 'slug', en: 'Project slug', zh: '项目标识' },
  { key: 'name', en: 'Project name (Chinese, as published)', zh: '项目名称' },
  { key: 'name_en', en: 'Project name (English translation)', zh: '项目名称（英文）' },
  {
    key: 'amount_yuan',
    en: 'This year’s budget in whole yuan, or withheld:<reason>',
    zh: '本年度预算（元），或 withheld:<原因>',
  },
  { key: 'amount_published', en: 'The budget as published in 万元', zh: '原文金额表述（万元）' },
  { key: 'currency', en: 'Currency (ISO 4217)', zh: '币种' },
  { key: 'funding_source', en: 'Source of funds (Chinese)', zh: '资金来源' },
  { key: 'funding_source_en', en: 'Source of funds (English)', zh: '资金来源（英文）' },
  {
    key: 'estimate_yuan',
    en: 'Estimated total investment in yuan; empty where the text gives none',
    zh: '投资估算（元）；原文未写明时为空',
  },
  { key: 'period', en: 'Implementation period as published', zh: '实施周期' },
  { key: 'implementing_unit', en: 'Implementing unit (Chinese)', zh: '实施单位' },
  { key: 'implementing_unit_en', en: 'Implementing unit (English)', zh: '实施单位（英文）' },
  {
    key: 'supervisor',
    en: 'Supervising department (Chinese); empty where the text names none',
    zh: '主管部门；原文未写明时为空',
  },
  {
    key: 'basis_documents',
    en: 'Document numbers of the basis, separated by "; "',
    zh: '立项依据文号，以“; ”分隔',
  },
  {
    key: 'sections_counted',
    en: 'Sections and subsections counted (all but the project name)',
    zh: '计入的章节数（项目名称除外）',
  },
  { key: 'sections_withheld', en: 'Of those, how many are withheld', zh: '其中不公开的数量' },
  {
    key: 'withheld_sections',
    en: 'Withheld sections as <section id>:<reason>, separated by "; "',
    zh: '不公开的章节，格式 <章节锚点>:<原因>，以“; ”分隔',
  },
  { key: 'url', en: 'Chinese page', zh: '中文页面' },
  { key: 'url_en', en: 'English page', zh: '英文页面' },
  { key: 'data_url', en: 'This project as JSON', zh: '本项目 JSON 数据' },
] as const;

export type CsvColumn = (typeof CSV_COLUMNS)[number]['key'];

const withheldCell = (value: WithheldValue) => `withheld:${value.withheld}`;
const isWithheldValue = (value: object): value is WithheldValue => 'withheld' in value;
function pick<T extends object>(
  value: T | WithheldValue,
  read: (value: T) => string | number,
): string | number {
  return isWithheldValue(value) ? withheldCell(value) : read(value);
}

export function csvRow(record: ProjectRecord): Record<CsvColumn, string | number> {
  return {
    id: record.id,
    publication: record.publication,
    fiscal_year: record.fiscalYear,
    department: record.department.zh,
    department_en: record.department.en,
    order: record.order,
    slug: record.slug,
    name: record.name.zh,
    name_en: record.name.en,
    amount_yuan: pick(record.amount, (a: AmountValue) => a.yuan),
    amount_published: pick(record.amount, (a: AmountValue) => a.published),
    currency: 'CNY',
    funding_source: pick(record.fundingSource, (s) => s.zh),
    funding_source_en: pick(record.fundingSource, (s) => s.en),
    estimate_yuan: record.estimate?.yuan ?? '',
    period: record.period.published,
    implementing_unit: pick(record.implementingUnit, (u) => u.unit.zh),
    implementing_unit_en: pick(record.implementingUnit, (u) => u.unit.en),
    supervisor: pick(record.implementingUnit, (u) => u.supervisor?.zh ?? ''),
    basis_documents: pick(record.basis, (items) =>
      items.flatMap((item) => (item.number ? [item.number] : [])).join('; '),
    ),
    sections_counted: record.sectionsCounted,
    sections_withheld: record.sectionsWithheld,
    withheld_sections: record.sections
      .flatMap((s) => (s.withheld ? [`${s.id}:${s.withheld.withheld}`] : []))
      .join('; '),
    url: record.url.zh,
    url_en: record.url.en,
    data_url: record.data,
  };
}

/** UTF-8 with a byte-order mark, so that Excel shows Chinese correctly; CRLF as RFC 4180 asks. */
export function toCsv(records: ProjectRecord[]): string {
  return stringify(records.map(csvRow), {
    bom: true,
    header: true,
    columns: CSV_COLUMNS.map((c) => c.key),
    record_delimiter: 'windows',
  });
}
