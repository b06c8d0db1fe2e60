import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sha256 } from '../files/kept';
import { recordKeptPages, verifyKeptPages } from './kept-pages';

/** A page cache laid out as Astro's incremental build leaves it: its record, and the pages under dist/. */
class PageCache {
  readonly dir = mkdtempSync(join(tmpdir(), 'kept-pages-'));
  readonly keys = new Map<string, string>();

  keep(outputFile: string, html: string, cacheKey: string): void {
    const file = join(this.dir, 'dist', outputFile);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, html);
    this.keys.set(outputFile, cacheKey);
  }

  /** Writes Astro's record of the pages kept so far, as the end of its page phase does. */
  writeManifest(): void {
    const paths = Object.fromEntries(
      [...this.keys].map(([outputFile, cacheKey]) => [`/${outputFile}`, { cacheKey, outputFile }]),
    );
    writeFileSync(
      join(this.dir, 'incremental-build.json'),
      JSON.stringify({ version: 1, routes: { 'src/pages/[...path].astro': { paths } } }),
    );
  }

  page(outputFile: string): string | null {
    const file = join(this.dir, 'dist', outputFile);
    return existsSync(file) ? readFileSync(file, 'utf8') : null;
  }

  /** What an audit that passed the kept pages as they are now reports. */
  audited(): Map<string, string> {
    return new Map([...this.keys.keys()].map((f) => [f, sha256(this.page(f)!)]));
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

describe('pages kept between builds', () => {
  let cache: PageCache;
  beforeEach(() => {
    cache = new PageCache();
    cache.keep('a/index.html', '<p>A</p>', 'key-a');
    cache.keep('en/a/index.html', '<p>A en</p>', 'key-a-en');
    cache.keep('b/index.html', '<p>B</p>', 'key-b');
    cache.writeManifest();
  });
  afterEach(() => cache.remove());

  it('are restored only after an audited build has recorded them', () => {
    // No ledger yet (a cache from before, or one whose build never passed its audit): nothing is restored.
    expect(verifyKeptPages(cache.dir)).toMatchObject({
      verified: 0,
      dropped: ['a/index.html', 'en/a/index.html', 'b/index.html'],
    });
    expect(existsSync(join(cache.dir, 'incremental-build.json'))).toBe(false);
    expect(cache.page('a/index.html')).toBeNull();
  });

  it('are kept when their key and bytes are those the audited build recorded', () => {
    expect(recordKeptPages(cache.dir, cache.audited())).toBe(3);
    expect(verifyKeptPages(cache.dir)).toMatchObject({ verified: 3, dropped: [] });
    expect(cache.page('a/index.html')).toBe('<p>A</p>');
  });

  it('are rendered again when a build was stopped after writing a page but before its record', () => {
    recordKeptPages(cache.dir, cache.audited());
    // The next build rendered b again for new content and was killed before Astro wrote its record:
    // the old record still gives b its old key, and the page under it is the new one.
    cache.keep('b/index.html', '<p>B, with a sentence since removed</p>', 'key-b2');
    expect(verifyKeptPages(cache.dir)).toMatchObject({ verified: 2, dropped: ['b/index.html'] });
    expect(cache.page('b/index.html')).toBeNull();
  });

  it('are rendered again when Astro recorded a new key but the build was not audited', () => {
    recordKeptPages(cache.dir, cache.audited());
    cache.keep('b/index.html', '<p>B2</p>', 'key-b2');
    cache.writeManifest();
    expect(verifyKeptPages(cache.dir).dropped).toEqual(['b/index.html']);
  });

  it('are rendered again when edited on disk, however little', () => {
    recordKeptPages(cache.dir, cache.audited());
    writeFileSync(join(cache.dir, 'dist', 'en/a/index.html'), '<p>A en </p>');
    expect(verifyKeptPages(cache.dir)).toMatchObject({ verified: 2, dropped: ['en/a/index.html'] });
  });

  it('are recorded only as the audit passed them', () => {
    const audited = cache.audited();
    // The audit failed this page, so it passed no digest of it; and it passed other bytes for that one.
    audited.delete('a/index.html');
    audited.set('b/index.html', sha256('<p>B as published</p>'));
    expect(recordKeptPages(cache.dir, audited)).toBe(1);
    expect(verifyKeptPages(cache.dir)).toMatchObject({
      verified: 1,
      dropped: ['a/index.html', 'b/index.html'],
    });
  });

  it('are recorded without reading again what the check read, unless the file changed since', async () => {
    recordKeptPages(cache.dir, cache.audited());
    // Older than the clock's resolution, so the check may vouch for them by their stamp.
    await new Promise((wait) => setTimeout(wait, 250));
    const { seen } = verifyKeptPages(cache.dir);
    expect([...seen.keys()].sort()).toEqual(['a/index.html', 'b/index.html', 'en/a/index.html']);
    const audited = cache.audited();
    // Rewritten during the build, bytes of the same length: its stamp has changed, so it is read.
    writeFileSync(join(cache.dir, 'dist', 'b/index.html'), '<p>C</p>');
    expect(recordKeptPages(cache.dir, audited, seen)).toBe(2);
    expect(verifyKeptPages(cache.dir)).toMatchObject({ verified: 2, dropped: ['b/index.html'] });
  });

  it('vouch by stamp for no page changed just before the check (the clock may not have ticked)', () => {
    recordKeptPages(cache.dir, cache.audited());
    expect(verifyKeptPages(cache.dir).seen.size).toBe(0);
  });

  it('trust no ledger that cannot be read', () => {
    recordKeptPages(cache.dir, cache.audited());
    writeFileSync(join(cache.dir, 'kept-pages.json'), '{"a/index.html": {"cacheKey": 1}}');
    expect(verifyKeptPages(cache.dir).verified).toBe(0);
    expect(cache.page('b/index.html')).toBeNull();
  });
});
