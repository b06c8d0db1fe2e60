import { describe, expect, it } from 'vitest';
import { nameExportFile } from './export';

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
