import { writeFileSync } from 'node:fs';
import type { AstroIntegration } from 'astro';
import { ContentError, formatReport } from '../content/problems';
import { loadModel } from '../check/check';
import { readSettings } from '../config';
import { readParseCount } from '../markdown/parse-count';
import { RenderCache } from '../markdown/render';
import { writeBuildReport } from '../files/build-report';

/**
 * Runs `npm run check`'s validation before anything is built, so that a build
 * of bad content fails with the same plain report, every problem at once. The
 * pages then read the model this made (src/check/check.ts, loadModel).
 */
export default function contentCheck(): AstroIntegration {
  return {
    name: 'disclosures:content-check',
    hooks: {
      'astro:config:setup': async ({ command, logger }) => {
        if (command !== 'build') return;
        const settings = readSettings();
        if (!settings.operator) {
          logger.warn(
            'site.yaml is missing: the footer and the About page say that the operator of this site is not configured. Copy site.example.yaml to site.yaml and fill it in.',
          );
        }
        const cache = new RenderCache(settings.renderCacheDir, settings.root);
        try {
          await loadModel(settings.contentDir, { cache });
          const { bodies } = cache;
          writeBuildReport(settings.buildReportDir, 'bodies', {
            total: bodies,
            rendered: cache.rendered,
          });
          logger.info(
            cache.rendered === bodies
              ? `${bodies} bodies rendered (none was kept from an earlier build)`
              : `${cache.rendered} of ${bodies} bodies rendered, ${bodies - cache.rendered} kept from the last build`,
          );
          cache.prune();
        } catch (error) {
          if (!(error instanceof ContentError)) throw error;
          // A plain report and a non-zero exit: a stack trace would only bury it for the people who fix content.
          logger.error(
            `The content is not ready to publish.\n\n${formatReport(error.problems)}\n\nFix these, then run \`npm run check\` to confirm.`,
          );
          process.exit(1);
        }
      },
      'astro:build:done': () => {
        // The benchmark prints the parse count beside N (the search-index step adds its own timing).
        const { benchTimings } = readSettings();
        if (benchTimings) writeFileSync(benchTimings, JSON.stringify({ parses: readParseCount() }));
      },
    },
  };
}
