import { writeCsv } from './csv';
import type { ProjectRecord } from './record-schemas';

/**
 * Totals by department and fiscal year, of the search's result set (src/search/export.ts) and of
 * every project (the data page, data/totals.csv): one computation and one CSV for both.
 */

/** One department's results in one fiscal year: how many, and the sum of their published amounts. */
export interface BreakdownRow {
  fiscalYear: number;
  department: string;
  departmentEn: string | null;
  projects: number;
  /** The sum of the disclosed amounts, computed by this site: no text prints it. */
  totalYuan: number;
  /** Projects whose amount is withheld, and so not in the sum. */
  withheld: number;
}

/**
 * The result set by department and fiscal year, as OpenSpending breaks a set down: years are
 * never added together, and a withheld amount is counted apart, never as zero. Newest year first,
 * then by department.
 */
export function buildBreakdown(records: readonly ProjectRecord[]): BreakdownRow[] {
  const rows = new Map<string, BreakdownRow>();
  for (const record of records) {
    const key = `${record.fiscalYear}\u0000${record.department.zh}`;
    const row = rows.get(key) ?? {
      fiscalYear: record.fiscalYear,
      department: record.department.zh,
      departmentEn: record.department.en,
      projects: 0,
      totalYuan: 0,
      withheld: 0,
    };
    row.projects += 1;
    if ('yuan' in record.amount) row.totalYuan += record.amount.yuan;
    else row.withheld += 1;
    rows.set(key, row);
  }
  return [...rows.values()].sort(
    (a, b) => b.fiscalYear - a.fiscalYear || a.department.localeCompare(b.department, 'zh'),
  );
}

const BREAKDOWN_COLUMNS = [
  'fiscal_year',
  'department',
  'department_en',
  'projects',
  'total_yuan_computed',
  'amounts_withheld',
] as const;

/** The breakdown as CSV, through the same writer as the data files. */
export function buildBreakdownCsv(rows: readonly BreakdownRow[]): string {
  return writeCsv(
    BREAKDOWN_COLUMNS,
    rows.map((row) => ({
      fiscal_year: row.fiscalYear,
      department: row.department,
      department_en: row.departmentEn ?? '',
      projects: row.projects,
      total_yuan_computed: row.totalYuan,
      amounts_withheld: row.withheld,
    })),
  );
}
