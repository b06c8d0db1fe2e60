import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { hashCode, writeKept } from '../files/kept';

/**
 * The pages that passed the audit of the last build, each by a digest of all
 * its verdict depends on: the code (src/, the Astro config and the lock file,
 * as for kept renderings), what the model expects of the page, and the page's
 * bytes. The same digest gives the same verdict, so a page that Astro copied
 * unchanged from its page cache is not parsed again; a page whose bytes, or
 * whose content, differ in any way is. The file lists this build's passes only.
 */
export class AuditMemo {
  readonly #file: string;
  readonly #stamp: string;
  readonly #passed: ReadonlySet<string>;
  readonly #next = new Set<string>();
  /** Pages of this build found in the memo, and so not parsed. */
  vouched = 0;

  constructor(file: string, root: string) {
    this.#file = file;
    this.#stamp = hashCode(root);
    this.#passed = new Set(readDigests(file));
  }

  digest(expected: unknown, page: Buffer): string {
    return createHash('sha256')
      .update(JSON.stringify([this.#stamp, expected]))
      .update('\0')
      .update(page)
      .digest('hex');
  }

  /** Whether a page of this digest passed the last build's audit; if so, it is kept for the next. */
  vouches(digest: string): boolean {
    if (!this.#passed.has(digest)) return false;
    this.vouched++;
    this.#next.add(digest);
    return true;
  }

  pass(digest: string): void {
    this.#next.add(digest);
  }

  /** Writes this build's passes for the next build. */
  save(): void {
    writeKept(this.#file, JSON.stringify([...this.#next]));
  }
}

/** The digests in a memo file; none if it is missing or is not a list of digests. */
function readDigests(file: string): string[] {
  try {
    const value: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return Array.isArray(value) && value.every((d) => typeof d === 'string') ? value : [];
  } catch {
    return [];
  }
}
