import type { SearchStrings } from './search-strings';

/** The search page's strings in English. */
export const enSearch = {
  heading: 'Search',
  needsJs:
    'Search needs JavaScript. Without it you can still browse the full list of projects and sort it by amount:',
  allProjects: 'All projects',
  query: 'Words or amount',
  queryHint: 'For example: face recognition, classified, 7 million, 7,000,000',
  filters: 'Filter and sort',
  band: 'Amount band',
  min: 'Minimum amount',
  max: 'Maximum amount',
  boundHint: 'Any notation, e.g. 10 million or 10000000',
  year: 'Year',
  department: 'Department',
  withheld: 'Has withheld sections',
  withheldYes: 'Yes',
  withheldNo: 'No',
  any: 'Any',
  sort: 'Sort by',
  sortRelevance: 'Relevance',
  sortAmountDesc: 'Amount, highest first',
  sortAmountAsc: 'Amount, lowest first',
  submit: 'Search',
  loading: 'Searching…',
  more: 'Show more results',
  inSection: 'Best match',
  badBound: (input) =>
    `“${input}” is not an amount we can read; write it like 10 million or 10000000.`,
  noExact: (query) => `No passage contains "${query}"`,
  partial: (n) =>
    `Partial matches: contain some of the characters (${n} project${n === 1 ? '' : 's'})`,
  count: (n) => `${n} project${n === 1 ? '' : 's'} found`,
  onlyExactly: (query) => `Only “${query}”`,
  countWithTotal: (n, totals, without) =>
    `${n} project${n === 1 ? '' : 's'} found${totals.length ? `; budget total by fiscal year (the sum of the published figures, computed by this site): ${totals.map(({ year, total }) => `FY${year} ${total}`).join(', ')}` : ''}${without ? `; ${without} ha${without === 1 ? 's its amount' : 've their amounts'} withheld, not in the total` : ''}`,
  noIndex: 'No project has been published on this site yet: there is nothing to search.',
  checking: (found, left) =>
    `${found} project${found === 1 ? '' : 's'} so far; checking ${left} more…`,
  countSoFar: (found, left) =>
    `${found} project${found === 1 ? '' : 's'} found so far; ${left} more may match and are not checked yet`,
  asked: (asked, published, section, range) =>
    `You asked for “${asked}”${range ? ` (${range})` : ''}: the published figure is ${published}${section ? ` (${section})` : ''}`,
  otherLanguage: (n) =>
    `The Chinese original has ${n} project${n === 1 ? '' : 's'} with this query.`,
  otherLanguageLink: 'See the Chinese results',
  exportLabel: 'Download these results (the columns of disclosures.csv):',
  exportCsv: 'CSV',
  exportJson: 'JSON',
  exporting: 'Preparing the download…',
  exportBreakdown: 'Totals by department and fiscal year (CSV)',
  breakdown: {
    caption: 'The results by department and fiscal year',
    year: 'Fiscal year',
    department: 'Department',
    projects: 'Projects',
    total: 'Budget total (CNY)',
    withheld: 'Amount withheld',
    note: 'Totals are this site’s sums of the results’ published amounts; no text prints them. Years are never added together, and projects whose amount is withheld are not in the total.',
  },
} satisfies SearchStrings;
