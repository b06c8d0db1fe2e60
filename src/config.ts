import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { relative, resolve } from 'node:path';
import { firstLineOf } from './domain/errors';
import { LIMITS } from './domain/limits';
import { findUnprintable, findUnprintableValues } from './domain/printable';
import { normalizeBase } from './domain/urls';
import { lineOf, parseWithLines } from './domain/yaml-lines';
import { fieldIssues } from './schema/issues';
import { SiteSchema, type Operator } from './schema/site';

export type { Operator };

/**
 * Every setting of the site in one place: the environment variables a build
 * reads and site.yaml. Nothing else in src/ reads process.env. Every value is
 * checked here, as content is: a mistake is reported in one line that names
 * the variable, or the file and line (SettingsError), never a stack trace.
 */

/** A setting that cannot be used: the message names the variable, or the file and line. */
export class SettingsError extends Error {
  override name = 'SettingsError';
}

/**
 * How the search index is laid out (SEARCH_INDEX_PARTS): `one` index of every page, which a
 * query searches at Pagefind's own speed (the default); or one part per fiscal year (`fiscal-year`,
 * at most ten), which a rebuild re-indexes only where pages changed, and every query merges.
 * docs/performance.md gives what each costs at 10,000 projects.
 */
const SEARCH_INDEX_LAYOUTS = ['one', 'fiscal-year'] as const;
export type SearchIndexLayout = (typeof SEARCH_INDEX_LAYOUTS)[number];

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
  /** Where builds keep rendered bodies between runs (RENDER_CACHE_DIR, else .cache/render beside the kept pages; src/markdown/render.ts). */
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
   * Where builds keep the parts of the search index, by fiscal year, each under a digest of
   * its pages (SEARCH_CACHE_DIR, else .cache/search): a rebuild re-indexes only the parts whose
   * pages changed (src/search/build-index.ts).
   */
  searchCacheDir: string;
  /** One search index, or parts by fiscal year (SEARCH_INDEX_PARTS, else one). */
  searchIndexParts: SearchIndexLayout;
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
   * with its own, so that one query searches them all (docs/operations.md, Scaling out).
   */
  searchPartitions: string[];
  /** Where the Pagefind step writes its timing for `npm run bench` (BENCH_TIMINGS), if anywhere. */
  benchTimings: string | undefined;
  /**
   * Where each step of a build writes what it did, in figures (BUILD_REPORT_DIR, else
   * .cache/build-report; src/files/build-report.ts).
   */
  buildReportDir: string;
  /**
   * The module whose buildSite() `npm run build` runs (BUILD_STEP, else scripts/build-site.mjs):
   * tests of the lock, the publishing and the failures around it give a stand-in that writes a
   * page, so that they need no Astro build.
   */
  buildStep: string;
  /** Who runs this copy of the site (site.yaml, or SITE_CONFIG); null until it is configured. */
  operator: Operator | null;
  /** Where `npm start` serves the built site: HOST (127.0.0.1; 0.0.0.0 for every interface) and PORT (4321). */
  serve: { host: string; port: number };
}

/** The operator from `file`, null when there is none; a file that is not valid is a SettingsError naming each problem's line. */
function readOperator(file: string, root = process.cwd()): Operator | null {
  if (!existsSync(file)) return null;
  const name = relative(root, file) || file;
  const text = readFileSync(file, 'utf8');
  const { doc, counter } = parseWithLines(text);
  const at = (line: number | undefined) => `${name}:${line ?? 1}`;
  if (doc.errors.length > 0) {
    const error = doc.errors[0]!;
    throw new SettingsError(
      `${at(counter.linePos(error.pos[0]).line)}: YAML syntax error: ${firstLineOf(error)}`,
    );
  }
  let value: unknown;
  try {
    // No anchors or aliases: a few lines of them expand into gigabytes.
    value = doc.toJS({ maxAliasCount: 0 });
  } catch (error) {
    throw new SettingsError(`${at(1)}: ${firstLineOf(error)}`);
  }
  const problems = [
    ...findUnprintableValues(value, LIMITS.maxTextLength),
    ...(() => {
      const result = SiteSchema.safeParse(value);
      return result.success ? [] : fieldIssues(result.error.issues, value);
    })(),
  ];
  if (problems.length > 0) {
    throw new SettingsError(
      problems
        .map((p) => `${at(lineOf(doc, counter, p.path))}: ${p.path}: ${p.message}`)
        .join('\n'),
    );
  }
  return SiteSchema.parse(value);
}

