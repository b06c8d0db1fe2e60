/**
 * `npm run lint` (part): every path of this project that the docs and the
 * code's comments cite exists, so that no doc sends a reader to a file that
 * moved or never was. A cited path is one under src/, scripts/, tests/,
 * docs/ or .ci/, written out (placeholders such as `<slug>`, `*` or `…` are
 * not paths), in a Markdown file or in a comment of code (a string the code
 * writes is not a citation). Exits non-zero, listing each, when any is missing.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const READ = /\.(?:md|ts|mjs|astro|css|sh|conf|yaml)$/;
const SKIP = new Set([
  'node_modules',
  '.git',
  '.astro',
  'dist',
  '.cache',
  '.published',
  'fixtures',
  '.artifacts',
]);
const CITED = /(?<![\w/.-])(?:src|scripts|tests|docs|\.ci)\/[\w./[\]@-]*[\w\]/]/g;

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (SKIP.has(entry.name) || entry.name.startsWith('.dist')) return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return listFiles(path);
    return READ.test(entry.name) ? [path] : [];
  });
}

/** Each cited path that does not exist, with the file and line that cites it. */
export function findMissingPaths(root: string): string[] {
  const missing: string[] = [];
  for (const file of listFiles(root)) {
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        const prose = file.endsWith('.md');
        for (const match of line.matchAll(CITED)) {
          // In code, only what a comment says: after // or #, or on a /* … */ line.
          const before = line.slice(0, match.index);
          if (!prose && !/\/\/|^\s*(?:\*|\/\*|#)/.test(before)) continue;
          // A Markdown link's text ends at ]: [docs/content.md](docs/content.md).
          const path = match[0].replace(/\.$/, '').replace(/^([^[]*)\]$/, '$1');
          if (/[<>*…{}]/.test(line.slice(match.index, match.index + match[0].length + 1))) continue;
          if (!existsSync(join(root, path)))
            missing.push(`${relative(root, file)}:${i + 1}: ${path} does not exist`);
        }
      });
  }
  return missing;
}

if (import.meta.main) {
  const missing = findMissingPaths(ROOT);
  if (missing.length > 0) {
    console.error(`${missing.length} cited path(s) that do not exist:\n${missing.join('\n')}`);
    process.exit(1);
  }
  console.log('paths OK: every path the docs and comments cite exists');
}
