/** The parts of Pagefind's browser API (pagefind.js, 1.6) this site uses. */
export type PagefindFilterValue =
  string | { any: string[] } | { all: string[] } | { none: string[] } | { not: string };
export type PagefindFilters = Record<string, PagefindFilterValue>;

export interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
  locations?: number[];
}

export interface PagefindResultData {
  url: string;
  excerpt: string;
  /** The page's whole indexed text. */
  content: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[]>;
  sub_results: PagefindSubResult[];
}

export interface PagefindResult {
  id: string;
  score: number;
  data: () => Promise<PagefindResultData>;
}

export interface Pagefind {
  options: (options: { baseUrl?: string; basePath?: string }) => Promise<void>;
  init: () => Promise<void>;
  search: (
    term: string | null,
    options?: { filters?: PagefindFilters; sort?: Record<string, 'asc' | 'desc'> },
  ) => Promise<{ results: PagefindResult[] }>;
  filters: () => Promise<Record<string, Record<string, number>>>;
}
