import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXAMPLE_CONTENT, ROOT } from './paths';

const COPIED = ['src', 'public', 'scripts', 'astro.config.mjs', 'package.json', 'tsconfig.json'];

/**
 * A throw-away copy of the project (node_modules linked) in which a test may
 * break content or code. Its content/ is a copy of `content` (by default the
 * example publication, tests/fixtures/example, so that a test of facts about it
 * passes whatever the project's own content/ holds).
 */
export class Sandbox {
  readonly dir = mkdtempSync(join(tmpdir(), 'disclosures-'));

  constructor(content = EXAMPLE_CONTENT) {
    cpSync(content, join(this.dir, 'content'), { recursive: true });
    for (const entry of COPIED)
      cpSync(join(ROOT, entry), join(this.dir, entry), {
        recursive: true,
        force: true,
        errorOnExist: false,
      });
    symlinkSync(join(ROOT, 'node_modules'), join(this.dir, 'node_modules'), 'dir');
  }

  read(path: string): string {
    return readFileSync(join(this.dir, path), 'utf8');
  }

  write(path: string, text: string | Uint8Array): void {
    writeFileSync(join(this.dir, path), text);
  }

  edit(path: string, change: (text: string) => string): void {
    const before = this.read(path);
    const after = change(before);
    if (after === before) throw new Error(`edit of ${path} changed nothing`);
    this.write(path, after);
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
