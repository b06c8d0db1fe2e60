import { describe, expect, it } from 'vitest';
import { htmlPages, page } from '../support/dist';
import { TEST_SITE } from '../support/paths';

describe('safe rendering', () => {
  it('gives every page a Content-Security-Policy without unsafe-inline or unsafe-eval for scripts, no script at all but on search, and a referrer policy', () => {
    for (const path of htmlPages()) {
      const $ = page(path);
      const csp = $('meta[http-equiv="Content-Security-Policy"]').attr('content') ?? '';
      const directives: Record<string, string[]> = Object.fromEntries(
        csp
          .split(';')
          .map((d) => d.trim().split(/\s+/))
          .map(([name, ...values]) => [name, values]),
      );
      expect(directives['default-src'], path).toEqual(["'self'"]);
      // The search page runs the site's own script and Pagefind's wasm; every other page runs none.
      expect(directives['script-src'], path).toEqual(
        /^\/(?:en\/)?search\/$/.test(path) ? ["'self'", "'wasm-unsafe-eval'"] : ["'none'"],
      );
      expect(directives['object-src'], path).toEqual(["'none'"]);
      expect(csp).not.toMatch(/unsafe-inline|'unsafe-eval'|\*|https?:/);
      expect($('meta[name=referrer]').attr('content'), path).toBe(
        'strict-origin-when-cross-origin',
      );
    }
  });

  it('has no inline script or style, and loads nothing from another host', () => {
    for (const path of htmlPages()) {
      const $ = page(path);
      expect($('script:not([src]):not([type="application/ld+json"])').length, path).toBe(0);
      expect($('[style], style').length, path).toBe(0);
      expect($('[onclick], [onload], [onerror]').length, path).toBe(0);
      for (const el of $('script[src], link[href], img[src]').toArray()) {
        const url = $(el).attr('src') ?? $(el).attr('href')!;
        const absolute = new URL(url, `${TEST_SITE}${path}`);
        if ($(el).is('link[rel=canonical], link[rel=alternate]')) continue;
        expect(absolute.origin, `${path}: ${url}`).toBe(TEST_SITE);
      }
    }
  });
  // External links get rel="noopener noreferrer" from rehype-external-links; the content has none yet, so
  // src/markdown/fixtures.test.ts checks the plugin on a Markdown link.
});
