import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sha256 } from '../files/kept';
import { listFiles } from '../files/list';

/**
 * Runs Pagefind over a site's pages one language at a time, with Pagefind's
 * own command line, and puts the languages together into one bundle: the
 * bundle Pagefind writes when it indexes every language in one run, byte for
 * byte (src/search/run-pagefind.test.ts builds both). Pagefind keeps each
 * language's index apart in any case (its files are named by language, and a
 * page of one language loads only that language's), so only the entry, which
 * lists the languages, is written here.
 *
 * Why not one run, through Pagefind's Node API, as the step did: Pagefind
 * holds every page of a run in memory until it writes, and our Chinese and
 * English pages at once were the build's peak. At 10,000 projects
 * (2026-12-07, 2 cores): the API over both languages 54.3 s and 3,151 MB; the
 * command line over the Chinese pages 19.0 s and 2,356 MB, over the English
 * 13.4 s and 1,563 MB (the API took 26.6 s and 18.3 s for the same two runs,
 * and as much memory: it is the one run over both languages that costs).
 */

/** What Pagefind writes into pagefind-entry.json, as far as this step reads it. */
export interface PagefindEntry {
  version: string;
  languages: Record<string, { hash: string; wasm: string | null; page_count: number }>;
  [other: string]: unknown;
}

export const ENTRY = 'pagefind-entry.json';

/** Pagefind's package folder, whose binary package sits beside it (as Pagefind's own runner finds it). */
const PAGEFIND_PACKAGE = join(dirname(fileURLToPath(import.meta.resolve('pagefind'))), '..');

/** The Pagefind binary the package installed for this machine: the extended one, which segments Chinese. */
export function resolvePagefindBinary(): string {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const name = platform === 'windows' ? 'pagefind_extended.exe' : 'pagefind_extended';
  return createRequire(join(PAGEFIND_PACKAGE, 'package.json')).resolve(
    `@pagefind/${platform}-${process.arch}/bin/${name}`,
  );
}

/** Pagefind's version and this file's code: what an index this step wrote depends on. */
export function readPagefindKey(): string {
  const { version } = JSON.parse(readFileSync(join(PAGEFIND_PACKAGE, 'package.json'), 'utf8')) as {
    version: string;
  };
  return sha256(`${version}\0${readFileSync(fileURLToPath(import.meta.url), 'utf8')}`);
}

/**
 * What starts a run: on Linux, util-linux's setpriv, which has the kernel kill the run when the
 * process that started it dies. Pagefind's API ran it as a service that ended with its input;
 * the command line would go on indexing for a build killed with -9 (no handler runs then), and
 * a build started again at once would hold two runs' pages in memory. Where setpriv is missing or
 * too old for --pdeathsig (util-linux before 2.33), the run is started directly: it then outlives
 * a killed build by the seconds it takes, writing only into a staging folder that is never
 * renamed into place and that the next build removes (src/search/index-parts.ts).
 */
let launcher: string[] | undefined;
function readLauncher(): string[] {
  if (launcher) return launcher;
  const setpriv = ['setpriv', '--pdeathsig', 'KILL', '--'];
  const probe =
    process.platform === 'linux' ? spawnSync(setpriv[0]!, [...setpriv.slice(1), 'true']) : null;
  launcher = probe?.status === 0 ? setpriv : [];
  return launcher;
}

/**
 * What Pagefind said, on one line: a panic is two lines, where it happened and why (on a full
 * disk, "No space left on device"), and a note on backtraces that says nothing here.
 */
const oneLine = (output: string) =>
  output
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('note: run with `RUST_BACKTRACE'))
    .join(' ');

/**
 * The allocator setting of every run. Pagefind's binary is statically linked with jemalloc
 * (through tikv-jemallocator, which reads its settings from _RJEM_MALLOC_CONF). jemalloc's
 * defaults, four arenas per core and freed pages kept for ten seconds before they are returned,
 * held memory that Pagefind had freed through most of a run, which at 10,000 projects lasts 20 s.
 * One arena, and freed pages returned within a second: over the 10,000 Chinese pages of a
 * generated site, Pagefind's peak fell from 2,526–2,603 MB to 2,227–2,233 MB, for a second or
 * two more of a run of about 20 s (2026-12-07, 2 cores; docs/performance.md, "Pagefind's
 * allocator"). The index is the same bytes either way.
 */
