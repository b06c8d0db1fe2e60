import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { readSettings } from '../config';
import { toCsv } from '../data/csv';
import { DATA_FILES, projectDataPath } from '../data/records';
import { loadModel } from '../markdown/check';
import { readSiteData } from '../site/data-files';
import { formatJson } from '../site/links';

/**
 * The data files that are not pages, written in one pass from the model once
 * Astro has written the pages, and before the output audit checks every one of
 * them: /data/disclosures.json, /data/disclosures.csv, /data/index.json and each
 * project's /data/<department>/<year>/<slug>.json. As Astro routes, the 10,000
 * per-project files went through Astro's route machinery one by one for the
 * same bytes, and each route built the records again. The JSON Schemas, which
 * do not depend on the content, stay routes in src/pages/data/.
 */
export default function dataFiles(): AstroIntegration {
  return {
    name: 'disclosures:data-files',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const outDir = fileURLToPath(dir);
        const { siteUrl, basePath } = readSettings();
        const model = await loadModel();
        const { file, index } = readSiteData(model, siteUrl, basePath);
        const write = (path: string, text: string) => {
          mkdirSync(dirname(join(outDir, path)), { recursive: true });
          writeFileSync(join(outDir, path), text);
        };
        write(DATA_FILES.json, formatJson(file));
        write(DATA_FILES.index, formatJson(index));
        write(DATA_FILES.csv, toCsv(file.projects));
        const folders = new Set<string>();
        // The records are in the model's order (buildDisclosuresFile).
        model.projects.forEach((project, i) => {
          const path = join(outDir, projectDataPath(project));
          if (!folders.has(dirname(path))) mkdirSync(dirname(path), { recursive: true });
          folders.add(dirname(path));
          writeFileSync(path, formatJson(file.projects[i]));
        });
        logger.info(
          `wrote the data files (${model.projects.length} per-project) in ${Math.round(performance.now() - started)} ms`,
        );
      },
    },
  };
}
