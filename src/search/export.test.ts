import { describe, expect, it } from 'vitest';
import type { ProjectRecord } from '../data/record-schemas';
import { buildBreakdown, buildBreakdownCsv, nameExportFile } from './export';

describe('nameExportFile', () => {
  const day = new Date('2026-11-30T12:00:00Z');

  it('names the file by the query and the date', () => {
    expect(nameExportFile(new URLSearchParams('q=人脸识别&year=2020'), day)).toBe(
      '人脸识别-2020-2026-11-30',
    );
  });

  it('leaves out what a file name cannot hold, and falls back to a plain name', () => {
    expect(nameExportFile(new URLSearchParams('q=a/b: c?.d'), day)).toBe('a-b-c-d-2026-11-30');
    expect(nameExportFile(new URLSearchParams(''), day)).toBe('search-results-2026-11-30');
    expect(nameExportFile(new URLSearchParams(`q=${'字'.repeat(100)}`), day)).toBe(
      `${'字'.repeat(60)}-2026-11-30`,
    );
  });
});

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
