import { z } from 'astro/zod';
import {
  CalendarDateSchema,
  FiscalYearSchema,
  NameSchema,
  SlugSchema,
  WebAddressSchema,
} from './text';

/** One department's disclosure for one fiscal year: `content/<department>/<year>/publication.yaml`. */
export const PublicationSchema = z.strictObject({
  /** Stable identifier of the publication, e.g. ruili-psb-2020. */
  slug: SlugSchema,
  /** URL segment of the department, e.g. ruili-psb. */
  departmentSlug: SlugSchema,
  /** The fiscal year the budget is for. */
  fiscalYear: FiscalYearSchema,
  /** The publishing department, as published, e.g. 瑞丽市公安局. */
  department: NameSchema,
  /** Where the department is, e.g. 云南省德宏州瑞丽市. */
  region: NameSchema.optional(),
  /** The document title as published. */
  title: NameSchema,
  /** The original text as published, kept in content/sources/. */
  source: z.strictObject({
    /** File name under content/sources/. */
    file: z
      .string()
      .regex(/^[\w.-]+\.txt$/, { error: 'must be a .txt file name under content/sources/' }),
    /** SHA-256 of the file, lower-case hex; the build refuses a file that does not match. */
    sha256: z.string().regex(/^[0-9a-f]{64}$/, { error: 'must be 64 lower-case hex digits' }),
    /** Provenance, where it is known; the site says "not recorded" for each one left out and never invents one. */
    /** The address of the original government page. */
    url: WebAddressSchema.optional(),
    /** The date the publisher published the original. */
    publishedOn: CalendarDateSchema.optional(),
    /** The date this copy was taken from the original page. */
    retrievedOn: CalendarDateSchema.optional(),
    /** An archived copy of the original page (e.g. the Wayback Machine). */
    archiveUrl: WebAddressSchema.optional(),
  }),
  /** When this site's copy of the content last changed (not a date from the source). */
  updated: CalendarDateSchema,
  /** English translations of the text fields above; absent while the translation is pending. */
  en: z
    .strictObject({
      /** The department, translated. */
      department: NameSchema,
      /** The region, translated. */
      region: NameSchema.optional(),
      /** The title, translated. */
      title: NameSchema,
    })
    .optional(),
});

export type Publication = z.infer<typeof PublicationSchema>;