const DEFAULT_SITE_URL = 'http://localhost:4321';

/** The variables the settings are made from: the same values give the same settings. */
const SETTING_VARIABLES = [
  'SITE_URL',
  'BASE_PATH',
  'CONTENT_DIR',
  'LISTING_PAGE_SIZE',
  'BENCH_TIMINGS',
  'BUILD_REPORT_DIR',
  'BUILD_STEP',
  'SITE_CONFIG',
  'RENDER_CACHE_DIR',
  'RENDER_WORKERS',
  'PAGE_CACHE_DIR',
  'SEARCH_CACHE_DIR',
  'SEARCH_PARTITIONS',
  'SEARCH_INDEX_PARTS',
  'HOST',
  'PORT',
] as const;
type SettingVariable = (typeof SETTING_VARIABLES)[number];

/** A variable's value, checked as printable text; undefined where it is unset or empty. */
function readVariable(env: NodeJS.ProcessEnv, name: SettingVariable): string | undefined {
  const value = env[name];
  if (value === undefined || value === '') return undefined;
  const problem = findUnprintable(value);
  if (problem) throw new SettingsError(`${name} ${problem}`);
  if (value.length > LIMITS.maxTextLength)
    throw new SettingsError(`${name} is ${value.length} characters long; that cannot be a setting`);
  return value;
}

/** A whole-number variable from `least` up, or `fallback` where it is unset or empty. */
function readWholeNumber(
  env: NodeJS.ProcessEnv,
  name: 'LISTING_PAGE_SIZE' | 'RENDER_WORKERS' | 'PORT',
  least: number,
  fallback: number,
): number {
  const value = readVariable(env, name);
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < least)
    throw new SettingsError(`${name} must be a whole number from ${least}, not "${value}"`);
  return number;
}

/** SEARCH_INDEX_PARTS: one of the layouts. */
function readSearchIndexLayout(value: string | undefined): SearchIndexLayout {
  if (value === undefined) return 'one';
  const layout = SEARCH_INDEX_LAYOUTS.find((name) => name === value);
  if (!layout)
    throw new SettingsError(
      `SEARCH_INDEX_PARTS must be ${SEARCH_INDEX_LAYOUTS.join(' or ')}, not "${value}"`,
    );
  return layout;
}

/** PORT: a TCP port. */
function readPort(env: NodeJS.ProcessEnv): number {
  const port = readWholeNumber(env, 'PORT', 1, 4321);
  if (port > 65535) throw new SettingsError(`PORT must be a port from 1 to 65535, not "${port}"`);
  return port;
}

