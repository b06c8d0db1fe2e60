// The browser build (its own Buffer polyfill) writes the same bytes as the Node one, and the search page's export runs this writer too.
import { stringify } from 'csv-stringify/browser/esm/sync';
import type { Dictionary } from '../i18n/dictionary';
import type { AmountValue, ProjectRecord, WithheldValue } from './record-schemas';

/**
 * One row per project. Header names are stable English identifiers: tools that
 * read this file rely on them, so add columns at the end and never rename one.
 * A withheld value reads `withheld:<reason>`, never an empty cell or 0; an empty
 * cell means the text says nothing there. Each column's description is in the
 * dictionaries (`csvColumns`), for the data page.
 */
export const CSV_COLUMNS = [
  'id',
  'publication',
  'fiscal_year',
  'department',
  'department_en',
  'order',
  'slug',
  'name',
  'name_en',
  'amount_yuan',
  'amount_published',
  'currency',
  'funding_source',
  'funding_source_en',
  'estimate_yuan',
  'period',
  'implementing_unit',
  'implementing_unit_en',
  'supervisor',
  'basis_documents',
  'sections_counted',
  'sections_withheld',
  'withheld_sections',
  'url',
  'url_en',
  'data_url',
  'version',
  'revised_on',
  'procurement_method',
  'procurement_method_en',
  'funding_breakdown',
  'passages',
  'passages_translator',
  'passages_rule',
  'passages_memory',
  'passages_untranslated',
] as const satisfies readonly (keyof Dictionary['csvColumns'])[];

export type CsvColumn = (typeof CSV_COLUMNS)[number];

const withheldCell = (value: WithheldValue) => `withheld:${value.withheld}`;
const isWithheldValue = (value: object): value is WithheldValue => 'withheld' in value;
/** A cell from a value that may be withheld (`withheld:<reason>`) or absent from the text (empty). */
function pick<T extends object>(
  value: T | WithheldValue | null,
  read: (value: T) => string | number,
): string | number {
  if (value === null) return '';
  return isWithheldValue(value) ? withheldCell(value) : read(value);
}

/** An English cell with no English yet: empty, as every missing value in the file is (never a marker string). */
const english = (text: string | null) => text ?? '';

export function csvRow(record: ProjectRecord): Record<CsvColumn, string | number> {
  return {
    id: record.id,
    publication: record.publication,
    fiscal_year: record.fiscalYear,
    department: record.department.zh,
    department_en: english(record.department.en),
    order: record.order,
    slug: record.slug,
    name: record.name.zh,
    name_en: english(record.name.en),
    amount_yuan: pick(record.amount, (a: AmountValue) => a.yuan),
    amount_published: pick(record.amount, (a: AmountValue) => a.published),
    currency: 'CNY',
    funding_source: pick(record.fundingSource, (s) => s.zh),
    funding_source_en: pick(record.fundingSource, (s) => english(s.en)),
    estimate_yuan: record.estimate?.yuan ?? '',
    period: record.period.zh,
    implementing_unit: pick(record.implementingUnit, (u) => u.unit.zh),
    implementing_unit_en: pick(record.implementingUnit, (u) => english(u.unit.en)),
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
    version: record.version,
    revised_on: record.revisions[0]?.date ?? '',
    procurement_method: record.procurementMethod?.zh ?? '',
    procurement_method_en: record.procurementMethod?.en ?? '',
    passages: record.english.total,
    passages_translator: record.english.translator,
    passages_rule: record.english.rule,
    passages_memory: record.english.memory,
    passages_untranslated: record.english.none,
    funding_breakdown: (record.fundingBreakdown ?? [])
      .map((part) => `${part.source.zh}=${part.amount.yuan}`)
      .join('; '),
  };
}

/**
 * A cell a spreadsheet would run as a formula (it starts with =, +, -, @, a tab
 * or a carriage return) gets a leading single quote, as OWASP advises for CSV
 * injection: Excel and LibreOffice then show the text, quote included, and run
 * nothing. Numbers are written as numbers and never need it.
 */
export function neutraliseFormula(cell: string | number): string | number {
  return typeof cell === 'string' && /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/**
 * Any table the site writes as CSV: UTF-8 with a byte-order mark, so that Excel
 * shows Chinese correctly; CRLF as RFC 4180 asks; formula cells neutralised.
 */
export function writeCsv<C extends string>(
  columns: readonly C[],
  rows: Record<C, string | number>[],
): string {
  return stringify(rows, {
    bom: true,
    header: true,
    columns: [...columns],
    record_delimiter: 'windows',
    cast: { string: (value) => String(neutraliseFormula(value)) },
  });
}

/** /data/disclosures.csv: one row per project. */
export function toCsv(records: ProjectRecord[]): string {
  return writeCsv(CSV_COLUMNS, records.map(csvRow));
}
