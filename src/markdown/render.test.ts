import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateContent } from '../generate/synthetic';
import { readParseCount } from './parse-count';
import { RenderCache, renderBodies, type RenderInput } from './render';

/** Bodies from the seeded generator, and two the rules refuse: one with raw HTML, one nested past the parser's stack. */
function inputsOf(count: number): RenderInput[] {
  const bodies = [...generateContent({ count, seed: 7 })]
    .filter(([path]) => path.endsWith('.md'))
    .map(([path, text]) => ({
      filePath: `/content/${path}`,
      // The body: what follows the frontmatter.
      body: text.replace(/^---\n[\s\S]*?\n---\n/, ''),
      counterpart: path.includes('/zh/') ? '/en/x/' : '/x/',
    }));
  return [
    ...bodies,
    {
      filePath: '/content/x/zh/raw.md',
      body: '## 概述 {#overview}\n\n<b>x</b>\n',
      counterpart: null,
    },
    { filePath: '/content/x/zh/deep.md', body: `${'> '.repeat(6_000)}x\n`, counterpart: null },
  ];
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('renderBodies', { timeout: 60_000 }, () => {
  it('renders on worker threads exactly what it renders on this thread, in the order given', async () => {
    const inputs = inputsOf(12);
    const here = await renderBodies(inputs, '/portal/', { workers: 0 });
    const threads = await renderBodies(inputs, '/portal/', { workers: 2, workersFrom: 1 });
    expect(threads).toEqual(here);
    // Sound bodies are parsed once each, and the threads' parses are counted here: the
    // benchmark's parse count stays whole. (A body with a problem is parsed again here.)
    const sound = inputs.slice(0, -2);
    const before = readParseCount();
    await renderBodies(sound, '/portal/', { workers: 2, workersFrom: 1 });
    expect(readParseCount() - before).toBe(sound.length);
    expect(here.at(-1)).toBe('tooDeep');
    const raw = here.at(-2);
    expect(raw !== 'tooDeep' && raw?.messages.map((m) => m.reason)).toContainEqual(
      expect.stringMatching(/raw HTML is not allowed/),
    );
    expect(here.slice(0, -2).every((o) => o !== 'tooDeep' && o.messages.length === 0)).toBe(true);
  });

  it('reads kept renderings back, and keeps none of a body refused as too deep', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'render-cache-'));
    dirs.push(dir);
    const inputs = inputsOf(3);
    const first = new RenderCache(dir, dir);
    const rendered = await renderBodies(inputs, '/', {
      cache: first,
      workers: 2,
      workersFrom: 100,
    });
    // The body nested too deeply is not kept: it is a problem, and is found again next time.
    expect(first.rendered).toBe(inputs.length - 1);
    const again = new RenderCache(dir, dir);
    const before = readParseCount();
    expect(await renderBodies(inputs, '/', { cache: again, workers: 2, workersFrom: 1 })).toEqual(
      rendered,
    );
    expect(again.rendered).toBe(0);
    // Every body asked for is counted, found or rendered, so the build's "kept" is never negative.
    expect([first.bodies, again.bodies]).toEqual([inputs.length, inputs.length]);
    // The body nested too deeply is looked at again, and refused before it is parsed: the parser's
    // plugins would run out of stack on it, after the Markdown processor printed a stack trace.
    expect(readParseCount() - before).toBe(0);
  });
});
