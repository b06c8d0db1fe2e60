/**
 * The limits, named once. A test or a larger portal changes them here, never in a view.
 * Limits on content are far above any real disclosure, so that a broken or hostile file is
 * refused with a message instead of stalling or crashing the build.
 */
export const LIMITS = {
  /** Default rows per listing page. */
  listingPageSize: 100,
  /** Entries per Atom feed: a feed reader wants what changed; the full list is in /data/disclosures.json. */
  feedEntries: 100,
  /** Up to this many publications the home page shows each in full; past it, the way in by year. */
  homeFullPublications: 3,
  /** Up to this many publications the data page and JSON-LD list each original text one by one. */
  smallSitePublications: 20,
  /** Up to this many projects the data page lists each per-project file one by one. */
  smallSiteProjects: 100,
  /**
   * A content file (the Ruili ones are 3–5 KB, nest nothing, and have at most 20 headings):
   * a 20 MB body held Pagefind for over 8 minutes, and quotes nested 4,000 deep overflow the
   * Markdown parser's stack.
   */
  maxFileBytes: 1_048_576,
  /** Deepest nesting of block quotes and lists in a body. */
  maxNestingDepth: 16,
  /** Most ## and ### sections in one body. */
  maxBodySections: 200,
  /**
   * Characters in a name the site prints in headings, footers and feeds: a department, a
   * title, a project, the operator (the longest real one is under 60). A 180 KB name once
   * passed into every footer.
   */
  maxNameLength: 300,
  /** Characters in any other single value of a YAML file or a setting (a basis item, an address). */
  maxTextLength: 4_000,
  /**
   * The most pages of a PDF the importer reads: a department's texts of a year run to a few
   * dozen pages (50 projects, about 100). A 2,000-page file is something else, and takes minutes.
   */
  inputPages: 500,
  /** The largest file the importer reads: a year's texts are kilobytes; a PDF or Word file, under a few MB. */
  inputBytes: 50 * 1024 * 1024,
  /** The most text one part of a .docx may expand to (word/document.xml): a zip bomb expands to gigabytes. */
  docxPartBytes: 50 * 1024 * 1024,
  /** The most all the parts of a .docx that are read may expand to together. */
  docxTotalBytes: 100 * 1024 * 1024,
  /**
   * Fewest bodies to render before worker threads are started: each takes about
   * a second to load the renderer, which a handful of bodies does not repay.
   */
  renderWorkersFrom: 200,
} as const;
