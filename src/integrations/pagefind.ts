import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { close, createIndex } from 'pagefind';
import { readSettings } from '../config';
import { LOCALES } from '../domain/locales';
import { PAGEFIND_LANGUAGE } from '../search/keys';
import { pageUrl, paths } from '../domain/urls';
import { readParseCount } from '../markdown/parse-count';

interface PagefindEntry {
  languages: Record<string, { hash: string; wasm: string | null }>;
}

/**
 * Lets each search page fetch what every search needs while it parses, not
 * after its script has run: Pagefind's script, its entry file, the page
 * language's metadata and the wasm. The names carry hashes known only now,
 * so they are written into the built page. The entry file is fetched with a
 * cache tag (`metaCacheTag`), the hash of its own text, instead of Pagefind's
 * default timestamp that no preload could match.
 */
function addSearchPreloads(outDir: string, base: string): void {
  const entryText = readFileSync(join(outDir, 'pagefind', 'pagefind-entry.json'), 'utf8');
  const entry = JSON.parse(entryText) as PagefindEntry;
  const tag = createHash('sha256').update(entryText).digest('hex').slice(0, 16);
  const dir = `${pageUrl(base, 'zh')}pagefind/`;
  for (const locale of LOCALES) {
    const index = entry.languages[PAGEFIND_LANGUAGE[locale]];
    if (!index) continue;
    const fetched = [
      `${dir}pagefind-entry.json?ts=${tag}`,
      `${dir}pagefind.${index.hash}.pf_meta`,
      `${dir}wasm.${index.wasm ?? 'unknown'}.pagefind`,
    ];
    const links = [
      `<link rel="modulepreload" href="${dir}pagefind.js">`,
      ...fetched.map((href) => `<link rel="preload" href="${href}" as="fetch" crossorigin>`),
    ].join('');
    const file = join(outDir, pageUrl('/', locale, paths.search()), 'index.html');
    const html = readFileSync(file, 'utf8');
    if (!html.includes('data-pagefind-tag=""') || !html.includes('</head>'))
      throw new Error(`pagefind: ${file} has no search form to point at the index`);
    writeFileSync(
      file,
      html
        .replace('</head>', `${links}</head>`)
        .replace('data-pagefind-tag=""', `data-pagefind-tag="${tag}"`),
    );
  }
}

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
          addSearchPreloads(outDir, readSettings().basePath);
          const ms = Math.round(performance.now() - started);
          logger.info(`indexed ${added.page_count} pages in ${ms} ms`);
          // The benchmark reads this to show Astro and Pagefind separately.
          const { benchTimings } = readSettings();
          if (benchTimings)
            writeFileSync(
              benchTimings,
              JSON.stringify({ pagefindMs: ms, pages: added.page_count, parses: readParseCount() }),
            );
        } finally {
          await close();
        }
      },
    },
  };
}
