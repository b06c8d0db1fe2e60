import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { readSettings } from '../config';
import { DATA_FILES, projectDataPath } from '../data/records';
import { loadModel } from '../check/check';
import { readSiteData } from '../site/data-files';
import { formatJson } from '../site/links';
import { OUTPUT_WRITTEN } from './output-written';

/**
 * The data files that are not pages, written in one pass from the model once
 * Astro has written the pages, and before the output audit checks every one of
 * them: /data/disclosures.json, /data/disclosures.csv, /data/index.json, /data/totals.csv and each
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
        const { file, index, versions, departmentCsv, csv, totalsCsv } = readSiteData(
          model,
          siteUrl,
          basePath,
        );
        // Each folder is made once: there are as many as publications, files 10,000.
        const folders = new Set<string>();
        const write = (path: string, text: string) => {
          const full = join(outDir, path);
          if (!folders.has(dirname(full))) mkdirSync(dirname(full), { recursive: true });
          folders.add(dirname(full));
          writeFileSync(full, text);
        };
        write(DATA_FILES.json, formatJson(file));
        write(DATA_FILES.index, formatJson(index));
        write(DATA_FILES.csv, csv);
        write(DATA_FILES.totals, totalsCsv);
        // The records are in the model's order (buildDisclosuresFile).
        model.projects.forEach((project, i) =>
          write(projectDataPath(project), formatJson(file.projects[i])),
        );
        for (const [path, record] of versions) write(path, formatJson(record));
        for (const [path, csv] of departmentCsv) write(path, csv);
        logger.info(
          `wrote the data files (${model.projects.length} per-project) in ${Math.round(performance.now() - started)} ms`,
        );
        // Pages and data files are final: scripts/build-site.mjs builds the search index from them
        // while the output audit reads them. (Without a parent listening, as under `astro build`, nothing is sent.)
        process.send?.(OUTPUT_WRITTEN);
      },
    },
  };
}
