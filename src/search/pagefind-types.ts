import type { PagefindAnchor } from './passage';

/** The parts of Pagefind's browser API (pagefind.js, 1.6) this site uses. */
type PagefindFilterValue =
  string | { any: string[] } | { all: string[] } | { none: string[] } | { not: string };
export type PagefindFilters = Record<string, PagefindFilterValue>;

interface PagefindSubResult {
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
  /** The same with the word breaks Pagefind's positions count (zero-width spaces in Chinese), < and > escaped. */
  raw_content: string;
  /** Every element with an id, and the word it starts at. */
  anchors: PagefindAnchor[];
  meta: Record<string, string | undefined>;
  filters: Record<string, string[]>;
  sub_results: PagefindSubResult[];
}

export interface PagefindResult {
  id: string;
  score: number;
  data: () => Promise<PagefindResultData>;
}

interface PagefindOptions {
  baseUrl?: string;
  basePath?: string;
  /** Replaces the cache-busting timestamp on pagefind-entry.json, so that a preload of it is used. */
  metaCacheTag?: string;
  noWorker?: boolean;
}

/** How an index is merged: in which language, and its entry file's cache tag. */
interface MergeOptions {
  language?: string;
  metaCacheTag?: string;
}

interface PagefindInstance {
  options: (options: PagefindOptions) => Promise<void>;
  search: Pagefind['search'];
  mergeIndex: (indexPath: string, options?: MergeOptions) => Promise<void>;
  destroy: () => Promise<void>;
}

export interface Pagefind {
  options: (options: PagefindOptions) => Promise<void>;
  createInstance: (options: PagefindOptions) => PagefindInstance;
  init: () => Promise<void>;
  mergeIndex: (indexPath: string, options?: MergeOptions) => Promise<void>;
  search: (
    term: string | null,
    options?: { filters?: PagefindFilters; sort?: Record<string, 'asc' | 'desc'> },
  ) => Promise<{ results: PagefindResult[] }>;
  filters: () => Promise<Record<string, Record<string, number>>>;
}
