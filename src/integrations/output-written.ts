/**
 * What Astro's process sends its parent (scripts/build-site.mjs) over IPC once the
 * pages and the data files are written (src/integrations/data-files.ts): from then on
 * the search index is built from them while the output audit reads them.
 */
export const OUTPUT_WRITTEN = 'disclosures:output-written';
