/** The search page's strings (src/search/): each locale's file gives every one. */
export interface SearchStrings {
  heading: string;
  needsJs: string;
  allProjects: string;
  query: string;
  queryHint: string;
  filters: string;
  band: string;
  min: string;
  max: string;
  boundHint: string;
  year: string;
  department: string;
  withheld: string;
  withheldYes: string;
  withheldNo: string;
  any: string;
  sort: string;
  sortRelevance: string;
  sortAmountDesc: string;
  sortAmountAsc: string;
  submit: string;
  loading: string;
  more: string;
  inSection: string;
  badBound: (input: string) => string;
  count: (n: number) => string;
  /** The count, the sum of the results' published amounts for each fiscal year, newest first, and how many have none. */
  /** A link beside an amount query's results that asks for the rounded figure exactly. */
  onlyExactly: (query: string) => string;
  countWithTotal: (
    n: number,
    totals: readonly { year: number; total: string }[],
    withoutAmount: number,
  ) => string;
  /** A site with no project yet has no index. */
  noIndex: string;
  /** No result has the query as typed. */
  noExact: (query: string) => string;
  /** Results that share only characters with the query, kept apart and folded. */
  partial: (n: number) => string;
  /** While results beyond the first page are still being checked for the exact query. */
  checking: (found: number, left: number) => string;
  /** A broad query: the count so far, and how many candidates are not checked yet ("show more" checks on). */
  countSoFar: (found: number, left: number) => string;
  /** Beside a result of an amount query: what was asked, and the figure published. */
  /** An amount asked for beside the figure found; `range`, what a rounded figure stood for. */
  asked: (asked: string, published: string, section: string, range: string | null) => string;
  /** No result here, but some in the other language; the link text follows. */
  otherLanguage: (n: number) => string;
  otherLanguageLink: string;
  /** Downloading the result set. */
  exportLabel: string;
  exportCsv: string;
  exportJson: string;
  exporting: string;
  /** The button that breaks the result set down by department and fiscal year. */
  exportBreakdown: string;
  /** The breakdown table: caption, column heads, and its note. */
  breakdown: {
    caption: string;
    year: string;
    department: string;
    projects: string;
    total: string;
    withheld: string;
    note: string;
  };
}
