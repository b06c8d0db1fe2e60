import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { readSettings } from '../config';
import { buildDisclosuresFile, buildLinks, projectDataPath } from '../data/records';
import { loadModel } from '../markdown/check';
import { formatJson } from '../site/links';

/**
 * Each project's own JSON file, /data/<department>/<year>/<slug>.json, written
 * in one pass from the model once Astro has written the pages, and before the
 * output audit checks every one of them. As 10,000 Astro routes they went
 * through Astro's route machinery one by one for the same bytes. The site's
 * other data files are single routes in src/pages/data/.
 */
export default function dataFiles(): AstroIntegration {
  return {
    name: 'disclosures:data-files',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const started = performance.now();
        const outDir = fileURLToPath(dir);
        // The settings, not the pages' import.meta.env: this runs outside Vite, as the output audit does.
        const { siteUrl, basePath } = readSettings();
        const model = loadModel();
        const records = buildDisclosuresFile(model, buildLinks(siteUrl, basePath)).projects;
        const byId = new Map(records.map((r) => [r.id, r]));
        const projects = model.projects;
        const folders = new Set<string>();
        for (const project of projects) {
          const file = join(outDir, projectDataPath(project));
          if (!folders.has(dirname(file))) mkdirSync(dirname(file), { recursive: true });
          folders.add(dirname(file));
          writeFileSync(file, formatJson(byId.get(project.key)!));
        }
        logger.info(
          `wrote ${projects.length} per-project JSON files in ${Math.round(performance.now() - started)} ms`,
        );
      },
    },
  };
}
