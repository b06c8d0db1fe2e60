import type { SearchStrings } from './search-strings';

/**
 * Interface strings. Each locale's file must provide every key (a missing key
 * is a type error); disclosure text never comes from here.
 */
/** The passages of a project page, by where their English came from. */
interface EnglishCounts {
  total: number;
  translator: number;
  rule: number;
  memory: number;
  /** No English yet: the page shows the Chinese, marked. */
  none: number;
}

export interface Dictionary {
  siteName: string;
  /** Between a label and its value: ： in Chinese, ": " in English. */
  colon: string;
  skipToContent: string;
  /** Titles of the sections written in frontmatter (the body's own headings come from the text). */
  sections: { name: string; basis: string; implementingUnit: string };
  nav: {
    label: string;
    home: string;
    projects: string;
    search: string;
    data: string;
    withheld: string;
  };
  languageSwitch: { label: string; target: string };
  translationNotice: { text: string; link: string };
  home: {
    intro: string;
    total: string;
    completeness: string;
    completenessNote: string;
    publications: string;
    more: string;
    completenessByMoney: string;
    completenessByMoneyNote: string;
    /** How a year's total is made: a sum of published figures, by this site, never across years. */
    totalNote: string;
    withheldAmountsNote: string;
    keyFigures: string;
    budgetTotal: string;
    projectCount: string;
    projects: (n: number) => string;
    chartCaption: string;
    publisher: string;
    publisherNote: string;
    region: string;
    year: string;
    source: string;
    sourceNote: string;
    updated: string;
    downloads: string;
    downloadJson: string;
    downloadCsv: string;
    allData: string;
    /** The text's own opening paragraphs (根据《预算法》…公开如下：), labelled for a screen reader. */
    preface: string;
    /** The text's closing signature: issuer and date. */
    signature: string;
    /** Beside the preface or signature on an English page while they are untranslated. */
    untranslated: string;
  };
  table: {
    caption: string;
    name: string;
    amountWan: string;
    amountYuan: string;
    period: string;
    unit: string;
    withheld: string;
    share: string;
    total: string;
  };
  project: {
    summary: string;
    amount: string;
    source: string;
    /** How the work is bought (公开招标…): never a source of funds. */
    procurement: string;
    /** The sources of several, with their amounts (其中：…). */
    breakdown: string;
    period: string;
    supervisor: string;
    unit: string;
    basis: string;
    withheld: string;
    contents: string;
    originalText: string;
    breadcrumb: string;
    previous: string;
    next: string;
  };
  source: {
    heading: string;
    intro: string;
    sha256: string;
    download: string;
    /** Every version of a revised text, each downloadable. */
    versions: {
      heading: string;
      intro: string;
      text: string;
      original: string;
      current: string;
      /** An earlier version that discloses a part a later one withholds: why its files are not offered. */
      notOffered: (since: number) => string;
    };
    /** That every original is a download, and what each file is. */
    downloads: string;
    file: { format: string; size: string; sha256: string };
    /** A size in bytes, written out in full. */
    bytes: (n: number) => string;
    /** Where the text was read from a file of another kind (a PDF, a Word file, a GBK text, a web page). */
    original: {
      heading: string;
      /** What the text below is, given the file it was read from. */
      readFrom: (format: string) => string;
      sha256: string;
      download: (format: string) => string;
      /** The kind of file, named for a reader: 'PDF', 'Word 97–2003 (.doc)', 'plain text in GB18030'. */
      format: (format: string, encoding: string | null) => string;
    };
  };
  withheldPage: {
    sectionsHeading: string;
    sectionsIntro: (projects: number) => string;
    searchWithheld: string;
    heading: string;
    intro: string;
    code: string;
    label: string;
    meaning: string;
    basis: string;
    counting: string;
  };
  footer: { publisher: string; source: string; updated: string; translation: string };
  search: SearchStrings;
  projects: {
    heading: string;
    intro: string;
    orderPublished: string;
    orderAmountDesc: string;
    orderAmountAsc: string;
    current: string;
    summary: (projects: number) => string;
    pageOf: (page: number, pages: number) => string;
  };
  pager: { label: string; previous: string; next: string; page: (n: number) => string };
  year: {
    heading: (year: number) => string;
    intro: string;
    department: string;
    projects: string;
    total: string;
    withheld: string;
    byYear: string;
    departments: string;
  };
  data: {
    heading: string;
    intro: string;
    downloads: string;
    json: string;
    jsonNote: string;
    csv: string;
    csvNote: string;
    /** Each department's projects, one CSV per department (the rows of the full CSV). */
    departmentCsv: string;
    schema: string;
    schemaNote: string;
    perProject: string;
    perProjectNote: string;
    feeds: string;
    feed: string;
    sources: string;
    sourcesByYear: string;
    dictionary: string;
    index: string;
    indexNote: string;
    indexFields: string;
    indexFieldsNote: string;
    jsonFields: string;
    withheldFields: string;
    withheldFieldsNote: string;
    csvColumns: string;
    field: string;
    column: string;
    type: string;
    unit: string;
    description: string;
    conventions: string[];
    /** The totals by department and fiscal year: heading, download, and what they are. */
    totals: string;
    totalsCsv: string;
    totalsNote: string;
  };
  feed: { title: string; subtitle: string };
  notFound: {
    heading: string;
    text: string;
    suggestions: string;
    home: string;
    projects: string;
    search: string;
    data: string;
  };
  /** "4 of 13 sections withheld". */
  withheldOf: (withheld: number, total: number) => string;
  /** How a fiscal year reads, e.g. 2020年度 / FY2020. */
  fiscalYear: (year: number) => string;
  /** 实施周期 as the page prints it: the published words (zh), or their plain translation where they follow a date pattern (en); null where there is none, and the page shows the Chinese. */
  period: (published: string) => string | null;
  percent: (fraction: number) => string;
  /** A share already in percent, e.g. 50.2 → 50.2%. */
  share: (percent: number) => string;
  /** What each column of /data/disclosures.csv holds, for the data page (keys are the column names). */
  csvColumns: {
    id: string;
    publication: string;
    fiscal_year: string;
    department: string;
    department_en: string;
    order: string;
    slug: string;
    name: string;
    name_en: string;
    amount_yuan: string;
    amount_published: string;
    currency: string;
    funding_source: string;
    funding_source_en: string;
    estimate_yuan: string;
    period: string;
    implementing_unit: string;
    implementing_unit_en: string;
    supervisor: string;
    basis_documents: string;
    sections_counted: string;
    sections_withheld: string;
    passages: string;
    passages_translator: string;
    passages_rule: string;
    passages_memory: string;
    passages_untranslated: string;
    withheld_sections: string;
    url: string;
    url_en: string;
    data_url: string;
    version: string;
    revised_on: string;
    procurement_method: string;
    procurement_method_en: string;
    funding_breakdown: string;
  };
  /** The label of an editor's note in a disclosure body. */
  editorNote: string;
  /** The withheld marker: between the section name and the reason, and the link to the explanation. */
  withheldMarker: { separator: string; why: string };
  /** Amount bands of the search filter, by band code (src/search/bands.ts). */
  bands: Record<'under-5m' | '5m-10m' | '10m-20m' | '20m-50m' | '50m-plus', string>;
  /** Where a project page's English came from (src/markdown/remark-english.ts, the page's coverage line). */
  english: {
    /** The mark beside Chinese that has no English yet. */
    untranslated: string;
    /** The mark after a passage put into English by a rule. */
    byRule: string;
    /** The mark after a passage from the translation memory (a link to where it was first translated). */
    byMemory: string;
    /** How much of a page is in English, and from where: 9 of 31 passages in English: 7 by rule, …. */
    coverage: (counts: EnglishCounts) => string;
    /** Beside a project in a list while some of its passages have no English. */
    badge: (counts: EnglishCounts) => string;
  };
  /** A corrected text imported as a new version (npm run import -- --revise). */
  revisions: {
    /** The notice at the top of a changed project: 修订于 <date>（第N版）. */
    /** The bureau's date of the revision where recorded (--revised-on), never the import's; then this site's update, apart. */
    notice: (revisedOn: string | null, version: number, imported: string | null) => string;
    noteLabel: string;
    /** On a page of a revised text whose project did not change: which version it shows. */
    pageVersion: (version: number) => string;
    historyLink: string;
    heading: string;
    intro: string;
    /** A version with the bureau's date and this site's update, each said where it is not recorded. */
    version: (version: number, revisedOn: string | null, imported: string | null) => string;
    added: string;
    changed: string;
    /** A part withheld from version N on. */
    withheldSince: (version: number) => string;
    disclosed: string;
    addedSection: string;
    removed: string;
    /** A part changed in an earlier version and withheld now: what changed is not shown. */
    hidden: string;
    figures: string;
    figureNames: Record<'funding' | 'estimate' | 'period', string>;
    none: string;
    /** On the English page: the changes are in the Chinese text. */
    inChinese: string;
  };
  /** An English text that translates an earlier version of the Chinese. */
  outdatedTranslation: {
    /** Heading of the notice shown instead of English that no longer fits the text. */
    heading: string;
    shown: (version: number, date: string | null) => string;
    pending: (version: number) => string;
    link: string;
  };
  /** A department's page, /<department-slug>/. */
  department: {
    intro: string;
    years: string;
    change: string;
    /** The change from the year before, as an amount and a share. */
    changeOf: (share: string | null) => string;
    noPrevious: string;
    recurring: string;
    recurringIntro: string;
    csv: string;
    region: string;
  };
  /** The list of every revision: /changes/ and its feed. */
  changes: {
    heading: string;
    intro: string;
    empty: string;
    feedTitle: string;
    feedSubtitle: string;
    entryTitle: (publication: string, version: number) => string;
    projects: (count: number) => string;
    feed: string;
    nav: string;
    /** Projects a version no longer has. */
    withdrawn: (count: number) => string;
  };
  /** The page at the address of a project a later version of the text no longer has. */
  withdrawn: {
    /** What happened: in version `last`, not from version `since` (imported on `date`) on. */
    notice: (last: number, since: number, date: string | null) => string;
    current: string;
    versions: string;
    changes: string;
  };
  /** Where the source says nothing (a region, an address): said, never left blank. */
  notRecorded: string;
  publishedAs: string;
  /** After a total the site computed: it is a sum of figures the texts print, printed in none of them. */
  sumOfPublished: string;
  /** Where the original comes from (publication.yaml `source`), each shown as not recorded where it is not. */
  provenance: { url: string; publishedOn: string; retrievedOn: string; archiveUrl: string };
  /** The About page and the footer line on who runs the site (site.yaml). */
  about: {
    heading: string;
    what: (publishers: string) => string;
    and: string;
    operator: string;
    notConfigured: string;
    contact: string;
    errorReport: string;
    errorReportLink: string;
    licence: string;
    official: string;
    footer: (operator: string) => string;
    footerNotConfigured: string;
    link: string;
  };
  /** The discreet ¶ link after every paragraph. */
  passageLink: string;
  /** What the money buys: the first paragraph of 项目实施内容, in the summary. */
  buys: string;
  /** Cite this page: a citation with its address, version, date and the original's SHA-256. */
  cite: {
    summary: string;
    citation: (c: {
      department: string;
      name: string;
      title: string;
      version: number;
      date: string | null;
      url: string;
      sha256: string;
    }) => string;
  };
  /** The Terms page: content/glossary.yaml. */
  terms: {
    heading: string;
    intro: string;
    zh: string;
    en: string;
    note: string;
    empty: string;
    link: string;
  };
}
