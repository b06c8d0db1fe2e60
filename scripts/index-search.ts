/**
 * The search-index step of a build: scripts/build-site.mjs calls indexSite()
 * once Astro's process has ended (one index), or, for parts by fiscal year,
 * once Astro says the pages and data files are written, beside the output
 * audit; `tsx scripts/index-search.ts <folder>` runs it alone. Builds the Pagefind index of the site in the folder
 * (src/search/build-index.ts); any indexing error throws.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readSettings, type SearchIndexLayout } from '../src/config';
import { LOCALES } from '../src/domain/locales';
import { buildSearchIndex } from '../src/search/build-index';
import { writeBuildReport } from '../src/files/build-report';

/** Indexes the site in `outDir`; `log` receives its one line of report. */
export async function indexSite(
  outDir: string,
  log: (line: string) => void = console.log,
): Promise<void> {
  const started = performance.now();
  const settings = readSettings();
  const { pages, byLanguage, words, parts, indexedParts, runs } = await buildSearchIndex(
    resolve(outDir),
    {
      basePath: settings.basePath,
      cacheDir: settings.searchCacheDir,
      grouping: settings.searchIndexParts,
    },
  );
  const perLanguage = Object.entries(byLanguage)
    .map(([language, count]) => `${count} ${language}`)
    .join(' + ');
  const ms = Math.round(performance.now() - started);
  writeBuildReport(settings.buildReportDir, 'searchIndex', {
    layout: settings.searchIndexParts,
    pages,
    parts,
    indexed: [...indexedParts],
    runs: [...runs],
  });
  log(
    pages === 0
      ? '[search-index] no project page yet: no search index'
      : `[search-index] indexed ${perLanguage} pages (${words} words) in ${ms} ms: ${describeParts(parts, indexedParts, settings.searchIndexParts, runs)}`,
  );
  if (settings.benchTimings) {
    // The benchmark reads this beside the parse count the Astro step wrote, to show Astro and Pagefind apart.
    const file = settings.benchTimings;
    const before = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as object) : {};
    writeFileSync(
      file,
      JSON.stringify({
        ...before,
        pagefindMs: ms,
        pages,
        words,
        indexedParts: indexedParts.length,
      }),
    );
  }
}

/** Which parts of the index this build indexed, and how many it kept from the last. */
function describeParts(
  parts: number,
  indexed: readonly string[],
  layout: SearchIndexLayout,
  runs: readonly string[],
): string {
  if (layout === 'one') {
    if (indexed.length === 0) return 'one index, kept from the last build';
    const languages = runs.map((run) => run.slice(run.indexOf('/') + 1));
    return languages.length === LOCALES.length
      ? 'one index'
      : `one index, its ${languages.join(' and ')} pages indexed, the others kept from the last build`;
  }
  const kept = parts - indexed.length;
  const plural = (n: number) => (n === 1 ? 'part' : 'parts');
  if (kept === 0) return `${parts} ${plural(parts)} (by fiscal year), all indexed`;
  if (indexed.length === 0) return `${parts} ${plural(parts)}, all kept from the last build`;
  return `${parts} ${plural(parts)}, ${indexed.join(', ')} indexed, ${kept} kept from the last build`;
}

if (import.meta.url === `file://${process.argv[1] ?? ''}`) {
  const outDir = process.argv[2];
  if (!outDir) {
    console.error('usage: tsx scripts/index-search.ts <built site folder>');
    process.exit(2);
  }
  await indexSite(outDir);
}