export const PAGEFIND_ALLOCATOR = 'narenas:1,dirty_decay_ms:1000,muzzy_decay_ms:0';

/**
 * The environment of a run: this process's, without PAGEFIND_ variables (the command line reads
 * them as its settings, and the index must be what the pages alone make) or Rust's RUST_ ones
 * (with RUST_BACKTRACE set, a panic, on a full disk, would carry screens of backtrace into the
 * build's one line of error), and with the allocator setting above.
 */
export function readPagefindEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return {
    ...Object.fromEntries(
      Object.entries(env).filter(
        ([name]) => !name.startsWith('PAGEFIND_') && !name.startsWith('RUST_'),
      ),
    ),
    _RJEM_MALLOC_CONF: PAGEFIND_ALLOCATOR,
  };
}

/**
 * One run of Pagefind's command line, over the pages of `site` that `glob`
 * matches, into `out`. It runs in `out`'s parent folder (which holds nothing
 * else: the command line reads a pagefind.yml in its folder), in the
 * environment readPagefindEnv gives.
 */
function runPagefind(site: string, glob: string, out: string): Promise<void> {
  const env = readPagefindEnv(process.env);
  return new Promise((done, fail) => {
    const [command, ...args] = [
      ...readLauncher(),
      resolvePagefindBinary(),
      ...['--site', site, '--glob', glob, '--output-path', out, '--quiet'],
    ];
    const child = spawn(command!, args, {
      cwd: dirname(out),
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', fail);
    child.on('close', (status, signal) => {
      if (status === 0) done();
      else
        fail(
          new Error(`pagefind: ${signal ?? `exit status ${String(status)}`}: ${oneLine(output)}`),
        );
    });
  });
}

/**
 * Indexes the pages of `site` that `glob` matches, the pages of one language, into `bundle`
 * with one run of Pagefind's command line, and returns the bundle's entry. `bundle`'s parent
 * folder must be the caller's own: the run works in it. A run that fails leaves no bundle.
 */
export async function indexLanguage(
  site: string,
  glob: string,
  bundle: string,
): Promise<PagefindEntry> {
  mkdirSync(dirname(bundle), { recursive: true });
  rmSync(bundle, { recursive: true, force: true });
  try {
    await runPagefind(site, glob, bundle);
  } catch (error) {
    rmSync(bundle, { recursive: true, force: true });
    throw error;
  }
  return JSON.parse(readFileSync(join(bundle, ENTRY), 'utf8')) as PagefindEntry;
}

/**
 * Puts the files of bundles of one language each into `bundle` (`place`
 * puts one file: the build links them from the bundles it keeps), and writes
 * the entry that lists them all, as Pagefind's own (its languages by name): the
 * bundle one run over every language writes, byte for byte (tested). A file
 * two runs both wrote (Pagefind's scripts and the shared WebAssembly) must
 * be the same bytes in both.
 */
export function mergeLanguageBundles(
  runs: readonly string[],
  bundle: string,
  place: (from: string, to: string) => void,
): PagefindEntry {
  const entries = runs.map(
    (run) => JSON.parse(readFileSync(join(run, ENTRY), 'utf8')) as PagefindEntry,
  );
  const { languages: _languages, ...shared } = entries[0]!;
  for (const entry of entries) {
    const { languages: _own, ...rest } = entry;
    if (JSON.stringify(rest) !== JSON.stringify(shared))
      throw new Error(`pagefind: the runs of the languages disagree on ${ENTRY}`);
  }
  for (const run of runs)
    for (const file of listFiles(run)) {
      if (file === ENTRY) continue;
      const target = join(bundle, file);
      if (existsSync(target)) {
        if (!readFileSync(target).equals(readFileSync(join(run, file))))
          throw new Error(`pagefind: the runs of the languages wrote different ${file}`);
        continue;
      }
      mkdirSync(dirname(target), { recursive: true });
      place(join(run, file), target);
    }
  const languages = Object.fromEntries(
    entries
      .flatMap((entry) => Object.entries(entry.languages))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
  // The keys in Pagefind's order: the version, the languages, then the rest.
  const { version, ...rest } = shared;
  const merged: PagefindEntry = { version, languages, ...rest };
  mkdirSync(bundle, { recursive: true });
  writeFileSync(join(bundle, ENTRY), JSON.stringify(merged));
  return merged;
}
