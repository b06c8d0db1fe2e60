import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ContentFixture } from '../../src/generate/fixture';
import { astroBuild } from '../support/astro';
import { ROOT, TEST_SITE } from '../support/paths';
import { killWhen } from '../support/kill';
import { treeHashes } from '../support/tree';

/** Every HTML file below `dir`, absolute; none where it does not exist yet. */
function htmlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => join(e.parentPath, e.name));
}

/** Every HTML file below `dir` whose text contains `needle`, relative to `dir`. */
function filesContaining(dir: string, needle: string): string[] {
  return htmlFiles(dir)
    .filter((file) => {
      try {
        return readFileSync(file, 'utf8').includes(needle);
      } catch {
        return false;
      }
    })
    .map((file) => file.slice(dir.length + 1));
}

/**
 * Whether a page under `dir` holds `needle` yet, for polling every few milliseconds while a build
 * runs: each page is read once per change of its size or time, not at every poll (reading them
 * all each time took a core from the build it waits on).
 */
function keptPageWith(dir: string, needle: string): () => boolean {
  const read = new Map<string, string>();
  return () => {
    for (const file of htmlFiles(dir)) {
      try {
        const { size, mtimeMs } = statSync(file);
        const seen = `${size} ${mtimeMs}`;
        if (read.get(file) === seen) continue;
        read.set(file, seen);
        if (readFileSync(file, 'utf8').includes(needle)) return true;
      } catch {
        // Gone or being replaced: looked at again at the next poll.
        read.delete(file);
      }
    }
    return false;
  };
}

describe('a build killed while it writes the pages it keeps', () => {
  // Enough projects that the page phase lasts long enough to be interrupted in the middle of it.
  const content = new ContentFixture({ count: 80, seed: 11 });
  const work = mkdtempSync(join(tmpdir(), 'interrupted-'));
  // The killed build writes inside the project folder (tests/support/astro.ts says why).
  mkdirSync(join(ROOT, '.astro'), { recursive: true });
  const killed = mkdtempSync(join(ROOT, '.astro', 'test-killed-'));
  const pageCache = join(work, 'pages');
  const env = {
    CONTENT_DIR: content.dir,
    PAGE_CACHE_DIR: pageCache,
    RENDER_CACHE_DIR: join(work, 'render'),
    BASE_PATH: '',
    SITE_URL: TEST_SITE,
  };
  const SENTENCE = '本句在发布前已被编辑删除。';
  afterAll(() => {
    content.remove();
    rmSync(work, { recursive: true, force: true });
    rmSync(killed, { recursive: true, force: true });
  });

  it('does not bring back a sentence the editor removed since: the next build publishes the current text', async () => {
    const first = astroBuild(join(work, 'first'), { env });
    expect(first.status, first.output).toBe(0);
    const manifest = () => readFileSync(join(pageCache, 'incremental-build.json'), 'utf8');
    const recorded = manifest();

    // The editor adds a sentence to every body, and builds: every project page is rendered again.
    const originals = content.find(/\/zh\/[^/]+\.md$/);
    for (const file of originals) content.edit(file, (text) => `${text}\n${SENTENCE}\n`);
    // kill -9 as soon as the first page with the sentence is kept, before Astro records the new keys.
    const interrupted = await killWhen(
      [join(ROOT, 'scripts/build-site.mjs'), join(killed, 'dist')],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          ...env,
          ASTRO_TELEMETRY_DISABLED: '1',
          BUILD_REPORT_DIR: join(work, 'killed-report'),
        },
      },
      keptPageWith(join(pageCache, 'dist'), SENTENCE),
    );
    expect(interrupted, 'the build ended before it could be interrupted').toBe(true);
    // The hazard is set up: kept pages hold the sentence while Astro's record still has the first build's keys.
    expect(filesContaining(join(pageCache, 'dist'), SENTENCE).length).toBeGreaterThan(0);
    expect(manifest()).toBe(recorded);

    // The editor removes the sentence again: the pages' keys are the first build's once more.
    for (const file of originals) content.write(file, content.files.get(file)!);
    const next = astroBuild(join(work, 'next'), { env });
    expect(next.status, next.output).toBe(0);
    expect(next.report.keptPages?.dropped.length).toBeGreaterThan(0);
    expect(filesContaining(join(work, 'next'), SENTENCE)).toEqual([]);
    // And what it published is what a build with nothing kept publishes: the first build, of the
    // same content with empty caches.
    expect(treeHashes(join(work, 'next'))).toEqual(treeHashes(join(work, 'first')));
  });
});
