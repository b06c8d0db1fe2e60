/**
 * `npm run check:imports`: lists every import in src/ that runs against the
 * flow of data (a stage importing from a later one) and every import cycle
 * between files. Exits non-zero when it finds any. The stages, in order, are
 * CONTRIBUTING.md's stages; tests may import from any stage and are not
 * checked.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

/** Stages in the order data flows; a file may import from its own stage or an earlier one. */
export const STAGES = [
  ['domain'],
  ['files'],
  ['i18n'],
  ['schema'],
  ['config.ts'],
  ['content'],
  ['model'],
  ['markdown'],
  ['translate'],
  ['check'],
  ['generate', 'importer'],
  ['data'],
  ['search'],
  ['site'],
  ['integrations'],
  ['views', 'styles'],
  ['pages', 'content.config.ts'],
] as const;

export interface ImportProblem {
  file: string;
  message: string;
}

const SOURCE = /\.(?:ts|mjs|astro)$/;
/** Tests, and declarations (src/env.d.ts: types only, no data flows through them). */
const TEST = /\.(?:test|typetest)\.ts$|\.d\.ts$/;

function listSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && SOURCE.test(entry.name) && !TEST.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** The script parts of a file: all of a .ts file; the frontmatter and <script> blocks of an .astro file. */
function scriptOf(file: string): string {
  const text = readFileSync(file, 'utf8');
  if (!file.endsWith('.astro')) return text;
  const frontmatter = /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '';
  const scripts = [...text.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  return [frontmatter, ...scripts].join('\n');
}

/** Resolves a relative specifier to a file in the tree, or null for a package. */
function resolveImport(from: string, specifier: string, files: Set<string>): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = resolve(dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}/index.ts`])
    if (files.has(candidate)) return candidate;
  return base;
}

function stageOf(srcDir: string, file: string): number {
  const top = relative(srcDir, file).split(/[\\/]/)[0]!;
  return STAGES.findIndex((names) => (names as readonly string[]).includes(top));
}

/** Every upward import and every cycle among the files of `srcDir`. */
export function findImportProblems(srcDir: string): ImportProblem[] {
  const root = resolve(srcDir);
  const files = listSources(root);
  const known = new Set(files);
  const name = (file: string) => relative(root, file).split('\\').join('/');
  const problems: ImportProblem[] = [];
  const graph = new Map<string, string[]>();

  for (const file of files) {
    const stage = stageOf(root, file);
    if (stage < 0)
      problems.push({
        file: name(file),
        message: `is in no stage; add its folder to STAGES in scripts/check-imports.ts`,
      });
    const targets = ts
      .preProcessFile(scriptOf(file), true, true)
      .importedFiles.map((ref) => resolveImport(file, ref.fileName, known))
      .filter((target): target is string => target !== null && target !== file);
    graph.set(
      file,
      targets.filter((t) => known.has(t)),
    );
    for (const target of targets) {
      const targetStage = stageOf(root, target);
      if (targetStage > stage) {
        problems.push({
          file: name(file),
          message: `imports ${name(target)}, from a later stage (${STAGES[targetStage]!.join(', ')} after ${STAGES[stage]!.join(', ')})`,
        });
      }
    }
  }

  // Cycles: a depth-first search that reports each cycle once, from its first file in sorted order.
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const seen = new Set<string>();
  const visit = (file: string) => {
    state.set(file, 'open');
    path.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') {
        const cycle = path.slice(path.indexOf(next)).map(name);
        const key = [...cycle].sort().join(' ');
        if (!seen.has(key)) {
          seen.add(key);
          problems.push({
            file: cycle[0]!,
            message: `is in an import cycle: ${[...cycle, cycle[0]].join(' → ')}`,
          });
        }
      } else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(file, 'done');
  };
  for (const file of files) if (!state.has(file)) visit(file);
  return problems;
}

if (import.meta.url === `file://${process.argv[1] ?? ''}`) {
  const srcDir = process.argv[2] ?? 'src';
  const problems = findImportProblems(srcDir);
  for (const problem of problems) console.error(`${problem.file}: ${problem.message}`);
  if (problems.length > 0) process.exit(1);
  console.log(
    `imports OK: ${listSources(resolve(srcDir)).length} files, every import runs with the flow of data, no cycles`,
  );
}
