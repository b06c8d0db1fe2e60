import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { readSettings, type Operator } from '../config';
import { loadModel } from '../check/check';
import { auditOutput, type LinkRules } from '../site/audit';
import { AuditMemo } from '../site/audit-memo';
import { writeBuildReport } from '../files/build-report';
import { recordKeptPages, verifyKeptPages, type KeptPagesCheck } from '../site/kept-pages';

/** Where pages may link besides the site: the operator's own addresses (footer, About page). */
function linkRulesOf(operator: Operator | null): Omit<LinkRules, 'origin'> {
  const addresses = operator ? [operator.contact, operator.errorReport, operator.licence.url] : [];
  return {
    hosts: addresses.filter((a) => /^https?:/i.test(a)).map((a) => new URL(a).host),
    mailto: addresses.filter((a) => /^mailto:/i.test(a)),
  };
}

/**
 * Before Astro renders anything: the pages it keeps between builds are
 * checked against the ledger the last audited build wrote (src/site/kept-pages.ts),
 * and any it cannot vouch for is deleted, so that Astro renders it again.
 *
 * After Astro has written the pages and files, and before the search index is
 * built: the output audit (src/site/audit.ts). A failing audit fails the
 * build, so scripts/build.mjs never puts an incomplete site in dist/. Its
 * memo of passed pages, and the ledger of kept pages, live in the page cache
 * folder (PAGE_CACHE_DIR).
 */
export default function outputAudit(): AstroIntegration {
  // What the check before the build read of the kept pages, so that the ledger need not read it again.
  let seen: KeptPagesCheck['seen'] = new Map();
  return {
    name: 'disclosures:output-audit',
    hooks: {
      'astro:build:start': ({ logger }) => {
        const { pageCacheDir, buildReportDir } = readSettings();
        const { dropped, verified, seen: read } = verifyKeptPages(pageCacheDir);
        seen = read;
        writeBuildReport(buildReportDir, 'keptPages', { verified, dropped });
        if (dropped.length > 0)
          logger.info(
            `kept pages: ${verified} verified; ${dropped.length} not as the last audited build kept them, so rendered again`,
          );
      },
      'astro:build:done': async ({ dir, logger }) => {
        const { siteUrl, basePath, pageCacheDir, root, operator, buildReportDir } = readSettings();
        const model = await loadModel();
        // Beside the pages Astro keeps: the pages it copies from there are the ones the memo vouches for.
        const memo = new AuditMemo(join(pageCacheDir, 'audited.json'), root);
        const { problems, passed } = auditOutput(
          fileURLToPath(dir),
          model,
          siteUrl,
          basePath,
          linkRulesOf(operator),
          memo,
        );
        memo.save();
        if (problems.length > 0) {
          const list = problems.map((p) => `  ${p.file}: ${p.message}`).join('\n');
          // A plain report and a non-zero exit, as the content check does: nothing is published.
          logger.error(
            `The output audit found ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was published.\n${list}`,
          );
          process.exit(1);
        }
        // Only now may the next build restore the pages kept from this one: each as it was audited.
        recordKeptPages(pageCacheDir, passed, seen);
        writeBuildReport(buildReportDir, 'audit', {
          projects: model.projects.length,
          vouched: memo.vouched,
        });
        logger.info(
          `output audit: ${model.projects.length} projects in both languages and every data file match the content (${memo.vouched} pages byte for byte as the last build's audit passed them)`,
        );
      },
    },
  };
}