/** SITE_URL: the origin the site is served from, http(s) only, with no path (that is BASE_PATH's). */
function readSiteUrl(env: NodeJS.ProcessEnv): string {
  const value = readVariable(env, 'SITE_URL');
  if (value === undefined) return DEFAULT_SITE_URL;
  const example = 'such as https://czj.example.gov.cn';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new SettingsError(
      `SITE_URL must be the site's address, ${example}; "${value}" is not an address`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new SettingsError(
      `SITE_URL must be an http:// or https:// address, ${example}; not "${value}"`,
    );
  if (url.username || url.password || url.search || url.hash)
    throw new SettingsError(`SITE_URL must be the site's origin alone, ${example}; not "${value}"`);
  if (url.pathname !== '/')
    throw new SettingsError(
      `SITE_URL is the origin alone (${url.origin}); give the sub-path "${url.pathname}" as BASE_PATH`,
    );
  return url.origin;
}

/** A path on the site's origin, such as /portal/yjsgk/: segments of letters, digits, - . _ ~ only. */
function readBasePath(value: string, name: 'BASE_PATH' | 'SEARCH_PARTITIONS'): string {
  const base = normalizeBase(value);
  if (!/^\/(?:[\w.~-]+\/)*$/.test(base) || /\/\.{1,2}\//.test(base))
    throw new SettingsError(
      `${name} must be a path on this site's origin such as /portal/yjsgk/ (letters, digits, - . _ ~ between slashes); not "${value}"`,
    );
  return base;
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
        throw new SettingsError(
          `SEARCH_PARTITIONS lists base paths on this site's origin, such as /2021/; not "${part}"`,
        );
      return readBasePath(part, 'SEARCH_PARTITIONS');
    });
  return [...new Set(bases)].filter((base) => base !== basePath);
}

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

/**
 * Settings that say where a build reads and writes, how fast it runs, or how the site is served:
 * none changes what a page says. A kept page's key leaves them out, so that a rebuild with another
 * report folder, timings file or worker count still copies the pages it may (it rendered every
 * page again when the key held them all).
 */
const BUILD_ONLY_SETTINGS = [
  'contentDir',
  'root',
  'renderCacheDir',
  'pageCacheDir',
  'searchCacheDir',
  'renderWorkers',
  'benchTimings',
  'buildReportDir',
  'buildStep',
  'serve',
] as const satisfies readonly (keyof Settings)[];

/**
 * The settings a page is made from (the origin, the base, the operator, the search layout, the
 * listing size): every setting but those above, so that a new one counts until it is shown not to.
 */
export function readPageSettings(
  env: NodeJS.ProcessEnv = process.env,
  root = process.cwd(),
): Partial<Settings> {
  const buildOnly = new Set<string>(BUILD_ONLY_SETTINGS);
  return Object.fromEntries(
    Object.entries(readSettings(env, root)).filter(([name]) => !buildOnly.has(name)),
  );
}

function buildSettings(env: NodeJS.ProcessEnv, root: string): Settings {
  const basePath = readBasePath(readVariable(env, 'BASE_PATH') ?? '/', 'BASE_PATH');
  const path = (name: SettingVariable, fallback: string) =>
    resolve(root, readVariable(env, name) ?? fallback);
  return {
    siteUrl: readSiteUrl(env),
    basePath,
    contentDir: path('CONTENT_DIR', 'content'),
    root,
    renderCacheDir: path('RENDER_CACHE_DIR', '.cache/render'),
    renderWorkers: readWholeNumber(env, 'RENDER_WORKERS', 0, availableParallelism()),
    pageCacheDir: path('PAGE_CACHE_DIR', '.cache/pages'),
    searchCacheDir: path('SEARCH_CACHE_DIR', '.cache/search'),
    searchIndexParts: readSearchIndexLayout(readVariable(env, 'SEARCH_INDEX_PARTS')),
    listingPageSize: readWholeNumber(env, 'LISTING_PAGE_SIZE', 1, LIMITS.listingPageSize),
    searchPartitions: readPartitions(readVariable(env, 'SEARCH_PARTITIONS'), basePath),
    benchTimings: readVariable(env, 'BENCH_TIMINGS'),
    buildReportDir: path('BUILD_REPORT_DIR', '.cache/build-report'),
    buildStep: path('BUILD_STEP', 'scripts/build-site.mjs'),
    operator: readOperator(path('SITE_CONFIG', 'site.yaml'), root),
    serve: { host: readVariable(env, 'HOST') ?? '127.0.0.1', port: readPort(env) },
  };
}
