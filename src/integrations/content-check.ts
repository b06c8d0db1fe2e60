import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { checkContent, formatReport } from '../model/check';
import { shareCheckedModel } from '../model/shared';

/**
 * Runs `npm run check`'s validation before anything is built, so that a build
 * of bad content fails with the same plain report, every problem at once.
 */
export default function contentCheck(): AstroIntegration {
  return {
    name: 'disclosures:content-check',
    hooks: {
      'astro:config:setup': ({ config, command, logger }) => {
        if (command !== 'build') return;
        const { problems, model } = checkContent(fileURLToPath(config.root));
        if (problems.length === 0) {
          // The pages are made from this same model rather than reading and checking everything twice.
          shareCheckedModel(model);
          return;
        }
        // A plain report and a non-zero exit: a stack trace would only bury it for the people who fix content.
        logger.error(`The content is not ready to publish.\n\n${formatReport(problems)}\n\nFix these, then run \`npm run check\` to confirm.`);
        process.exit(1);
      },
    },
  };
}
