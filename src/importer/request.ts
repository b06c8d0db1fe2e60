import type { WordingDecisions } from './headings';

/** What `npm run import` is asked to do: the file, where, and every option (scripts/import.ts). */
export interface ImportRequest {
  /** The file as the bureau published it. */
  file: string;
  departmentSlug: string;
  contentDir: string;
  region?: string | undefined;
  department?: string | undefined;
  year?: number | undefined;
  slugs?: string[] | undefined;
  /** Replace an existing publication without history (a mistake caught before publication). */
  force: boolean;
  /** Import a corrected text of an existing publication as its next version. */
  revise?: boolean | undefined;
  /** Why the text was revised, kept with the version (--note). */
  note?: string | undefined;
  /** The note in English, for English pages (--note-en, with --note). */
  noteEn?: string | undefined;
  /** With --revise: which known project (by slug) a project of the new text is, by its name (--match). */
  match?: Map<string, string> | undefined;
  /** What the person importing decided of wordings that may withhold a part (--withheld-wording, --not-withheld). */
  wordings?: WordingDecisions | undefined;
  /** The address of the bureau's page the text was published on (--source-url). */
  sourceUrl?: string | undefined;
  /** YYYY-MM-DD the bureau published this text (--published-on). */
  publishedOn?: string | undefined;
  /** With --revise: YYYY-MM-DD the bureau revised the text (--revised-on), shown as the revision's date. */
  revisedOn?: string | undefined;
  /** Print what would be written, and write nothing. */
  dryRun: boolean;
  /** YYYY-MM-DD: when this copy of the content changed. */
  today: string;
  /** Where rendered bodies are kept between checks (the build's render cache), if anywhere. */
  renderCacheDir?: string | undefined;
  /** The project folder, whose code keys the render cache. */
  root?: string | undefined;
}
