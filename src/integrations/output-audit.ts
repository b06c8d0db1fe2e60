import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { readSettings } from '../config';
import { loadModel } from '../markdown/check';
import { AuditMemo, auditOutput } from '../site/audit';

/**
 * After Astro has written the pages and files, and before the search index is
 * built: the output audit (src/site/audit.ts). A failing audit fails the
 * build, so scripts/build.mjs never puts an incomplete site in dist/. Its
 * memo of passed pages lives in the page cache folder (PAGE_CACHE_DIR).
 */
export default function outputAudit(): AstroIntegration {
  return {
    name: 'disclosures:output-audit',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const { siteUrl, basePath, pageCacheDir, root } = readSettings();
        const model = await loadModel();
        // Beside the pages Astro keeps: the pages it copies from there are the ones the memo vouches for.
        const memo = new AuditMemo(join(pageCacheDir, 'audited.json'), root);
        const problems = auditOutput(fileURLToPath(dir), model, siteUrl, basePath, memo);
        memo.save();
        if (problems.length > 0) {
          const list = problems.map((p) => `  ${p.file}: ${p.message}`).join('\n');
          // A plain report and a non-zero exit, as the content check does: nothing is published.
          logger.error(
            `The output audit found ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was published.\n${list}\n` +
              // Astro copies kept pages from its cache without rendering them, so a damaged copy would fail every build.
              `If the content and code are right, a page kept from an earlier build may be damaged: delete ${pageCacheDir} and build again.`,
          );
          process.exit(1);
        }
        logger.info(
          `output audit: ${model.projects.length} projects in both languages and every data file match the content (${memo.vouched} pages byte for byte as the last build's audit passed them)`,
        );
      },
    },
  };
}
