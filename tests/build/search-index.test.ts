import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadModel } from '../../src/check/check';
import { amountTableFile, type AmountTable } from '../../src/search/keys';
import { DIST, PORTAL_DIST, ROOT } from '../support/paths';
import { treeHashes } from '../support/tree';

const PAGEFIND = join(ROOT, 'node_modules/pagefind/lib/runner/bin.cjs');

describe('the search index, built one language at a time after Astro', () => {
  const oneRun = mkdtempSync(join(tmpdir(), 'pagefind-one-run-'));
  afterAll(() => rmSync(oneRun, { recursive: true, force: true }));

  it.each([
    ['at the root', DIST],
    ['under the portal base', PORTAL_DIST],
  ])('is the index one Pagefind run over the whole site writes (%s)', (_, dist) => {
    const out = join(oneRun, dist === DIST ? 'root' : 'portal');
    const run = spawnSync(process.execPath, [PAGEFIND, '--site', dist, '--output-path', out], {
      encoding: 'utf8',
    });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    // Beside the index, the amount tables the search page reads (written after Pagefind).
    const {
      [amountTableFile('zh')]: zh,
      [amountTableFile('en')]: en,
      ...index
    } = treeHashes(join(dist, 'pagefind'));
    expect(zh && en).toBeTruthy();
    expect(index).toEqual(treeHashes(out));
  });

  it('has an amount table per language: each indexed page’s amounts and year, as the data says', async () => {
    const model = await loadModel(join(ROOT, 'content'));
    const { projects } = JSON.parse(readFileSync(join(DIST, 'data/disclosures.json'), 'utf8')) as {
      projects: {
        amount: { yuan?: number };
        estimate: { yuan: number } | null;
        fiscalYear: number;
      }[];
    };
    expect(projects).toHaveLength(model.projects.length);
    const expected = projects
      .map((r) => [r.amount.yuan ?? null, r.estimate?.yuan ?? null, r.fiscalYear])
      .sort();
    for (const locale of ['zh', 'en'] as const) {
      const table = JSON.parse(
        readFileSync(join(DIST, 'pagefind', amountTableFile(locale)), 'utf8'),
      ) as AmountTable;
      expect(Object.values(table).sort()).toEqual(expected);
    }
  });

  it('holds every project page of each language, and nothing else', async () => {
    const model = await loadModel(join(ROOT, 'content'));
    const entry = JSON.parse(readFileSync(join(DIST, 'pagefind/pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    // Every project has a page in each language; an English page whose translation is pending is
    // indexed too (it carries the figures and the link to the original).
    expect(entry.languages['zh-cn']?.page_count).toBe(model.projects.length);
    expect(entry.languages.en?.page_count).toBe(model.projects.length);
  });
});
