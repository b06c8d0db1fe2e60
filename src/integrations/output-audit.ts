import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { readSettings } from '../config';
import { loadModel } from '../markdown/check';
import { auditOutput } from '../site/audit';

/**
 * After Astro has written the pages and files, and before the search index is
 * built: the output audit (src/site/audit.ts). A failing audit fails the
 * build, so scripts/build.mjs never puts an incomplete site in dist/.
 */
export default function outputAudit(): AstroIntegration {
  return {
    name: 'disclosures:output-audit',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const { siteUrl, basePath } = readSettings();
        const model = await loadModel();
        const problems = auditOutput(fileURLToPath(dir), model, siteUrl, basePath);
        if (problems.length > 0) {
          const list = problems.map((p) => `  ${p.file}: ${p.message}`).join('\n');
          // A plain report and a non-zero exit, as the content check does: nothing is published.
          logger.error(
            `The output audit found ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was published.\n${list}`,
          );
          process.exit(1);
        }
        logger.info(
          `output audit: ${model.projects.length} projects in both languages and every data file match the content`,
        );
      },
    },
  };
}
