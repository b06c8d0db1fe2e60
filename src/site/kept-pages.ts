import { readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { sha256File, writeKept } from '../files/kept';

/**
 * The pages Astro keeps between builds (experimental.incrementalBuild, in
 * PAGE_CACHE_DIR) are trusted only as far as they can be verified.
 *
 * Astro writes each kept page as soon as it renders it, but its record of
 * which key each page was rendered for (incremental-build.json) only at the
 * end of the page phase. A build stopped in between leaves a newer page under
 * an older key, and the next build would restore it: a sentence the editor
 * has since removed comes back. A page edited on disk would be restored too.
 *
 * So a build that passed its output audit writes a ledger (kept-pages.json)
 * of every kept page: the key Astro recorded for it and the SHA-256 of the
 * bytes the audit passed. Before the next build renders anything, every page
 * Astro's record offers to restore is checked against the ledger; a page
 * whose key or bytes differ, or that the ledger does not list, is deleted, so
 * Astro renders it again (it restores only pages whose file exists). Without a
 * readable ledger nothing is restored at all.
 */

/** Astro's record of kept pages, as far as this reads it (astro/dist/core/build/incremental.js). */
interface AstroManifest {
  routes: Record<string, { paths: Record<string, { cacheKey: string; outputFile: string }> }>;
}

/** The ledger: each kept page's output file → the key and digest it was audited with. */
type Ledger = Record<string, { cacheKey: string; sha256: string }>;

const MANIFEST = 'incremental-build.json';
const LEDGER = 'kept-pages.json';
/** Where Astro keeps the pages, below the cache folder. */
const PAGES = 'dist';

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every page Astro's record lists, with the key it was kept under; none if the record is unreadable. */
function readManifestPages(cacheDir: string): { outputFile: string; cacheKey: string }[] {
  const manifest = readJson(join(cacheDir, MANIFEST));
  if (!isRecord(manifest) || !isRecord(manifest.routes)) return [];
  const pages: { outputFile: string; cacheKey: string }[] = [];
  for (const route of Object.values((manifest as unknown as AstroManifest).routes)) {
    if (!isRecord(route) || !isRecord(route.paths)) continue;
    for (const entry of Object.values(route.paths)) {
      if (
        isRecord(entry) &&
        typeof entry.outputFile === 'string' &&
        typeof entry.cacheKey === 'string'
      )
        pages.push({ outputFile: entry.outputFile, cacheKey: entry.cacheKey });
    }
  }
  return pages;
}

function readLedger(cacheDir: string): Ledger | null {
  const ledger = readJson(join(cacheDir, LEDGER));
  if (!isRecord(ledger)) return null;
  for (const entry of Object.values(ledger)) {
    if (!isRecord(entry) || typeof entry.cacheKey !== 'string' || typeof entry.sha256 !== 'string')
      return null;
  }
  return ledger as Ledger;
}

export interface KeptPagesCheck {
  /** Pages Astro may restore: their key and bytes are those the ledger recorded. */
  verified: number;
  /** Pages deleted because they could not be verified; Astro renders them again. */
  dropped: string[];
  /** Each verified page's digest and file stamp, for recordKeptPages at the end of the build. */
  seen: ReadonlyMap<string, SeenPage>;
}

/** A kept page's file as verification read it: the SHA-256 of its bytes, and its stamp then. */
interface SeenPage {
  sha256: string;
  stamp: string;
}

/**
 * A file's identity and last change, as the file system keeps them (a program cannot set its
 * ctime back); null if it cannot be read, or if it changed after `before`: so shortly before
 * it was read that a second change within the clock's resolution could leave the same stamp
 * (Git's "racy" files).
 */
function stampOf(file: string, before = Infinity): string | null {
  try {
    const stat = statSync(file, { bigint: true });
    if (Number(stat.ctimeNs / 1_000_000n) > before) return null;
    return `${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}`;
  } catch {
    return null;
  }
}

/** A change this recent before verification is not trusted to show in the stamp (the kernel's clock ticks in milliseconds). */
const RACY_MS = 100;

/**
 * Before a build: deletes every kept page that the ledger does not vouch for
 * under the key Astro's record gives it. Without a ledger, Astro's record is
 * deleted, so that nothing is restored.
 */
export function verifyKeptPages(cacheDir: string): KeptPagesCheck {
  const ledger = readLedger(cacheDir);
  const pages = readManifestPages(cacheDir);
  if (ledger === null) {
    rmSync(join(cacheDir, MANIFEST), { force: true });
    rmSync(join(cacheDir, PAGES), { recursive: true, force: true });
    return { verified: 0, dropped: pages.map((p) => p.outputFile), seen: new Map() };
  }
  const started = Date.now();
  const seen = new Map<string, SeenPage>();
  const check: KeptPagesCheck = { verified: 0, dropped: [], seen };
  for (const { outputFile, cacheKey } of pages) {
    const file = join(cacheDir, PAGES, outputFile);
    const recorded = ledger[outputFile];
    let digest: string;
    try {
      digest = sha256File(file);
    } catch {
      // Not kept (or unreadable): Astro renders it, as it would anyway.
      continue;
    }
    if (recorded?.cacheKey === cacheKey && recorded.sha256 === digest) {
      check.verified++;
      const stamp = stampOf(file, started - RACY_MS);
      if (stamp !== null) seen.set(outputFile, { sha256: recorded.sha256, stamp });
    } else {
      rmSync(file, { force: true });
      check.dropped.push(outputFile);
    }
  }
  return check;
}

/**
 * After a build whose output passed the audit: records every kept page whose
 * bytes are those the audit passed (`audited`: output file → SHA-256 of the
 * page in the build). A kept page that differs from what was published, or
 * was not audited, is left out, and so is rendered again next time.
 *
 * A page this build's verification read (`seen`) and whose file has the same
 * stamp now is not read again: its bytes are those it hashed then. (Reading
 * and hashing the 20,000 pages of 10,000 projects a second time took 1.2 s.)
 */
export function recordKeptPages(
  cacheDir: string,
  audited: ReadonlyMap<string, string>,
  seen: ReadonlyMap<string, SeenPage> = new Map(),
): number {
  const ledger: Ledger = {};
  for (const { outputFile, cacheKey } of readManifestPages(cacheDir)) {
    const digest = audited.get(outputFile);
    if (digest === undefined) continue;
    const before = seen.get(outputFile);
    if (before?.sha256 === digest && stampOf(join(cacheDir, PAGES, outputFile)) === before.stamp) {
      ledger[outputFile] = { cacheKey, sha256: digest };
      continue;
    }
    let kept: string;
    try {
      kept = sha256File(join(cacheDir, PAGES, outputFile));
    } catch {
      continue;
    }
    if (kept === digest) ledger[outputFile] = { cacheKey, sha256: digest };
  }
  writeKept(join(cacheDir, LEDGER), JSON.stringify(ledger));
  return Object.keys(ledger).length;
}
