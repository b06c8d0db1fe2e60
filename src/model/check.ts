import { dirname } from 'node:path';
import { buildModel } from './build';
import { ContentError, type Problem } from './problems';
import { readContent } from './read-content';
import type { Model } from './types';

export interface CheckResult {
  problems: Problem[];
  model: Model | null;
}

/**
 * Validates every content file under `root/content` without building the
 * site: each file against its schema, then the whole against the model's
 * checks. Returns every problem at once. Never throws for bad content.
 */
export function checkContent(root: string): CheckResult {
  const { input, problems } = readContent(root);
  const broken = new Set(problems.map((p) => p.file));
  try {
    const model = buildModel(input);
    return { problems, model: problems.length ? null : model };
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    // A file that failed to parse is missing from the input; what the model then says
    // about its counterpart ("no translation") would only repeat the first problem.
    const mentionsBroken = (p: Problem) =>
      [...broken].some((file) => p.message.includes(file) || p.message.includes(counterpart(file)) || (file.endsWith('/publication.yaml') && p.message.includes(`${dirname(file)}/`)));
    return { problems: [...problems, ...error.problems.filter((p) => !broken.has(p.file) && !mentionsBroken(p))], model: null };
  }
}

const counterpart = (file: string) => file.replace(/\/(zh|en)\//, (_, l: string) => (l === 'zh' ? '/en/' : '/zh/'));

/** The report `npm run check` prints and the build fails with, grouped by file. */
export function formatReport(problems: Problem[]): string {
  const byFile = new Map<string, Problem[]>();
  for (const problem of problems) byFile.set(problem.file, [...(byFile.get(problem.file) ?? []), problem]);
  const lines = [`${problems.length} problem${problems.length === 1 ? '' : 's'} in ${byFile.size} file${byFile.size === 1 ? '' : 's'}:`];
  for (const [file, list] of [...byFile].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push('', file);
    for (const p of list.sort((a, b) => (a.line ?? 0) - (b.line ?? 0))) {
      lines.push(`  ${p.line ? `line ${p.line}` : 'file'}${p.path ? `, ${p.path}` : ''}: ${p.message}`);
    }
  }
  return lines.join('\n');
}
