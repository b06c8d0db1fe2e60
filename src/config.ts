import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { z } from 'astro/zod';
import { parse } from 'yaml';
import { normalizeBase } from './domain/urls';

/**
 * Every setting of the site in one place: the environment variables a build
 * reads and the limits that keep pages light at any size. Nothing else in
 * src/ reads process.env; change a limit here and every page, feed and file
 * that depends on it follows.
 */

/** What one build needs to know about where it is deployed and what it reads. */
export interface Settings {
  /** Origin for canonical links, the sitemap, feeds, JSON-LD and the data files (SITE_URL). */
  siteUrl: string;
  /** Deployment sub-path under a portal, always with both slashes (BASE_PATH), e.g. /portal/yjsgk/. */
  basePath: string;
  /** The content folder, absolute (CONTENT_DIR, else ./content). */
  contentDir: string;
  /** The project folder: the code whose hash keys the render cache is under it. */
  root: string;
  /** Where builds keep rendered bodies between runs (RENDER_CACHE_DIR, else node_modules/.cache/disclosures-render; src/markdown/render.ts). */
  renderCacheDir: string;
  /**
   * Astro's cache folder (PAGE_CACHE_DIR, else .cache/pages in the project): with incremental
   * builds it keeps each project page and its key, so a rebuild copies the pages whose data did
   * not change instead of rendering them (astro.config.mjs). Not under node_modules/, which test
   * sandboxes share by a link: Astro writes the kept pages in place, so two builds at once must
   * not share this folder (npm run build takes a lock; each test build gets its own).
   */
  pageCacheDir: string;
  /**
   * Worker threads that render bodies not in the render cache (RENDER_WORKERS, else one per
   * core; 0 renders on the main thread). Rendering is the build's largest CPU cost that Astro
   * does not already spread, and a build machine has spare cores while it runs.
   */
  renderWorkers: number;
  /** Rows per page of the project listings (LISTING_PAGE_SIZE). */
  listingPageSize: number;
  /**
   * Other partitions of the site on this origin, by base path (SEARCH_PARTITIONS, comma-separated,
   * e.g. `/2021/,/2022/`): each is built on its own, and the search page merges their indexes
   * with its own, so that one query searches them all (README, Scaling out).
   */
  searchPartitions: string[];
  /** Where the Pagefind step writes its timing for `npm run bench` (BENCH_TIMINGS), if anywhere. */
  benchTimings: string | undefined;
  /** Who runs this copy of the site (site.yaml, or SITE_CONFIG); null until it is configured. */
  operator: Operator | null;
}

const Bilingual = z.strictObject({ zh: z.string().trim().min(1), en: z.string().trim().min(1) });

/**
 * site.yaml: who runs the site, how to reach them, where to report an error
 * (纠错) and the licence of the data. The footer and the About page show it;
 * until it exists the site says plainly that the operator is not configured.
 */
export const OperatorSchema = z.strictObject({
  /** The body that runs this site, e.g. 瑞丽市财政局 / Ruili City Finance Bureau. */
  operator: Bilingual,
  /** A contact address: mailto: or a web page. */
  contact: z.url({ protocol: /^(https?|mailto)$/ }),
  /** Where a reader reports an error in the site (纠错). */
  errorReport: z.url({ protocol: /^(https?|mailto)$/ }),
  /** The licence of the data files. */
  licence: z.strictObject({ name: Bilingual, url: z.url({ protocol: /^https?$/ }) }),
});
export type Operator = z.infer<typeof OperatorSchema>;

/** The operator from `file`, null when there is none; a file that is not valid stops the build with its problem. */
export function readOperator(file: string): Operator | null {
  if (!existsSync(file)) return null;
  const result = OperatorSchema.safeParse(parse(readFileSync(file, 'utf8')));
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new Error(`${file}: ${issue.path.join('.') || '(file)'}: ${issue.message}`);
  }
  return result.data;
}

