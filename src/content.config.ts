import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { readSettings } from './config';
import { CONTENT_PATTERNS, entryIdOf } from './content/paths';
import { ProjectZhSchema } from './schema/project';
import { ProjectTranslationSchema } from './schema/translation';

/**
 * Astro's collections exist to render the bodies (`render(entry)`); the model
 * every page reads comes from src/markdown/check.ts, which reads the same
 * files with the same patterns, ids and schemas.
 */
const base = readSettings().contentDir;
const generateId = ({ entry }: { entry: string }) => entryIdOf(entry);

export const collections = {
  disclosures: defineCollection({
    loader: glob({ pattern: CONTENT_PATTERNS.disclosures, base, generateId }),
    schema: ProjectZhSchema,
  }),
  translations: defineCollection({
    loader: glob({ pattern: CONTENT_PATTERNS.translations, base, generateId }),
    schema: ProjectTranslationSchema,
  }),
};
