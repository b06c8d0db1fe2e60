import { closeSync, mkdirSync, openSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { readSettings } from '../config';
import { DATA_FILES } from '../data/records';
import { loadModel } from '../check/check';
import { emitJsonFiles, readSiteData } from '../site/data-files';
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
        const data = readSiteData(model, siteUrl, basePath);
        // Each folder is made once: there are as many as publications, files 10,000.
        const folders = new Set<string>();
        const pathOf = (path: string) => {
          const full = join(outDir, path);
          if (!folders.has(dirname(full))) mkdirSync(dirname(full), { recursive: true });
          folders.add(dirname(full));
          return full;
        };
        const write = (path: string, text: string) => writeFileSync(pathOf(path), text);
        // disclosures.json comes in pieces: one file open for all of them.
        const open = new Map<string, number>();
        const append = (path: string, text: string) => {
          let fd = open.get(path);
          if (fd === undefined) open.set(path, (fd = openSync(pathOf(path), 'w')));
          writeFileSync(fd, text);
        };
        try {
          emitJsonFiles(data, { whole: write, piece: append });
        } finally {
          for (const fd of open.values()) closeSync(fd);
        }
        write(DATA_FILES.csv, data.csv);
        write(DATA_FILES.totals, data.totalsCsv);
        for (const [path, csv] of data.departmentCsv) write(path, csv);
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
