import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { clearBuildReport, readBuildReport, writeBuildReport } from './build-report';

const work = mkdtempSync(join(tmpdir(), 'build-report-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the build report', () => {
  it('holds each step’s figures as written, one file a step, and nothing staged', () => {
    const dir = join(work, 'report');
    writeBuildReport(dir, 'bodies', { total: 6, rendered: 1 });
    writeBuildReport(dir, 'searchIndex', {
      layout: 'fiscal-year',
      pages: 6,
      parts: 3,
      indexed: ['2024'],
      runs: ['2024/zh-cn'],
    });
    writeBuildReport(dir, 'bodies', { total: 6, rendered: 6 });
    expect(readBuildReport(dir)).toEqual({
      bodies: { total: 6, rendered: 6 },
      searchIndex: {
        layout: 'fiscal-year',
        pages: 6,
        parts: 3,
        indexed: ['2024'],
        runs: ['2024/zh-cn'],
      },
    });
    expect(readdirSync(dir).sort()).toEqual(['bodies.json', 'searchIndex.json']);
  });

  it('is empty once cleared, and where no build wrote one', () => {
    const dir = join(work, 'cleared');
    writeBuildReport(dir, 'audit', { projects: 3, vouched: 0 });
    clearBuildReport(dir);
    expect(readBuildReport(dir)).toEqual({});
    expect(readBuildReport(join(work, 'never'))).toEqual({});
  });

  it('refuses a file that is not a step’s figures, rather than report it', () => {
    const dir = join(work, 'tampered');
    writeBuildReport(dir, 'audit', { projects: 3, vouched: 0 });
    writeFileSync(join(dir, 'audit.json'), '{"projects": "three"}');
    expect(() => readBuildReport(dir)).toThrow();
    writeFileSync(join(dir, 'audit.json'), '{"projects": 3, "vouched": 0}');
    writeFileSync(join(dir, 'unknown.json'), '{}');
    expect(() => readBuildReport(dir)).toThrow();
  });
});
