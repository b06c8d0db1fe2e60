/** Something wrong with the content, located as precisely as we can for the person who edits it. */
export interface Problem {
  file: string;
  line?: number | undefined;
  /** The field path, e.g. funding.amountYuan, or a section anchor such as #content. */
  path?: string | undefined;
  message: string;
}

function formatProblem({ file, line, path, message }: Problem): string {
  return `${file}${line ? `:${line}` : ''}${path ? ` ${path}` : ''}: ${message}`;
}

/** Thrown when content is not publishable; lists every problem at once. */
export class ContentError extends Error {
  constructor(readonly problems: Problem[]) {
    super(
      `${problems.length} problem${problems.length === 1 ? '' : 's'} in the content:\n${problems.map((p) => `  ✖ ${formatProblem(p)}`).join('\n')}`,
    );
    this.name = 'ContentError';
  }
}

/** The report `npm run check` prints and the build fails with, grouped by file. */
export function formatReport(problems: Problem[]): string {
  const byFile = new Map<string, Problem[]>();
  for (const problem of problems)
    byFile.set(problem.file, [...(byFile.get(problem.file) ?? []), problem]);
  const lines = [
    `${problems.length} problem${problems.length === 1 ? '' : 's'} in ${byFile.size} file${byFile.size === 1 ? '' : 's'}:`,
  ];
  for (const [file, list] of [...byFile].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push('', file);
    for (const p of list.sort((a, b) => (a.line ?? 0) - (b.line ?? 0))) {
      lines.push(
        `  ${p.line ? `line ${p.line}` : 'file'}${p.path ? `, ${p.path}` : ''}: ${p.message}`,
      );
    }
  }
  return lines.join('\n');
}
