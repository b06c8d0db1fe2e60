import { z } from 'astro/zod';
import { fiscalYear, slug, text } from './text';

/** One department's disclosure for one fiscal year: `content/<department>/<year>/publication.yaml`. */
export const publication = z.strictObject({
  /** Stable identifier of the publication, e.g. ruili-psb-2020. */
  slug,
  /** URL segment of the department, e.g. ruili-psb. */
  departmentSlug: slug,
  /** The fiscal year the budget is for. */
  fiscalYear,
  /** The publishing department, as published, e.g. 瑞丽市公安局. */
  department: text,
  /** Where the department is, e.g. 云南省德宏州瑞丽市. */
  region: text,
  /** The document title as published. */
  title: text,
  /** The original text as published, kept in content/sources/. */
  source: z.strictObject({
    /** File name under content/sources/. */
    file: z.string().regex(/^[\w.-]+\.txt$/, { error: 'must be a .txt file name under content/sources/' }),
    /** SHA-256 of the file, lower-case hex; the build refuses a file that does not match. */
    sha256: z.string().regex(/^[0-9a-f]{64}$/, { error: 'must be 64 lower-case hex digits' }),
  }),
  /** When this site's copy of the content last changed (not a date from the source). */
  updated: z.coerce.date({ error: 'must be a date such as 2026-11-24' }),
  /** English translations of the text fields above. */
  en: z.strictObject({
    /** The department, translated. */
    department: text,
    /** The region, translated. */
    region: text,
    /** The title, translated. */
    title: text,
  }),
});

export type Publication = z.infer<typeof publication>;
