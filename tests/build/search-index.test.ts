import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadModel } from '../../src/check/check';
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
    expect(treeHashes(join(dist, 'pagefind'))).toEqual(treeHashes(out));
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
