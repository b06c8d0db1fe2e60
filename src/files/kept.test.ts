import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sha256, sha256File } from './kept';

const dir = mkdtempSync(join(tmpdir(), 'kept-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sha256File', () => {
  it('is the SHA-256 of the whole file, over its buffer’s length and under it, and of an empty file', () => {
    // Two and a half times the one-megabyte buffer it reads through, then a few bytes, then none.
    for (const size of [2.5 * 2 ** 20, 2 ** 20, 7, 0]) {
      const bytes = randomBytes(size);
      const file = join(dir, `f${size}`);
      writeFileSync(file, bytes);
      expect(sha256File(file), `${size} bytes`).toBe(sha256(bytes));
    }
  });
});
