import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findImportProblems } from './check-imports';

const SRC = join(import.meta.dirname, '../src');

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'imports-'));
  dirs.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('the import rules of src/', () => {
  it('hold for the site: no upward import, no cycle', () => {
    expect(findImportProblems(SRC)).toEqual([]);
  });

  it('catch an import from a later stage, in .ts and .astro files', () => {
    const dir = tree({
      'domain/a.ts': "import { b } from '../model/b';\nexport const a = b;\n",
      'model/b.ts': 'export const b = 1;\n',
      'views/V.astro': "---\nimport { c } from '../pages/c';\n---\n<p>{c}</p>\n",
      'pages/c.ts': "import { a } from '../domain/a';\nexport const c = a;\n",
    });
    expect(findImportProblems(dir)).toEqual([
      {
        file: 'domain/a.ts',
        message: 'imports model/b.ts, from a later stage (model after domain)',
      },
      {
        file: 'views/V.astro',
        message:
          'imports pages/c.ts, from a later stage (pages, content.config.ts after views, styles)',
      },
    ]);
  });

  it('catch a cycle between files of one stage, once', () => {
    const dir = tree({
      'site/a.ts': "import { b } from './b';\nexport const a = () => b;\n",
      'site/b.ts': "import { a } from './a';\nexport const b = () => a;\n",
      'site/c.ts': "export { a } from './a';\n",
    });
    expect(findImportProblems(dir)).toEqual([
      { file: 'site/a.ts', message: 'is in an import cycle: site/a.ts → site/b.ts → site/a.ts' },
    ]);
  });

  it('name a folder that belongs to no stage', () => {
    expect(findImportProblems(tree({ 'lib/x.ts': 'export const x = 1;\n' }))).toEqual([
      {
        file: 'lib/x.ts',
        message: 'is in no stage; add its folder to STAGES in scripts/check-imports.ts',
      },
    ]);
  });
});
