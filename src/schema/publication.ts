import { z } from 'astro/zod';
import { formatIsoDate, readChineseDate } from '../domain/dates';
import {
  CalendarDateSchema,
  TextSchema,
  FiscalYearSchema,
  NameSchema,
  SlugSchema,
  WebAddressSchema,
} from './text';

const SHA256 = z.string().regex(/^[0-9a-f]{64}$/, { error: 'must be 64 lower-case hex digits' });

/** 落款: the issuer and the date at the end of the text. */
const SignatureSchema = z
  .strictObject({
    /** The issuing body, as printed, where the text names one. */
    issuer: NameSchema.optional(),
    /** The date as printed, e.g. 2021年3月15日. */
    published: TextSchema,
    /** The same date, YYYY-MM-DD: the document's date. */
    date: CalendarDateSchema,
  })
  .superRefine((signature, ctx) => {
    const read = readChineseDate(signature.published);
    const date = formatIsoDate(signature.date);
    if (read !== date)
      ctx.addIssue({
        code: 'custom',
        path: ['date'],
        message:
          read === null
            ? `"${signature.published}" is not a date as a document prints one (2021年3月15日)`
            : `is ${date}, but the text says ${signature.published} (${read})`,
      });
  });

/** The files of one version of the text under content/sources/: the text the site shows and, where it is another file, the original. */
const SourceFilesShape = {
  /** The text the site shows, as UTF-8: a file name under content/sources/. */
  file: z
    .string()
    .regex(/^[\w.-]+\.txt$/, { error: 'must be a .txt file name under content/sources/' }),
  /** SHA-256 of the file, lower-case hex; the build refuses a file that does not match. */
  sha256: SHA256,
  /**
   * The file as the bureau published it (a PDF, a Word file, a GBK text, a saved web
   * page), byte for byte, where it is not the text itself; offered for download beside it.
   */
  original: z
    .strictObject({
      /** File name under content/sources/. */
      file: z.string().regex(/^[\w.-]+\.(?:pdf|docx|doc|wps|txt|html|htm)$/, {
        error: 'must be a .pdf, .docx, .doc, .wps, .txt or .html file name under content/sources/',
      }),
      sha256: SHA256,
      /** What it is. */
      format: z.enum(['pdf', 'docx', 'doc', 'wps', 'txt', 'html']),
      /** A text's or web page's character encoding, as the WHATWG names it (gb18030, gbk, utf-16le). */
      encoding: z
        .string()
        .regex(/^[a-z0-9_-]{2,40}$/, { error: 'must be an encoding label such as gb18030' })
        .optional(),
    })
    .optional(),
};

/** The original text as published, kept in content/sources/, with what is known of where it came from. */
const SourceSchema = z.strictObject({
  ...SourceFilesShape,
  /** Provenance, where it is known; the site says "not recorded" for each one left out and never invents one. */
  /** The address of the original government page. */
  url: WebAddressSchema.optional(),
  /** The date the publisher published the original. */
  publishedOn: CalendarDateSchema.optional(),
  /** The date this copy was taken from the original page. */
  retrievedOn: CalendarDateSchema.optional(),
  /** An archived copy of the original page (e.g. the Wayback Machine). */
  archiveUrl: WebAddressSchema.optional(),
});

/** One version of the text: its files, when it was imported and why. */
const VersionSchema = z.strictObject({
  /** 1, 2, 3…: its place in the list. */
  version: z.int().positive(),
  /** When it was imported (YYYY-MM-DD): this site's update, not the bureau's date. */
  imported: CalendarDateSchema.optional(),
  /** When the bureau revised the text (YYYY-MM-DD), as the person importing said (--revised-on); never the import's date. */
  revisedOn: CalendarDateSchema.optional(),
  /** Why the text was revised, as the person who imported it wrote (--note). */
  note: TextSchema.optional(),
  /** The note in English, as the person who imported it wrote (--note-en); a person's words, shown on English pages. */
  noteEn: TextSchema.optional(),
  source: SourceSchema,
});

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
  /** The paragraphs before the first project (根据《预算法》…现将…公开如下：), as published. */
  preface: z.array(TextSchema).min(1).optional(),
  /** The closing signature, as published: who issued the text, and the document's date. */
  signature: SignatureSchema.optional(),
  /** The original text as published, kept in content/sources/: the current version's. */
  source: SourceSchema,
  /**
   * The versions of the text, oldest first, where a corrected text was imported as the
   * next version (npm run import -- --revise); the last is the current one, whose files
   * are `source`'s. Absent while there is only the first.
   */
  versions: z.array(VersionSchema).min(2).optional(),
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
      /** The preface, translated paragraph by paragraph. */
      preface: z.array(TextSchema).min(1).optional(),
      /** The signature's issuer, translated (the date is the original's). */
      signatureIssuer: NameSchema.optional(),
    })
    .optional(),
});

export type Publication = z.infer<typeof PublicationSchema>;
