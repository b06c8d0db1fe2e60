import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { projectZh } from './schema/project';
import { projectTranslation } from './schema/translation';
import { publication } from './schema/publication';

/**
 * Entry ids are content paths (e.g. `ruili-psb/2020/zh/case-property-centre`),
 * not the `slug` field: project slugs are unique within a publication only,
 * and the zh and en files of one project share a slug.
 */
// CONTENT_DIR lets the benchmark build generated disclosures; the site itself reads ./content.
const CONTENT = process.env.CONTENT_DIR || './content';

const byPath = ({ entry }: { entry: string }) => entry.replace(/\.(md|ya?ml)$/, '');

export const collections = {
  publications: defineCollection({
    loader: glob({ pattern: '*/*/publication.yaml', base: CONTENT, generateId: byPath }),
    schema: publication,
  }),
  disclosures: defineCollection({
    loader: glob({ pattern: '*/*/zh/*.md', base: CONTENT, generateId: byPath }),
    schema: projectZh,
  }),
  translations: defineCollection({
    loader: glob({ pattern: '*/*/en/*.md', base: CONTENT, generateId: byPath }),
    schema: projectTranslation,
  }),
};
