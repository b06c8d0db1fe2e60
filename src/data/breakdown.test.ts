import { describe, expect, it } from 'vitest';
import { buildBreakdown, buildBreakdownCsv } from './breakdown';
import type { ProjectRecord } from './record-schemas';

describe('the breakdown by department and fiscal year', () => {
  const record = (department: string, fiscalYear: number, yuan: number | null) =>
    ({
      fiscalYear,
      department: { zh: department, en: null },
      amount: yuan === null ? { withheld: 'classified' } : { yuan, currency: 'CNY', published: '' },
    }) as unknown as ProjectRecord;

  it('sums each department’s year apart, never years together, and counts withheld amounts apart', () => {
    const rows = buildBreakdown([
      record('乙局', 2024, 3_000_000),
      record('甲局', 2024, 1_000_000),
      record('甲局', 2023, 2_000_000),
      record('甲局', 2024, 500_000),
      record('甲局', 2024, null),
    ]);
    expect(
      rows.map((r) => [r.fiscalYear, r.department, r.projects, r.totalYuan, r.withheld]),
    ).toEqual([
      [2024, '甲局', 3, 1_500_000, 1],
      [2024, '乙局', 1, 3_000_000, 0],
      [2023, '甲局', 1, 2_000_000, 0],
    ]);
    const csv = buildBreakdownCsv(rows)
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    expect(csv[0]).toBe(
      'fiscal_year,department,department_en,projects,total_yuan_computed,amounts_withheld',
    );
    expect(csv[1]).toBe('2024,甲局,,3,1500000,1');
  });
});