/** The limits, named once. A test or a larger portal changes them here, never in a view. */
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
   * Limits on a content file that no real disclosure comes near (the Ruili ones
   * are 3–5 KB, nest nothing, and have at most 20 headings), so that a broken or
   * hostile file is refused with a message instead of stalling or crashing the
   * build: a 20 MB body held Pagefind for over 8 minutes, and quotes nested
   * 4,000 deep overflow the Markdown parser's stack.
   */
  maxFileBytes: 1_048_576,
  /** Deepest nesting of block quotes and lists in a body. */
  maxNestingDepth: 16,
  /** Most ## and ### sections in one body. */
  maxBodySections: 200,
  /**
   * Fewest bodies to render before worker threads are started: each takes about
   * a second to load the renderer, which a handful of bodies does not repay.
   */
  renderWorkersFrom: 200,
} as const;

export const DEFAULT_SITE_URL = 'http://localhost:4321';

/** A whole-number variable from `least` up, or `fallback` where it is unset or empty. */
function readWholeNumber(
  env: NodeJS.ProcessEnv,
  name: 'LISTING_PAGE_SIZE' | 'RENDER_WORKERS',
  least: number,
  fallback: number,
): number {
  const value = env[name];
  if (value === undefined || value === '') return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < least)
    throw new RangeError(`${name} must be a whole number from ${least}, not "${value}"`);
  return number;
}

/** The other partitions' base paths, normalised, without this build's own. */
function readPartitions(value: string | undefined, basePath: string): string[] {
  const bases = (value ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      // Pagefind fetches the other indexes from the page, and the CSP allows only this origin.
      if (!part.startsWith('/'))
        throw new RangeError(
          `SEARCH_PARTITIONS lists base paths on this site's origin, such as /2021/; not "${part}"`,
        );
      return normalizeBase(part);
    });
  return [...new Set(bases)].filter((base) => base !== basePath);
}

/** The variables the settings are made from: the same values give the same settings. */
const SETTING_VARIABLES = [
  'SITE_URL',
  'BASE_PATH',
  'CONTENT_DIR',
  'LISTING_PAGE_SIZE',
  'BENCH_TIMINGS',
  'SITE_CONFIG',
  'RENDER_CACHE_DIR',
  'RENDER_WORKERS',
  'PAGE_CACHE_DIR',
  'SEARCH_PARTITIONS',
] as const;
let cached: { key: string; settings: Settings } | undefined;

/**
 * The settings from an environment (the process's own by default), relative to
 * `root`. Every page asks for them, so they are made once per set of values
 * rather than reading site.yaml again for each of 20,000 pages (an edit to
 * site.yaml takes effect at the next build or dev-server start).
 */
export function readSettings(env: NodeJS.ProcessEnv = process.env, root = process.cwd()): Settings {
  const key = JSON.stringify([root, ...SETTING_VARIABLES.map((name) => env[name] ?? '')]);
  if (cached?.key !== key) cached = { key, settings: buildSettings(env, root) };
  return cached.settings;
}

function buildSettings(env: NodeJS.ProcessEnv, root: string): Settings {
  return {
    siteUrl: env.SITE_URL || DEFAULT_SITE_URL,
    basePath: normalizeBase(env.BASE_PATH),
    contentDir: resolve(root, env.CONTENT_DIR || 'content'),
    root,
    renderCacheDir: resolve(root, env.RENDER_CACHE_DIR || 'node_modules/.cache/disclosures-render'),
    renderWorkers: readWholeNumber(env, 'RENDER_WORKERS', 0, availableParallelism()),
    pageCacheDir: resolve(root, env.PAGE_CACHE_DIR || '.cache/pages'),
    listingPageSize: readWholeNumber(env, 'LISTING_PAGE_SIZE', 1, LIMITS.listingPageSize),
    searchPartitions: readPartitions(env.SEARCH_PARTITIONS, normalizeBase(env.BASE_PATH)),
    benchTimings: env.BENCH_TIMINGS || undefined,
    operator: readOperator(resolve(root, env.SITE_CONFIG || 'site.yaml')),
  };
}
