import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { displayPathOf } from '../content/paths';
import { generateContent, writeContent, type GenerateOptions } from './synthetic';

/**
 * A throw-away content folder of generated disclosures, for tests that must
 * not depend on the real content: they edit it, break it and check it.
 */
export class ContentFixture {
  readonly dir = mkdtempSync(join(tmpdir(), 'content-fixture-'));
  /** Relative path → text, as generated. */
  readonly files: Map<string, string>;

  constructor(options: GenerateOptions = { count: 3 }) {
    this.files = generateContent(options);
    writeContent(this.dir, this.files);
  }

  /** Relative paths of the generated files matching a pattern, sorted. */
  find(pattern: RegExp): string[] {
    return [...this.files.keys()].filter((path) => pattern.test(path)).sort();
  }

  /** How problems name a file of this folder (`content/<path>`). */
  display(path: string): string {
    return displayPathOf(path);
  }

  read(path: string): string {
    return readFileSync(join(this.dir, path), 'utf8');
  }

  write(path: string, bytes: string | Uint8Array): void {
    writeFileSync(join(this.dir, path), bytes);
  }

  /** Changes a file; an edit that changes nothing is a broken test, so it throws. */
  edit(path: string, change: (text: string) => string): void {
    const before = this.read(path);
    const after = change(before);
    if (after === before) throw new Error(`edit of ${path} changed nothing`);
    this.write(path, after);
  }

  /** The 1-based line of the first line of a file that contains `text`. */
  lineOf(path: string, text: string): number {
    const index = this.read(path)
      .split('\n')
      .findIndex((line) => line.includes(text));
    if (index < 0) throw new Error(`${path} has no line with ${text}`);
    return index + 1;
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
