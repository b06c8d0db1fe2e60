import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { close, createIndex } from 'pagefind';
import { readSettings } from '../config';

/**
 * Builds the Pagefind index (one per <html lang>) into `<outDir>/pagefind/`
 * after Astro has written the pages. Unlike astro-pagefind, any indexing error
 * fails the build: a site whose search silently lost pages must not ship.
 */
export default function pagefind(): AstroIntegration {
  return {
    name: 'disclosures:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const started = performance.now();
        try {
          const created = await createIndex({});
          if (!created.index || created.errors.length)
            throw new Error(`pagefind: ${created.errors.join('; ')}`);
          const added = await created.index.addDirectory({ path: outDir });
          if (added.errors.length) throw new Error(`pagefind: ${added.errors.join('; ')}`);
          if (added.page_count === 0)
            throw new Error('pagefind: no page was indexed (is data-pagefind-body missing?)');
          const written = await created.index.writeFiles({ outputPath: join(outDir, 'pagefind') });
          if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
          const ms = Math.round(performance.now() - started);
          logger.info(`indexed ${added.page_count} pages in ${ms} ms`);
          // The benchmark reads this to show Astro and Pagefind separately.
          const { benchTimings } = readSettings();
          if (benchTimings)
            writeFileSync(
              benchTimings,
              JSON.stringify({ pagefindMs: ms, pages: added.page_count }),
            );
        } finally {
          await close();
        }
      },
    },
  };
}
