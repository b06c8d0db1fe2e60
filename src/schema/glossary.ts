import { z } from 'astro/zod';
import { TextSchema } from './text';

/** One term: how a Chinese term is rendered in English, every time, with an optional note for the reader. */
const GlossaryTermSchema = z.strictObject({
  /** The term as the Chinese texts write it, e.g. 人员管控. */
  zh: TextSchema,
  /** Its one English rendering, e.g. control of persons. */
  en: TextSchema,
  /** What the reader should know, e.g. what 重点人员 means: in both languages, for the Terms page of each. */
  note: z.strictObject({ zh: TextSchema, en: TextSchema }).optional(),
});

/** content/glossary.yaml: the renderings every translation keeps to (npm run check holds them to it). */
export const GlossarySchema = z.strictObject({ terms: z.array(GlossaryTermSchema) });

export type GlossaryTerm = z.infer<typeof GlossaryTermSchema>;
