import { readdirSync, rmSync, truncateSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readContent } from '../content/read';
import { ContentFixture } from '../generate/fixture';
import { RenderCache } from '../markdown/render';
import { completeTranslations } from './english';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

describe('each project’s English, completed before rendering', () => {
  it('is the same read from the kept readings as computed, and a reading cut short is computed again', () => {
    const made = new ContentFixture({ count: 4, perPublication: 4, withheldShare: 0 });
    cleanups.push(() => made.remove());
    // Half the projects have no translator's file: their English is derived.
    for (const file of made.find(/\/zh\//).slice(2)) {
      rmSync(join(made.dir, file.replace('/zh/', '/en/')));
      made.edit(file, (t) => t.replace(/^(order: \d+)$/m, '$1\ntranslation: pending'));
    }
    const { content } = readContent(made.dir);
    const dir = mkdtempSync(join(tmpdir(), 'english-cache-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const fresh = completeTranslations(content, '/');
    const first = completeTranslations(content, '/', new RenderCache(dir, process.cwd()));
    const kept = readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith('.json'));
    expect(kept.length).toBeGreaterThan(0);
    // A build killed while it wrote: every kept file cut short.
    for (const file of kept) truncateSync(join(dir, String(file)), 5);
    const again = completeTranslations(content, '/', new RenderCache(dir, process.cwd()));
    const third = completeTranslations(content, '/', new RenderCache(dir, process.cwd()));
    for (const run of [first, again, third]) expect(run).toEqual(fresh);
    expect(fresh.filter((e) => e.derived)).toHaveLength(2);
  });
});
