import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findMissingPaths } from './check-paths';

describe('cited paths', () => {
  const root = mkdtempSync(join(tmpdir(), 'cited-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  mkdirSync(join(root, 'src/site'), { recursive: true });
  mkdirSync(join(root, 'docs'), { recursive: true });
  writeFileSync(join(root, 'src/site/audit.ts'), '');

  it('lists a path a doc or a comment cites that does not exist, and nothing else', () => {
    writeFileSync(
      join(root, 'docs/guide.md'),
      [
        'See [src/site/audit.ts](src/site/audit.ts) and src/site/gone.ts.',
        'A placeholder: content/<slug>/ and src/pages/<path>.astro are not paths.',
      ].join('\n'),
    );
    writeFileSync(
      join(root, 'src/site/audit.ts'),
      [
        '/** The audit (src/site/audit.ts); the old one was src/site/old-audit.ts. */',
        "const written = 'src/content.config.ts'; // a string the code writes is no citation",
      ].join('\n'),
    );
    expect(findMissingPaths(root).sort()).toEqual([
      'docs/guide.md:1: src/site/gone.ts does not exist',
      'src/site/audit.ts:1: src/site/old-audit.ts does not exist',
    ]);
  });
});
